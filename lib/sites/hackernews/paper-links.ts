/** The paper links of a Hacker News page: story titles, comments and post texts (HN writes hrefs entity-encoded; the resolved href is read). */
import { findPaperLinks, type PaperLink } from '../kit/paper-links';
import { HN_PAPER_LINK } from './page-selectors';

export function findHnPaperLinks(root: ParentNode): PaperLink[] {
  return findPaperLinks(root, HN_PAPER_LINK);
}
