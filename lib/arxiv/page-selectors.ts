/**
 * Every arXiv selector the extension relies on, in one place. Each is checked against a fixture that
 * copies the real page's structure (tests/fixtures/arxiv/). When one stops matching, the feature that
 * needs it quietly does nothing.
 */

/** Abstract pages, e.g. https://arxiv.org/abs/2506.06276v2 */
export const ABS_PAGE = {
  /** The paper's title heading, after which the card goes. */
  title: '#abs h1.title',
  /** arXiv's own statement of the id, a fallback when the URL does not carry it. */
  arxivIdMeta: 'meta[name="citation_arxiv_id"]',
} as const;
