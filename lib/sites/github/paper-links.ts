/**
 * Finding the links to papers in a GitHub page's rendered Markdown: abs, pdf and html arXiv links with
 * or without versions, and links to the paper's Hugging Face page, keyed by the bare arXiv id.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';
import { MARKDOWN_PAPER_LINK } from './page-selectors';

export interface PaperLink {
  link: HTMLAnchorElement;
  /** Bare new-style arXiv id (old-style ids are not on HF and never asked for). */
  id: string;
}

/** The id an anchor points at, read from its resolved href; undefined when it names no HF paper. */
export function paperIdOfLink(link: HTMLAnchorElement): string | undefined {
  const parsed = arxivIdFromUrl(link.href);
  return parsed?.style === 'new' ? parsed.id : undefined;
}

/** Every paper link under `root`, in document order. */
export function findPaperLinks(root: ParentNode): PaperLink[] {
  const found: PaperLink[] = [];
  for (const link of root.querySelectorAll<HTMLAnchorElement>(MARKDOWN_PAPER_LINK)) {
    const id = paperIdOfLink(link);
    if (id) found.push({ link, id });
  }
  return found;
}
