/**
 * Putting something into a page while it is parsed, before the part it goes into is painted. A long
 * page is laid out and painted in part as it arrives, so what goes in at DOMContentLoaded above or
 * inside what is shown moves it (./dom-ready.ts). `whenParsed` finds an element as the parser inserts
 * it and waits until the parser has gone past its end, so that what goes after it or at its end stays
 * there; it looks once at once and then once a frame, before the frame's paint.
 */

/** True once the parser has closed `element`: a node follows it or one of its ancestors. */
export function parsedPast(element: Element): boolean {
  for (let node: Node | null = element; node && node.nodeName !== 'BODY'; node = node.parentNode) {
    if (node.nextSibling) return true;
  }
  return false;
}

/**
 * Calls `found` once with the element `pick` makes of one of the page's `tag` elements, as soon as the
 * parser has gone past that element's end. The `tag` elements are a live list, each given to `pick`
 * once, once the parser has closed it (its text is whole), so a frame costs little until one is picked.
 * `frame` runs a check before the next frame's paint (the window's requestAnimationFrame by default).
 * Nothing after DOMContentLoaded (the page's reading then does the rest), nor once `signal` aborts.
 */
export function whenParsed(
  doc: Document,
  tag: string,
  pick: (element: Element) => Element | undefined,
  found: (element: Element) => void,
  signal: AbortSignal,
  frame: (check: () => void) => void = (check) => void requestAnimationFrame(check),
): void {
  if (signal.aborted || doc.readyState !== 'loading') return;
  const elements = doc.getElementsByTagName(tag);
  let next = 0;
  let picked: Element | undefined;
  const check = () => {
    if (signal.aborted || doc.readyState !== 'loading') return;
    for (let element = elements[next]; !picked && element && parsedPast(element); element = elements[++next]) picked = pick(element);
    if (picked && parsedPast(picked)) found(picked);
    else frame(check);
  };
  check();
}
