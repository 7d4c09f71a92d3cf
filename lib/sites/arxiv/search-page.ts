/** Reading arXiv search results (/search/…): every result, in page order. */
import { idOfAbstractLink, type ListingEntry } from './listing-entry';
import { SEARCH_PAGE } from './page-selectors';

export function readSearchPage(doc: Document, baseUrl: string): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const section of doc.querySelectorAll(SEARCH_PAGE.results)) {
    for (let item = section.firstElementChild; item; item = item.nextElementSibling) {
      if (!item.matches(SEARCH_PAGE.entry)) continue;
      const link = item.querySelector(SEARCH_PAGE.abstractLink);
      const badgeSlot = item.querySelector(SEARCH_PAGE.badgeSlot);
      const arxivId = link ? idOfAbstractLink(link, baseUrl) : undefined;
      if (!arxivId || !badgeSlot) continue;
      entries.push({ arxivId, nodes: [item], badgeSlot, section });
    }
  }
  return entries;
}

/** The element the toolbar goes before: the list of results. */
export function searchToolbarAnchor(doc: Document): Element | null {
  return doc.querySelector(SEARCH_PAGE.results);
}

/** True for arXiv's search pages (results or an empty form). */
export function isSearchPage(location: string): boolean {
  try {
    return /^\/search(?:\/|$)/.test(new URL(location).pathname);
  } catch {
    return false;
  }
}
