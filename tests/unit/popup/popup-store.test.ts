import { describe, expect, it } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import { PopupStore } from '../../../lib/popup/popup-store';
import { patchSyncState } from '../../../lib/background/sync/state';
import { storeTrending } from '../../../lib/background/sync/store';
import { keepPaperLinks } from '../../../lib/background/paper-details';
import { SearchIndexKeeper } from '../../../lib/background/search-index';
import { StoredIndexReader } from '../../../lib/popup/search/stored-index-reader';
import { SEARCH_INDEX_KEY } from '../../../lib/shared/storage-keys';
import { changeUserState } from '../../../lib/shared/user-state';
import { makePaper, useTestDb } from '../support/builders';

/** The popup's plain-IndexedDB view of a database Dexie wrote. */
async function storeFor(db: PapersDB): Promise<PopupStore> {
  await db.open();
  const store = await PopupStore.open(db.name);
  if (!store) throw new Error('the database should exist');
  return store;
}

describe('PopupStore reads what Dexie wrote', () => {
  const db = useTestDb();

  it('reads days, papers of a day range, papers by id and the sync state', async () => {
    await db().days.bulkPut([
      { date: '2025-06-06', fetchedAt: 1, count: 1, dropped: 0, status: 'complete' },
      { date: '2025-06-09', fetchedAt: 2, count: 2, dropped: 0, status: 'open' },
    ]);
    await db().papers.bulkPut([
      makePaper({ id: '2506.00001', dailyDate: '2025-06-06' }),
      makePaper({ id: '2506.00002', dailyDate: '2025-06-09' }),
      makePaper({ id: '2506.00003', dailyDate: '2025-06-09' }),
      makePaper({ id: '2506.00004', dailyDate: undefined }),
    ]);
    await patchSyncState(db(), { running: true, progress: { done: 3, total: 31 } });
    const store = await storeFor(db());
    expect((await store.days()).map((d) => d.date)).toEqual(['2025-06-06', '2025-06-09']);
    expect((await store.papersOfDays('2025-06-09', '2025-06-09')).map((p) => p.id).sort()).toEqual(['2506.00002', '2506.00003']);
    expect((await store.papersOfDays('2025-06-01', '2025-06-30')).length).toBe(3);
    // A paper on two days' lists is on both days, and once in a range that holds both.
    await db().papers.put(makePaper({ id: '2506.00001', dailyDate: '2025-06-09', dailyDates: ['2025-06-06', '2025-06-09'] }));
    expect((await store.papersOfDays('2025-06-06', '2025-06-06')).map((p) => p.id)).toEqual(['2506.00001']);
    expect((await store.papersOfDays('2025-06-09', '2025-06-09')).map((p) => p.id).sort()).toEqual(['2506.00001', '2506.00002', '2506.00003']);
    expect((await store.papersOfDays('2025-06-01', '2025-06-30')).length).toBe(3);
    expect((await store.dayList('2025-06-06')).papers.map((p) => p.id)).toEqual(['2506.00001']);
    expect((await store.papers(['2506.00004', '2999.00000', '2506.00001'])).map((p) => p.id)).toEqual(['2506.00004', '2506.00001']);
    expect(await store.syncState()).toMatchObject({ running: true, progress: { done: 3, total: 31 } });
    store.close();
  });

  it('reads a day’s list in one go: the day, or the latest list before it, ranked', async () => {
    await db().days.bulkPut([
      { date: '2025-06-06', fetchedAt: 1, count: 2, dropped: 0, status: 'complete' },
      { date: '2025-06-07', fetchedAt: 1, count: 0, dropped: 0, status: 'complete' },
    ]);
    await db().papers.bulkPut([
      makePaper({ id: '2506.00001', dailyDate: '2025-06-06', upvotes: 1, title: 'low' }),
      makePaper({ id: '2506.00002', dailyDate: '2025-06-06', upvotes: 8, title: 'high' }),
    ]);
    const store = await storeFor(db());
    const saturday = await store.dayList('2025-06-07');
    expect(saturday.listDay).toBe('2025-06-06');
    expect(saturday.papers.map((p) => p.title)).toEqual(['high', 'low']);
    expect(saturday).toMatchObject({ previous: undefined, next: undefined });
    expect(await store.dayList('2025-06-01')).toMatchObject({ listDay: undefined, papers: [], oldest: '2025-06-06' });
    store.close();
  });

  it('finds the list days either side, skipping days without a list, without reading every day', async () => {
    await db().days.bulkPut(
      ['2025-06-02', '2025-06-03', '2025-06-04', '2025-06-05', '2025-06-06', '2025-06-07', '2025-06-08', '2025-06-09'].map((date) => ({
        date,
        fetchedAt: 1,
        count: ['2025-06-04', '2025-06-07', '2025-06-08'].includes(date) ? 0 : 1,
        dropped: 0,
        status: 'complete' as const,
      })),
    );
    const store = await storeFor(db());
    expect(await store.dayList('2025-06-05')).toMatchObject({ listDay: '2025-06-05', previous: '2025-06-03', next: '2025-06-06' });
    expect(await store.dayList('2025-06-08')).toMatchObject({ listDay: '2025-06-06', previous: '2025-06-05', next: '2025-06-09' });
    expect(await store.dayList('2025-06-02')).toMatchObject({ listDay: '2025-06-02', previous: undefined, next: '2025-06-03' });
    expect(await store.dayList('2025-07-01')).toMatchObject({ listDay: '2025-06-09', previous: '2025-06-06', next: undefined });
    store.close();
  });

  it('reads the trending list and the upvote history of each paper, oldest first', async () => {
    const t0 = Date.parse('2025-06-09T10:00:00Z');
    await storeTrending(db(), [makePaper({ id: '2506.00002', upvotes: 5 }), makePaper({ id: '2506.00001', upvotes: 3 })], t0);
    await storeTrending(db(), [makePaper({ id: '2506.00002', upvotes: 9 })], t0 + 3_600_000);
    await storeTrending(db(), [makePaper({ id: '2506.00002', upvotes: 12 })], t0 + 7_200_000);
    const store = await storeFor(db());
    expect((await store.trending())?.ids).toEqual(['2506.00002']);
    const history = await store.history(['2506.00002', '2506.00001', '2999.00000']);
    // The rows: each change of count (the first count is on the paper, `firstSeen`).
    expect(history.get('2506.00002')).toEqual([
      { at: t0 + 3_600_000, upvotes: 9 },
      { at: t0 + 7_200_000, upvotes: 12 },
    ]);
    expect(history.get('2506.00001')).toEqual([]);
    expect(history.get('2999.00000')).toEqual([]);
    expect((await db().papers.get('2506.00002'))?.firstSeen).toEqual({ at: t0, upvotes: 5 });
    store.close();
  });

  it('reads the search index the background stored, the rows asked in one read; nothing before it is built', async () => {
    await db().papers.bulkPut([makePaper({ id: '2506.10001', title: 'Quasicrystal growth' }), makePaper({ id: '2506.10002', title: 'Speech' })]);
    const store = await storeFor(db());
    const reader = () => new StoredIndexReader((keys) => store.searchIndexRows(keys));
    expect(await reader().indexFor('quasicrystal')).toBeUndefined();
    await new SearchIndexKeeper(db()).ensure();
    expect(await store.searchIndexRows(['nothing', SEARCH_INDEX_KEY])).toEqual([undefined, expect.objectContaining({ ids: '2506.10001\n2506.10002' })]);
    const index = await reader().indexFor('quasicrystal');
    expect(index?.search('quasicrystal').docs.map((doc) => doc.id)).toEqual(['2506.10001']);
    expect(index?.size).toBe(2);
    store.close();
  });

  it('writes the person’s marks into userState only, keeping what else the row holds', async () => {
    await db().userState.put({ id: '2506.00001', notifiedAt: 7 });
    const papersBefore = await db().papers.count();
    const store = await storeFor(db());
    await changeUserState(store, '2506.00001', 'save', 100);
    await changeUserState(store, '2506.00002', 'markRead', 200);
    expect(await db().userState.get('2506.00001')).toEqual({ id: '2506.00001', notifiedAt: 7, savedAt: 100 });
    expect((await store.userStates()).get('2506.00002')).toEqual({ id: '2506.00002', readAt: 200 });
    // Dexie's savedAt index sees the popup's write.
    expect(await db().userState.where('savedAt').above(0).primaryKeys()).toEqual(['2506.00001']);
    await changeUserState(store, '2506.00002', 'markUnread', 300);
    expect(await db().userState.get('2506.00002')).toBeUndefined();
    expect(await db().papers.count()).toBe(papersBefore);
    store.close();
  });

  it('keeps its own rows in kv', async () => {
    const store = await storeFor(db());
    await store.writeKv('popupOpened', { lastOpenedAt: 5 });
    expect(await store.readKv('popupOpened')).toEqual({ lastOpenedAt: 5 });
    expect((await db().kv.get('popupOpened'))?.value).toEqual({ lastOpenedAt: 5 });
    store.close();
  });

  it("reads every paper's cached linked lists the background wrote, and nothing else of kv", async () => {
    const links = { totals: { models: 1, datasets: 0, spaces: 0 }, top: { models: [{ id: 'o/m' }], datasets: [], spaces: [] } };
    await keepPaperLinks(db(), '2506.06276', links, 1);
    await db().kv.put({ key: 'paperLinks:2404.02905', value: { at: 1, value: 'not lists' } });
    await db().kv.put({ key: 'paperComments:2506.06276', value: { at: 1, value: { threads: [], totalThreads: 0 } } });
    const store = await storeFor(db());
    expect(await store.cachedLinks()).toEqual(new Map([['2506.06276', links]]));
    store.close();
  });
});

describe('PopupStore.open', () => {
  it('answers undefined for a database that does not exist, and does not create it', async () => {
    const name = `missing-${Math.random().toString(36).slice(2)}`;
    expect(await PopupStore.open(name)).toBeUndefined();
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).not.toContain(name);
    // Dexie can still create it afterwards, with its schema.
    const db = new PapersDB(name);
    await db.papers.put(makePaper());
    expect(await db.papers.count()).toBe(1);
    await db.delete();
  });
});
