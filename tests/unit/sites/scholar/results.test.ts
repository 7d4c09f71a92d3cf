// @vitest-environment happy-dom
/** The Scholar reader against the fixture modelled on a real results page (tests/fixtures/scholar/). */
import { describe, expect, it } from 'vitest';
import { encodeTitleIndex, TitleIndex } from '../../../../lib/shared/title-index';
import { findScholarPapers } from '../../../../lib/sites/scholar/results';
import { DEFAULT_SCHOLAR_RESULTS, scholarResultsPage } from '../../../fixtures/scholar/results-page';
import seed from '../../../fixtures/seed-papers.json' with { type: 'json' };

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const titleOf = (start: string) => (seed as { title: string }[]).find((paper) => paper.title.startsWith(start))!.title;
const TITLES = new TitleIndex(
  encodeTitleIndex([
    { id: '2506.06276', title: titleOf('STARFlow: Scaling Latent') },
    { id: '2404.02905', title: titleOf('Visual Autoregressive Modeling: Scalable') },
    { id: '2507.11851', title: titleOf('Your LLM Knows the Future') },
  ]),
);

describe('findScholarPapers', () => {
  const doc = parse(scholarResultsPage({ query: 'flows' }));

  it('knows each result: by its arXiv title link, by the [PDF] arxiv.org side link, by a cut upper-case title, by a citation-only title', () => {
    const found = findScholarPapers(doc, TITLES);
    expect(found.map(({ id }) => id)).toEqual(['2506.06276', '2404.02905', '2507.11851', '2507.11851']);
    // The badge follows the title: the link, or the citation-only result's span.
    expect(found.map(({ link }) => link.tagName)).toEqual(['A', 'A', 'A', 'SPAN']);
    expect(found.every(({ link }) => link.closest('h3.gs_rt'))).toBe(true);
  });

  it('without the title index, knows the results by their arXiv links only', () => {
    expect(findScholarPapers(doc, undefined).map(({ id }) => id)).toEqual(['2506.06276', '2404.02905']);
  });

  it('does not guess: a cut title that starts two stored titles, or a short cut, names nothing', () => {
    const cut = DEFAULT_SCHOLAR_RESULTS[2]!;
    const ambiguous = new TitleIndex(encodeTitleIndex([{ id: '2507.11851', title: titleOf('Your LLM Knows the Future') }, { id: '2507.99999', title: 'Your LLM knows the future: uncovering its multi-token prediction limits' }]));
    expect(findScholarPapers(parse(scholarResultsPage({ query: 'x', results: [cut] })), ambiguous)).toEqual([]);
    const short = { ...cut, title: 'YOUR LLM KNOWS …' };
    expect(findScholarPapers(parse(scholarResultsPage({ query: 'x', results: [short] })), TITLES)).toEqual([]);
  });

  it('reads a result given by itself', () => {
    const result = doc.querySelector('div.gs_r')!;
    expect(findScholarPapers(result, TITLES).map(({ id }) => id)).toEqual(['2506.06276']);
  });
});
