/**
 * Where a repository's papers are shown: at the end of the About box on the repository's home page,
 * or, on its other pages (issues, pull requests, code), at the end of the name row of the header.
 */
import { ABOUT_HEADING, REPO_PAGE } from './page-selectors';

export type RepoBadgePlacement = 'about' | 'header';

export interface RepoBadgePlace {
  /** The element the badge is appended to. */
  container: Element;
  placement: RepoBadgePlacement;
}

export function repoBadgePlace(doc: Document): RepoBadgePlace | undefined {
  const about = aboutBox(doc);
  if (about) return { container: about, placement: 'about' };
  const nameRow = doc.querySelector(REPO_PAGE.headerName)?.parentElement;
  return nameRow ? { container: nameRow, placement: 'header' } : undefined;
}

/** The home page's About box: the older `.BorderGrid` cell, or the 2026 sidebar section headed "About". */
function aboutBox(doc: Document): Element | undefined {
  const cell = doc.querySelector(REPO_PAGE.aboutCell);
  if (cell) return cell;
  for (const section of doc.querySelectorAll(REPO_PAGE.sidebarSection)) {
    if (section.querySelector(REPO_PAGE.sidebarSectionHeading)?.textContent?.trim() === ABOUT_HEADING) return section;
  }
  return undefined;
}
