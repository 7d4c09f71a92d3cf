import { describe, expect, it } from 'vitest';
import { isSearchPage, readSearchPage, searchToolbarAnchor } from '../../../../lib/sites/arxiv/search-page';
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
      expect(e.badgeSlot.matches('p.list-title')).toBe(true);
      expect(e.section).toBe(searchToolbarAnchor(doc));
    }
  });

  it('reads nothing when the result list is gone', () => {
    expect(readSearchPage(parsePage(SEARCH.replace('class="breathe-horizontal" start', 'class="results" start')), 'https://arxiv.org/search/')).toEqual([]);
  });

  it('tells search pages by path', () => {
    expect(isSearchPage('https://arxiv.org/search/?query=x&searchtype=all')).toBe(true);
    expect(isSearchPage('https://arxiv.org/search/advanced?terms-0-term=x')).toBe(true);
    expect(isSearchPage('https://arxiv.org/search/cs?query=x')).toBe(true);
    expect(isSearchPage('https://arxiv.org/list/cs.CL/new')).toBe(false);
    expect(isSearchPage('https://arxiv.org/searching')).toBe(false);
  });
});
