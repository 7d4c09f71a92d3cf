/**
 * What the kept badge and title indexes (./stored-papers.ts) were built from, and what changed since:
 * the stamp. A sync step writes its day's papers and the day's record in one transaction, the trending
 * list its papers and its record in one (./sync/store.ts), so comparing two stamps names every paper a
 * sync may have changed: those listed on a day whose record differs (written again, new, or outside
 * the window now) and those on the old or new trending list. Only those are read again, and their lines
 * patched into the kept index: a routine sync changes a day or three, a few hundred papers, where
 * reading the whole window again reads 40,000 after a year.
 *
 * What no stamp shows is taken care of where it is written: a paper looked up live is checked by the
 * worker that sees it (./stored-papers.ts); a pruning run takes what it deletes out of the copies, and
 * their count out of their stamps, in its own transaction; an import or a cleared cache deletes the
 * copies (./kept-indexes.ts). A papers count below the stamp's (a deletion none of those made) never
 * patches.
 */
import type { PapersDB, TrendingList } from '../shared/db';
import type { Paper } from '../shared/paper';
import { TRENDING_KEY } from '../shared/storage-keys';

/** The index's encoding: 3, a JSON stamp naming the window's days (2: a text stamp, no patching; 1: unsorted lines). */
export const INDEX_FORMAT = 'badge-index/3';

/**
 * Beyond this many papers to read again (the changed days' counts and the trending ids), the whole
 * window is read instead: a patch pays off for a few days, not for a window that moved a month.
 */
export const PATCH_MAX_PAPERS = 5_000;

export interface IndexStamp {
  format: string;
  /** Stored papers: never fewer after a sync, so fewer means something deleted papers (no patch). */
  papers: number;
  trending: { at: number; ids: string[] };
  /** The day records of the retention window: `[date, fetchedAt, count]`, in date order. */
  days: [date: string, fetchedAt: number, count: number][];
}

/** Which papers to read again to bring an index from one stamp to another. */
export interface StampPatch {
  /** Days whose papers may have changed, or moved in or out of the window's lists. */
  days: string[];
  /** Papers on the trending list, before or now, when it was written again. */
  ids: string[];
}

/** A stamp but for the count of papers stored: the lists that make the index (`readLists`). */
export type ListsStamp = Omit<IndexStamp, 'papers'>;

/**
 * The lists of the window from `start` (a day, '' for all) as a stamp names them: its day records and
 * the trending list, a few hundred rows. Read it inside a transaction with what it stamps.
 */
export async function readLists(db: PapersDB, start: string): Promise<ListsStamp> {
  const [days, trending] = await Promise.all([db.days.where('date').aboveOrEqual(start).toArray(), db.kv.get(TRENDING_KEY)]);
  const list = trending?.value as TrendingList | undefined;
  return {
    format: INDEX_FORMAT,
    trending: { at: list?.fetchedAt ?? 0, ids: [...(list?.ids ?? [])] },
    days: days.map((day) => [day.date, day.fetchedAt, day.count]),
  };
}

/**
 * The stamp of the tables now: the lists (`readLists`) and the papers stored. Counting them costs what
 * reading them does (Chromium counts a table by reading every row: 110 ms at 40,000 papers, where the
 * lists take 2 ms), so a worker that answers from a copy (taken as it is, or patched) does not count
 * first: it carries the copy's count and counts a while after (./stored-papers.ts `fill`, `checkCount`).
 * Read it inside a transaction with what it stamps.
 */
export async function readStamp(db: PapersDB, start: string): Promise<IndexStamp> {
  const [papers, lists] = await Promise.all([db.papers.count(), readLists(db, start)]);
  return { ...lists, papers };
}

/** Whether two stamps name the same lists (the same days, fetched alike, and the same trending list), whatever papers they count. */
export function sameLists(a: ListsStamp, b: ListsStamp): boolean {
  const text = ({ format, trending, days }: ListsStamp) => JSON.stringify([format, trending, days]);
  return text(a) === text(b);
}

export const stampText = (stamp: IndexStamp): string => JSON.stringify(stamp);

/** A kept stamp read back; undefined when it is not one of this format (an older copy, a damaged row). */
export function parseStamp(text: unknown): IndexStamp | undefined {
  if (typeof text !== 'string' || !text.startsWith('{')) return undefined;
  try {
    const stamp = JSON.parse(text) as Partial<IndexStamp>;
    const ok =
      stamp.format === INDEX_FORMAT &&
      typeof stamp.papers === 'number' &&
      typeof stamp.trending?.at === 'number' &&
      Array.isArray(stamp.trending.ids) &&
      stamp.trending.ids.every((id) => typeof id === 'string') &&
      Array.isArray(stamp.days) &&
      stamp.days.every((day) => Array.isArray(day) && typeof day[0] === 'string' && typeof day[2] === 'number');
    return ok ? (stamp as IndexStamp) : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a stored paper is on a public list the sync fetched: a synced list day, or the trending list. */
export function isListed(paper: Paper, listDays: ReadonlySet<string>, trending: ReadonlySet<string>): boolean {
  return trending.has(paper.id) || (paper.dailyDates ?? []).some((day) => listDays.has(day));
}

/** The window's days that list papers now (a record with papers): what makes a paper listed, with the trending list. */
export const listDaysOf = (stamp: IndexStamp): Set<string> => new Set(stamp.days.filter(([, , count]) => count > 0).map(([date]) => date));

/**
 * What to read again to bring an index built at `before` (a kept stamp's text) to `now`; undefined
 * when it cannot be patched (another format, papers deleted, too much changed) and must be built anew.
 */
export function patchBetween(before: unknown, now: IndexStamp): StampPatch | undefined {
  const old = parseStamp(before);
  if (!old || old.format !== now.format || now.papers < old.papers) return undefined;
  const entry = (day: IndexStamp['days'][number]) => `${day[1]}:${day[2]}`;
  const was = new Map(old.days.map((day) => [day[0], day]));
  const is = new Map(now.days.map((day) => [day[0], day]));
  const days: string[] = [];
  let papers = 0;
  for (const date of new Set([...was.keys(), ...is.keys()])) {
    const a = was.get(date);
    const b = is.get(date);
    if (a && b && entry(a) === entry(b)) continue;
    days.push(date);
    papers += Math.max(a?.[2] ?? 0, b?.[2] ?? 0);
  }
  const sameTrending = old.trending.at === now.trending.at && old.trending.ids.join('\n') === now.trending.ids.join('\n');
  const ids = sameTrending ? [] : [...new Set([...old.trending.ids, ...now.trending.ids])];
  return papers + ids.length > PATCH_MAX_PAPERS ? undefined : { days: days.sort(), ids };
}

/** The papers a patch names, read again: every one of them (`drop`: their old lines go), and those listed at `now` (their new lines). */
export interface PatchRead {
  drop: Set<string>;
  listed: Paper[];
}

/** Reads the papers `patch` names (a sync's days through the `dailyDates` index, the trending ids by key). */
export async function readPatch(db: PapersDB, patch: StampPatch, now: IndexStamp): Promise<PatchRead> {
  const drop = new Set<string>(patch.ids);
  const rows = patch.days.length ? await db.papers.where('dailyDates').anyOf(patch.days).toArray() : [];
  for (const row of rows) drop.add(row.id);
  const byId = await db.papers.bulkGet(patch.ids);
  const listDays = listDaysOf(now);
  const trendingIds = new Set(now.trending.ids);
  const seen = new Set<string>();
  const listed = [...rows, ...byId].filter(
    (row): row is Paper => row !== undefined && !seen.has(row.id) && (seen.add(row.id), isListed(row, listDays, trendingIds)),
  );
  return { drop, listed };
}
