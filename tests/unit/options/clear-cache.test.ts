import { describe, expect, it } from 'vitest';
import { clearCache } from '../../../lib/options/clear-cache';
import { storeDay } from '../../../lib/background/sync/store';
import { patchSyncState, readSyncState } from '../../../lib/background/sync/state';
import { originFiles } from '../../../lib/shared/origin-files';
import { makePaper, useTestDb } from '../support/builders';
import { fakeFileSystem } from '../support/fake-file-system';
import { HF_SEARCHES_KEY, LEGACY_USER_STATE_BACKUP_KEY, NOTIFICATION_STATE_KEY, UI_STATE_KEY, USER_STATE_BACKUP_FILE, USER_STATE_RESTORED_KEY } from '../../../lib/shared/storage-keys';
import { CARD_MIRROR_META_KEY, DATABASE_ID_KEY, NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../../lib/shared/storage-keys';

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

  it('keeps exactly the saved papers and their upvote points, wherever they sort among the others', async () => {
    const db = getDb();
    const ids = ['2501.00001', '2501.00002', '2501.00003', '2501.00004', '2501.00005', '2501.00006', '2501.00007'];
    await db.papers.bulkPut(ids.map((id) => makePaper({ id })));
    await db.upvoteHistory.bulkPut(ids.flatMap((id) => [1, 2].map((at) => ({ id, at, upvotes: at }))));
    // The first, two neighbours, the last, and a saved paper with no row (its points only).
    const saved = ['2501.00001', '2501.00003', '2501.00004', '2501.00007', '2501.00009'];
    await db.upvoteHistory.put({ id: '2501.00009', at: 1, upvotes: 1 });
    await db.userState.bulkPut(saved.map((id, i) => ({ id, savedAt: i + 1 })));
    expect(await clearCache(db, { keepSaved: true })).toEqual({ papersRemoved: 3, savedKept: 4 });
    expect(await db.papers.toCollection().primaryKeys()).toEqual(['2501.00001', '2501.00003', '2501.00004', '2501.00007']);
    expect(await db.upvoteHistory.toCollection().primaryKeys()).toEqual(
      ['2501.00001', '2501.00003', '2501.00004', '2501.00007'].flatMap((id) => [[id, 1], [id, 2]]).concat([['2501.00009', 1]]),
    );
  });

  it('deletes everything when the person asks, and the refill counts as an install', async () => {
    const db = await seed();
    expect(await clearCache(db, { keepSaved: false })).toEqual({ papersRemoved: 5, savedKept: 0 });
    expect(await db.papers.count()).toBe(0);
    expect(await db.userState.count()).toBe(0);
    expect(await db.upvoteHistory.count()).toBe(0);
    // All but the database's id, which names the database, not anything in it (lib/shared/db.ts).
    expect(await db.kv.toCollection().primaryKeys()).toEqual([DATABASE_ID_KEY]);
  });

  /** A storage.local stand-in that notes, at each removal, how many marks the database still held. */
  function localArea(db: ReturnType<typeof getDb>, items: Record<string, unknown>) {
    const removals: { keys: string[]; marksInDb: number }[] = [];
    return {
      items,
      removals,
      async get(keys: string | string[] | null) {
        if (keys === null) return { ...items };
        return Object.fromEntries([keys].flat().filter((key) => key in items).map((key) => [key, items[key]]));
      },
      async set(next: Record<string, unknown>) {
        Object.assign(items, next);
      },
      async remove(keys: string | string[]) {
        removals.push({ keys: [keys].flat(), marksInDb: await db.userState.count() });
        for (const key of [keys].flat()) delete items[key];
      },
    };
  }

  /** The copy of the marks as a file (a fake file system), noting how many marks the database held when it went. */
  async function marksFile(db: ReturnType<typeof getDb>) {
    const files = originFiles(fakeFileSystem().root);
    await files.write(USER_STATE_BACKUP_FILE, '{"marks":[]}');
    const removals: { name: string; marksInDb: number }[] = [];
    return { files, removals, remove: async (name: string) => (removals.push({ name, marksInDb: await db.userState.count() }), files.remove(name)) };
  }

  it('forgets the copy of the marks (its file, and 0.2’s in storage.local) before it deletes them, so a worker waking in between cannot restore them', async () => {
    const db = await seed();
    const local = localArea(db, { [LEGACY_USER_STATE_BACKUP_KEY]: { saved: [] }, [USER_STATE_RESTORED_KEY]: 1, [SETTINGS_KEY]: { liveLookups: false }, 'card:2506.00001': '{}', [CARD_MIRROR_META_KEY]: { from: '2025-06-01' } });
    const copy = await marksFile(db);
    await clearCache(db, { keepSaved: false, local, files: copy });
    expect(copy.removals).toEqual([{ name: USER_STATE_BACKUP_FILE, marksInDb: 2 }]);
    expect(await copy.files.read(USER_STATE_BACKUP_FILE)).toBeUndefined();
    const forgot = local.removals.find((removal) => removal.keys.includes(LEGACY_USER_STATE_BACKUP_KEY));
    expect(forgot?.keys).toEqual(expect.arrayContaining([LEGACY_USER_STATE_BACKUP_KEY, USER_STATE_RESTORED_KEY]));
    expect(forgot?.marksInDb).toBe(2);
    expect(Object.keys(local.items)).toEqual([SETTINGS_KEY]);
  });

  it('keeps the copy of the marks when the marks stay', async () => {
    const db = await seed();
    const local = localArea(db, { [LEGACY_USER_STATE_BACKUP_KEY]: { saved: [] }, 'card:2506.00001': '{}', [NEWEST_BADGES_KEY]: '2506.00001 3' });
    const copy = await marksFile(db);
    await clearCache(db, { keepSaved: true, local, files: copy });
    // The copies pages read go (the cards, the newest badges): a stopped worker would not see the database cleared.
    expect(copy.removals).toEqual([]);
    expect(await copy.files.read(USER_STATE_BACKUP_FILE)).toBeDefined();
    expect(Object.keys(local.items)).toEqual([LEGACY_USER_STATE_BACKUP_KEY]);
  });

  it("forgets what the popup kept outside the database: the last searches and the view", async () => {
    const db = await seed();
    const page = new Map<string, string>([[HF_SEARCHES_KEY, '[["flows",[]]]'], [UI_STATE_KEY, '{}'], ['unrelated', 'x']]);
    await clearCache(db, { keepSaved: true, pageStorage: { removeItem: (key: string) => void page.delete(key) } });
    expect([...page.keys()]).toEqual(['unrelated']);
  });
});
