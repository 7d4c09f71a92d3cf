/** Reading arXiv search results (/search/…): every result, in page order, and the results as they are parsed. */
import type { ArxivId } from '../../shared/arxiv-id';
import { idOfAbstractLink, type ListingEntry, type ParsedPage, type ToolbarPlace } from './listing-entry';
import { SEARCH_PAGE } from './page-selectors';

export function readSearchPage(doc: Document, baseUrl: string): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const section of doc.querySelectorAll(SEARCH_PAGE.results)) {
    for (let item = section.firstElementChild; item; item = item.nextElementSibling) {
      const result = resultOf(item, baseUrl);
      if (result) entries.push({ arxivId: result.id, badgeSlot: result.badgeSlot, nodes: [item], section });
    }
  }
  return entries;
}

/**
 * Search results read while the page is parsed (`ParsedEntries`), counted as `readSearchPage` counts
 * them: their badges go in as they come. The toolbar does not go in then: at the end of arXiv's sort row
 * it moves nothing whenever it comes, and it comes with its counts once the page is read.
 */
export const PARSED_SEARCH: ParsedPage = {
  list: searchResults,
  entryOf: resultOf,
};

/** A result's id and the element its badge goes at the end of; none for another element or a result not read. */
function resultOf(item: Element, baseUrl: string): { id: ArxivId; badgeSlot: Element } | undefined {
  if (!item.matches(SEARCH_PAGE.entry)) return undefined;
  const link = item.querySelector(SEARCH_PAGE.abstractLink);
  const badgeSlot = firstLineOf(item);
  const id = link ? idOfAbstractLink(link, baseUrl) : undefined;
  return id && badgeSlot ? { id, badgeSlot } : undefined;
}

/**
 * Where a result's badge goes: the end of its first line, after the id, the links and the categories.
 * Nothing on the line is after it to push aside when it comes, whether the result was shown before or
 * not (at the end of the id's paragraph it pushed the categories right). The id's paragraph itself if
 * the result has no line of its own around it.
 */
function firstLineOf(item: Element): Element | null {
  const id = item.querySelector(SEARCH_PAGE.idLine);
  const line = id?.parentElement;
  return line && line !== item ? line : id;
}

/** `Node.DOCUMENT_POSITION_FOLLOWING`, written out: the unit tests' DOM has no `Node` constants. */
const FOLLOWING = 4;

/** The list of results. */
export function searchResults(doc: Document): Element | null {
  return doc.querySelector(SEARCH_PAGE.results);
}

/**
 * Where the toolbar goes: at the end of arXiv's own sort row (results per page, "Sort results by", Go),
 * beside arXiv's sort, where a reader looks for one. The row is a flex line as tall as arXiv's box of
 * controls, so the toolbar takes the room left on it and the results under it never move, whenever it
 * comes (below 769 px the row is a block, and the toolbar is drawn in the empty band under arXiv's box:
 * components/sites/arxiv/listing-toolbar.css). A page with no such row above its results gets the
 * toolbar above the results.
 */
export function searchToolbarPlace(doc: Document): ToolbarPlace | null {
  const results = searchResults(doc);
  const row = doc.querySelector(SEARCH_PAGE.sortControl)?.closest(SEARCH_PAGE.sortRow);
  if (row && (!results || row.compareDocumentPosition(results) & FOLLOWING)) return { endOf: row };
  return results ? { before: results } : null;
}

/** True for arXiv's search pages (results or an empty form). */
export function isSearchPage(location: string): boolean {
  try {
    return /^\/search(?:\/|$)/.test(new URL(location).pathname);
  } catch {
    return false;
  }
}
