/**
 * Retention (README, "A local copy"): Daily Papers older than the person's chosen number of days leave
 * the database, with their upvote history; the history of the papers kept is thinned to one point a day
 * once it is a month old; remembered misses go once expired. Saved or read papers, and the papers on
 * Hugging Face's current trending list, are never pruned.
 *
 * Runs in the background after a sync and after a change of settings, in small transactions with a pause
 * between them, so a page's question to the worker waits for one small chunk at most, never for the run.
 */
import { Dexie } from 'dexie';
import type { MissRecord, PapersDB, TrendingList, UpvoteSample, UserPaperState } from '../shared/db';
import type { Paper } from '../shared/paper';
import { PAPER_COMMENTS_KEY_PREFIX, PAPER_LINKS_KEY_PREFIX, PRUNE_STATE_KEY, TRENDING_KEY } from '../shared/storage-keys';
import { FAILURE_TTL_MS, MISS_TTL_MS } from './lookup';
import { dropKeptIndexes, takeOutOfKeptIndexes } from './kept-indexes';
import { retentionStart } from './retention';

const DAY_MS = 86_400_000;
/** Upvote points older than this are thinned to the last one of each day. */
export const THIN_AFTER_DAYS = 30;
/**
 * A paper's history can still grow while the sync re-fetches its day (the back-fill, at most 90 days):
 * each day's run thins again the papers listed that many days before the last run's limit, and only those.
 */
export const THIN_AGAIN_DAYS = 90;
/** Papers per transaction: small enough that a page's question never waits long behind one. */
export const PRUNE_CHUNK = 200;
/**
 * Up to this many papers deleted in a run (a day or a few leaving the window), each transaction takes
 * them out of the kept page indexes; beyond (a shorter window chosen), the copies go, and the next
 * question reads the window once: cheaper than rewriting a year's copies (3.6 MB) for every chunk.
 */
export const PATCH_KEPT_INDEXES_MAX = 1_000;

/** What the last run did, in the kv table (PRUNE_STATE_KEY): where the next run's thinning starts. */
export interface PruneState {
  /** Papers listed before this day had their history thinned up to `THIN_AFTER_DAYS` ago. */
  thinnedBefore: string;
  at: number;
  /** When the run finished; absent while it goes (or when the browser stopped it half-way). */
  finishedAt?: number;
  /** What that run removed and how long it took (read by the benchmark). */
  report: PruneReport;
}

export interface PruneReport {
  papers: number;
  samples: number;
  misses: number;
  ms: number;
}

const utcDay = (ms: number) => new Date(ms).toISOString().slice(0, 10);

const isMarked = (marks: UserPaperState | undefined) => marks?.savedAt !== undefined || marks?.readAt !== undefined;

/**
 * Whether a stored paper goes: listed only before `start` (its latest day among `listDays`, the days
 * the sync stored), or never on such a list (a live lookup's, a kept search result's) and last fetched
 * before it; never when saved, read or trending. A looked-up paper carries the day HF listed it
 * (../sync/store.ts), often long before the window: that day says nothing of when it was asked for, and
 * counting it would take the paper, and its linked lists, away at the next run, so the page it was
 * asked for asks Hugging Face again.
 */
export function isPrunable(paper: Paper, start: string, marks: UserPaperState | undefined, trending: ReadonlySet<string>, listDays: ReadonlySet<string>): boolean {
  if (isMarked(marks) || trending.has(paper.id)) return false;
  const lastDay = (paper.dailyDates ?? (paper.dailyDate ? [paper.dailyDate] : [])).filter((day) => listDays.has(day)).at(-1);
  return (lastDay ?? utcDay(paper.fetchedAt)) < start;
}

/**
 * The samples to delete so that each paper keeps, before `before` (ms), only its last point of each UTC
 * day; every later point stays.
 */
export function samplesToThin(samples: readonly UpvoteSample[], before: number): UpvoteSample[] {
  const lastOfDay = new Map<string, UpvoteSample>();
  const old = samples.filter((sample) => sample.at < before);
  for (const sample of old) {
    const key = `${sample.id} ${utcDay(sample.at)}`;
    const kept = lastOfDay.get(key);
    if (!kept || sample.at > kept.at) lastOfDay.set(key, sample);
  }
  const keep = new Set(lastOfDay.values());
  return old.filter((sample) => !keep.has(sample));
}

/** Whether a remembered miss is past its time (a day for "not on HF", 10 minutes for a failure). */
export function isMissExpired(miss: MissRecord, now: number): boolean {
  return now - miss.at >= (miss.failed ? FAILURE_TTL_MS : MISS_TTL_MS);
}

function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export interface PruneOptions {
  now: number;
  /** Days kept (`keptDays`), undefined for ever. */
  keepDays: number | undefined;
  /** Days the sync re-fetches (the back-fill): how far back a paper's history may still grow. */
  syncDays?: number;
  /** Between two transactions: lets the worker answer pages (a macrotask by default). */
  pause?: () => Promise<void>;
  chunk?: number;
}

const macrotask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** One pruning run (see the header). Safe to stop at any point: each chunk is whole, the next run finishes. */
export async function pruneStore(db: PapersDB, options: PruneOptions): Promise<PruneReport> {
  const started = performance.now();
  const pause = options.pause ?? macrotask;
  const size = options.chunk ?? PRUNE_CHUNK;
  const report: PruneReport = { papers: 0, samples: 0, misses: 0, ms: 0 };

  // Misses: a few thousand small rows at most, read keys and times in one go.
  const expired = (await db.misses.toArray()).filter((miss) => isMissExpired(miss, options.now)).map((miss) => miss.id);
  for (const ids of chunks(expired, size * 5)) {
    await db.transaction('rw', db.misses, async () => {
      // Re-read: a lookup may have remembered one again since.
      const fresh = (await db.misses.bulkGet(ids)).filter((miss): miss is MissRecord => !!miss && isMissExpired(miss, options.now));
      await db.misses.bulkDelete(fresh.map((miss) => miss.id));
      report.misses += fresh.length;
    });
    await pause();
  }

  const start = retentionStart(options.now, options.keepDays);
  if (start !== undefined) {
    // Candidates from the keys alone: listed before the start (the `dailyDate` index holds the latest
    // list day), and never-listed papers (in the table, not in that index), checked row by row below.
    const [oldListed, allIds, listedIds] = await Promise.all([
      db.papers.where('dailyDate').below(start).primaryKeys(),
      db.papers.toCollection().primaryKeys(),
      db.papers.orderBy('dailyDate').primaryKeys(),
    ]);
    const listed = new Set(listedIds);
    const candidates = [...oldListed, ...allIds.filter((id) => !listed.has(id))];
    for (const ids of chunks(candidates, size)) {
      await db.transaction('rw', [db.papers, db.upvoteHistory, db.userState, db.kv, db.days], async () => {
        // Checked again inside the transaction: a sync or a mark since the keys were read wins.
        const [papers, marks, trending, days] = await Promise.all([
          db.papers.bulkGet(ids),
          db.userState.bulkGet(ids),
          db.kv.get(TRENDING_KEY),
          // One key a synced day (a few hundred a year): which list days count (`isPrunable`).
          db.days.toCollection().primaryKeys(),
        ]);
        const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
        const listDays = new Set<string>(days);
        const gone = papers.flatMap((paper, i) => (paper && isPrunable(paper, start, marks[i], trendingIds, listDays) ? [paper.id] : []));
        if (!gone.length) return;
        // The paper's cached linked lists and discussion go with it. Its lines leave the kept page indexes
        // in the same transaction (no stamp names a deletion: ./kept-indexes.ts), or the copies go.
        const cached = gone.flatMap((id) => [PAPER_LINKS_KEY_PREFIX + id, PAPER_COMMENTS_KEY_PREFIX + id]);
        const keptIndexes = report.papers + gone.length <= PATCH_KEPT_INDEXES_MAX ? takeOutOfKeptIndexes(db, gone) : dropKeptIndexes(db);
        await Promise.all([db.papers.bulkDelete(gone), db.upvoteHistory.where('id').anyOf(gone).delete(), db.kv.bulkDelete(cached), keptIndexes]);
        report.papers += gone.length;
      });
      await pause();
    }
  }

  // Thinning: the papers listed between the last run's limit (less the days a sync may still touch) and
  // a month ago, oldest first; the first run walks every listed paper older than a month, later runs a
  // few months. Progress is kept after each chunk: a run the browser stops (an idle worker) goes on
  // from there next time rather than from the start.
  const thinBefore = options.now - THIN_AFTER_DAYS * DAY_MS;
  const thinBeforeDay = utcDay(thinBefore);
  const state = (await db.kv.get(PRUNE_STATE_KEY))?.value as PruneState | undefined;
  // Thinning keeps a point a day: once a day's run has thinned up to today's limit, later runs skip it.
  if (state?.finishedAt !== undefined && state.thinnedBefore >= thinBeforeDay) {
    report.ms = performance.now() - started;
    await db.kv.put({ key: PRUNE_STATE_KEY, value: { ...state, at: options.now, finishedAt: Date.now(), report } satisfies PruneState });
    return report;
  }
  const again = options.syncDays ?? THIN_AGAIN_DAYS;
  const from = state ? utcDay(Date.parse(`${state.thinnedBefore}T00:00:00Z`) - again * DAY_MS) : '';
  const save = (thinnedBefore: string, finished = false) =>
    db.kv.put({
      key: PRUNE_STATE_KEY,
      value: { thinnedBefore, at: options.now, ...(finished ? { finishedAt: Date.now() } : {}), report: { ...report, ms: performance.now() - started } } satisfies PruneState,
    });
  // In list-day order (the index's), so that every paper listed before a chunk's last day is done.
  const toThin = await db.papers.where('dailyDate').between(from, thinBeforeDay, true, false).primaryKeys();
  for (const chunk of chunks(toThin, size)) {
    const last = (await db.papers.get(chunk.at(-1)!))?.dailyDate;
    await db.transaction('rw', db.upvoteHistory, async () => {
      // A key-range read a paper (each a native getAll), all in flight together.
      const histories = await Promise.all(chunk.map((id) => db.upvoteHistory.where('[id+at]').between([id, Dexie.minKey], [id, Dexie.maxKey], true, true).toArray()));
      const thinned = samplesToThin(histories.flat(), thinBefore);
      // One bulk delete of keys: measured faster here than a key-range delete a paper and day (Dexie's cost per range).
      if (thinned.length) await db.upvoteHistory.bulkDelete(thinned.map((sample) => [sample.id, sample.at] as [string, number]));
      report.samples += thinned.length;
    });
    if (last && (!state || last > state.thinnedBefore)) await save(last);
    await pause();
  }
  report.ms = performance.now() - started;
  await save(thinBeforeDay, true);
  return report;
}
