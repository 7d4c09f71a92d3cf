/**
 * Every arXiv selector the extension relies on, in one place. Each is checked against a fixture that
 * copies the real page's structure (tests/fixtures/arxiv/, tests/unit/sites/arxiv/page-selectors.test.ts).
 * When one stops matching, the feature that needs it quietly does nothing.
 */

/** Abstract pages, e.g. https://arxiv.org/abs/2506.06276v2 */
export const ABS_PAGE = {
  /** The paper's title heading, after which the card goes. */
  title: '#abs h1.title',
  /** arXiv's own statement of the id, a fallback when the URL does not carry it. */
  arxivIdMeta: 'meta[name="citation_arxiv_id"]',
} as const;

/** HTML papers at /html/ID, e.g. https://arxiv.org/html/2506.06276v1 */
export const HTML_PAPER = {
  /** The document title of a paper LaTeXML rendered (most of them), after which the card goes. */
  title: 'article.ltx_document h1.ltx_title.ltx_title_document',
  /**
   * Any heading: HTML papers LaTeXML did not make (EPTCS proceedings, author-supplied HTML) have no
   * `ltx_` class, so the card goes after their first heading. Fixture: html-paper-plain
   * (https://arxiv.org/html/2401.10725v1, `center > h1`).
   */
  heading: 'body :is(h1, h2, h3, h4, h5, h6)',
} as const;

/**
 * Listing pages: /list/CAT/new, /list/CAT/recent, /list/CAT/pastweek, /list/ARCHIVE/YYYY-MM and
 * /catchup/CAT/DATE. Each section (new, cross-lists, replacements; or one per day) is its own
 * `<dl id='articles'>` (the id repeats) holding an `<h3>` heading, then `<dt>`/`<dd>` pairs.
 */
export const LISTING_PAGE = {
  /** One per section. */
  section: 'dl#articles',
  /** The entry's first element, holding `[n]`, the abstract link and the download links. */
  entry: 'dt',
  /** The link to the abstract page: `<a href="/abs/ID" title="Abstract" id="ID">`. */
  abstractLink: 'a[title="Abstract"]',
  /** The section that the toolbar goes into: the first. */
  toolbarSection: 'dl#articles',
  /**
   * A section's heading, its first child where it has one (`New submissions (showing 14 of 14 entries)`,
   * `Fri, 6 Jun 2025 (showing first 50 of 312 entries )`; a month list's one section has none): the
   * toolbar goes at the end of its line.
   */
  sectionHeading: 'h3',
  /**
   * A month list's two lines above its section, in this order and right before it: `Total of 2000
   * entries : 1-50 51-100 … 1951-2000` and `Showing up to 50 entries per page: fewer | more | all`. The
   * toolbar goes beside them.
   */
  paging: 'div.paging',
  moreOrFewer: 'div.morefewer',
} as const;

/** Search results: /search/?query=…, /search/advanced?…, /search/ARCHIVE?… */
export const SEARCH_PAGE = {
  /** The list of results. */
  results: 'ol.breathe-horizontal',
  /** One result. */
  entry: 'li.arxiv-result',
  /** The abstract link, inside the result's first line. */
  abstractLink: 'p.list-title > a[href*="/abs/"]',
  /**
   * The result's id and links (`arXiv:ID [pdf, other]`), first on its first line, before its categories
   * (and DOI): the badge goes at the end of that line (the element holding this), after the categories.
   */
  idLine: 'p.list-title',
  /** The result's title paragraph. */
  title: 'p.title',
  /** arXiv's own sort control ("Sort results by"), in the sort row, above the results. */
  sortControl: 'select[name="order"]',
  /** That row (`<div class="level breathe-horizontal">`: Bulma's flex row, its box at the left), at whose end the toolbar goes. */
  sortRow: 'div.level',
} as const;
