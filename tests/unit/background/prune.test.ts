/** Retention: which papers, upvote points and misses a pruning run removes, and what it never touches. */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapersDB, type UpvoteSample } from '../../../lib/shared/db';
import { keptDays, retentionStart } from '../../../lib/background/retention';
import {
  isMissExpired,
  isPrunable,
  PATCH_KEPT_INDEXES_MAX,
  pruneStore,
  samplesToThin,
  type PruneState,
} from '../../../lib/background/prune';
import { encodeBadgeIndex } from '../../../lib/shared/badge-index';
import { encodeTitleIndex } from '../../../lib/shared/title-index';
import { INDEX_FORMAT, parseStamp, stampText } from '../../../lib/background/index-stamp';
import { readKeptIndex, readKeptTitles } from '../../../lib/background/kept-indexes';
import type { Paper } from '../../../lib/shared/paper';
import { keepPaperLinks } from '../../../lib/background/paper-details';
import { storeLookedUpPaper } from '../../../lib/background/sync/store';
import { PRUNE_STATE_KEY } from '../../../lib/shared/storage-keys';
import { makePaper } from '../support/builders';

const DAY = 86_400_000;
const NOW = Date.parse('2026-12-01T12:00:00Z');
const dayBack = (n: number) => new Date(NOW - n * DAY).toISOString().slice(0, 10);
const listed = (id: string, daysAgo: number) => makePaper({ id, dailyDate: dayBack(daysAgo), dailyDates: [dayBack(daysAgo)], fetchedAt: NOW - daysAgo * DAY });

describe('retention rules', () => {
  it('keeps at least the back-fill, or everything for ever', () => {
    expect(keptDays({ retentionDays: 365, backfillDays: 30 })).toBe(365);
    expect(keptDays({ retentionDays: 30, backfillDays: 60 })).toBe(60);
    expect(keptDays({ retentionDays: 'forever', backfillDays: 30 })).toBeUndefined();
    expect(retentionStart(NOW, 30)).toBe('2026-11-01');
    expect(retentionStart(NOW, undefined)).toBeUndefined();
  });

  it('prunes a paper listed only before the window, or never listed and fetched before it', () => {
    const start = retentionStart(NOW, 30)!;
    const none = new Set<string>();
    const synced = new Set([dayBack(40), dayBack(31), dayBack(30), dayBack(5)]);
    expect(isPrunable(listed('2510.00001', 31), start, undefined, none, synced)).toBe(true);
    expect(isPrunable(listed('2510.00001', 30), start, undefined, none, synced)).toBe(false);
    // Listed again later (two days a week apart): its latest day counts.
    expect(isPrunable({ ...listed('2510.00001', 40), dailyDates: [dayBack(40), dayBack(5)] }, start, undefined, none, synced)).toBe(false);
    const lookedUp = { ...listed('2510.00002', 0), dailyDate: undefined, dailyDates: undefined };
    expect(isPrunable({ ...lookedUp, fetchedAt: NOW - 31 * DAY }, start, undefined, none, synced)).toBe(true);
    expect(isPrunable({ ...lookedUp, fetchedAt: NOW - 2 * DAY }, start, undefined, none, synced)).toBe(false);
    // Looked up now, with the day HF listed it long ago (a day no sync stored): its fetch counts, not that day.
    const hfDay = { ...listed('2510.00003', 400), fetchedAt: NOW };
    expect(isPrunable(hfDay, start, undefined, none, synced)).toBe(false);
    expect(isPrunable({ ...hfDay, fetchedAt: NOW - 31 * DAY }, start, undefined, none, synced)).toBe(true);
    // Re-listed on a synced day since (old, then 5 days ago), a row without `dailyDates` (an older version's) alike.
    expect(isPrunable({ ...hfDay, dailyDates: [dayBack(400), dayBack(5)], fetchedAt: NOW - 100 * DAY }, start, undefined, none, synced)).toBe(false);
    expect(isPrunable({ ...listed('2510.00004', 31), dailyDates: undefined }, start, undefined, none, synced)).toBe(true);
  });

  it('never prunes a saved, read or trending paper', () => {
    const start = retentionStart(NOW, 30)!;
    const old = listed('2510.00001', 400);
    const synced = new Set([dayBack(400)]);
    expect(isPrunable(old, start, { id: old.id, savedAt: 1 }, new Set(), synced)).toBe(false);
    expect(isPrunable(old, start, { id: old.id, readAt: 1 }, new Set(), synced)).toBe(false);
    expect(isPrunable(old, start, { id: old.id, notifiedAt: 1 }, new Set(), synced)).toBe(true);
    expect(isPrunable(old, start, undefined, new Set([old.id]), synced)).toBe(false);
  });

  it('thins points older than the limit to the last of each day, per paper; later points all stay', () => {
    const at = (daysAgo: number, hour: number) => NOW - daysAgo * DAY + hour * 3_600_000;
    const samples: UpvoteSample[] = [
      { id: 'a', at: at(40, -10), upvotes: 1 },
      { id: 'a', at: at(40, -6), upvotes: 2 },
      { id: 'a', at: at(40, -1), upvotes: 3 },
      { id: 'b', at: at(40, -5), upvotes: 7 },
      { id: 'a', at: at(39, -1), upvotes: 4 },
      { id: 'a', at: at(2, -5), upvotes: 8 },
      { id: 'a', at: at(2, -1), upvotes: 9 },
    ];
    const gone = samplesToThin(samples, NOW - 30 * DAY);
    expect(gone.map((s) => s.upvotes).sort()).toEqual([1, 2]);
  });

  it('expires a miss after a day, a failure after 10 minutes', () => {
    expect(isMissExpired({ id: 'x', at: NOW - DAY }, NOW)).toBe(true);
    expect(isMissExpired({ id: 'x', at: NOW - DAY + 1 }, NOW)).toBe(false);
    expect(isMissExpired({ id: 'x', at: NOW - 10 * 60_000, failed: true }, NOW)).toBe(true);
    expect(isMissExpired({ id: 'x', at: NOW - 60_000, failed: true }, NOW)).toBe(false);
  });
});

describe('pruneStore', () => {
  let db: PapersDB;
  beforeEach(async () => {
    db = new PapersDB(`prune-${Math.random()}`);
    await db.open();
  });
  afterEach(async () => {
    await db.delete();
  });

  it('removes old papers with their history, keeps the marked and trending ones, thins, expires misses, in small transactions', async () => {
    const papers = [
      ...Array.from({ length: 25 }, (_, i) => listed(`2501.${10_000 + i}`, 100)),
      listed('2501.20000', 100),
      listed('2501.20001', 100),
      listed('2501.20002', 100),
      listed('2511.00001', 10),
      listed('2511.00002', 45),
    ];
    await db.papers.bulkPut(papers);
    await db.userState.bulkPut([
      { id: '2501.20000', savedAt: 1 },
      { id: '2501.20001', readAt: 1 },
    ]);
    await db.kv.put({ key: 'trending', value: { fetchedAt: 1, ids: ['2501.20002'] } });
    // Cached linked lists and discussion (kv rows a paper): a pruned paper's go, a kept one's stay.
    await db.kv.bulkPut([
      { key: 'paperLinks:2501.10000', value: {} },
      { key: 'paperComments:2501.10000', value: {} },
      { key: 'paperLinks:2501.20000', value: {} },
    ]);
    // Hourly points over each paper's first two days.
    await db.upvoteHistory.bulkPut(
      papers.flatMap((p) => Array.from({ length: 48 }, (_, h) => ({ id: p.id, at: p.fetchedAt + h * 3_600_000, upvotes: h }))),
    );
    await db.misses.bulkPut([
      { id: '2511.90001', at: NOW - 2 * DAY },
      { id: '2511.90002', at: NOW - 60_000 },
      { id: '2511.90003', at: NOW - 20 * 60_000, failed: true },
    ]);
    let pauses = 0;
    const report = await pruneStore(db, { now: NOW, keepDays: 60, chunk: 10, pause: async () => void pauses++ });

    expect(report.papers).toBe(25);
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(['2501.20000', '2501.20001', '2501.20002', '2511.00001', '2511.00002']);
    expect(await db.upvoteHistory.where('id').startsWith('2501.1').count()).toBe(0);
    // Older than a month: one point a day (the papers' first two days span three UTC days at most).
    for (const id of ['2501.20000', '2511.00002']) expect(await db.upvoteHistory.where('id').equals(id).count()).toBeLessThanOrEqual(3);
    // Younger than a month: every point.
    expect(await db.upvoteHistory.where('id').equals('2511.00001').count()).toBe(48);
    expect((await db.misses.toArray()).map((m) => m.id)).toEqual(['2511.90002']);
    expect((await db.kv.toCollection().primaryKeys()).filter((key) => key.startsWith('paper'))).toEqual(['paperLinks:2501.20000']);
    expect(await db.userState.count()).toBe(2);
    // 25 papers in chunks of 10 (3 transactions), thinning in chunks too: a pause between each.
    expect(pauses).toBeGreaterThanOrEqual(4);
    const state = (await db.kv.get(PRUNE_STATE_KEY))?.value as PruneState;
    expect(state.thinnedBefore).toBe(dayBack(30));
    expect(state.report.papers).toBe(25);
  });

  it("takes the papers it deletes out of the kept page indexes, in the deleting transactions; past a bound, the copies go", async () => {
    /** Copies of every stored paper's badge and title, stamped with the count stored. */
    const keepCopies = async () => {
      const rows = await db.papers.toArray();
      const stamp = stampText({ format: INDEX_FORMAT, papers: rows.length, trending: { at: 0, ids: [] }, days: [] });
      await db.kv.bulkPut([
        { key: 'badgeIndex', value: { stamp, index: encodeBadgeIndex(rows) } },
        { key: 'titleIndex', value: { stamp, titles: encodeTitleIndex(rows) } },
      ]);
    };
    const old = (n: number, from = 0) => Array.from({ length: n }, (_, i) => listed(`2401.${String(10_000 + from + i)}`, 100));
    const young = [listed('2511.00001', 10), listed('2511.00002', 20)];
    await db.papers.bulkPut([...old(25), ...young]);
    await keepCopies();
    await pruneStore(db, { now: NOW, keepDays: 60, chunk: 10, pause: async () => undefined });
    // What building them from the papers left gives, with the count of what is left.
    const left: Paper[] = await db.papers.toArray();
    expect(left.map((paper) => paper.id)).toEqual(young.map((paper) => paper.id));
    expect((await readKeptIndex(db))?.index).toBe(encodeBadgeIndex(left));
    expect((await readKeptTitles(db))?.titles).toBe(encodeTitleIndex(left));
    expect(parseStamp((await readKeptIndex(db))!.stamp)!.papers).toBe(2);

    // A run deleting more than the bound (a much shorter window chosen): the copies go.
    await db.papers.bulkPut(old(PATCH_KEPT_INDEXES_MAX + 1, 100));
    await keepCopies();
    const report = await pruneStore(db, { now: NOW, keepDays: 60, pause: async () => undefined });
    expect(report.papers).toBe(PATCH_KEPT_INDEXES_MAX + 1);
    expect(await db.kv.get('badgeIndex')).toBeUndefined();
    expect(await db.kv.get('titleIndex')).toBeUndefined();
  });

  it('keeps a paper looked up a moment ago, and its linked lists, however long ago HF listed it', async () => {
    // A day synced 400 days ago; a paper HF listed 500 days ago (before any synced day) a page looked up just now.
    await db.days.put({ date: dayBack(400), fetchedAt: NOW - 400 * DAY, count: 1, dropped: 0, status: 'complete' });
    await db.papers.put(listed('2411.00001', 400));
    await storeLookedUpPaper(db, makePaper({ id: '2307.00002', dailyDate: dayBack(500), fetchedAt: NOW }), NOW);
    await keepPaperLinks(db, '2307.00002', { totals: { models: 0, datasets: 0, spaces: 0 }, top: { models: [], datasets: [], spaces: [] } }, NOW);
    expect((await db.papers.get('2307.00002'))?.dailyDates).toEqual([dayBack(500)]);

    const report = await pruneStore(db, { now: NOW, keepDays: 365, pause: async () => undefined });
    expect(report.papers).toBe(1);
    expect(await db.papers.toCollection().primaryKeys()).toEqual(['2307.00002']);
    expect(await db.kv.get('paperLinks:2307.00002')).toBeDefined();
    // A year on, its fetch is before the window too: it goes.
    await pruneStore(db, { now: NOW + 366 * DAY, keepDays: 365, pause: async () => undefined });
    expect(await db.papers.count()).toBe(0);
  });

  it('for ever: no paper goes, history is still thinned and misses still expire', async () => {
    await db.papers.bulkPut([listed('2401.00001', 900)]);
    await db.upvoteHistory.bulkPut(Array.from({ length: 24 }, (_, h) => ({ id: '2401.00001', at: NOW - 900 * DAY + h * 60_000, upvotes: h })));
    await db.misses.put({ id: '2511.90001', at: NOW - 2 * DAY });
    await pruneStore(db, { now: NOW, keepDays: undefined, pause: async () => undefined });
    expect(await db.papers.count()).toBe(1);
    expect(await db.upvoteHistory.count()).toBe(1);
    expect(await db.misses.count()).toBe(0);
  });

  it('a later run thins only the papers of the last few months, not the whole history again', async () => {
    await db.papers.bulkPut([listed('2401.00001', 300), listed('2511.00001', 35)]);
    await db.kv.put({ key: PRUNE_STATE_KEY, value: { thinnedBefore: dayBack(31), at: NOW - DAY, report: { papers: 0, samples: 0, misses: 0, ms: 0 } } });
    const twoPerDay = (id: string, daysAgo: number) => [0, 1].map((h) => ({ id, at: NOW - daysAgo * DAY + h * 60_000, upvotes: h }));
    await db.upvoteHistory.bulkPut([...twoPerDay('2401.00001', 300), ...twoPerDay('2511.00001', 35)]);
    const report = await pruneStore(db, { now: NOW, keepDays: 365, pause: async () => undefined });
    expect(report.samples).toBe(1);
    expect(await db.upvoteHistory.where('id').equals('2401.00001').count()).toBe(2);
  });

  it('a paper saved while the run goes is kept: marks are read again inside each transaction', async () => {
    await db.papers.bulkPut([listed('2401.00001', 300), listed('2401.00002', 300)]);
    let first = true;
    await pruneStore(db, {
      now: NOW,
      keepDays: 30,
      chunk: 1,
      pause: async () => {
        if (first) await db.userState.put({ id: '2401.00002', savedAt: NOW });
        first = false;
      },
    });
    expect((await db.papers.toCollection().primaryKeys()).sort()).toEqual(['2401.00002']);
  });

  it('a run stopped half-way keeps its progress: the next one thins on from there', async () => {
    const papers = [listed('2401.00001', 300), listed('2402.00001', 200), listed('2403.00001', 100)];
    await db.papers.bulkPut(papers);
    const twoPerDay = (id: string, at: number) => [0, 1].map((h) => ({ id, at: at + h * 60_000, upvotes: h }));
    await db.upvoteHistory.bulkPut(papers.flatMap((p) => twoPerDay(p.id, p.fetchedAt)));
    let pauses = 0;
    const stop = async () => {
      if (++pauses === 1) throw new Error('worker stopped');
    };
    await expect(pruneStore(db, { now: NOW, keepDays: undefined, chunk: 1, pause: stop })).rejects.toThrow('worker stopped');
    const stopped = (await db.kv.get(PRUNE_STATE_KEY))?.value as PruneState;
    expect(stopped.thinnedBefore).toBe(dayBack(300));
    expect(stopped.finishedAt).toBeUndefined();
    expect(await db.upvoteHistory.count()).toBe(5);
    const report = await pruneStore(db, { now: NOW, keepDays: undefined, pause: async () => undefined });
    expect(report.samples).toBe(2);
    expect(await db.upvoteHistory.count()).toBe(3);
    const finished = (await db.kv.get(PRUNE_STATE_KEY))?.value as PruneState;
    expect(finished.thinnedBefore).toBe(dayBack(30));
    expect(finished.finishedAt).toBeGreaterThan(0);
  });

  it('thins once a day: a later run the same day walks no history; the next day only the papers the sync still touches', async () => {
    await db.papers.bulkPut([listed('2511.00001', 35), listed('2510.00001', 70)]);
    const twoPerDay = (id: string, daysAgo: number) => [0, 1].map((h) => ({ id, at: NOW - daysAgo * DAY + h * 60_000, upvotes: h }));
    await db.upvoteHistory.bulkPut([...twoPerDay('2511.00001', 35), ...twoPerDay('2510.00001', 70)]);
    await pruneStore(db, { now: NOW, keepDays: 365, syncDays: 30, pause: async () => undefined });
    expect(await db.upvoteHistory.count()).toBe(2);

    // New points since (the sync still re-fetches the 35-day-old paper's day; not the 70-day-old one's).
    await db.upvoteHistory.bulkPut([...twoPerDay('2511.00001', 31), ...twoPerDay('2510.00001', 31)]);
    const range = vi.spyOn(db.upvoteHistory, 'where');
    const sameDay = await pruneStore(db, { now: NOW + 3_600_000, keepDays: 365, syncDays: 30, pause: async () => undefined });
    expect(sameDay.samples).toBe(0);
    expect(range).not.toHaveBeenCalled();

    const nextDay = await pruneStore(db, { now: NOW + DAY, keepDays: 365, syncDays: 30, pause: async () => undefined });
    // The 35-day-old paper's new points are thinned; the 70-day-old one is beyond what a sync touches.
    expect(nextDay.samples).toBe(1);
    expect(await db.upvoteHistory.where('id').equals('2511.00001').count()).toBe(2);
    expect(await db.upvoteHistory.where('id').equals('2510.00001').count()).toBe(3);
  });
});
