import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PapersDB } from '../../../../lib/shared/db';
import { recoverConnection, storageStep, StorageWriteError } from '../../../../lib/background/sync/storage-step';
import { makePaper } from '../../support/builders';

describe('storageStep', () => {
  afterEach(() => vi.useRealTimers());

  it('passes a write that settles in time through', async () => {
    await expect(storageStep(Promise.resolve(42), 1_000)).resolves.toBe(42);
  });

  it('turns a failed write into a StorageWriteError that keeps the cause', async () => {
    const cause = new DOMException('Quota exceeded', 'QuotaExceededError');
    const error = await storageStep(Promise.reject(cause), 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).cause).toBe(cause);
    expect((error as StorageWriteError).message).toBe('QuotaExceededError: Quota exceeded');
  });

  it('gives up on a write that never settles (a full disk in Chromium) after the deadline', async () => {
    vi.useFakeTimers();
    const stalled = storageStep(new Promise(() => undefined), 15_000);
    const outcome = stalled.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void stalled.catch(() => undefined).finally(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(StorageWriteError);
  });
});

describe('recoverConnection', () => {
  it('lets the next call open again a database whose open failed (Dexie keeps a failed open)', async () => {
    const name = `recover-${Math.random()}`;
    // An older database whose papers have another primary key: our open fails (Dexie cannot upgrade
    // it), as an open fails on a damaged backing store.
    const older = new Dexie(name);
    older.version(0.5).stores({ papers: '++serial' });
    await older.open();
    older.close();
    const db = new PapersDB(name);
    await expect(db.papers.count()).rejects.toThrow();
    expect(db.hasFailed()).toBe(true);
    // The browser replaced the damaged database (as Chromium does after "Internal error opening backing store").
    await Dexie.delete(name);
    await expect(db.papers.count()).rejects.toThrow();
    recoverConnection(db);
    expect(db.hasFailed()).toBe(false);
    await db.papers.put(makePaper());
    expect(await db.papers.count()).toBe(1);
    await db.delete();
  });

  it('is harmless on a connection that works: the next write opens it again', async () => {
    const db = new PapersDB(`recover-${Math.random()}`);
    await db.papers.put(makePaper());
    recoverConnection(db);
    await db.papers.put(makePaper({ upvotes: 99 }));
    expect((await db.papers.toArray()).map((p) => p.upvotes)).toEqual([99]);
    await db.delete();
  });
});
