/** Parsing fixture pages into a DOM for unit tests (linkedom: fast, no browser). */
import { parseHTML } from 'linkedom';

export function parsePage(html: string): Document {
  return parseHTML(html).document as unknown as Document;
}
