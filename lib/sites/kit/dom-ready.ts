/**
 * Waiting for the page to be parsed. The content scripts start at document_start, ask the background
 * their one question then, and do their reading at DOMContentLoaded, before the browser's first layout
 * of a long page: the answer is usually there by then, and what they add goes in before that layout.
 */
export function domReady(doc: Document): Promise<void> {
  if (doc.readyState !== 'loading') return Promise.resolve();
  return new Promise((resolve) => doc.addEventListener('DOMContentLoaded', () => resolve(), { once: true }));
}
