import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readSavedPapers } from '../../../lib/shared/saved-papers';
import { backUpUserState, readUserStateBackup, restoreUserStateIfWiped, userStateBackup, userStateBackupScheduler } from '../../../lib/background/user-state-backup';
import { originFiles } from '../../../lib/shared/origin-files';
import { makePaper, useTestDb } from '../support/builders';
import { fakeFileSystem } from '../support/fake-file-system';
import { DATABASE_ID_KEY, LEGACY_USER_STATE_BACKUP_KEY, USER_STATE_BACKUP_FILE, USER_STATE_RESTORED_KEY } from '../../../lib/shared/storage-keys';
import type { PapersDB } from '../../../lib/shared/db';

const getDb = useTestDb();
let fs = fakeFileSystem();
beforeEach(() => {
  fs = fakeFileSystem();
});
/** Where the copy lives: a file of the extension's origin (a fake file system here); storage.local for the rest. */
const places = () => ({ files: originFiles(fs.root), local: fakeBrowser.storage.local });
const files = () => places().files;
const writeCopy = (copy: unknown) => files().write(USER_STATE_BACKUP_FILE, typeof copy === 'string' ? copy : JSON.stringify(copy));
const NOW = Date.parse('2025-06-10T12:00:00Z');
const day = { date: '2025-06-09', fetchedAt: 1, count: 1, dropped: 0, status: 'complete' as const };

async function seed() {
  const db = getDb();
  await db.papers.bulkPut([
    makePaper({ id: '2506.00001', title: 'Saved and read', authors: Array.from({ length: 40 }, (_, i) => `Author ${i}`) }),
    makePaper({ id: '2506.00002', title: 'Only read' }),
    makePaper({ id: '2506.00003', title: 'Saved, no repo', githubRepo: undefined, githubRepoKey: undefined }),
  ]);
  await db.userState.bulkPut([
    { id: '2506.00001', savedAt: 10, readAt: 11, notifiedAt: 3 },
    { id: '2506.00002', readAt: 5 },
    { id: '2506.00003', savedAt: 20 },
    { id: '2506.00009', savedAt: 30 },
    { id: '2506.00008', notifiedAt: 2 },
  ]);
  await db.days.put(day);
  return db;
}

/** What Chromium's corruption recovery leaves: an empty database. */
async function wipe() {
  const db = getDb();
  await Promise.all(db.tables.map((table) => table.clear()));
  return db;
}

/** The database deleted and made again (as Chromium's recovery does): empty, with a new id. */
async function makeAgain() {
  const db = getDb();
  await db.delete();
  await db.open();
  return db;
}

/** Places whose first read of the copy is followed by `during` (the database deleted at that moment). */
function deletedWhileReading(during: () => Promise<unknown>) {
  const place = places();
  let first = true;
  const read = async (name: string) => {
    const text = await place.files.read(name);
    if (first) {
      first = false;
      await during();
    }
    return text;
  };
  return { ...place, files: { ...place.files, read } };
}

const copiedFrom = async () => (JSON.parse((await files().read(USER_STATE_BACKUP_FILE))!) as { databaseId?: string }).databaseId;
const idOf = async (db: PapersDB) => (await db.kv.get(DATABASE_ID_KEY))?.value;

describe('userStateBackup', () => {
  it('holds every mark: saved papers as a short saved-papers file, the rest as bare marks', async () => {
    const db = await seed();
    const backup = (await userStateBackup(db, NOW))!;
    const saved = backup.saved as { format: string; papers: Record<string, unknown>[] };
    expect(saved.format).toBe('daily-papers-lens/saved-papers');
    expect(saved.papers.map((p) => p.id)).toEqual(['2506.00003', '2506.00001']);
    const first = saved.papers[1]!;
    // A listing row: what a restore reads back (HF's data comes back with the sync).
    expect(first).toMatchObject({ title: 'Saved and read', summary: '' });
    expect(first.authors).toHaveLength(5);
    for (const field of ['aiSummary', 'githubRepo', 'dailyDate']) expect(first).not.toHaveProperty(field);
    // The saved id without a stored paper, and the read-only mark; a row with only "told" is not a mark.
    expect(backup.marks).toEqual([
      ['2506.00009', 30, null],
      ['2506.00002', null, 5],
    ]);
  });

  it('stays within its byte budget, keeping the most recent saved papers first', async () => {
    const db = getDb();
    const long = 'x'.repeat(280);
    await db.papers.bulkPut(Array.from({ length: 200 }, (_, i) => makePaper({ id: `2506.${String(10_000 + i)}`, title: long })));
    await db.userState.bulkPut(Array.from({ length: 200 }, (_, i) => ({ id: `2506.${String(10_000 + i)}`, savedAt: 1_000 + i })));
    await db.userState.bulkPut(Array.from({ length: 100 }, (_, i) => ({ id: `2507.${String(10_000 + i)}`, readAt: 1_000 + i })));
    const budget = 20_000;
    const backup = (await userStateBackup(db, NOW, budget))!;
    expect(new TextEncoder().encode(JSON.stringify(backup)).length).toBeLessThanOrEqual(budget);
    const ids = (backup.saved as { papers: { id: string }[] }).papers.map((p) => p.id);
    expect(ids.length).toBeGreaterThan(10);
    expect(ids.length).toBeLessThan(200);
    expect(ids[0]).toBe('2506.10199');
    // No room was left for the read marks.
    expect(backup.marks).toEqual([]);
    // Read back, what was kept is whole.
    await writeCopy(backup);
    expect((await readUserStateBackup(files()))!.saved).toHaveLength(ids.length);
  });

  it('is not written over by an empty, wiped database', async () => {
    const db = await seed();
    expect(await backUpUserState(db, places(), NOW)).toBe(true);
    const written = await files().read(USER_STATE_BACKUP_FILE);
    await wipe();
    expect(await backUpUserState(db, places(), NOW + 1)).toBe(false);
    expect(await files().read(USER_STATE_BACKUP_FILE)).toBe(written);
  });

  it('is a file of the extension’s origin, out of content scripts’ reach: nothing of the marks in storage.local, and the copy 0.2 kept there goes', async () => {
    const db = await seed();
    await fakeBrowser.storage.local.set({ [LEGACY_USER_STATE_BACKUP_KEY]: { format: 'daily-papers-lens/user-state-backup', marks: [['2506.00002', null, 5]] }, cardMirror: { from: '2025-06-01' } });
    expect(await backUpUserState(db, places(), NOW)).toBe(true);
    expect(JSON.parse(fs.files.get(USER_STATE_BACKUP_FILE)!)).toMatchObject({ format: 'daily-papers-lens/user-state-backup', marks: [['2506.00009', 30, null], ['2506.00002', null, 5]] });
    const local = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(local)).toEqual(['cardMirror']);
    expect(JSON.stringify(local)).not.toMatch(/2506\.0000[1-9]/);
  });

  it('keeps the marks when the database is deleted while the copy is being written (read from the new, empty one, it would be empty)', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    const kept = await files().read(USER_STATE_BACKUP_FILE);
    // The browser deletes the database the moment the backup has read the copy it would replace.
    expect(await backUpUserState(db, deletedWhileReading(makeAgain), NOW + 1)).toBe(false);
    expect(await files().read(USER_STATE_BACKUP_FILE)).toBe(kept);
    expect(await restoreUserStateIfWiped(db, places(), NOW + 2)).toBe(4);
    // Made again and written into at once by a sync still running: the marks go in first, then the copy is this database's.
    await seed();
    await backUpUserState(db, places(), NOW + 3);
    expect(await backUpUserState(db, deletedWhileReading(async () => (await makeAgain()).days.put(day)), NOW + 4)).toBe(true);
    expect((await readSavedPapers(db)).map((s) => s.paper.id)).toEqual(['2506.00003', '2506.00001']);
    expect((await readUserStateBackup(files()))?.saved).toHaveLength(2);
    expect(await copiedFrom()).toBe(await idOf(db));
  });

  it('keeps the last copy when a write fails (a full disk)', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    const before = await files().read(USER_STATE_BACKUP_FILE);
    await db.userState.put({ id: '2506.00007', savedAt: 40 });
    fs.failWrites();
    await expect(backUpUserState(db, places(), NOW + 1)).rejects.toThrow();
    expect(await files().read(USER_STATE_BACKUP_FILE)).toBe(before);
  });
});

describe('restoreUserStateIfWiped', () => {
  it('puts every mark back into a wiped database, saved papers with their short record', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await wipe();
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(4);
    const states = await db.userState.orderBy('id').toArray();
    expect(states).toEqual([
      { id: '2506.00001', savedAt: 10, readAt: 11 },
      { id: '2506.00002', readAt: 5 },
      { id: '2506.00003', savedAt: 20 },
      { id: '2506.00009', savedAt: 30 },
    ]);
    const saved = await readSavedPapers(db);
    expect(saved.map((s) => [s.paper.id, s.paper.title])).toEqual([
      ['2506.00003', 'Saved, no repo'],
      ['2506.00001', 'Saved and read'],
    ]);
    // Their listing rows only: the sync brings HF's data back (a repository link included).
    expect(saved[1]!.paper).toEqual({ id: '2506.00001', title: 'Saved and read', authors: expect.any(Array), summary: '', upvotes: 21, fetchedAt: 0 });
    expect(await fakeBrowser.storage.local.get(USER_STATE_RESTORED_KEY)).toEqual({ [USER_STATE_RESTORED_KEY]: { at: NOW, marks: 4 } });
  });

  it('names the database it was taken from; a database made before ids gets one at its first copy', async () => {
    const db = await seed();
    const id = await idOf(db);
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await backUpUserState(db, places(), NOW);
    expect(await copiedFrom()).toBe(id);
    await db.kv.delete(DATABASE_ID_KEY);
    await backUpUserState(db, places(), NOW);
    const stamped = await idOf(db);
    expect(stamped).toMatch(/^[0-9a-f-]{36}$/);
    expect(stamped).not.toBe(id);
    expect(await copiedFrom()).toBe(stamped);
  });

  it('puts the marks back into a database made again even when a sync that was still running wrote into it first', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    const oldId = await idOf(db);
    await makeAgain();
    expect(await idOf(db)).not.toBe(oldId);
    // What the old run went on writing: a day, and a paper it told about (a mark of no one's).
    await db.days.put(day);
    await db.userState.put({ id: '2506.00008', notifiedAt: 7 });
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(4);
    expect((await readSavedPapers(db)).map((s) => s.paper.id)).toEqual(['2506.00003', '2506.00001']);
    expect(await db.userState.get('2506.00002')).toEqual({ id: '2506.00002', readAt: 5 });
    expect(await db.userState.get('2506.00008')).toEqual({ id: '2506.00008', notifiedAt: 7 });
    // The copy is this database's now: the next run puts nothing back again.
    expect(await copiedFrom()).toBe(await idOf(db));
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
  });

  it('never writes a copy of another database over with one that lacks its marks: they go in first', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await makeAgain();
    await db.days.put(day);
    expect(await backUpUserState(db, places(), NOW)).toBe(true);
    expect((await readSavedPapers(db)).map((s) => s.paper.id)).toEqual(['2506.00003', '2506.00001']);
    const copy = await readUserStateBackup(files());
    expect(copy?.databaseId).toBe(await idOf(db));
    expect(copy?.saved.map((s) => s.paper.id)).toEqual(['2506.00003', '2506.00001']);
  });

  it('replaces a copy of another database that cannot be read back', async () => {
    const db = await seed();
    await writeCopy({ format: 'daily-papers-lens/user-state-backup', version: 1, writtenAt: 1, databaseId: 'another-database', saved: { format: 'not a saved-papers file' }, marks: [] });
    expect(await backUpUserState(db, places(), NOW)).toBe(true);
    const copy = await readUserStateBackup(files());
    expect(copy?.databaseId).toBe(await idOf(db));
    expect(copy?.saved.map((s) => s.paper.id)).toEqual(['2506.00003', '2506.00001']);
  });

  it('brings nothing back after the person deleted every mark on purpose (Clear cache, marks too)', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await wipe();
    await files().remove(USER_STATE_BACKUP_FILE);
    expect(await readUserStateBackup(files())).toBeUndefined();
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    expect(await db.userState.count()).toBe(0);
  });

  it('never restores over a database that has synced days (a person who unsaved everything)', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await db.userState.clear();
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    expect(await db.userState.count()).toBe(0);
  });

  it('never restores over a database that has marks (Clear cache keeps them, without days)', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await db.days.clear();
    await db.userState.clear();
    await db.userState.put({ id: '2506.00002', readAt: 99 });
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    expect(await db.userState.toArray()).toEqual([{ id: '2506.00002', readAt: 99 }]);
  });

  it('merges without duplicates when run twice or raced by the person marking a paper', async () => {
    const db = await seed();
    await backUpUserState(db, places(), NOW);
    await wipe();
    await Promise.all([restoreUserStateIfWiped(db, places(), NOW), restoreUserStateIfWiped(db, places(), NOW)]);
    expect(await db.userState.count()).toBe(4);
    expect(await db.papers.count()).toBe(2);
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    expect(await db.userState.count()).toBe(4);
  });

  it('does nothing on a fresh install (no backup) and ignores a bad backup without throwing', async () => {
    const db = getDb();
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    for (const bad of [
      'not JSON {',
      '"not an object"',
      { format: 'daily-papers-lens/user-state-backup', version: 2, writtenAt: 1, saved: {}, marks: [] },
      { format: 'daily-papers-lens/user-state-backup', version: 1, writtenAt: 1, saved: { format: 'other' }, marks: [] },
      { format: 'daily-papers-lens/user-state-backup', version: 1, writtenAt: 1, saved: { format: 'daily-papers-lens/saved-papers', version: 1, papers: [] }, marks: 'x' },
    ]) {
      await writeCopy(bad);
      expect(await readUserStateBackup(files())).toBeUndefined();
      expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(0);
    }
    expect(await db.userState.count()).toBe(0);
    expect(await readUserStateBackup(originFiles({} as never))).toBeUndefined();
  });

  it('skips bad entries and bad marks, keeping the good ones', async () => {
    const db = getDb();
    await writeCopy({
        format: 'daily-papers-lens/user-state-backup',
        version: 1,
        writtenAt: 1,
        saved: {
          format: 'daily-papers-lens/saved-papers',
          version: 1,
          papers: [
            { id: '2506.00001', title: 'Good', authors: [], summary: '', upvotes: 1, savedAt: '2025-06-01T00:00:00.000Z' },
            { id: 'javascript:alert(1)', title: 'Bad id', authors: [], summary: '', upvotes: 1, savedAt: '2025-06-01T00:00:00.000Z' },
            { id: '2506.00006', title: '', authors: [], summary: '', upvotes: 1, savedAt: '2025-06-01T00:00:00.000Z' },
            { id: '2506.00004', title: 'Bad link', authors: [], summary: '', upvotes: 1, savedAt: '2025-06-02T00:00:00.000Z', githubRepo: 'https://evil.example/x' },
          ],
        },
        marks: [['2506.00002', null, 5], ['2506.00001', 1, null], ['nope', 1, 1], ['2506.00003', null, null], ['2506.00005', -1, 2], 42],
    });
    expect(await restoreUserStateIfWiped(db, places(), NOW)).toBe(3);
    expect(await db.userState.orderBy('id').toArray()).toEqual([
      { id: '2506.00001', savedAt: Date.parse('2025-06-01T00:00:00.000Z') },
      { id: '2506.00002', readAt: 5 },
      { id: '2506.00004', savedAt: Date.parse('2025-06-02T00:00:00.000Z') },
    ]);
    // No link is read from a copy, as on Import.
    expect((await db.papers.get('2506.00004'))?.githubRepo).toBeUndefined();
  });
});

describe('userStateBackupScheduler', () => {
  it('coalesces changes in a short while into one write, and writes again after a change during a write', async () => {
    vi.useFakeTimers();
    try {
      let release: () => void = () => undefined;
      const write = vi.fn(() => new Promise<void>((resolve) => (release = resolve)));
      const backup = userStateBackupScheduler(write, 500);
      backup.schedule();
      backup.schedule();
      backup.schedule();
      expect(write).not.toHaveBeenCalled();
      await vi.advanceTimersByTimeAsync(500);
      expect(write).toHaveBeenCalledTimes(1);
      backup.schedule();
      await vi.advanceTimersByTimeAsync(500);
      expect(write).toHaveBeenCalledTimes(1);
      release();
      await vi.advanceTimersByTimeAsync(500);
      expect(write).toHaveBeenCalledTimes(2);
      release();
      await vi.advanceTimersByTimeAsync(1_000);
      expect(write).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('swallows a failed write', async () => {
    const backup = userStateBackupScheduler(() => Promise.reject(new Error('disk full')), 0);
    backup.schedule();
    await expect(backup.flush()).resolves.toBeUndefined();
  });
});
