/**
 * The paper links of a Hacker News page: story titles, comments and post texts (HN writes hrefs
 * entity-encoded; the resolved href is read). A story title's badge goes at the end of its title line,
 * after the "(arxiv.org)" site link, where a badge that comes after the line is shown moves nothing on it;
 * a comment's right after its link.
 */
import type { PaperMention } from '../kit/link-badges';
import { findPaperLinks } from '../kit/paper-links';
import { HN_PAPER_LINK, STORY_TITLE_LINE } from './page-selectors';

export function findHnPaperLinks(root: ParentNode): PaperMention[] {
  return findPaperLinks(root, HN_PAPER_LINK).map(({ link, id }) => {
    const titleLine = link.parentElement?.matches(STORY_TITLE_LINE) ? link.parentElement : null;
    return titleLine ? { link: titleLine, id, inside: true } : { link, id };
  });
}
