/**
 * Plain-DOM building blocks for what content scripts put into pages (badges, the listing toolbar, the
 * paper card's first paint, GitHub's repository card): no renderer runs cold in a freshly injected
 * script. Every string goes in as a text node or an attribute value, never as HTML.
 */
import { emphasisRuns } from '../../../lib/shared/emphasis';

/** An element's children: nodes and strings (as text); `false` and `undefined` are skipped. */
export type Children = (Node | string | false | undefined)[];

export function element<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  attributes: Record<string, string>,
  children: Children = [],
): HTMLElementTagNameMap[K] {
  const made = doc.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) made.setAttribute(name, value);
  for (const child of children) if (child !== false && child !== undefined) made.append(child);
  return made;
}

/** A `<span class=…>` holding text as text: the plain-DOM badges' and toolbar's one building block. */
export function textSpan(doc: Document, className: string, text: string): HTMLSpanElement {
  const span = doc.createElement('span');
  span.className = className;
  span.textContent = text;
  return span;
}

/** HF text with its `**bold**` as `<strong>` elements, the rest as text nodes. */
export function emphasisNodes(doc: Document, text: string): Children {
  return emphasisRuns(text).map((run) => (run.strong ? element(doc, 'strong', {}, [run.text]) : run.text));
}
