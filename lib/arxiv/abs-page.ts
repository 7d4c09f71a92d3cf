/** Reading an arXiv abstract page: which paper it is, and where the extension's card belongs. */
import { arxivIdFromUrl, parseArxivId, type ArxivId } from '../arxiv-id';
import { ABS_PAGE } from './page-selectors';

export function paperIdOfAbsPage(location: string, doc: Document): ArxivId | undefined {
  const fromUrl = arxivIdFromUrl(location);
  if (fromUrl) return fromUrl;
  const meta = doc.querySelector<HTMLMetaElement>(ABS_PAGE.arxivIdMeta)?.content;
  return meta ? parseArxivId(meta) : undefined;
}

export function absCardAnchor(doc: Document): Element | null {
  return doc.querySelector(ABS_PAGE.title);
}
