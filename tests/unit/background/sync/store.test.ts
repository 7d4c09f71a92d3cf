import { describe, expect, it } from 'vitest';
import { readTrending, storeDay, storeLookedUpPaper, storeTrending } from '../../../../lib/background/sync/store';
import { parseDailyItems, parsePaperObject } from '../../../../lib/background/hf/schemas';
import { papersOfRepo } from '../../../../lib/background/repo-papers';
import type { Paper } from '../../../../lib/shared/paper';
import { papersOfDay } from '../../../../lib/shared/daily-lists';
import { dailyItem, HOUR, makePaper, rawPaper, STARFLOW_ID, useTestDb } from '../../support/builders';

const NOW = Date.parse('2025-06-11T12:00:00Z');

/** Drops `absent` from a paper object as HF does once it has no value for them (never null). */
function without<T extends Record<string, unknown>>(paper: T, absent: string[]): T {
  for (const key of absent) delete paper[key];
  return paper;
}
const db = useTestDb();

const starflow = makePaper({ dailyDate: undefined });
const arflow = makePaper({
  id: '2506.05209',
  title: 'ARFlow: Autogressive Flow with Hybrid Linear Attention',
  upvotes: 7,
  dailyDate: undefined,
  githubRepo: undefined,
  githubRepoKey: undefined,
  githubStars: undefined,
});

describe('storeDay', () => {
  it('stores the papers under the list’s day and writes the day record', async () => {
    const record = await storeDay(db(), { date: '2025-06-09', papers: [starflow, arflow], dropped: 1, status: 'complete' }, NOW);
    expect(record).toEqual({ date: '2025-06-09', fetchedAt: NOW, count: 2, dropped: 1, status: 'complete' });
    expect(await db().days.get('2025-06-09')).toEqual(record);
    expect((await db().papers.get(STARFLOW_ID))?.dailyDate).toBe('2025-06-09');
    expect((await db().papers.get('2506.05209'))?.dailyDate).toBe('2025-06-09');
  });

  it('keeps a paper on every day that listed it (HF lists some papers on two days a week apart)', async () => {
    await storeDay(db(), { date: '2025-06-05', papers: [{ ...starflow, upvotes: 2 }], dropped: 0, status: 'complete' }, NOW);
    const later = await storeDay(db(), { date: '2025-06-11', papers: [{ ...starflow, upvotes: 27 }, arflow], dropped: 0, status: 'open' }, NOW + HOUR);
    // Fetched again (a back-fill, a partial day): the earlier day neither moves the paper nor doubles it.
    const again = await storeDay(db(), { date: '2025-06-05', papers: [{ ...starflow, upvotes: 27 }], dropped: 0, status: 'complete' }, NOW + 2 * HOUR);
    const stored = await db().papers.get(STARFLOW_ID);
    expect(stored?.dailyDates).toEqual(['2025-06-05', '2025-06-11']);
    expect(stored?.dailyDate).toBe('2025-06-11');
    expect(later.count).toBe(2);
    expect(again.count).toBe(1);
    expect(await papersOfDay(db(), '2025-06-05')).toHaveLength(1);
    expect((await papersOfDay(db(), '2025-06-11')).map((p) => p.id).sort()).toEqual([STARFLOW_ID, '2506.05209'].sort());
  });

  it('never shrinks the day when a later answer holds fewer papers', async () => {
    await storeDay(db(), { date: '2025-06-09', papers: [starflow, arflow], dropped: 0, status: 'open' }, NOW);
    const record = await storeDay(db(), { date: '2025-06-09', papers: [starflow], dropped: 0, status: 'complete' }, NOW + HOUR);
    expect(record.count).toBe(2);
    expect(await db().papers.count()).toBe(2);
  });

  it('adds the dropped items of a day’s later pages to those of its first page', async () => {
    await storeDay(db(), { date: '2025-06-09', papers: [starflow], dropped: 2, status: 'partial' }, NOW);
    const record = await storeDay(db(), { date: '2025-06-09', papers: [arflow], dropped: 1, status: 'complete', continued: true }, NOW);
    expect(record).toEqual({ date: '2025-06-09', fetchedAt: NOW, count: 2, dropped: 3, status: 'complete' });
    // Fetched whole again later: the new answer's count replaces the old.
    const again = await storeDay(db(), { date: '2025-06-09', papers: [starflow, arflow], dropped: 0, status: 'complete' }, NOW + HOUR);
    expect(again.dropped).toBe(0);
  });

  it('counts the day’s stored papers: those already there, those it brings, and those another write put there', async () => {
    const looked = makePaper({ id: '2506.07000', title: 'Looked up', dailyDate: '2025-06-09' });
    await storeLookedUpPaper(db(), looked, NOW);
    expect((await storeDay(db(), { date: '2025-06-09', papers: [starflow], dropped: 0, status: 'open' }, NOW)).count).toBe(2);
    // Again with the same paper and a new one: the paper already on the day is not counted twice.
    expect((await storeDay(db(), { date: '2025-06-09', papers: [starflow, arflow], dropped: 0, status: 'open' }, NOW)).count).toBe(3);
    // A paper that moves to another day counts there.
    expect((await storeDay(db(), { date: '2025-06-10', papers: [arflow], dropped: 0, status: 'open' }, NOW)).count).toBe(1);
    expect(await db().papers.where('dailyDate').equals('2025-06-10').count()).toBe(1);
  });

  it('removes what HF took off the paper: a day’s answer speaks for every field of its items', async () => {
    const withAll = dailyItem({ projectPage: 'https://machinelearning.apple.com/research/starflow', organization: { name: 'apple', fullname: 'Apple' }, withdrawnAt: '2025-06-10T08:00:00.000Z' });
    await storeDay(db(), { date: '2025-06-09', ...parseDailyItems([withAll], NOW), status: 'open' }, NOW);
    expect(await db().papers.get(STARFLOW_ID)).toMatchObject({ githubRepo: 'https://github.com/apple/ml-starflow', numComments: 3, aiSummary: expect.any(String), withdrawnAt: expect.any(String) });
    expect(await papersOfRepo(db(), 'apple/ml-starflow')).toHaveLength(1);

    // HF takes the wrong repository off, and the rest; the comment count stays on the item.
    const bare = dailyItem({ upvotes: 30 }, { numComments: 4 });
    without(bare.paper as Record<string, unknown>, ['githubRepo', 'githubStars', 'ai_summary', 'ai_keywords']);
    await storeDay(db(), { date: '2025-06-09', ...parseDailyItems([bare], NOW + HOUR), status: 'complete' }, NOW + HOUR);
    const stored = await db().papers.get(STARFLOW_ID);
    for (const gone of ['githubRepo', 'githubRepoKey', 'githubStars', 'projectPage', 'aiSummary', 'aiKeywords', 'organization', 'withdrawnAt']) {
      expect(stored, gone).not.toHaveProperty(gone);
    }
    expect(stored).toMatchObject({ upvotes: 30, numComments: 4, dailyDate: '2025-06-09', firstSeen: { at: NOW, upvotes: 21 }, fetchedAt: NOW + HOUR });
    // Its repository's GitHub page no longer lists it.
    expect(await papersOfRepo(db(), 'apple/ml-starflow')).toEqual([]);
  });

  it('keeps a new paper’s first count on the paper, and samples upvotes only when they change', async () => {
    const put = (upvotes: number, at: number) =>
      storeDay(db(), { date: '2025-06-09', papers: [makePaper({ upvotes })], dropped: 0, status: 'open' }, at);
    await put(21, NOW);
    await put(21, NOW + HOUR);
    await put(25, NOW + 2 * HOUR);
    await put(25, NOW + 3 * HOUR);
    expect(await db().upvoteHistory.where('id').equals(STARFLOW_ID).sortBy('at')).toEqual([{ id: STARFLOW_ID, at: NOW + 2 * HOUR, upvotes: 25 }]);
    expect(await db().papers.get(STARFLOW_ID)).toMatchObject({ upvotes: 25, firstSeen: { at: NOW, upvotes: 21 } });
  });

  it('does not write a paper the answer leaves as it is', async () => {
    const put = (paper: Paper, at: number) => storeDay(db(), { date: '2025-06-09', papers: [paper], dropped: 0, status: 'open' }, at);
    await put(makePaper({ fetchedAt: NOW }), NOW);
    const first = await db().papers.get(STARFLOW_ID);
    await put(makePaper({ fetchedAt: NOW + HOUR }), NOW + HOUR);
    expect(await db().papers.get(STARFLOW_ID)).toEqual(first);
    // A changed field (not the count) is written, without a history row.
    await put(makePaper({ fetchedAt: NOW + 2 * HOUR, githubStars: 999 }), NOW + 2 * HOUR);
    expect(await db().papers.get(STARFLOW_ID)).toMatchObject({ githubStars: 999, fetchedAt: NOW + 2 * HOUR, firstSeen: first?.firstSeen });
    expect(await db().upvoteHistory.count()).toBe(0);
  });

  it('records a not-open day without papers', async () => {
    const record = await storeDay(db(), { date: '2025-06-12', papers: [], dropped: 0, status: 'not-open' }, NOW);
    expect(record).toEqual({ date: '2025-06-12', fetchedAt: NOW, count: 0, dropped: 0, status: 'not-open' });
  });
});

describe('storeTrending', () => {
  it('stores the papers and the list in HF’s order, leaving their day alone', async () => {
    await storeDay(db(), { date: '2025-06-09', papers: [starflow], dropped: 0, status: 'complete' }, NOW);
    await storeTrending(db(), [arflow, makePaper({ upvotes: 40, dailyDate: undefined })], NOW + HOUR);
    expect(await readTrending(db())).toEqual({ fetchedAt: NOW + HOUR, ids: ['2506.05209', STARFLOW_ID] });
    expect(await db().papers.get(STARFLOW_ID)).toMatchObject({ upvotes: 40, dailyDate: '2025-06-09' });
    expect((await db().papers.get('2506.05209'))?.dailyDate).toBeUndefined();
  });

  it('removes what HF took off a paper, as a day’s answer does', async () => {
    await storeDay(db(), { date: '2025-06-09', ...parseDailyItems([dailyItem({ projectPage: 'https://example.org/starflow' })], NOW), status: 'complete' }, NOW);
    const bare = dailyItem({ upvotes: 40 });
    without(bare.paper as Record<string, unknown>, ['githubRepo', 'githubStars', 'projectPage']);
    await storeTrending(db(), parseDailyItems([bare], NOW + HOUR).papers, NOW + HOUR);
    const stored = await db().papers.get(STARFLOW_ID);
    expect(stored).not.toHaveProperty('githubRepo');
    expect(stored).not.toHaveProperty('projectPage');
    expect(stored).toMatchObject({ upvotes: 40, dailyDate: '2025-06-09', aiSummary: expect.any(String) });
  });

  it('reads nothing before the first trending list', async () => {
    expect(await readTrending(db())).toBeUndefined();
  });
});

describe('storeLookedUpPaper', () => {
  it('caches the paper, forgets its miss and answers what is stored', async () => {
    await db().misses.put({ id: STARFLOW_ID, at: NOW - 2 * 24 * HOUR });
    await storeDay(db(), { date: '2025-06-09', papers: [makePaper({ numComments: 4 })], dropped: 0, status: 'complete' }, NOW - HOUR);
    const { numComments: _n, ...fromPaperObject } = makePaper({ upvotes: 50, dailyDate: undefined });
    const stored = await storeLookedUpPaper(db(), fromPaperObject, NOW);
    expect(stored).toMatchObject({ upvotes: 50, numComments: 4, dailyDate: '2025-06-09' });
    expect(await db().misses.get(STARFLOW_ID)).toBeUndefined();
    // The count moved from the day's paper: one row (the first count is on the paper).
    expect(await db().upvoteHistory.count()).toBe(1);
  });

  it('removes what a paper object lacks, but keeps the comment count (a paper object has none)', async () => {
    await storeDay(db(), { date: '2025-06-09', ...parseDailyItems([dailyItem()], NOW - HOUR), status: 'complete' }, NOW - HOUR);
    const stored = await storeLookedUpPaper(db(), parsePaperObject(without(rawPaper({ upvotes: 50 }), ['githubRepo', 'githubStars']), NOW), NOW);
    expect(stored).not.toHaveProperty('githubRepo');
    expect(stored).not.toHaveProperty('githubRepoKey');
    expect(stored).toMatchObject({ upvotes: 50, numComments: 3, dailyDate: '2025-06-09' });
  });
});
