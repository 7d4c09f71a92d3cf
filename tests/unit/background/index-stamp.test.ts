import { afterEach, describe, expect, it } from 'vitest';
import { PapersDB } from '../../../lib/shared/db';
import { INDEX_FORMAT, parseStamp, patchBetween, PATCH_MAX_PAPERS, readStamp, stampText, type IndexStamp } from '../../../lib/background/index-stamp';

const stamp = (over: Partial<IndexStamp> = {}): IndexStamp => ({
  format: INDEX_FORMAT,
  papers: 10,
  trending: { at: 5, ids: ['t1', 't2'] },
  days: [
    ['2025-06-09', 1, 4],
    ['2025-06-10', 2, 6],
  ],
  ...over,
});

let db: PapersDB | undefined;
afterEach(async () => {
  await db?.delete();
  db = undefined;
});

describe('index stamp', () => {
  it('stamps the window: papers stored, the trending list, the day records from the first day kept', async () => {
    db = new PapersDB(`stamp-${Math.random()}`);
    await db.days.bulkPut([
      { date: '2025-06-01', fetchedAt: 1, count: 3, dropped: 0, status: 'complete' },
      { date: '2025-06-09', fetchedAt: 2, count: 4, dropped: 1, status: 'open' },
    ]);
    await db.kv.put({ key: 'trending', value: { fetchedAt: 7, ids: ['a'] } });
    await db.papers.put({ id: 'a', title: 'A', summary: '', authors: [], upvotes: 1, fetchedAt: 1 });
    const read = await readStamp(db, '2025-06-05');
    expect(read).toEqual({ format: INDEX_FORMAT, papers: 1, trending: { at: 7, ids: ['a'] }, days: [['2025-06-09', 2, 4]] });
    expect(parseStamp(stampText(read))).toEqual(read);
  });

  it('names the days whose records differ, in or out of the window, and both trending lists when it was written again', () => {
    expect(patchBetween(stampText(stamp()), stamp())).toEqual({ days: [], ids: [] });
    const later = stamp({
      papers: 12,
      trending: { at: 6, ids: ['t2', 't3'] },
      days: [
        ['2025-06-10', 3, 7],
        ['2025-06-11', 3, 2],
      ],
    });
    expect(patchBetween(stampText(stamp()), later)).toEqual({ days: ['2025-06-09', '2025-06-10', '2025-06-11'], ids: ['t1', 't2', 't3'] });
  });

  it('names nothing it cannot patch: another format, fewer papers, too much changed, a damaged stamp', () => {
    expect(patchBetween(stampText(stamp({ format: 'badge-index/2' })), stamp())).toBeUndefined();
    expect(patchBetween('badge-index/2 2025-06-09 10 5 2025-06-09:1:4', stamp())).toBeUndefined();
    expect(patchBetween(stampText(stamp({ papers: 11 })), stamp())).toBeUndefined();
    expect(patchBetween('{"format":', stamp())).toBeUndefined();
    expect(patchBetween(JSON.stringify({ ...stamp(), days: 'x' }), stamp())).toBeUndefined();
    expect(patchBetween(undefined, stamp())).toBeUndefined();
    const many = stamp({ days: [...stamp().days, ['2025-06-11', 9, PATCH_MAX_PAPERS + 1]] });
    expect(patchBetween(stampText(stamp()), many)).toBeUndefined();
    const enough = stamp({ days: [...stamp().days, ['2025-06-11', 9, PATCH_MAX_PAPERS]] });
    expect(patchBetween(stampText(stamp()), enough)).toEqual({ days: ['2025-06-11'], ids: [] });
  });
});
