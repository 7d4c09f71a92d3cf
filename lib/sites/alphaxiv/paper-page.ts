/**
 * alphaXiv's paper pages (`/abs/<id>`, its blog view `/overview/<id>`, with or without a version): which
 * paper, from the URL, and where its card goes, after the paper's title. The site is a client-rendered
 * app (tests/fixtures/alphaxiv/abs-page.ts says what is known of its markup): the title may come late,
 * and navigating between papers changes the URL without a reload, so both are read again as it renders.
 */
import { arxivIdFromUrl } from '../../shared/arxiv-id';
import type { HostPlace } from '../kit/shadow-host';

const PAPER_PATH = /^\/(?:abs|overview)\//;

/** The new-style arXiv id of the paper page an URL is; undefined for alphaXiv's other pages and old-style ids (HF knows none). */
export function alphaxivPaperId(location: string): string | undefined {
  let url: URL;
  try {
    url = new URL(location);
  } catch {
    return undefined;
  }
  if (url.hostname !== 'alphaxiv.org' && url.hostname !== 'www.alphaxiv.org') return undefined;
  if (!PAPER_PATH.test(url.pathname)) return undefined;
  const id = arxivIdFromUrl(url.href);
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
