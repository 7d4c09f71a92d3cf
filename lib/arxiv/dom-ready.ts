/**
 * Waiting for the page to be parsed. The arXiv scripts start at document_start and do their reading
 * at DOMContentLoaded, before the browser's first layout of a long listing, so the one question to
 * the background is in flight while the page renders.
 */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
