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

/**
 * Calls `found` with the home page's About box once the parser has gone past its end, while the page
 * is parsed: what is appended to it then stays at its end, and goes in before the box's first paint
 * when the box is parsed before it is painted (`frame` is the next frame's callback, run before its
 * paint: the check runs there, and once at once). The box is the one `repoBadgePlace` names; the
 * page's `<h2>` headings (a live list, read once each) tell when it may be there, so a frame costs a
 * whole-page query only once a heading says "About". Watching ends at DOMContentLoaded (the page view
 * places the badge then) or when `signal` aborts.
 */
export function watchParsedAboutBox(
  doc: Document,
  found: (about: Element) => void,
  signal: AbortSignal,
  frame: (check: () => void) => void = (check) => void requestAnimationFrame(check),
): void {
  if (signal.aborted || doc.readyState !== 'loading') return;
  const headings = doc.getElementsByTagName('h2');
  let next = 0;
  let box: Element | undefined;
  const check = () => {
    if (signal.aborted || doc.readyState !== 'loading') return;
    // A heading is read once the parser has closed it (its text is whole).
    for (let heading = headings[next]; !box && heading && parsedPast(heading); heading = headings[++next]) {
      if (heading.textContent?.trim() !== ABOUT_HEADING) continue;
      const about = aboutBox(doc);
      if (about?.contains(heading)) box = about;
    }
    if (box && parsedPast(box)) found(box);
    else frame(check);
  };
  check();
}

/** True once the parser has closed `element`: a node follows it or one of its ancestors. */
function parsedPast(element: Element): boolean {
  for (let node: Node | null = element; node && node.nodeName !== 'BODY'; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}
