/**
 * The popup's list filters: *has code* (HF names a GitHub repository: every stored paper says), *has
 * weights* (a model) and *has a demo* (a Space). Daily Papers lists do not carry the linked lists, so
 * weights and demos are known only for papers whose links the extension fetched (an arXiv card opened,
 * a paper expanded in the popup): a paper never checked does not match them, and the list says how
 * many of its papers were checked.
 */
import { hasDemo, hasWeights } from '../shared/cached-links';
import type { PaperLinks } from '../shared/messages';

export interface ListFilters {
  code: boolean;
  weights: boolean;
  demo: boolean;
}

export const NO_FILTERS: ListFilters = { code: false, weights: false, demo: false };

export const anyFilter = (filters: ListFilters) => filters.code || filters.weights || filters.demo;

/** The papers that pass every filter that is on, in their order. */
export function filterPapers<P extends { id: string; githubRepo?: string }>(
  papers: readonly P[],
  filters: ListFilters,
  links: ReadonlyMap<string, PaperLinks>,
): P[] {
  if (!anyFilter(filters)) return [...papers];
  return papers.filter(
    (paper) =>
      (!filters.code || Boolean(paper.githubRepo)) &&
      (!filters.weights || hasWeights(links.get(paper.id))) &&
      (!filters.demo || hasDemo(links.get(paper.id))),
  );
}

/** How many of these papers have known linked lists (what *has weights* and *has a demo* can judge). */
export function checkedCount(papers: readonly { id: string }[], links: ReadonlyMap<string, PaperLinks>): number {
  return papers.reduce((count, paper) => count + (links.has(paper.id) ? 1 : 0), 0);
}
