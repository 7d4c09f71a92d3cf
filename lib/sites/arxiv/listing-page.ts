/**
 * Reading arXiv listing pages (/list/…/new, /recent, /pastweek, month lists, /catchup): every entry of
 * every section, in page order. Entries whose abstract link cannot be read are left out.
 */
import type { ArxivId } from '../../shared/arxiv-id';
import { idOfAbstractLink, type ListingEntry, type ParsedPage, type ToolbarPlace } from './listing-entry';
import { LISTING_PAGE } from './page-selectors';

export function readListingPage(doc: Document, baseUrl: string): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const section of doc.querySelectorAll(LISTING_PAGE.section)) {
    for (let term = section.firstElementChild; term; term = term.nextElementSibling) {
      const arxivId = entryId(term, baseUrl);
      if (!arxivId) continue;
      const description = term.nextElementSibling;
      const nodes = description?.localName === 'dd' ? [term, description] : [term];
      entries.push({ arxivId, nodes, badgeSlot: term, section });
    }
  }
  return entries;
}

/** The id of an entry, read off its first element's abstract link; none for another element (a heading) or a link not read. */
function entryId(term: Element, baseUrl: string): ArxivId | undefined {
  if (!term.matches(LISTING_PAGE.entry)) return undefined;
  const link = term.querySelector(LISTING_PAGE.abstractLink);
  return link ? idOfAbstractLink(link, baseUrl) : undefined;
}

/** The section the listing toolbar goes into: the first. */
export function listingToolbarAnchor(doc: Document): Element | null {
  return doc.querySelector(LISTING_PAGE.toolbarSection);
}

/**
 * Where the listing toolbar goes in `section` (the first): beside the lines just above its entries,
 * where it moves nothing whenever it comes, even after the entries below are shown. Those lines are
 * the section's heading, or, in a month list (its one section has no heading), the paging lines right
 * before it; they are parsed before any entry the toolbar waits for. Before the section, on a line of
 * its own, where it has neither.
 */
export function sectionToolbarPlace(section: Element): ToolbarPlace {
  const heading = section.firstElementChild;
  if (heading?.matches(LISTING_PAGE.sectionHeading)) return { beside: heading, textEm: characters(heading) * HEADING_EM, raise: 8 };
  const moreOrFewer = section.previousElementSibling;
  const paging = moreOrFewer?.previousElementSibling;
  if (moreOrFewer?.matches(LISTING_PAGE.moreOrFewer) && paging?.matches(LISTING_PAGE.paging)) {
    return { beside: paging, textEm: Math.max(characters(paging), characters(moreOrFewer)) * TEXT_EM, raise: 3 };
  }
  return { before: section };
}

/**
 * The width of a character of arXiv's listing text, in em of the browser's 16 px (arXiv's fonts are
 * sized from it), erring wide so that the toolbar beside a line never wraps it: its section heading
 * (15 px, bold) takes 6.9 px in Arial (measured) and about 9 in Lucida Grande (macOS); its paging lines
 * (13 px) 5.8 px in this machine's Arial (measured: 380 px for a line of 65), and more in Lucida Grande.
 */
const HEADING_EM = 0.6;
const TEXT_EM = 0.5;

/** The characters `element`'s text shows on its line: its white space collapsed. */
function characters(element: Element): number {
  return (element.textContent ?? '').trim().replace(/\s+/g, ' ').length;
}

/** Where the listing toolbar goes: beside the lines above the first section's entries, or before that section. */
export function listingToolbarPlace(doc: Document): ToolbarPlace | null {
  const first = listingToolbarAnchor(doc);
  return first && sectionToolbarPlace(first);
}

/**
 * A listing read while it is parsed (`ParsedEntries`): its first section's entries, counted as
 * `readListingPage` counts them; the toolbar goes in beside the lines above them (`sectionToolbarPlace`)
 * at the first one known.
 */
export const PARSED_LISTING: ParsedPage = {
  list: listingToolbarAnchor,
  entryOf: (term, baseUrl) => {
    const id = entryId(term, baseUrl);
    return id && { id, badgeSlot: term };
  },
  toolbarPlace: sectionToolbarPlace,
};
