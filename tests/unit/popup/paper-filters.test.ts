import { describe, expect, it } from 'vitest';
import { checkedCount, filterPapers, NO_FILTERS } from '../../../lib/popup/paper-filters';
import type { PaperLinks } from '../../../lib/shared/messages';

const links = (models: number, spaces: number): PaperLinks => ({
  totals: { models, datasets: 0, spaces },
  top: { models: [], datasets: [], spaces: [] },
});

const PAPERS = [
  { id: 'a', githubRepo: 'https://github.com/o/a' },
  { id: 'b' },
  { id: 'c', githubRepo: 'https://github.com/o/c' },
  { id: 'd' },
];
const KNOWN = new Map([
  ['a', links(2, 0)],
  ['b', links(1, 1)],
  ['c', links(0, 0)],
]);

describe('list filters', () => {
  it('keep every paper when none is on', () => {
    expect(filterPapers(PAPERS, NO_FILTERS, KNOWN)).toEqual(PAPERS);
  });

  it('has code: a repository named; has weights: a model; has a demo: a Space; together: all of them', () => {
    const ids = (filters: Partial<typeof NO_FILTERS>) => filterPapers(PAPERS, { ...NO_FILTERS, ...filters }, KNOWN).map((p) => p.id);
    expect(ids({ code: true })).toEqual(['a', 'c']);
    expect(ids({ weights: true })).toEqual(['a', 'b']);
    expect(ids({ demo: true })).toEqual(['b']);
    expect(ids({ code: true, weights: true })).toEqual(['a']);
  });

  it('leave out papers whose links were never fetched, and count the checked ones', () => {
    expect(filterPapers(PAPERS, { ...NO_FILTERS, weights: true }, KNOWN).map((p) => p.id)).not.toContain('d');
    expect(checkedCount(PAPERS, KNOWN)).toBe(3);
  });
});
