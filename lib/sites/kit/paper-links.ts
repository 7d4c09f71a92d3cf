/**
 * Finding the links to papers in a page or a part of it, for every site: abs, pdf and html arXiv links
 * with or without versions (also ar5iv and alphaXiv), and links to a paper's Hugging Face page, keyed
 * by the bare arXiv id. Read from each anchor's resolved href, so entity-encoded or relative hrefs
 * (Hacker News writes `/` as `&#x2F;`) and cut link texts do not matter.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';

export interface PaperLink {
  link: HTMLAnchorElement;
  /** Bare new-style arXiv id (old-style ids are not on HF and never asked for). */
  id: string;
}

/** Anchors whose href can name a paper; paperIdOfLink decides. A site narrows it with its own scope. */
export const PAPER_HREF = ['a[href*="arxiv.org/" i]', 'a[href*="huggingface.co/papers/" i]', 'a[href*="alphaxiv.org/" i]'].join(', ');

/** The id an anchor points at, read from its resolved href; undefined when it names no HF paper. */
export function paperIdOfLink(link: HTMLAnchorElement): string | undefined {
  const parsed = arxivIdFromUrl(link.href);
  return parsed?.style === 'new' ? parsed.id : undefined;
}

/** The elements matching `selector` under `root`, and `root` itself first when it matches (a post or link added by itself). */
export function selectAll<T extends Element = Element>(root: ParentNode, selector: string): T[] {
  const found = [...root.querySelectorAll<T>(selector)];
  if (root instanceof Element && root.matches(selector)) found.unshift(root as unknown as T);
  return found;
}

/** Every paper link under `root` matching `selector` (PAPER_HREF unless a site scopes it), in document order. */
export function findPaperLinks(root: ParentNode, selector: string = PAPER_HREF): PaperLink[] {
  const found: PaperLink[] = [];
  for (const link of selectAll<HTMLAnchorElement>(root, selector)) {
    const id = paperIdOfLink(link);
    if (id) found.push({ link, id });
  }
  return found;
}

/**
 * While `doc` is being parsed, calls `found` with the id of each paper link (matching `selector`) already
 * in it and then as the parser inserts it (a page asks about its ids then, so their answers are back by
 * DOMContentLoaded and its badges go in before the first layout). Watching ends at DOMContentLoaded or
 * when `signal` aborts (`found` may abort it); a page already parsed is not watched.
 */
export function watchParsedPaperLinks(doc: Document, found: (id: string) => void, signal: AbortSignal, selector: string = PAPER_HREF): void {
  if (signal.aborted || doc.readyState !== 'loading') return;
  const check = (link: Element) => {
    const id = signal.aborted || !link.matches(selector) ? undefined : paperIdOfLink(link as HTMLAnchorElement);
    if (id) found(id);
  };
  // Each anchor matched by itself: a selector may name the link's ancestors (GitHub's Markdown scope).
  const read = (root: Element) => {
    if (root.localName === 'a') check(root);
    for (const link of root.getElementsByTagName('a')) check(link);
  };
  if (doc.documentElement) read(doc.documentElement);
  if (signal.aborted) return;
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (signal.aborted) return;
        if (node.nodeType !== Node.ELEMENT_NODE) continue;
        const element = node as Element;
        // The parser inserts each element before its children: a link comes by itself, and a subtree
        // inserted whole (by a script) is rare, so most elements cost one name check.
        if (element.localName === 'a' || element.firstElementChild) read(element);
      }
    }
  });
  const stop = () => observer.disconnect();
  observer.observe(doc, { childList: true, subtree: true });
  doc.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
}
