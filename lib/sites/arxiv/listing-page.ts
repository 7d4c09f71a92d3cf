/**
 * Reading arXiv listing pages (/list/…/new, /recent, /pastweek, month lists, /catchup): every entry of
 * every section, in page order. Entries whose abstract link cannot be read are left out.
 */
import { idOfAbstractLink, type ListingEntry } from './listing-entry';
import { LISTING_PAGE } from './page-selectors';

export function readListingPage(doc: Document, baseUrl: string): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const section of doc.querySelectorAll(LISTING_PAGE.section)) {
    for (let term = section.firstElementChild; term; term = term.nextElementSibling) {
      if (!term.matches(LISTING_PAGE.entry)) continue;
      const link = term.querySelector(LISTING_PAGE.abstractLink);
      const arxivId = link ? idOfAbstractLink(link, baseUrl) : undefined;
      if (!arxivId) continue;
      const description = term.nextElementSibling;
      const nodes = description?.localName === 'dd' ? [term, description] : [term];
      entries.push({ arxivId, nodes, badgeSlot: term, section });
    }
  }
  return entries;
}

/** The element the listing toolbar goes before: the first section. */
export function listingToolbarAnchor(doc: Document): Element | null {
  return doc.querySelector(LISTING_PAGE.toolbarBefore);
}
