/**
 * The papers of a Google Scholar results page: each result is one paper, known by its arXiv link (the
 * title's or the `[PDF] arxiv.org` side link's) or else by its title (Scholar may change the casing and
 * cut a long title with "…": lib/shared/title-index.ts decides). The badge goes after the title.
 */
import type { TitleMatcher } from '../../shared/title-index';
import type { PaperMention } from '../kit/link-badges';
import { paperIdOfLink, selectAll } from '../kit/paper-links';
import { RESULT, SIDE_LINK, TITLE } from './page-selectors';

/** The paper a result is, and its title element; undefined when the result names no paper the indexes know. */
export function scholarResultPaper(result: Element, titles: TitleMatcher | undefined): PaperMention | undefined {
  const title = result.querySelector(TITLE);
  if (!title) return undefined;
  const links = [title, result.querySelector(SIDE_LINK)].filter((el): el is HTMLAnchorElement => el instanceof HTMLAnchorElement);
  for (const link of links) {
    const id = paperIdOfLink(link);
    if (id) return { link: title, id };
  }
  const id = titles?.match(title.textContent ?? '');
  return id ? { link: title, id } : undefined;
}

export function findScholarPapers(root: ParentNode, titles: TitleMatcher | undefined): PaperMention[] {
  const found: PaperMention[] = [];
  for (const result of selectAll(root, RESULT)) {
    const paper = scholarResultPaper(result, titles);
    if (paper) found.push(paper);
  }
  return found;
}
