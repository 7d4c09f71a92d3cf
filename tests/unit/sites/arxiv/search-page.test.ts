import { describe, expect, it } from 'vitest';
import { isSearchPage, PARSED_SEARCH, readSearchPage, searchResults, searchToolbarPlace } from '../../../../lib/sites/arxiv/search-page';
import { ParsedEntries } from '../../../../lib/sites/arxiv/listing-entry';
import { SEARCH } from './fixture-pages';
import { parsePage } from './dom';

describe('readSearchPage', () => {
  it('reads every result: its id (versioned links too), its li, and its first line for the badge', () => {
    const doc = parsePage(SEARCH);
    const entries = readSearchPage(doc, 'https://arxiv.org/search/?query=normalizing+flows&searchtype=all');
    expect(entries.map((e) => e.arxivId.id)).toEqual(['2506.06276', '2412.06264']);
    expect(entries[1]!.arxivId.version).toBe(2);
    for (const e of entries) {
      expect(e.nodes).toHaveLength(1);
      expect(e.nodes[0]!.className).toBe('arxiv-result');
      // The end of the result's first line, after its categories.
      expect(e.badgeSlot.matches('li.arxiv-result > div.is-marginless')).toBe(true);
      expect(e.badgeSlot.lastElementChild?.matches('div.tags')).toBe(true);
      expect(e.section).toBe(searchResults(doc));
    }
  });

  it("puts the badge at the end of the id's paragraph when the result has no first line around it", () => {
    const doc = parsePage(SEARCH.replaceAll('<div class="is-marginless">', '').replaceAll('</div>\n    <p class="title', '\n    <p class="title'));
    const entries = readSearchPage(doc, 'https://arxiv.org/search/?query=x');
    expect(entries).toHaveLength(2);
    for (const e of entries) expect(e.badgeSlot.matches('p.list-title')).toBe(true);
  });

  it('reads nothing when the result list is gone', () => {
    expect(readSearchPage(parsePage(SEARCH.replace('class="breathe-horizontal" start', 'class="results" start')), 'https://arxiv.org/search/')).toEqual([]);
  });

  it("puts the toolbar at the end of arXiv's sort row, above the results; above the results when that row is gone", () => {
    const doc = parsePage(SEARCH);
    const place = searchToolbarPlace(doc);
    expect(place && 'endOf' in place && place.endOf.matches('div.level.breathe-horizontal')).toBe(true);
    expect(place && 'endOf' in place && place.endOf.querySelector('select#order')).not.toBeNull();
    const noSortRow = parsePage(SEARCH.replace('name="order"><option', 'name="sort"><option'));
    expect(searchToolbarPlace(noSortRow)).toEqual({ before: searchResults(noSortRow) });
    // A row with a sort control under the results is not the one above them.
    const below = parsePage(SEARCH.replace('name="order"><option', 'name="sort"><option').replace('</ol>', '</ol><div class="level"><select name="order"></select></div>'));
    expect(searchToolbarPlace(below)).toEqual({ before: searchResults(below) });
    expect(searchToolbarPlace(parsePage('<html><body><p>Nothing here</p></body></html>'))).toBeNull();
  });

  it('tells search pages by path', () => {
    expect(isSearchPage('https://arxiv.org/search/?query=x&searchtype=all')).toBe(true);
    expect(isSearchPage('https://arxiv.org/search/advanced?terms-0-term=x')).toBe(true);
    expect(isSearchPage('https://arxiv.org/search/cs?query=x')).toBe(true);
    expect(isSearchPage('https://arxiv.org/list/cs.CL/new')).toBe(false);
    expect(isSearchPage('https://arxiv.org/searching')).toBe(false);
  });
});

describe('ParsedEntries of search results (PARSED_SEARCH)', () => {
  it('reads each result once it is whole (something follows it), once, counted as the page read counts them, with its badge slot', () => {
    const doc = parsePage(SEARCH);
    const href = 'https://arxiv.org/search/?query=normalizing+flows&searchtype=all';
    const whole = readSearchPage(doc, href);
    const list = searchResults(doc)!;
    const items = [...list.children];
    list.replaceChildren();
    const parsed = new ParsedEntries(doc, href, PARSED_SEARCH);
    expect(parsed.anchor).toBe(list);
    // No toolbar while parsed: it comes with the page read.
    expect(PARSED_SEARCH.toolbarPlace).toBeUndefined();
    list.append(items[0]!);
    expect(parsed.readNew()).toEqual([]);
    // Something that is not a result follows (an ad, a script): the result before it is whole.
    const other = doc.createElement('script');
    list.append(other);
    expect(parsed.readNew()).toEqual([{ id: whole[0]!.arxivId, badgeSlot: whole[0]!.badgeSlot, position: 0 }]);
    list.append(...items.slice(1));
    list.append(doc.createElement('li'));
    // The script is not counted; the second result is read once, as the second.
    expect(parsed.readNew()).toEqual([{ id: whole[1]!.arxivId, badgeSlot: whole[1]!.badgeSlot, position: 1 }]);
    expect(parsed.readNew()).toEqual([]);
  });

  it('reads nothing before the list is parsed', () => {
    const doc = parsePage(SEARCH.replace('class="breathe-horizontal" start', 'class="results" start'));
    const parsed = new ParsedEntries(doc, 'https://arxiv.org/search/', PARSED_SEARCH);
    expect(parsed.anchor).toBeNull();
    expect(parsed.readNew()).toEqual([]);
  });
});
