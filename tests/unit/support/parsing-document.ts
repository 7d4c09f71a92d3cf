/**
 * A page as an HTML parser builds it, for unit tests under happy-dom: what code that runs while a page
 * is parsed (lib/sites/kit/parsed-element.ts and its users) meets, a node at a time.
 */

/**
 * A page being parsed, a node at a time, in the order an HTML parser inserts them: each node goes in
 * (without its children) at the end of its parent, its children after it, then its next sibling; so a
 * node has a next sibling only once the parser is past its end. The `<head>` is there whole from the
 * start. `readyState` says 'loading' until `loaded()`, which inserts the rest and fires DOMContentLoaded.
 */
export function parsingDocument(html: string) {
  // The fixtures' stylesheets (arXiv's, a CDN's) are not there to load: happy-dom would complain of each.
  const source = new DOMParser().parseFromString(html.replace(/<link\b[^>]*\bstylesheet\b[^>]*>/gi, ''), 'text/html');
  const doc = document.implementation.createHTMLDocument('');
  let state: DocumentReadyState = 'loading';
  Object.defineProperty(doc, 'readyState', { get: () => state });
  doc.head.replaceWith(doc.importNode(source.head, true));
  for (const { name, value } of source.body.attributes) doc.body.setAttribute(name, value);
  const copies = new Map<Node, Node>([[source.body, doc.body]]);
  const walker = source.createTreeWalker(source.body, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT | NodeFilter.SHOW_COMMENT);
  /** Inserts the next node and returns it; undefined once the page is whole. */
  const step = (): Node | undefined => {
    const node = walker.nextNode();
    if (!node) return undefined;
    const copy = doc.importNode(node, false);
    copies.set(node, copy);
    copies.get(node.parentNode!)!.appendChild(copy);
    return copy;
  };
  return {
    doc,
    step,
    /** Inserts nodes until `done()` says so; false if the page ended first. */
    parseUntil(done: () => boolean): boolean {
      while (!done()) if (!step()) return false;
      return true;
    },
    loaded() {
      while (step());
      state = 'interactive';
      doc.dispatchEvent(new Event('DOMContentLoaded'));
    },
  };
}
