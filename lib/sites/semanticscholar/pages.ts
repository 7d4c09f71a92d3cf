/**
 * The papers of Semantic Scholar's paper and search pages, by the arXiv id the page states (the
 * primary "arXiv" link, `citation_pdf_url`, the "View PDF on arXiv" button) or else by title. Markup
 * checked against tests/fixtures/semanticscholar/ by tests/unit/sites/semanticscholar/pages.test.ts.
 */
import type { TitleMatcher } from '../../shared/title-index';
import type { PaperMention } from '../kit/link-badges';
import { paperIdOfLink, selectAll } from '../kit/paper-links';
import { arxivIdFromUrl } from '../../shared/arxiv-id';

export const PAPER_TITLE = 'h1[data-test-id="paper-detail-title"]';
const PRIMARY_LINK = 'a[data-heap-id="paper_link_target"]';
const PDF_META = 'meta[name="citation_pdf_url"]';
const TITLE_META = 'meta[name="citation_title"]';

export const RESULT = 'div.cl-paper-row[data-paper-id]';
const RESULT_TITLE_LINK = 'a[data-test-id="title-link"]';
const RESULT_FULL_TEXT = 'a.cl-paper-view-paper';

const newStyle = (href: string | null | undefined) => {
  const parsed = href ? arxivIdFromUrl(href) : undefined;
  return parsed?.style === 'new' ? parsed.id : undefined;
};

function paperPage(doc: Document, titles: TitleMatcher | undefined): PaperMention[] {
  const heading = doc.querySelector(PAPER_TITLE);
  if (!heading) return [];
  const primary = doc.querySelector<HTMLAnchorElement>(PRIMARY_LINK);
  const id =
    (primary ? paperIdOfLink(primary) : undefined) ??
    newStyle(doc.querySelector(PDF_META)?.getAttribute('content')) ??
    titles?.match(doc.querySelector(TITLE_META)?.getAttribute('content') ?? heading.textContent ?? '');
  return id ? [{ link: heading, id, inside: true }] : [];
}

export function findSemanticScholarPapers(root: ParentNode, titles: TitleMatcher | undefined): PaperMention[] {
  // The paper page's heading, in the page or in what was just rendered (the site navigates without reloading).
  const found = selectAll(root, PAPER_TITLE).length ? paperPage((root as Node).ownerDocument ?? (root as Document), titles) : [];
  // Search results render after load (a single-page app): rows are read as they appear.
  for (const row of selectAll(root, RESULT)) {
    const titleLink = row.querySelector(RESULT_TITLE_LINK);
    if (!titleLink) continue;
    const id = newStyle(row.querySelector<HTMLAnchorElement>(RESULT_FULL_TEXT)?.href) ?? titles?.match(titleLink.textContent ?? '');
    if (id) found.push({ link: titleLink, id });
  }
  return found;
}
