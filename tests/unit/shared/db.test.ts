import { describe, expect, it } from 'vitest';
import { PapersDB, papersDb } from '../../../lib/shared/db';
import { TABLE_NAMES } from '../../../lib/shared/db-name';
import { latestListDay, papersOfDay } from '../../../lib/shared/daily-lists';
import { makePaper, SEED_PAPERS, STARFLOW_ID, useTestDb } from '../support/builders';

const db = useTestDb();

describe('PapersDB', () => {
  it('has the indexes the queries rely on', async () => {
    await db().open();
    const papers = db().papers.schema;
    expect(papers.primKey.keyPath).toBe('id');
    expect(papers.indexes.map((i) => i.name).sort()).toEqual(['dailyDate', 'dailyDates', 'githubRepoKey', 'upvotes']);
    expect(db().upvoteHistory.schema.primKey.keyPath).toEqual(['id', 'at']);
    expect(db().userState.schema.indexes.map((i) => i.name).sort()).toEqual(['readAt', 'savedAt']);
  });

  it('has exactly the tables pages name without Dexie (TABLE_NAMES)', () => {
    expect(db().tables.map((table) => table.name).sort()).toEqual([...TABLE_NAMES].sort());
  });

  it('finds papers by repository key', async () => {
    await db().papers.bulkPut([makePaper(), makePaper({ id: '2506.05209', githubRepoKey: 'other/repo' })]);
    const found = await db().papers.where('githubRepoKey').equals('apple/ml-starflow').primaryKeys();
    expect(found).toEqual([STARFLOW_ID]);
  });

  it('keeps databases of different names apart', async () => {
    const other = new PapersDB(`test-other-${Math.random().toString(36).slice(2)}`);
    try {
      await db().papers.put(makePaper());
      expect(await other.papers.count()).toBe(0);
    } finally {
      await other.delete();
    }
  });

  it('opens the extension’s database once per context', () => {
    expect(papersDb()).toBe(papersDb());
    expect(papersDb().name).toBe('daily-papers-lens');
  });
});

describe('daily lists', () => {
  it('takes the newest day that has papers as the latest list', async () => {
    await db().days.bulkPut([
      { date: '2025-06-06', fetchedAt: 1, count: 12, dropped: 0, status: 'complete' },
      { date: '2025-06-07', fetchedAt: 1, count: 0, dropped: 0, status: 'complete' },
      { date: '2025-06-08', fetchedAt: 1, count: 0, dropped: 0, status: 'open' },
      { date: '2025-06-05', fetchedAt: 1, count: 9, dropped: 0, status: 'complete' },
    ]);
    expect((await latestListDay(db()))?.date).toBe('2025-06-06');
  });

  it('has no latest list before the first sync', async () => {
    expect(await latestListDay(db())).toBeUndefined();
  });

  it('ranks a day’s papers by upvotes, then title', async () => {
    const [a, b, c] = SEED_PAPERS.map((s) => s.title);
    await db().papers.bulkPut([
      makePaper({ id: '2506.00001', title: a!, upvotes: 5 }),
      makePaper({ id: '2506.00002', title: c!, upvotes: 40 }),
      makePaper({ id: '2506.00003', title: b!, upvotes: 5 }),
      makePaper({ id: '2506.00004', title: 'Another day', upvotes: 99, dailyDate: '2025-06-10' }),
    ]);
    const titles = (await papersOfDay(db(), '2025-06-09')).map((p) => p.title);
    expect(titles).toEqual([c, ...[a!, b!].sort((x, y) => x.localeCompare(y))]);
  });
});
