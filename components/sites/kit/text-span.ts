/** A `<span class=…>` holding text as text (never HTML): the plain-DOM badges' and toolbar's one building block. */
export function textSpan(doc: Document, className: string, text: string): HTMLSpanElement {
  const element = doc.createElement('span');
  element.className = className;
  element.textContent = text;
  return element;
}
