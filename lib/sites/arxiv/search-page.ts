/** Reading arXiv search results (/search/…): every result, in page order. */
import { idOfAbstractLink, type ListingEntry, type ToolbarPlace } from './listing-entry';
import { SEARCH_PAGE } from './page-selectors';

export function readSearchPage(doc: Document, baseUrl: string): ListingEntry[] {
  const entries: ListingEntry[] = [];
  for (const section of doc.querySelectorAll(SEARCH_PAGE.results)) {
    for (let item = section.firstElementChild; item; item = item.nextElementSibling) {
      if (!item.matches(SEARCH_PAGE.entry)) continue;
      const link = item.querySelector(SEARCH_PAGE.abstractLink);
      const badgeSlot = firstLineOf(item);
      const arxivId = link ? idOfAbstractLink(link, baseUrl) : undefined;
      if (!arxivId || !badgeSlot) continue;
      entries.push({ arxivId, nodes: [item], badgeSlot, section });
    }
  }
  return entries;
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
