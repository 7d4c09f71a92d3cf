/** The paper links of a GitHub page's rendered Markdown (the reader itself is the kit's, lib/sites/kit/paper-links.ts). */
import { findPaperLinks as findLinks, paperIdOfLink, type PaperLink } from '../kit/paper-links';
import { MARKDOWN_PAPER_LINK } from './page-selectors';

export { paperIdOfLink, type PaperLink };

/** Every paper link in the page's rendered Markdown under `root`, in document order. */
export function findPaperLinks(root: ParentNode): PaperLink[] {
  return findLinks(root, MARKDOWN_PAPER_LINK);
}
