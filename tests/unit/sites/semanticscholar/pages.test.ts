// @vitest-environment happy-dom
/** The Semantic Scholar reader against the fixtures modelled on its paper and search pages (tests/fixtures/semanticscholar/). */
import { describe, expect, it } from 'vitest';
import { encodeTitleIndex, TitleIndex } from '../../../../lib/shared/title-index';
import { findSemanticScholarPapers } from '../../../../lib/sites/semanticscholar/pages';
import { DEFAULT_S2_RESULTS, semanticScholarPaper, semanticScholarSearch } from '../../../fixtures/semanticscholar/pages';

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const TITLES = new TitleIndex(encodeTitleIndex([{ id: '2507.11851', title: DEFAULT_S2_RESULTS[2]!.title }]));

describe('findSemanticScholarPapers', () => {
  it('knows a paper page by the arXiv id it states, badge inside the heading', () => {
    const [found] = findSemanticScholarPapers(parse(semanticScholarPaper()), TITLES);
    expect(found).toMatchObject({ id: '2506.06276', inside: true });
    expect(found!.link.getAttribute('data-test-id')).toBe('paper-detail-title');
  });

  it('knows a paper page without an arXiv id by its title', () => {
    expect(findSemanticScholarPapers(parse(semanticScholarPaper(DEFAULT_S2_RESULTS[2])), TITLES).map(({ id }) => id)).toEqual(['2507.11851']);
    expect(findSemanticScholarPapers(parse(semanticScholarPaper(DEFAULT_S2_RESULTS[2])), undefined)).toEqual([]);
  });

  it('reads search results: by their "View PDF on arXiv" link, else by title; badge after the title link', () => {
    const found = findSemanticScholarPapers(parse(semanticScholarSearch({ query: 'flows' })), TITLES);
    expect(found.map(({ id }) => id)).toEqual(['2506.06276', '2404.02905', '2507.11851']);
    expect(found.every(({ link, inside }) => link.getAttribute('data-test-id') === 'title-link' && !inside)).toBe(true);
  });

  it('reads a result row rendered later by itself', () => {
    const row = parse(semanticScholarSearch({ query: 'flows' })).querySelector('div.cl-paper-row')!;
    expect(findSemanticScholarPapers(row, TITLES).map(({ id }) => id)).toEqual(['2506.06276']);
  });
});
