/**
 * alphaXiv's paper pages (`/abs/<id>`, its blog view `/overview/<id>`, with or without a version): which
 * paper, from the URL, and where its card goes, after the paper's title. The site is a client-rendered
 * app (tests/fixtures/alphaxiv/abs-page.ts says what is known of its markup): the title may come late,
 * and navigating between papers changes the URL without a reload, so both are read again as it renders.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';
import type { HostPlace } from '../kit/shadow-host';

/** The new-style arXiv id of the paper page an URL is; undefined for alphaXiv's other pages and old-style ids (HF knows none). */
export function alphaxivPaperId(location: string): string | undefined {
  // arxivIdFromUrl reads alphaXiv's paper paths (/abs/, /overview/) only; other sites' URLs are not alphaXiv pages.
  if (!/^https:\/\/(?:www\.)?alphaxiv\.org\//i.test(location)) return undefined;
  const id = arxivIdFromUrl(location);
  return id?.style === 'new' ? id.id : undefined;
}

const SITE_SUFFIX = /\s*\|\s*alphaXiv\s*$/i;
const squash = (text: string | null | undefined) => (text ?? '').replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The paper's title as rendered: the heading that says the document's title (`<title> | alphaXiv`),
 * else the first heading of the main content (the title before the app updates `<title>`); undefined
 * while the app has not rendered the paper yet.
 */
export function alphaxivCardPlace(doc: Document): HostPlace | undefined {
  const headings = [...doc.querySelectorAll('main h1')];
  const title = squash(doc.title.replace(SITE_SUFFIX, ''));
  const anchor = (title && headings.find((heading) => squash(heading.textContent) === title)) || headings[0];
  return anchor ? { anchor, position: 'afterend' } : undefined;
}
