import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import type { Paper } from '../../../lib/shared/paper';
import { BadgeIndex } from '../../../lib/shared/badge-index';
import { TitleIndex } from '../../../lib/shared/title-index';
import { StoredPapers } from '../../../lib/background/stored-papers';
import { storeDay, storeLookedUpPaper } from '../../../lib/background/sync/store';
import { utcDay } from '../../../lib/shared/utc-day';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { NewestBadgesCopy } from '../../../lib/background/newest-copy';
import { NEWEST_BADGES_KEY } from '../../../lib/shared/storage-keys';

const DAY = '2025-06-09';
/** A paper of the synced Daily Papers list of DAY (its day record is written in beforeEach). */
const paper = (id: string, upvotes = 1): Paper => ({ id, title: `Paper ${id}`, summary: 'The abstract.', authors: [], upvotes, fetchedAt: 1, dailyDate: DAY });
/** Spies on the read of the whole window (a fill), and on the fill itself. */
const walkSpy = (instance: StoredPapers) => vi.spyOn(instance as unknown as { walkWindow: () => Promise<void> }, 'walkWindow');
const fillSpy = (instance: StoredPapers) => vi.spyOn(instance as unknown as { fill: () => Promise<unknown> }, 'fill');
const overview = (id: string, upvotes: number) => ({ id, title: `Paper ${id}`, authors: [], upvotes, fetchedAt: 1, dailyDate: DAY, dailyDates: [DAY] });

let db: PapersDB;
let stored: StoredPapers;
beforeEach(async () => {
  db = new PapersDB(`stored-${Math.random()}`);
  await db.papers.bulkPut([paper('2506.06276', 21), paper('2506.00001', 5)]);
  await db.days.put({ date: DAY, fetchedAt: 1, count: 2, dropped: 0, status: 'complete' });
  stored = new StoredPapers(db);
});
afterEach(async () => {
  stored.close();
  await db.delete();
});

describe('StoredPapers', () => {
  it('answers the stored papers among the ids, without abstracts, filling the index once', async () => {
    const fill = fillSpy(stored);
    const many = ['2506.06276', '2506.99999', '2506.99998', '2506.99997'];
    const found = await stored.get(many);
    expect([...found.values()]).toEqual([overview('2506.06276', 21)]);
    await Promise.all([stored.get(['2506.00001']), stored.get(['2506.00001']), stored.get(many), stored.badgeIndex()]);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('answers a few ids by reading those ids, then fills the index for the listings to come', async () => {
    const fill = fillSpy(stored);
    const found = await stored.get(['2506.06276', '2506.99999'], { unlisted: true });
    expect([...found.values()]).toEqual([overview('2506.06276', 21)]);
    expect(fill).not.toHaveBeenCalled();
    await vi.waitFor(() => expect(fill).toHaveBeenCalledTimes(1));
    expect((await stored.get(['2506.00001'])).get('2506.00001')?.upvotes).toBe(5);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('answers the badge index of every listed paper, built once until the tables change', async () => {
    const index = await stored.badgeIndex();
    expect(index).toBe('2506.00001 5\n2506.06276 21');
    expect(await stored.badgeIndex()).toBe(index);
    await storeDay(db, { date: '2025-06-10', papers: [{ ...paper('2507.00001', 4), numComments: 2 }], dropped: 0, status: 'open' }, 3);
    expect(new BadgeIndex(await stored.badgeIndex()).get('2507.00001')).toEqual({ id: '2507.00001', upvotes: 4, numComments: 2 });
  });

  it('sorts the badge index by id, whatever day each paper was listed (a page finds an id by binary search)', async () => {
    await storeDay(db, { date: '2025-06-10', papers: [{ ...paper('2501.00001', 4), numComments: 2 }], dropped: 0, status: 'open' }, 3);
    expect(await stored.badgeIndex()).toBe('2501.00001 4 2\n2506.00001 5\n2506.06276 21');
  });

  it('builds the index again over a copy kept in an earlier format, never patching it', async () => {
    const index = await stored.badgeIndex();
    await vi.waitFor(async () => expect((await db.kv.get('badgeIndex'))?.value).toMatchObject({ index }));
    stored.close();
    const { stamp } = (await db.kv.get('badgeIndex'))!.value as { stamp: string };
    expect(JSON.parse(stamp)).toMatchObject({ format: 'badge-index/3' });
    // As 0.2's worker kept it (a text stamp, no format, the lines unsorted), and as 0.3's (a text stamp): both read anew.
    for (const old of [`2025-06-09 ${stamp}`, `badge-index/2 2025-06-09 ${stamp}`]) {
      await db.kv.put({ key: 'badgeIndex', value: { stamp: old, index: '2506.06276 21\n2506.00001 5' } });
      stored = new StoredPapers(db);
      const walked = walkSpy(stored);
      expect(await stored.badgeIndex()).toBe('2506.00001 5\n2506.06276 21');
      expect(walked).toHaveBeenCalledTimes(1);
      stored.close();
    }
    stored = new StoredPapers(db);
  });

  it('answers the title index of the listed papers (normalised titles), once per change, never a paper the person opened', async () => {
    const titles = await stored.titleIndex();
    expect(titles.split('\n').sort()).toEqual(['2506.00001 paper 2506 00001', '2506.06276 paper 2506 06276']);
    expect(await stored.titleIndex()).toBe(titles);
    await storeDay(db, { date: '2025-06-10', papers: [{ ...paper('2507.00001', 4), title: 'A New Title' }], dropped: 0, status: 'open' }, 3);
    expect(new TitleIndex(await stored.titleIndex()).match('a new title')).toBe('2507.00001');
    await storeLookedUpPaper(db, { ...paper('2507.00002', 8), title: 'Opened By The Person', dailyDate: '2024-01-05' }, 3);
    expect(new TitleIndex(await stored.titleIndex()).match('Opened by the person')).toBeUndefined();
  });

  it('tells pages only what public lists hold: not the papers the person opened or saved from a search', async () => {
    // Opened by the person (a live lookup), HF even has it on a Daily Papers day that was never synced.
    await storeLookedUpPaper(db, { ...paper('2507.00002', 8), dailyDate: '2024-01-05' }, 3);
    // Saved from "search all of HF" (kept: a paper row without a list day).
    await storeLookedUpPaper(db, { ...paper('2507.00003', 2), dailyDate: undefined }, 3);
    const index = new BadgeIndex(await stored.badgeIndex());
    expect(index.get('2507.00002')).toBeUndefined();
    expect(index.get('2507.00003')).toBeUndefined();
    expect(index.get('2506.06276')).toBeDefined();
    const decoys = ['2507.00002', '2507.00003', '2508.99001', '2508.99002', '2508.99003', '2508.99004'];
    expect([...(await stored.get(decoys)).keys()]).toEqual([]);
    // The same before the view is filled (a few ids are read directly, with their days).
    const cold = new StoredPapers(db);
    expect([...(await cold.get(['2507.00002', '2506.06276'])).keys()]).toEqual(['2506.06276']);
    cold.close();
    // A question that could ask HF itself (a paper page, live lookups on) gets the stored answer.
    expect((await stored.get(['2507.00002'], { unlisted: true })).get('2507.00002')?.upvotes).toBe(8);
    // A repository's card: only listed papers.
    expect((await stored.listedOf([{ id: '2507.00002' }, { id: '2506.06276' }])).map((p) => p.id)).toEqual(['2506.06276']);
    // On the trending list: public, so readable.
    await db.kv.put({ key: 'trending', value: { fetchedAt: 4, ids: ['2507.00003'] } });
    expect(new BadgeIndex(await stored.badgeIndex()).get('2507.00003')).toEqual({ id: '2507.00003', upvotes: 2 });
  });

  it('never answers older than the database: a sync step or a live lookup is seen at once', async () => {
    expect((await stored.get(['2506.06276'])).get('2506.06276')?.upvotes).toBe(21);
    await storeDay(db, { date: '2025-06-09', papers: [paper('2506.06276', 30), paper('2506.00002', 2)], dropped: 0, status: 'open' }, 2);
    const afterSync = await stored.get(['2506.06276', '2506.00002']);
    expect(afterSync.get('2506.06276')?.upvotes).toBe(30);
    expect(afterSync.get('2506.06276')?.dailyDate).toBe('2025-06-09');
    expect(afterSync.has('2506.00002')).toBe(true);
    await storeLookedUpPaper(db, paper('2507.00001', 4), 3);
    expect((await stored.get(['2507.00001'], { unlisted: true })).get('2507.00001')?.upvotes).toBe(4);
  });

  it('does not keep a load that a change overtook', async () => {
    const load = stored.get(['2506.06276']);
    await db.papers.put(paper('2506.06276', 99));
    await load;
    expect((await stored.get(['2506.06276'])).get('2506.06276')?.upvotes).toBe(99);
  });

  it('ignores changes to other tables', async () => {
    await stored.badgeIndex();
    const fill = fillSpy(stored);
    await db.userState.put({ id: '2506.06276', savedAt: 1 });
    // Of the kv table, only the trending list: not the sync's state or a pruning run's progress.
    await db.kv.bulkPut([{ key: 'syncState', value: { running: true } }, { key: 'pruneState', value: {} }]);
    await stored.get(['2506.06276', '2506.00001', '2506.99999', '2506.99998']);
    expect(fill).not.toHaveBeenCalled();
    await db.kv.put({ key: 'trending', value: { fetchedAt: 5, ids: [] } });
    await stored.get(['2506.06276', '2506.00001', '2506.99999', '2506.99998']);
    expect(fill).toHaveBeenCalledTimes(1);
  });

  it('holds only the Daily Papers of the retention window (and trending): not an old paper, even saved', async () => {
    const now = Date.parse('2025-08-01T12:00:00Z');
    // Kept 30 days: from 2025-07-02. DAY (2025-06-09) is older; a paper of 2025-07-20 is inside.
    await storeDay(db, { date: '2025-07-20', papers: [paper('2507.00001', 4)], dropped: 0, status: 'complete' }, 3);
    await db.userState.put({ id: '2506.06276', savedAt: 1 });
    await db.kv.put({ key: 'trending', value: { fetchedAt: 4, ids: ['2506.00001'] } });
    const windowed = new StoredPapers(db, { keptDays: async () => 30, now: () => now });
    try {
      const index = new BadgeIndex(await windowed.badgeIndex());
      expect(index.get('2507.00001')).toEqual({ id: '2507.00001', upvotes: 4 });
      // On the trending list: shown whatever its day.
      expect(index.get('2506.00001')).toEqual({ id: '2506.00001', upvotes: 5 });
      // Saved, but older than the window: no listing can tell the person kept it.
      expect(index.get('2506.06276')).toBeUndefined();
      expect([...(await windowed.get(['2506.06276', '2507.00001', '2506.99999', '2506.99998'])).keys()]).toEqual(['2507.00001']);
      expect((await windowed.listedOf([{ id: '2506.06276' }, { id: '2507.00001' }])).map((p) => p.id)).toEqual(['2507.00001']);
      // Its own paper page (one id, read directly) still gets its card.
      expect((await windowed.get(['2506.06276'])).get('2506.06276')?.upvotes).toBe(21);
      // A longer window, after the setting changed: the old day is back.
      const longer = new StoredPapers(db, { keptDays: async () => 365, now: () => now });
      expect(new BadgeIndex(await longer.badgeIndex()).get('2506.06276')).toEqual({ id: '2506.06276', upvotes: 21 });
      longer.close();
    } finally {
      windowed.close();
    }
  });

  it('keeps a copy of the index for the next wake, used only while the tables still match it', async () => {
    const index = await stored.badgeIndex();
    await vi.waitFor(async () => expect((await db.kv.get('badgeIndex'))?.value).toMatchObject({ index }));
    stored.close();

    // A woken worker: the copy, no paper read.
    const woken = new StoredPapers(db);
    const walked = walkSpy(woken);
    expect(await woken.badgeIndex()).toBe(index);
    expect([...(await woken.get(['2506.06276', '2506.00001', '2506.99999', '2506.99998'])).keys()].sort()).toEqual(['2506.00001', '2506.06276']);
    expect(walked).not.toHaveBeenCalled();
    woken.close();

    // Written while no worker listened (a sync step): the stamp names the day, its papers are read again and patched in.
    await storeDay(db, { date: DAY, papers: [paper('2506.06276', 40)], dropped: 0, status: 'complete' }, 9);
    const later = new StoredPapers(db);
    const walkedLater = walkSpy(later);
    expect(await later.badgeIndex()).toBe('2506.00001 5\n2506.06276 40');
    expect(walkedLater).not.toHaveBeenCalled();

    // A change the awake worker sees drops the copy at once (a looked-up paper's count shows in no stamp).
    await vi.waitFor(async () => expect(await db.kv.get('badgeIndex')).toBeDefined());
    await db.papers.update('2506.00001', { upvotes: 6 });
    await vi.waitFor(async () => expect(await db.kv.get('badgeIndex')).toBeUndefined());
    expect(new BadgeIndex(await later.badgeIndex()).get('2506.00001')?.upvotes).toBe(6);
    later.close();
    stored = new StoredPapers(db);
  });

  it('keeps a copy of the title index beside it: a woken worker answers titles without reading the window, until the tables change', async () => {
    const titles = await stored.titleIndex();
    await vi.waitFor(async () => expect((await db.kv.get('titleIndex'))?.value).toMatchObject({ titles }));
    stored.close();

    const woken = new StoredPapers(db);
    const walked = walkSpy(woken);
    expect(await woken.titleIndex()).toBe(titles);
    expect(walked).not.toHaveBeenCalled();
    woken.close();

    // A sync step written while no worker listened: the stamp names the day, both copies are patched.
    await storeDay(db, { date: DAY, papers: [{ ...paper('2506.06276', 40), title: 'Renamed By Its Authors' }], dropped: 0, status: 'complete' }, 9);
    const later = new StoredPapers(db);
    const walkedLater = walkSpy(later);
    expect(new TitleIndex(await later.titleIndex()).match('renamed by its authors')).toBe('2506.06276');
    expect(new TitleIndex(await later.titleIndex()).match('Paper 2506.06276')).toBeUndefined();
    expect(walkedLater).not.toHaveBeenCalled();

    // A change the awake worker sees drops both copies at once.
    await vi.waitFor(async () => expect((await db.kv.get('titleIndex'))?.value).toMatchObject({ titles: expect.stringContaining('renamed') }));
    await db.papers.update('2506.00001', { title: 'Looked Up Again' });
    await vi.waitFor(async () => expect(await db.kv.get('titleIndex')).toBeUndefined());
    expect(new TitleIndex(await later.titleIndex()).match('looked up again')).toBe('2506.00001');
    later.close();
    stored = new StoredPapers(db);
  });

  it('reads titles in the same pass as badges once pages asked for titles lately, whichever is asked first', async () => {
    await stored.titleIndex();
    // A change (a paper looked up live): the next question reads the window again, titles with it.
    await storeLookedUpPaper(db, { ...paper('2506.06276', 30), title: 'A Title Looked Up' }, 5);
    await vi.waitFor(async () => expect(await db.kv.get('titleIndex')).toBeUndefined());
    const walked = walkSpy(stored);
    expect(new BadgeIndex(await stored.badgeIndex()).get('2506.06276')?.upvotes).toBe(30);
    expect(new TitleIndex(await stored.titleIndex()).match('a title looked up')).toBe('2506.06276');
    expect(walked).toHaveBeenCalledTimes(1);
  });

  it('fills the index again after a sync step, unasked, and keeps its copy for the next wake; not after a live lookup', async () => {
    stored.close();
    // Longer than two sync steps take here even on a loaded machine: one refill for both.
    stored = new StoredPapers(db, { refillAfterSyncMs: 400 });
    const fill = fillSpy(stored);
    await stored.badgeIndex();
    expect(fill).toHaveBeenCalledTimes(1);
    // A paper looked up live: the index is dropped, and filled only when a page asks.
    await storeLookedUpPaper(db, paper('2506.12345', 3), 5);
    await vi.waitFor(async () => expect(await db.kv.get('badgeIndex')).toBeUndefined());
    await new Promise((resolve) => setTimeout(resolve, 800));
    expect(fill).toHaveBeenCalledTimes(1);
    // Two sync steps close together: one fill after the second, its copy kept, no page asking.
    await storeDay(db, { date: '2025-06-10', papers: [paper('2507.00001', 4)], dropped: 0, status: 'open' }, 3);
    await storeDay(db, { date: '2025-06-11', papers: [paper('2507.00002', 6)], dropped: 0, status: 'open' }, 3);
    await vi.waitFor(async () => expect(((await db.kv.get('badgeIndex'))?.value as { index?: string } | undefined)?.index).toContain('2507.00002 6'), { timeout: 5_000 });
    expect(fill).toHaveBeenCalledTimes(2);
    expect((await db.kv.get('badgeIndexAsked'))?.value).toEqual({ day: utcDay(Date.now()) });
  });

  it('tells the newest badges\' copy each index it builds or takes and each drop: the copy is never older than the database', async () => {
    stored.close();
    const copy = new NewestBadgesCopy(fakeBrowser.storage.local);
    const told: (string | undefined)[] = [];
    stored = new StoredPapers(db, { refillAfterSyncMs: 200, onIndex: (index) => (told.push(index), void copy.follow(index)) });
    const copied = async () => (await fakeBrowser.storage.local.get(NEWEST_BADGES_KEY))[NEWEST_BADGES_KEY];
    await stored.badgeIndex();
    await vi.waitFor(async () => expect(await copied()).toBe('2506.00001 5\n2506.06276 21'));
    // A sync step: the index dropped, the copy gone at once; filled again after the sync (a page asked today), the copy back.
    await storeDay(db, { date: '2025-06-10', papers: [paper('2507.00001', 4)], dropped: 0, status: 'open' }, 3);
    expect(told.at(-1)).toBeUndefined();
    await vi.waitFor(async () => expect(await copied()).toBe('2506.00001 5\n2506.06276 21\n2507.00001 4'), { timeout: 5_000 });
    expect(told.filter((index) => index !== undefined)).toHaveLength(2);
    // A paper of a listed day, looked up live: the index and its copies dropped, the newest badges' too, until a page asks again.
    await storeLookedUpPaper(db, paper('2508.00001', 3), 5);
    await vi.waitFor(async () => expect(await copied()).toBeUndefined());
    await stored.badgeIndex();
    await vi.waitFor(async () => expect(await copied()).toBe('2506.00001 5\n2506.06276 21\n2507.00001 4\n2508.00001 3'));
  });

  it('fills the index after a sync only for a person whose pages asked for it on one of the last 7 days', async () => {
    stored.close();
    const now = Date.parse('2025-06-20T12:00:00Z');
    const syncStep = (date: string) => storeDay(db, { date, papers: [paper(`x-${date}`, 4)], dropped: 0, status: 'open' }, 3);
    let walks = 0;
    const afterSync = async (date: string) => {
      stored.close();
      stored = new StoredPapers(db, { refillAfterSyncMs: 50, now: () => now });
      const fill = fillSpy(stored);
      const walk = walkSpy(stored);
      await syncStep(date);
      await new Promise((resolve) => setTimeout(resolve, 400));
      walks = walk.mock.calls.length;
      return fill.mock.calls.length;
    };
    // No page ever asked: a sync reads nothing more.
    expect(await afterSync('2025-06-10')).toBe(0);
    // Asked 8 days ago: not lately.
    await db.kv.put({ key: 'badgeIndexAsked', value: { day: '2025-06-12' } });
    expect(await afterSync('2025-06-11')).toBe(0);
    // Asked 7 days ago: the badge index is filled, the title index not (no page asked for titles).
    await db.kv.put({ key: 'badgeIndexAsked', value: { day: '2025-06-13' } });
    expect(await afterSync('2025-06-12')).toBe(1);
    expect(await db.kv.get('titleIndex')).toBeUndefined();
    // A page that asks today notes today, once whatever it asks; titles, once more.
    const put = vi.spyOn(db.kv, 'put');
    const askedPuts = () => put.mock.calls.filter(([row]) => row.key === 'badgeIndexAsked').map(([row]) => row.value);
    await Promise.all([stored.badgeIndex(), stored.listedOf([{ id: DAY }]), stored.get(['a', 'b', 'c', 'd'])]);
    await stored.titleIndex();
    await stored.titleIndex();
    await stored.badgeIndex();
    expect(askedPuts()).toEqual([{ day: '2025-06-20' }, { day: '2025-06-20', titles: '2025-06-20' }]);
    // Titles asked lately: a sync fills the title index too, in the same pass, and keeps its copy.
    await db.kv.delete('titleIndex');
    expect(await afterSync('2025-06-13')).toBe(1);
    expect(walks).toBe(1);
    await vi.waitFor(async () => expect(((await db.kv.get('titleIndex'))?.value as { titles?: string } | undefined)?.titles).toContain('x-2025-06-13'));
    // A paper page's few ids, read directly, are not a page asking for the index.
    await db.kv.delete('badgeIndexAsked');
    stored.close();
    stored = new StoredPapers(db, { now: () => now });
    await stored.get(['2506.06276']);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await db.kv.get('badgeIndexAsked')).toBeUndefined();
  });
});

