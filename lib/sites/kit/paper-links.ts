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

/** How often, while a page is parsed, the links it has gained are read. */
export const PARSED_LINKS_EVERY_MS = 4;

/**
 * While `doc` is being parsed, calls `found` with the id of each paper link (matching `selector`) already
 * in it and then as the parser adds it (a page asks about its ids then, so their answers are back by
 * DOMContentLoaded and its badges go in before the first layout). Watching ends at DOMContentLoaded or
 * when `signal` aborts (`found` may abort it); a page already parsed is not watched.
 *
 * The page's links are read from their live list every few milliseconds (the parser yields to timers
 * between its chunks), each once, in document order: a page costs a read per link. Observing every node
 * the parser inserts cost a call per node, 20 ms of a 500-link Hacker News page (20,000 nodes), and
 * reading each inserted element's subtree twice that. A link a script inserts before ones already read
 * may be missed here: the page's own reading at DOMContentLoaded finds it.
 */
export function watchParsedPaperLinks(doc: Document, found: (id: string) => void, signal: AbortSignal, selector: string = PAPER_HREF): void {
  if (signal.aborted || doc.readyState !== 'loading') return;
  const links = doc.getElementsByTagName('a');
  let next = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Each anchor matched by itself: a selector may name the link's ancestors (GitHub's Markdown scope).
  const read = () => {
    for (let link = links[next]; link && !signal.aborted; link = links[++next]) {
      const id = link.matches(selector) ? paperIdOfLink(link) : undefined;
      if (id) found(id);
    }
    if (!signal.aborted && doc.readyState === 'loading') timer = setTimeout(read, PARSED_LINKS_EVERY_MS);
  };
  const stop = () => clearTimeout(timer);
  doc.addEventListener('DOMContentLoaded', stop, { once: true });
  signal.addEventListener('abort', stop, { once: true });
  read();
}
