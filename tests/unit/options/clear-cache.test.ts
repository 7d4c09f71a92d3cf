import { describe, expect, it } from 'vitest';
import { clearCache } from '../../../lib/options/clear-cache';
import { storeDay } from '../../../lib/background/sync/store';
import { patchSyncState, readSyncState } from '../../../lib/background/sync/state';
import { makePaper, useTestDb } from '../support/builders';
import { NOTIFICATION_STATE_KEY } from '../../../lib/shared/storage-keys';

const getDb = useTestDb();

async function seed() {
  const db = getDb();
  const papers = Array.from({ length: 5 }, (_, i) => makePaper({ id: `2506.0000${i}`, dailyDate: '2025-06-10' }));
  await storeDay(db, { date: '2025-06-10', papers, dropped: 0, status: 'complete' }, 1);
  // Upvotes moved: a history row for each paper.
  await storeDay(db, { date: '2025-06-10', papers: papers.map((p) => ({ ...p, upvotes: p.upvotes + 1 })), dropped: 0, status: 'complete' }, 2);
  await db.userState.bulkPut([{ id: '2506.00001', savedAt: 1 }, { id: '2506.00002', readAt: 1, notifiedAt: 1 }]);
  await db.misses.put({ id: '2506.99999', at: 1 });
  await patchSyncState(db, { lastSuccessAt: 1 });
  await db.kv.put({ key: NOTIFICATION_STATE_KEY, value: { initializedAt: 1, lastDigestDay: '2025-06-10' } });
  return db;
}

describe('clearCache', () => {
  it('keeps saved papers and every mark by default', async () => {
    const db = await seed();
    expect(await clearCache(db, { keepSaved: true })).toEqual({ papersRemoved: 4, savedKept: 1 });
    expect(await db.papers.toCollection().primaryKeys()).toEqual(['2506.00001']);
    expect(await db.upvoteHistory.toCollection().keys()).toHaveLength(1);
    expect(await db.userState.count()).toBe(2);
    expect(await db.days.count()).toBe(0);
    expect(await db.misses.count()).toBe(0);
    expect(await readSyncState(db)).toEqual({ running: false });
    // What was told stays told: the refill repeats no notification.
    expect(await db.kv.get(NOTIFICATION_STATE_KEY)).toBeDefined();
  });

  it('deletes everything when the person asks, and the refill counts as an install', async () => {
    const db = await seed();
    expect(await clearCache(db, { keepSaved: false })).toEqual({ papersRemoved: 5, savedKept: 0 });
    expect(await db.papers.count()).toBe(0);
    expect(await db.userState.count()).toBe(0);
    expect(await db.upvoteHistory.count()).toBe(0);
    expect(await db.kv.count()).toBe(0);
  });
});
