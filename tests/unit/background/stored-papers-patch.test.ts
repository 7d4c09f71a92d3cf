/**
 * The kept badge and title indexes patched after sync steps (lib/background/index-stamp.ts) must be
 * exactly what reading the whole window gives: random runs of sync steps, trending lists, days passing,
 * pruning runs and a retention window chosen again, each checked against the indexes encoded from
 * scratch from the database's rows.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PapersDB, type TrendingList } from '../../../lib/shared/db';
import type { Paper } from '../../../lib/shared/paper';
import { encodeBadgeIndex } from '../../../lib/shared/badge-index';
import { encodeTitleIndex } from '../../../lib/shared/title-index';
import { StoredPapers } from '../../../lib/background/stored-papers';
import { storeDay, storeLookedUpPaper, storeTrending } from '../../../lib/background/sync/store';
import { retentionStart } from '../../../lib/background/retention';
import { pruneStore } from '../../../lib/background/prune';
import { addDays } from '../../../lib/shared/utc-day';
import { clearCache } from '../../../lib/options/clear-cache';

const KEPT_DAYS = 20;
const walkSpy = (instance: StoredPapers) => vi.spyOn(instance as unknown as { walkWindow: () => Promise<void> }, 'walkWindow');

/** A small seeded generator (mulberry32): every run of a seed is the same run. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** What the indexes must be, from every row: the listed papers of the window (a day with papers) and the trending ones. */
async function expected(db: PapersDB, now: number, keptDays = KEPT_DAYS): Promise<{ index: string; titles: string }> {
  const start = retentionStart(now, keptDays)!;
  const [papers, days, trending] = await Promise.all([db.papers.toArray(), db.days.toArray(), db.kv.get('trending')]);
  const listDays = new Set(days.filter((day) => day.date >= start && day.count > 0).map((day) => day.date));
  const trendingIds = new Set((trending?.value as TrendingList | undefined)?.ids ?? []);
  const listed = papers.filter((paper) => trendingIds.has(paper.id) || (paper.dailyDates ?? []).some((day) => listDays.has(day)));
  return { index: encodeBadgeIndex(listed.map(({ id, upvotes, numComments }) => ({ id, upvotes, numComments }))), titles: encodeTitleIndex(listed) };
}

let db: PapersDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('StoredPapers patching its kept indexes after a sync', () => {
  for (const seed of [1, 2, 3, 4, 5, 6]) {
    it(`gives what reading the whole window gives, step after step (run ${seed})`, async () => {
      const next = random(seed);
      const pick = <T,>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
      db = new PapersDB(`patch-${seed}-${Math.random()}`);
      let now = Date.parse('2025-06-25T12:00:00Z');
      let keptDays = KEPT_DAYS;
      let made = 0;
      const ids: string[] = [];
      const fresh = (day: string): Paper => {
        const id = `2506.${String(++made).padStart(5, '0')}`;
        ids.push(id);
        return { id, title: `Paper ${made} ${pick(['on agents', 'of vision', 'for speech'])}`, summary: 'The abstract.', authors: [], upvotes: Math.floor(next() * 50), fetchedAt: now, dailyDate: day };
      };
      /** A day's list: some new papers, some stored ones again (more upvotes, comments, sometimes a new title). */
      const listOf = async (day: string): Promise<Paper[]> => {
        const again = (await db!.papers.bulkGet(ids.filter(() => next() < 0.08))).filter((row): row is Paper => row !== undefined);
        const changed = again.map((row) => ({
          ...row,
          dailyDate: day,
          upvotes: row.upvotes + Math.floor(next() * 5),
          ...(next() < 0.5 ? { numComments: Math.floor(next() * 9) } : {}),
          ...(next() < 0.2 ? { title: `${row.title} (v2)` } : {}),
        }));
        return [...changed, ...Array.from({ length: Math.floor(next() * 6) }, () => fresh(day))];
      };
      const syncDay = async (day: string) => storeDay(db!, { date: day, papers: await listOf(day), dropped: 0, status: 'complete' }, now);
      const syncTrending = async () => storeTrending(db!, [...(await listOf('')).map((paper) => ({ ...paper, dailyDate: undefined }))], now);

      for (let day = addDays('2025-06-25', -25); day <= '2025-06-25'; day = addDays(day, 1)) await syncDay(day);
      await syncTrending();
      const worker = () => new StoredPapers(db!, { keptDays: async () => keptDays, now: () => now, refillAfterSyncMs: 60_000 });
      // As the background runs it, after a sync or a change of settings: the papers that left the window go.
      const prune = () => pruneStore(db!, { now, keepDays: keptDays, pause: async () => undefined });
      let awake = worker();
      await awake.titleIndex();
      let walks = 0;
      for (let step = 0; step < 14; step++) {
        // The copies as the last worker kept them, before the next change.
        const want = await expected(db, now, keptDays);
        await vi.waitFor(async () => {
          expect(((await db!.kv.get('badgeIndex'))?.value as { index: string }).index).toBe(want.index);
          expect(((await db!.kv.get('titleIndex'))?.value as { titles: string }).titles).toBe(want.titles);
        });
        // Half the time the change comes while no worker listens (the next one wakes to it).
        const asleep = next() < 0.5;
        if (asleep) awake.close();
        const change = pick(['day', 'day', 'new day', 'trending', 'time', 'prune', 'window']);
        if (change === 'day') {
          // A sync never reaches before the window: retention keeps at least the days the sync fetches again.
          const day = addDays('2025-06-25', -Math.floor(next() * 10));
          const start = retentionStart(now, keptDays)!;
          await syncDay(day < start ? start : day);
        }
        else if (change === 'new day') await syncDay(addDays('2025-06-25', 1 + step));
        else if (change === 'trending') await syncTrending();
        // A day or two later, and the pruning run of that day's sync: the window's first days leave it.
        else if (change === 'time' || change === 'prune') {
          now += (1 + Math.floor(next() * 2)) * 86_400_000;
          if (change === 'prune') await prune();
        } else {
          // A shorter or longer window chosen on the options page: the settings' change, then its pruning run.
          keptDays = pick([12, 16, 20, 24]);
          if (!asleep) awake.settingsChanged();
          await prune();
        }
        if (asleep) awake = worker();
        const walk = walkSpy(awake);
        const kvReads = vi.spyOn(db.kv, 'get');
        const got = next() < 0.5 ? { titles: await awake.titleIndex(), index: await awake.badgeIndex() } : { index: await awake.badgeIndex(), titles: await awake.titleIndex() };
        expect(got).toEqual(await expected(db, now, keptDays));
        walks += walk.mock.calls.length;
        // A worker awake through a change its stamp names patches the view it held: the copies are not read back.
        const copiesRead = kvReads.mock.calls.filter(([key]) => ['badgeIndex', 'titleIndex'].includes(key as unknown as string)).length;
        if (!asleep && change !== 'prune' && change !== 'window') expect(copiesRead, change).toBe(0);
        kvReads.mockRestore();
      }
      awake.close();
      // Every step patched: none read the window.
      expect(walks).toBe(0);
    });
  }

  it('reads the whole window once papers went that no stamp names (outside a pruning run) are found gone, or a paper was looked up meanwhile', async () => {
    db = new PapersDB(`patch-prune-${Math.random()}`);
    const now = Date.parse('2025-06-25T12:00:00Z');
    const paper = (id: string, day: string, upvotes = 1): Paper => ({ id, title: `Paper ${id}`, summary: '', authors: [], upvotes, fetchedAt: 1, dailyDate: day });
    await storeDay(db, { date: '2025-06-20', papers: [paper('a', '2025-06-20'), paper('b', '2025-06-20')], dropped: 0, status: 'complete' }, 1);
    let worker = new StoredPapers(db, { now: () => now });
    expect(await worker.badgeIndex()).toBe('a 1\nb 1');
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeDefined());
    worker.close();

    // Deleted while no worker listened, by a writer that left the copies alone (a pruning run takes what it
    // deletes out of them, clearing the cache deletes them), with a sync step after: the woken worker
    // patches the copy with the day the sync wrote, uncounted, and answers; then counts, finds fewer
    // papers than the copy counts, and drops the view and the copies: the next question reads the window.
    await db.papers.delete('b');
    await storeDay(db, { date: '2025-06-21', papers: [paper('a', '2025-06-21')], dropped: 0, status: 'complete' }, 2);
    worker = new StoredPapers(db, { now: () => now, countCheckDelayMs: 0 });
    let walk = walkSpy(worker);
    expect(await worker.badgeIndex()).toBe('a 1\nb 1');
    expect(walk).not.toHaveBeenCalled();
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeUndefined());
    expect(await worker.badgeIndex()).toBe('a 1');
    expect(walk).toHaveBeenCalledTimes(1);
    await storeDay(db, { date: '2025-06-21', papers: [paper('c', '2025-06-21')], dropped: 0, status: 'complete' }, 2);
    expect(await worker.badgeIndex()).toBe('a 1\nc 1');
    await vi.waitFor(async () => expect(((await db!.kv.get('badgeIndex'))?.value as { index: string }).index).toBe('a 1\nc 1'));

    // A live lookup the awake worker sees (a count no stamp shows) drops the copies: the next question reads the window.
    await storeLookedUpPaper(db, paper('a', '2025-06-20', 7), 3);
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeUndefined());
    worker.close();
    worker = new StoredPapers(db, { now: () => now });
    walk = walkSpy(worker);
    expect(await worker.badgeIndex()).toBe('a 7\nc 1');
    expect(walk).toHaveBeenCalledTimes(1);

    // A sync step the awake worker sees keeps the copies, and the next question patches them.
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeDefined());
    await storeDay(db, { date: '2025-06-22', papers: [paper('d', '2025-06-22', 2)], dropped: 0, status: 'complete' }, 4);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await db.kv.get('badgeIndex')).toBeDefined();
    expect(await worker.badgeIndex()).toBe('a 7\nc 1\nd 2');
    expect(walk).toHaveBeenCalledTimes(1);
    worker.close();
  });

  it('a woken worker takes a copy of the same lists without counting the papers first; fewer papers than it counts drop it after the answer', async () => {
    db = new PapersDB(`patch-count-${Math.random()}`);
    const now = Date.parse('2025-06-25T12:00:00Z');
    const paper = (id: string, day: string | undefined, upvotes = 1): Paper => ({ id, title: `Paper ${id}`, summary: '', authors: [], upvotes, fetchedAt: 1, dailyDate: day });
    await storeDay(db, { date: '2025-06-20', papers: [paper('a', '2025-06-20'), paper('b', '2025-06-20')], dropped: 0, status: 'complete' }, 1);
    let worker = new StoredPapers(db, { now: () => now, countCheckDelayMs: 0 });
    expect(await worker.badgeIndex()).toBe('a 1\nb 1');
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeDefined());
    worker.close();

    // A paper no list holds stored while no worker listened: the lists are the copy's, so it is taken, uncounted, and kept as it was.
    await db.papers.put(paper('x', undefined, 9));
    const counts = vi.spyOn(db.papers, 'count');
    worker = new StoredPapers(db, { now: () => now, countCheckDelayMs: 0 });
    let walk = walkSpy(worker);
    const answered = worker.badgeIndex();
    expect(await answered).toBe('a 1\nb 1');
    expect(counts).not.toHaveBeenCalled();
    expect(walk).not.toHaveBeenCalled();
    // Counted after the answer: as many papers as the copy counts or more, so the view and the copy stay.
    await vi.waitFor(() => expect(counts).toHaveBeenCalled());
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(await db.kv.get('badgeIndex')).toBeDefined();
    expect(await worker.badgeIndex()).toBe('a 1\nb 1');
    expect(walk).not.toHaveBeenCalled();
    worker.close();

    // Papers deleted behind the copy's back (no writer took them out of it), two of them: the next wake
    // answers from the copy, counts, finds fewer papers than the copy counts, and drops both the view
    // and the copy, so the question after reads the window.
    await db.papers.bulkDelete(['b', 'x']);
    worker = new StoredPapers(db, { now: () => now, countCheckDelayMs: 0 });
    walk = walkSpy(worker);
    expect(await worker.badgeIndex()).toBe('a 1\nb 1');
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeUndefined());
    expect(await worker.badgeIndex()).toBe('a 1');
    expect(walk).toHaveBeenCalledTimes(1);
    worker.close();
    counts.mockRestore();
  });

  it('an awake worker does not patch the view it held after "Clear the cache": the papers it deleted leave the index even when a sync stores as many again', async () => {
    db = new PapersDB(`patch-clear-${Math.random()}`);
    const now = Date.parse('2025-06-25T12:00:00Z');
    const paper = (id: string, day: string): Paper => ({ id, title: `Paper ${id}`, summary: '', authors: [], upvotes: 1, fetchedAt: 1, dailyDate: day });
    await storeDay(db, { date: '2025-06-20', papers: [paper('a', '2025-06-20'), paper('b', '2025-06-20')], dropped: 0, status: 'complete' }, 1);
    await storeDay(db, { date: '2025-06-21', papers: [paper('c', '2025-06-21')], dropped: 0, status: 'complete' }, 1);
    const worker = new StoredPapers(db, { now: () => now });
    expect(await worker.badgeIndex()).toBe('a 1\nb 1\nc 1');
    // The options page clears the cache (nothing saved), then a sync stores one day of as many papers.
    await clearCache(db, { keepSaved: true });
    await storeDay(db, { date: '2025-06-21', papers: ['c', 'd', 'e'].map((id) => paper(id, '2025-06-21')), dropped: 0, status: 'complete' }, 2);
    expect(await worker.badgeIndex()).toBe('c 1\nd 1\ne 1');
    worker.close();
  });

  it('keeps the copies when a live lookup stores a paper no list holds, and drops them when one does, or was indexed, or went', async () => {
    db = new PapersDB(`patch-lookup-${Math.random()}`);
    const now = Date.parse('2025-06-25T12:00:00Z');
    const paper = (id: string, day: string | undefined, upvotes = 1): Paper => ({ id, title: `Paper ${id}`, summary: '', authors: [], upvotes, fetchedAt: 1, dailyDate: day });
    await storeDay(db, { date: '2025-06-20', papers: [paper('a', '2025-06-20'), paper('b', '2025-06-20')], dropped: 0, status: 'complete' }, 1);
    await storeTrending(db, [paper('t', undefined, 3)], 1);
    const worker = new StoredPapers(db, { now: () => now });
    const copies = async () => [(await db!.kv.get('badgeIndex'))?.value, (await db!.kv.get('titleIndex'))?.value];
    const index = await worker.badgeIndex();
    const titles = await worker.titleIndex();
    expect(index).toBe('a 1\nb 1\nt 3');
    await vi.waitFor(async () => expect((await copies()).every(Boolean)).toBe(true));
    const walk = walkSpy(worker);
    const fill = vi.spyOn(worker as unknown as { fill: () => Promise<unknown> }, 'fill');

    // A paper HF has but no synced list holds (its day was never synced), and one saved from a search.
    await storeLookedUpPaper(db, paper('x', '2024-01-05', 9), 2);
    await storeLookedUpPaper(db, paper('y', undefined, 4), 2);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await copies()).every(Boolean)).toBe(true);
    expect(await worker.badgeIndex()).toBe(index);
    expect(await worker.titleIndex()).toBe(titles);
    // The worker kept its view: nothing read again at all.
    expect(fill).not.toHaveBeenCalled();
    expect(walk).not.toHaveBeenCalled();
    // A worker woken later takes the copies as they are (only the count of papers moved).
    const woken = new StoredPapers(db, { now: () => now });
    const wokenWalk = walkSpy(woken);
    expect(await woken.badgeIndex()).toBe(index);
    expect(await woken.titleIndex()).toBe(titles);
    expect(wokenWalk).not.toHaveBeenCalled();
    woken.close();

    // One a synced day lists (HF added it after the sync): the copies go, and the window is read.
    await storeLookedUpPaper(db, paper('c', '2025-06-20', 2), 3);
    await vi.waitFor(async () => expect((await copies()).some(Boolean)).toBe(false));
    expect(await worker.badgeIndex()).toBe('a 1\nb 1\nc 2\nt 3');
    expect(walk).toHaveBeenCalledTimes(1);
    await vi.waitFor(async () => expect(((await db!.kv.get('badgeIndex'))?.value as { index: string } | undefined)?.index).toBe('a 1\nb 1\nc 2\nt 3'));

    // One the index holds, moved off every list by a write no sync made (no stamp shows it): the copies go.
    await db.papers.update('b', { dailyDate: '2024-01-05', dailyDates: ['2024-01-05'] });
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeUndefined());
    expect(await worker.badgeIndex()).toBe('a 1\nc 2\nt 3');
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeDefined());

    // A paper deleted outside a pruning run: the copies go.
    await db.papers.delete('y');
    await vi.waitFor(async () => expect(await db!.kv.get('badgeIndex')).toBeUndefined());
    worker.close();
  });
});
