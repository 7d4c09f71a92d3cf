/**
 * The badge index: the badge (id, upvotes, comments) of every listed paper of the retention window as one
 * compact string, built by the background (lib/background/stored-papers.ts). No page is sent all of it.
 * An arXiv listing is sent the lines of the ids its URL names (`IdSpan`: a month list's month, the
 * newest months for /new, `newestSpan`), asked for at document_start before it knows its ids, so the
 * answer is there when the page is parsed and those badges go in at once, before the page's first
 * layout; it asks about its other ids (a /new page's replacements, search results) as other pages do.
 * A badges-only page is sent the last lines, the newest papers (`newestBadgeLines`, read in the page by
 * `NewestBadges`), and the background looks the page's older ids up in it (`linkBadges`). Local data
 * only: asking for it never causes a request to anyone.
 *
 * One line a paper, `id upvotes` or `id upvotes comments`: under 20 bytes each (about 35 KB for 2,000
 * papers), a fraction of what the same data costs as JSON objects. The lines are sorted by id, so a
 * page finds a paper by binary search in the string as it came: with a year of papers (40,000 lines,
 * 600 KB) a page reads the few thousand it shows, never the whole index into a map of its own.
 */
import type { IdSpan, PaperBadge } from './messages';
import { isHfPaperId } from './arxiv-id';
import { firstFieldEnd, lineAt, lowerBound, mergeSorted } from './sorted-lines';

/** Ids in the index's order: by UTF-16 code units, as `<` compares strings (never by locale). */
const byId = (a: PaperBadge, b: PaperBadge) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/** The index of `papers` (ids unique), its lines sorted by id. */
export function encodeBadgeIndex(papers: Iterable<PaperBadge>): string {
  return [...papers]
    .sort(byId)
    .map(({ id, upvotes, numComments }) => (numComments === undefined ? `${id} ${upvotes}` : `${id} ${upvotes} ${numComments}`))
    .join('\n');
}

/**
 * How many of the newest papers' badges a badges-only page is sent with its first answer (`linkBadges`
 * with `newest`): arXiv numbers papers as they come (`YYMM.NNNNN`), so the index's last lines are the
 * newest papers it holds, about two or three weeks of Daily Papers, ~16 KB. Most links in a feed are to
 * such papers: their badges, and the absence of one for any newer id, are then known in the page
 * without a message, within the frame that shows the post. Older papers are asked about.
 */
export const NEWEST_BADGES = 1_000;

/** The last `count` lines of an index: the badges of its `count` newest papers (all of them if it holds fewer). */
export function newestBadgeLines(index: string, count: number): string {
  let start = index.length;
  for (let n = 0; n < count; n++) {
    const newline = index.lastIndexOf('\n', start - 1);
    if (newline < 0) return index;
    start = newline;
  }
  return index.slice(start + 1);
}

/** Where the first line whose id is not below `id` starts (the text's length when there is none): binary search over the sorted lines. */
const firstLineFrom = (text: string, id: string): number => lowerBound(text, (line) => text.slice(line.start, firstFieldEnd(text, line)) < id);

/** A line's id: its first field. */
const idOfLine = (line: string): string => {
  const space = line.indexOf(' ');
  return space < 0 ? line : line.slice(0, space);
};

/**
 * The index with the lines of `drop` and of `add` taken out and `add`'s put in, still sorted: what
 * `encodeBadgeIndex` gives for the papers of `index`, less `drop`, with `add` (a sync's few changed
 * papers patched into a year's index without encoding it again).
 */
export function patchBadgeIndex(index: string, drop: Iterable<string>, add: readonly PaperBadge[]): string {
  const gone = new Set(drop);
  for (const { id } of add) gone.add(id);
  const kept = index ? index.split('\n').filter((line) => !gone.has(idOfLine(line))) : [];
  const added = add.length ? encodeBadgeIndex(add).split('\n') : [];
  return mergeSorted(kept, added, idOfLine).join('\n');
}

const count = (text: string | undefined): number | undefined => {
  if (text === undefined || !/^\d{1,9}$/.test(text)) return undefined;
  return Number(text);
};

/** A badge from what follows the id on its line (`upvotes` or `upvotes comments`); undefined if it is not one. */
function readBadge(id: string, rest: string): PaperBadge | undefined {
  // Read by index, not destructured: a listing may read 2000 of these in a freshly injected (cold) script.
  const parts = rest.split(' ');
  const upvotes = count(parts[0]);
  const commentsText = parts[1];
  if (upvotes === undefined || parts.length > 2) return undefined;
  if (commentsText === undefined) return { id, upvotes };
  const numComments = count(commentsText);
  return numComments === undefined ? undefined : { id, upvotes, numComments };
}

/**
 * The index as a page reads it: nothing is done up front (a page may get 40,000 lines and need a few
 * dozen); an id is found by binary search over the sorted lines the first time it is asked for, and its
 * answer kept. A line that does not read as a badge counts as no badge, never guessed at.
 */
export class BadgeIndex {
  private readonly read = new Map<string, PaperBadge | null>();

  constructor(private readonly text: string) {}

  get(id: string): PaperBadge | undefined {
    let badge = this.read.get(id);
    if (badge === undefined) {
      badge = this.find(id);
      this.read.set(id, badge);
    }
    return badge ?? undefined;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  private find(id: string): PaperBadge | null {
    const { text } = this;
    const start = firstLineFrom(text, id);
    if (start >= text.length) return null;
    const line = lineAt(text, start);
    const space = firstFieldEnd(text, line);
    if (space === start || space === line.end || text.slice(start, space) !== id) return null;
    return readBadge(id, text.slice(space + 1, line.end)) ?? null;
  }
}

const inSpan = (id: string, { from, to }: IdSpan): boolean => id >= from && (to === undefined || id < to);

/**
 * The shape of a bare new-style id, the only ids whose order is arXiv's (a listing asks about 2000 of
 * them in a freshly injected script: one test, not a parse). One of an impossible month passes, and is
 * then answered as none of the lines, which is true: the index holds valid ids only.
 */
const NEW_STYLE_SHAPE = /^\d{4}\.\d{4,5}$/;

/** The lines of `index` whose ids are in `span`, in order: what a page that shows those papers is sent. */
export function badgeLinesIn(index: string, span: IdSpan): string {
  const start = firstLineFrom(index, span.from);
  const end = span.to === undefined ? index.length : firstLineFrom(index, span.to);
  // `end` starts the first line past the span (or is the length): the span's lines end one before it.
  return end <= start ? '' : index.slice(start, end === index.length ? end : end - 1);
}

/** `YYMM` moved by `months` (`2601`, -1 → `2512`). */
export function shiftMonth(yymm: string, months: number): string {
  // Months since January 2000 (none before it).
  const count = Math.max(0, Number(yymm.slice(0, 2)) * 12 + Number(yymm.slice(2)) - 1 + months);
  const year = Math.floor(count / 12);
  return `${String(year).padStart(2, '0')}${String(count - year * 12 + 1).padStart(2, '0')}`;
}

/** The ids of arXiv's months `first` to `last` (`YYMM`, both included). */
export const monthsSpan = (first: string, last: string): IdSpan => ({ from: `${first}.`, to: `${shiftMonth(last, 1)}.` });

/**
 * The index's newest papers as a span: the month of its newest id and the one before, with no end (an
 * id newer than any it holds is in none of its lines). What an arXiv listing of the last days shows
 * (/new, /recent, /pastweek: papers submitted in the last days, at a month's start the month before's
 * too), but for its replacements, older papers revised. An empty index answers for every id (it holds
 * none); one whose last line is not a new-style id, for none.
 */
export function newestSpan(index: string): IdSpan | undefined {
  if (!index) return { from: '' };
  const id = idOfLine(index.slice(index.lastIndexOf('\n') + 1));
  if (!isHfPaperId(id)) return undefined;
  return { from: `${shiftMonth(id.slice(0, 4), -1)}.` };
}

/**
 * Lines of an index that answer for every id of a span: an id there that is not in them has no badge
 * at all. Ids outside the span (or not new-style) these lines cannot tell about: asked.
 */
export class SpanBadges {
  private readonly index: BadgeIndex;

  constructor(
    text: string,
    /** None: the lines answer for no id. */
    private readonly span: IdSpan | undefined,
  ) {
    this.index = new BadgeIndex(text);
  }

  /** The badge of `id`; null when the index has none; undefined when these lines cannot tell (outside the span, or not a new-style id): ask. */
  get(id: string): PaperBadge | null | undefined {
    if (this.span === undefined || !NEW_STYLE_SHAPE.test(id) || !inSpan(id, this.span)) return undefined;
    return this.index.get(id) ?? null;
  }
}

/**
 * The last lines of an index (`newestBadgeLines`), as a page holds them: every paper of the index whose
 * id is at or after the first of them is among them, so an id there that is not has no badge at all.
 */
export class NewestBadges extends SpanBadges {
  constructor(text: string) {
    super(text, newestLinesSpan(text));
  }
}

/**
 * The ids the last lines of an index answer for: from their first line's id on (none for no lines, or
 * a first line that is not a bare new-style id: only those, `YYMM.NNNNN`, sort in the order arXiv gave them).
 */
export function newestLinesSpan(text: string): IdSpan | undefined {
  const first = text.slice(0, firstFieldEnd(text, lineAt(text, 0)));
  return isHfPaperId(first) ? { from: first } : undefined;
}
