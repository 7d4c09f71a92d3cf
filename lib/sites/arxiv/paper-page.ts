/** Reading a single-paper page (abstract page or HTML paper, LaTeXML's or not): which paper, and where the card goes. */
import { arxivIdFromUrl, parseArxivId, type ArxivId } from '../../shared/arxiv-id';
import { whenParsed } from '../kit/parsed-element';
import { ABS_PAGE, HTML_PAPER } from './page-selectors';

export type PaperPageKind = 'abs' | 'html';

export interface PaperPage {
  kind: PaperPageKind;
  arxivId: ArxivId;
  /** The element the card goes after (the paper's title), or into at the start (a page's body). */
  anchor: Element;
  position: Extract<InsertPosition, 'afterend' | 'afterbegin'>;
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

/** Undefined when the page is not a paper page, names no paper, or an abstract page's title cannot be found. */
export function readPaperPage(location: string, doc: Document): PaperPage | undefined {
  const kind = paperPageKind(location);
  if (!kind) return undefined;
  let arxivId = arxivIdFromUrl(location);
  if (!arxivId && kind === 'abs') {
    const meta = doc.querySelector<HTMLMetaElement>(ABS_PAGE.arxivIdMeta)?.getAttribute('content');
    arxivId = meta ? parseArxivId(meta) : undefined;
  }
  if (!arxivId) return undefined;
  if (kind === 'abs') {
    const title = doc.querySelector(ABS_PAGE.title);
    return title ? { kind, arxivId, anchor: title, position: 'afterend' } : undefined;
  }
  const title = doc.querySelector(HTML_PAPER.title) ?? titleHeadings(doc);
  if (title) return { kind, arxivId, anchor: title, position: 'afterend' };
  return doc.body ? { kind, arxivId, anchor: doc.body, position: 'afterbegin' } : undefined;
}

/**
 * While the page is parsed: calls `found` with the place `readPaperPage` will name, once the page's
 * title is parsed whole, so the card can go in before the page around it is painted (a long HTML paper
 * is painted in part long before DOMContentLoaded). Only pages whose URL names a paper HF can know (a
 * new-style id) and whose title is the abstract page's or LaTeXML's; the others are read at
 * DOMContentLoaded. Nothing after it, nor once `signal` aborts.
 */
export function watchParsedTitle(location: string, doc: Document, found: (page: PaperPage) => void, signal: AbortSignal, frame?: (check: () => void) => void): void {
  const kind = paperPageKind(location);
  const arxivId = arxivIdFromUrl(location);
  if (!kind || arxivId?.style !== 'new') return;
  const title = kind === 'abs' ? ABS_PAGE.title : HTML_PAPER.title;
  // Both titles are `h1`s.
  const pick = (heading: Element) => (heading.matches(title) ? heading : undefined);
  whenParsed(doc, 'h1', pick, (anchor) => found({ kind, arxivId, anchor, position: 'afterend' }), signal, frame);
}

/**
 * An HTML paper LaTeXML did not make: its first heading, and the headings right after it (EPTCS pages
 * split their title over two `h1`s), so the card never comes between the parts of a title.
 */
function titleHeadings(doc: Document): Element | undefined {
  let last = doc.querySelector(HTML_PAPER.heading);
  if (!last) return undefined;
  for (let next = last.nextElementSibling; next?.matches(HTML_PAPER.heading); next = next.nextElementSibling) last = next;
  return last;
}
