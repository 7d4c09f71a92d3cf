/** Reading a single-paper page (abstract page or LaTeXML HTML paper): which paper, and where the card goes. */
import { arxivIdFromUrl, parseArxivId, type ArxivId } from '../../shared/arxiv-id';
import { ABS_PAGE, HTML_PAPER } from './page-selectors';

export type PaperPageKind = 'abs' | 'html';

export interface PaperPage {
  kind: PaperPageKind;
  arxivId: ArxivId;
  /** The element the card is inserted after (the paper's title). */
  anchor: Element;
}

/** The kind of single-paper page an URL is, from its path alone. */
export function paperPageKind(location: string): PaperPageKind | undefined {
  let path: string;
  try {
    path = new URL(location).pathname;
  } catch {
    return undefined;
  }
  if (path.startsWith('/abs/')) return 'abs';
  if (path.startsWith('/html/')) return 'html';
  return undefined;
}

/**
 * The new-style id of the paper a single-paper page's URL names, read from the URL alone (the page may
 * not be parsed yet); undefined for other pages and for old-style ids, which HF does not know.
 */
export function paperIdInUrl(location: string): string | undefined {
  if (!paperPageKind(location)) return undefined;
  const arxivId = arxivIdFromUrl(location);
  return arxivId?.style === 'new' ? arxivId.id : undefined;
}

/** Undefined when the page is not a paper page, names no paper, or its title cannot be found. */
export function readPaperPage(location: string, doc: Document): PaperPage | undefined {
  const kind = paperPageKind(location);
  if (!kind) return undefined;
  let arxivId = arxivIdFromUrl(location);
  if (!arxivId && kind === 'abs') {
    const meta = doc.querySelector<HTMLMetaElement>(ABS_PAGE.arxivIdMeta)?.getAttribute('content');
    arxivId = meta ? parseArxivId(meta) : undefined;
  }
  const anchor = doc.querySelector(kind === 'abs' ? ABS_PAGE.title : HTML_PAPER.title);
  return arxivId && anchor ? { kind, arxivId, anchor } : undefined;
}
