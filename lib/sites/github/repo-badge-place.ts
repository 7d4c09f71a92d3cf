/**
 * Where a repository's papers are shown: at the end of the About box on the repository's home page,
 * or, on its other pages (issues, pull requests, code), at the end of the name row of the header.
 */
import { whenParsed } from '../kit/parsed-element';
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

/**
 * Calls `found` with the home page's About box once the parser has gone past its end, while the page
 * is parsed: what is appended to it then stays at its end, and goes in before the box's first paint
 * when the box is parsed before it is painted (../kit/parsed-element.ts). The box is the one
 * `repoBadgePlace` names, looked for only once one of the page's `<h2>` headings says "About" (a README
 * may have one too). Watching ends at DOMContentLoaded (the page view places the badge then) or when
 * `signal` aborts.
 */
export function watchParsedAboutBox(doc: Document, found: (about: Element) => void, signal: AbortSignal, frame?: (check: () => void) => void): void {
  const pick = (heading: Element) => {
    if (heading.textContent?.trim() !== ABOUT_HEADING) return undefined;
    const about = aboutBox(doc);
    return about?.contains(heading) ? about : undefined;
  };
  whenParsed(doc, 'h2', pick, found, signal, frame);
}
