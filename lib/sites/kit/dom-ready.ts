/**
 * Waiting for the page to be parsed. The content scripts start at document_start, ask the background
 * their one question then, and do their reading at DOMContentLoaded: the answer is usually there by
 * then, and what they add goes in before the next layout. A long page has been laid out and painted in
 * part by then, as it was parsed: what goes in at DOMContentLoaded must not move what is shown (a badge
 * one line high at the end of a line), and what would goes in while the page is parsed: the arXiv
 * listing's toolbar, above the entries (components/sites/arxiv/listing-site.ts), and an arXiv paper's
 * card, under its title (lib/sites/arxiv/paper-page.ts `watchParsedTitle`, through ./parsed-element.ts).
 * Not GitHub's About box: GitHub renders it with React on the server and hydrates it in the page, and
 * an element put into it before hydration is a hydration mismatch, which React 18 and later answer by
 * rendering that part again (README, "GitHub").
 */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}

/**
 * Once the page's load event and its handlers are done, or `capMs` from now if that comes first: for
 * work the page need not wait for (an arXiv listing's entries past its first screens, whose badges were
 * put in as it was parsed), so that it never holds back the page's load.
 */
export function afterPageLoad(doc: Document, capMs: number): Promise<void> {
  const win = doc.defaultView;
  if (doc.readyState === 'complete' || !win) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(cap);
      win.removeEventListener('load', loaded);
      resolve();
    };
    // A task after the event: its other handlers first.
    const loaded = () => void setTimeout(done, 0);
    const cap = setTimeout(done, capMs);
    win.addEventListener('load', loaded, { once: true });
  });
}
