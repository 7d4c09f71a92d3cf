/**
 * Where a repository's papers are shown: at the end of the About box on the repository's home page,
 * or, on its other pages (issues, pull requests, code), at the end of the name row of the header.
 */
import { REPO_PAGE } from './page-selectors';

export type RepoBadgePlacement = 'about' | 'header';

export interface RepoBadgePlace {
  /** The element the badge is appended to. */
  container: Element;
  placement: RepoBadgePlacement;
}

export function repoBadgePlace(doc: Document): RepoBadgePlace | undefined {
  const about = doc.querySelector(REPO_PAGE.aboutCell);
  if (about) return { container: about, placement: 'about' };
  const nameRow = doc.querySelector(REPO_PAGE.headerName)?.parentElement;
  return nameRow ? { container: nameRow, placement: 'header' } : undefined;
}
