/**
 * arXiv identifiers: parsing, normalising, and finding them in URLs.
 * New style: YYMM.NNNN (2007–2014) or YYMM.NNNNN (2015 on). Old style: archive(.SUBJ)?/YYMMNNN.
 * Both may carry a version suffix `vN`, which is stripped (HF keys papers by the bare id).
 */

export interface ArxivId {
  /** Bare id without version, e.g. `2506.06276` or `hep-th/9901001`. */
  id: string;
  version?: number;
  /** HF has pages for new-style ids only; old-style ids are never sent to HF. */
  style: 'new' | 'old';
}

const NEW_STYLE = /^(\d{4})\.(\d{4,5})(?:v(\d+))?$/;
const OLD_STYLE = /^([a-z][a-z-]*(?:\.[A-Z]{2})?)\/(\d{7})(?:v(\d+))?$/;

function isValidYymm(yymm: string, digits: number): boolean {
  const month = Number(yymm.slice(2));
  if (month < 1 || month > 12) return false;
  const year = Number(yymm.slice(0, 2));
  // Four-digit serials were used until 1412, five-digit ones from 1501.
  return digits === 4 ? year >= 7 && year <= 14 : year >= 15;
}

/**
 * A new-style id from its parts as a regex read them (`yymm`, the serial, the version's digits), or
 * undefined when the month or the serial's length cannot be.
 */
export function newStyleId(yymm: string, serial: string, version: string | undefined): ArxivId | undefined {
  if (!isValidYymm(yymm, serial.length)) return undefined;
  const id = `${yymm}.${serial}`;
  return version === undefined ? { id, style: 'new' } : { id, style: 'new', version: Number(version) };
}

/** Parses a bare arXiv id (optionally prefixed with `arXiv:`); returns undefined for anything else. */
export function parseArxivId(input: string): ArxivId | undefined {
  // Groups read by index, not destructured: pages parse thousands of ids in a freshly injected (cold)
  // script, where destructuring an array walks its iterator.
  const text = input.trim().replace(/^arxiv:/i, '');
  const modern = NEW_STYLE.exec(text);
  if (modern) return newStyleId(modern[1]!, modern[2]!, modern[3]);
  const old = OLD_STYLE.exec(text);
  if (!old) return undefined;
  const id = `${old[1]!}/${old[2]!}`;
  return old[3] === undefined ? { id, style: 'old' } : { id, style: 'old', version: Number(old[3]) };
}

/** True for a bare new-style id (what HF keys papers by). */
export function isHfPaperId(id: string): boolean {
  const parsed = parseArxivId(id);
  return parsed?.style === 'new' && parsed.id === id;
}

const ARXIV_HOSTS = new Set(['arxiv.org', 'www.arxiv.org', 'export.arxiv.org', 'browse.arxiv.org']);
const ARXIV_PATH = /^\/(?:abs|pdf|html|format)\/(.+?)(?:\.pdf)?\/?$/;

/** Finds the arXiv id an URL points at (arXiv, ar5iv, alphaXiv or HF paper pages). */
export function arxivIdFromUrl(href: string): ArxivId | undefined {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return undefined;
  const host = url.hostname.toLowerCase();
  const path = decodeSafely(url.pathname);
  let candidate: string | undefined;
  if (ARXIV_HOSTS.has(host)) candidate = ARXIV_PATH.exec(path)?.[1];
  else if (host === 'ar5iv.labs.arxiv.org' || host === 'ar5iv.org') candidate = /^\/html\/(.+?)\/?$/.exec(path)?.[1];
  else if (host === 'alphaxiv.org' || host === 'www.alphaxiv.org') candidate = /^\/(?:abs|overview)\/(.+?)\/?$/.exec(path)?.[1];
  else if (host === 'huggingface.co') candidate = /^\/papers\/(\d{4}\.\d{4,5}(?:v\d+)?)\/?$/.exec(path)?.[1];
  return candidate === undefined ? undefined : parseArxivId(candidate);
}

function decodeSafely(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
