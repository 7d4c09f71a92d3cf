/**
 * The title index: every stored paper's title, normalised, with its id — for the pages that name a
 * paper by its title only (a Google Scholar result linking a publisher, an OpenReview forum). Built by
 * the background once per change of the papers table (lib/background/stored-papers.ts) and sent with
 * the badge index to those sites only; matched in the page, so the titles a person reads never leave it.
 *
 * Titles are compared normalised (case, accents, punctuation and spacing do not count: Scholar
 * changes the casing). A title cut with "…" or "..." matches only when what is left is long and
 * starts exactly one stored title; a title two papers share matches neither. The lines are sorted by
 * title, so a page finds a title (or a cut title's start) by binary search in the string as it came
 * (./sorted-lines.ts): with a year of papers (2.5 MB of titles) nothing is read up front.
 */
import { firstFieldEnd, linesFrom, lowerBound, mergeSorted } from './sorted-lines';

/** Lower case, accents dropped, anything but letters and digits one space. */
export function normaliseTitle(title: string): string {
  return title
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** A cut title must keep at least this many characters (normalised) to be matched by its start. */
export const MIN_CUT_TITLE = 40;

const CUT = /(?:…|\.\.\.)\s*$/;

/** One line a paper, `id normalised title`, sorted by title (then id). */
export function encodeTitleIndex(papers: Iterable<{ id: string; title: string }>): string {
  const entries: [key: string, id: string][] = [];
  for (const { id, title } of papers) {
    const key = normaliseTitle(title);
    if (key && id && !id.includes(' ') && !id.includes('\n')) entries.push([key, id]);
  }
  entries.sort(([keyA, idA], [keyB, idB]) => (keyA < keyB ? -1 : keyA > keyB ? 1 : idA < idB ? -1 : idA > idB ? 1 : 0));
  return entries.map(([key, id]) => `${id} ${key}`).join('\n');
}

/**
 * The title index with the papers of `drop` and of `add` taken out and `add`'s put in, still sorted:
 * what `encodeTitleIndex` gives for the same papers (a sync's few changed papers patched into a year's
 * titles without normalising and sorting them all again).
 */
export function patchTitleIndex(titles: string, drop: Iterable<string>, add: readonly { id: string; title: string }[]): string {
  const gone = new Set(drop);
  for (const { id } of add) gone.add(id);
  const idOf = (line: string) => line.slice(0, line.indexOf(' '));
  const kept = titles ? titles.split('\n').filter((line) => !gone.has(idOf(line))) : [];
  const encoded = encodeTitleIndex(add);
  // By title, then id, as `encodeTitleIndex` sorts: NUL sorts below any character a normalised title holds.
  const order = (line: string) => {
    const space = line.indexOf(' ');
    return `${line.slice(space + 1)}\0${line.slice(0, space)}`;
  };
  return mergeSorted(kept, encoded ? encoded.split('\n') : [], order).join('\n');
}

/** What a site's reader asks of the title index (a `TitleIndex`, or one that comes when first asked: lib/sites/kit/lazy-title-index.ts). */
export interface TitleMatcher {
  match(displayed: string): string | undefined;
}

/** The index as a page reads it: nothing up front, each title found by binary search when asked. */
export class TitleIndex implements TitleMatcher {
  constructor(private readonly text: string) {}

  /** The id of the paper a displayed title names; undefined when none or more than one fits. */
  match(displayed: string): string | undefined {
    if (CUT.test(displayed)) {
      const start = normaliseTitle(displayed.replace(CUT, ''));
      // A cut can end inside a word: "multi token predi" starts "multi token prediction".
      return start.length < MIN_CUT_TITLE ? undefined : this.only((key) => key.startsWith(start), start);
    }
    const key = normaliseTitle(displayed);
    return key ? this.only((found) => found === key, key) : undefined;
  }

  /** The one paper whose title `fits` (titles that fit sort together, from `from` on); undefined when none or several. */
  private only(fits: (key: string) => boolean, from: string): string | undefined {
    const { text } = this;
    let found: string | undefined;
    const start = lowerBound(text, (line) => text.slice(firstFieldEnd(text, line) + 1, line.end) < from);
    for (const line of linesFrom(text, start)) {
      const idEnd = firstFieldEnd(text, line);
      if (!fits(text.slice(idEnd + 1, line.end))) break;
      const id = text.slice(line.start, idEnd);
      // Another paper fits too (the same title, or another title with the same start).
      if (found !== undefined && found !== id) return undefined;
      found = id;
    }
    return found;
  }
}
