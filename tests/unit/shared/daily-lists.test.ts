import { describe, expect, it } from 'vitest';
import { compareByUpvotes, latestListDay, papersOfDay, weekOf } from '../../../lib/shared/daily-lists';
import { makePaper, useTestDb } from '../support/builders';

// 2025-06-06 is a Friday; 06-07/08 the weekend; 06-09 a Monday.
const DAYS = [
  { date: '2025-06-05', count: 12 },
  { date: '2025-06-06', count: 10 },
  { date: '2025-06-07', count: 0 },
  { date: '2025-06-08', count: 0 },
  { date: '2025-06-09', count: 8 },
  { date: '2025-06-10', count: 0 },
];

describe('weekOf', () => {
  it.each([
    ['2025-06-09', '2025-06-09', '2025-06-15'],
    ['2025-06-11', '2025-06-09', '2025-06-15'],
    ['2025-06-15', '2025-06-09', '2025-06-15'],
    ['2025-06-08', '2025-06-02', '2025-06-08'],
    ['2025-01-01', '2024-12-30', '2025-01-05'],
  ])('puts %s in the week %s to %s', (date, start, end) => {
    expect(weekOf(date)).toEqual({ start, end });
  });
});

describe('compareByUpvotes', () => {
  it('ranks by upvotes, then by title', () => {
    const papers = [makePaper({ title: 'B', upvotes: 3 }), makePaper({ title: 'A', upvotes: 3 }), makePaper({ title: 'C', upvotes: 9 })];
    expect(papers.sort(compareByUpvotes).map((p) => p.title)).toEqual(['C', 'A', 'B']);
  });
});

describe('Dexie readers', () => {
  const db = useTestDb();
  it('latestListDay skips empty days; papersOfDay ranks the day', async () => {
    await db().days.bulkPut(DAYS.map((d) => ({ ...d, fetchedAt: 1, dropped: 0, status: 'complete' as const })));
    await db().papers.bulkPut([
      makePaper({ id: '2506.00001', dailyDate: '2025-06-09', upvotes: 1, title: 'low' }),
      makePaper({ id: '2506.00002', dailyDate: '2025-06-09', upvotes: 9, title: 'high' }),
      makePaper({ id: '2506.00003', dailyDate: '2025-06-06', upvotes: 50, title: 'other day' }),
    ]);
    expect((await latestListDay(db()))?.date).toBe('2025-06-09');
    expect((await papersOfDay(db(), '2025-06-09')).map((p) => p.title)).toEqual(['high', 'low']);
  });
});
