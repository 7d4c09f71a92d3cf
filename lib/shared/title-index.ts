/**
 * The title index: every stored paper's title, normalised, with its id — for the pages that name a
 * paper by its title only (a Google Scholar result linking a publisher, an OpenReview forum). Built by
 * the background once per change of the papers table (lib/background/stored-papers.ts) and sent with
 * the badge index to those sites only; matched in the page, so the titles a person reads never leave it.
 *
 * Titles are compared normalised (case, accents, punctuation and spacing do not count: Scholar
 * changes the casing). A title cut with "…" or "..." matches only when what is left is long and
 * starts exactly one stored title; a title two papers share matches neither.
 */

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

/** One line a paper: `id normalised title`. */
export function encodeTitleIndex(papers: Iterable<{ id: string; title: string }>): string {
  const lines: string[] = [];
  for (const { id, title } of papers) {
    const key = normaliseTitle(title);
    if (key && !id.includes(' ')) lines.push(`${id} ${key}`);
  }
  return lines.join('\n');
}

/** The index as a page reads it. */
export class TitleIndex {
  /** Normalised title → id, or null when two papers share it. */
  private readonly ids = new Map<string, string | null>();

  constructor(index: string) {
    for (const line of index.split('\n')) {
      const space = line.indexOf(' ');
      if (space <= 0) continue;
      const id = line.slice(0, space);
      const key = line.slice(space + 1);
      const known = this.ids.get(key);
      this.ids.set(key, known === undefined || known === id ? id : null);
    }
  }

  /** The id of the paper a displayed title names; undefined when none or more than one fits. */
  match(displayed: string): string | undefined {
    if (CUT.test(displayed)) return this.matchStart(normaliseTitle(displayed.replace(CUT, '')));
    return this.ids.get(normaliseTitle(displayed)) ?? undefined;
  }

  private matchStart(start: string): string | undefined {
    if (start.length < MIN_CUT_TITLE) return undefined;
    let found: string | undefined;
    for (const [key, id] of this.ids) {
      if (!key.startsWith(start)) continue;
      // A cut can end inside a word: "multi token predi" starts "multi token prediction".
      if (found !== undefined || id === null) return undefined;
      found = id;
    }
    return found;
  }
}
