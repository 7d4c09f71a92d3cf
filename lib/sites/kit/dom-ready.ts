/**
 * Waiting for the page to be parsed. The content scripts start at document_start, ask the background
 * their one question then, and do their reading at DOMContentLoaded: the answer is usually there by
 * then, and what they add goes in before the next layout. A long page has been laid out and painted in
 * part by then, as it was parsed: what goes in at DOMContentLoaded must not move what is shown (a badge
 * one line high at the end of a line), and what would goes in while the page is parsed: the arXiv
 * listing's toolbar, above the entries (components/sites/arxiv/listing-site.ts), an arXiv paper's card,
 * under its title (lib/sites/arxiv/paper-page.ts `watchParsedTitle`), and a GitHub home page's papers,
 * in its About box above the rest of the sidebar (lib/sites/github/overlay.ts `earlyRepo`); the last two
 * through ./parsed-element.ts.
 */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
