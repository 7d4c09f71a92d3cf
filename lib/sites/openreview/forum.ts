/**
 * The paper of an OpenReview forum page, by its title: the page states no arXiv id (tests/fixtures/openreview/,
 * modelled on openreview-web's own source of 2026-08-20). The title comes from `citation_title` (or the
 * heading); the badge goes at the end of the heading `h2.citation_title`.
 */
import type { TitleMatcher } from '../../shared/title-index';
import type { PaperMention } from '../kit/link-badges';
import { selectAll } from '../kit/paper-links';

export const FORUM_TITLE = 'h2.citation_title';
export const CITATION_TITLE = 'meta[name="citation_title"]';

export function findOpenReviewPaper(root: ParentNode, titles: TitleMatcher | undefined): PaperMention[] {
  // The heading, in the page or in what was just rendered (the site navigates without reloading).
  const [heading] = selectAll(root, FORUM_TITLE);
  if (!heading || !titles) return [];
  const doc = heading.ownerDocument;
  const title = heading.textContent?.trim() || doc.querySelector(CITATION_TITLE)?.getAttribute('content') || '';
  const id = titles.match(title);
  return id ? [{ link: heading, id, inside: true }] : [];
}
