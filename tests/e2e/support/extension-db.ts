/**
 * Looking into the extension's database (and its origin's files) from a test (observation only), from
 * the background worker or an extension page: both share the extension's origin.
 *
 * Never creates the database: a test that opened it before the extension had would create an empty
 * version-1 database, and the connection would block Dexie's own upgrade (tens of seconds). Before
 * the extension has made the database, or a table, there is nothing to read: `undefined`.
 */
import type { Page, Worker } from '@playwright/test';

export const DB_NAME = 'daily-papers-lens';

type Target = Worker | Page;

type Read = { store: string; db: string } & ({ mode: 'all' } | { mode: 'keys' } | { mode: 'get'; key: string });

/** Every row of a table, or `undefined` while the database or the table does not exist. */
export function readAll<T>(target: Target, store: string): Promise<T[] | undefined> {
  return read(target, { db: DB_NAME, store, mode: 'all' }) as Promise<T[] | undefined>;
}

/** The primary keys of a table, or `undefined` while the database or the table does not exist. */
export function readKeys(target: Target, store: string): Promise<string[] | undefined> {
  return read(target, { db: DB_NAME, store, mode: 'keys' }) as Promise<string[] | undefined>;
}

/** One row by its key, or `undefined` (no such row, or no database yet). */
export function readRow<T>(target: Target, store: string, key: string): Promise<T | undefined> {
  return read(target, { db: DB_NAME, store, mode: 'get', key }) as Promise<T | undefined>;
}

/** The sync state the popup shows (kv `syncState`), or `undefined` before the first sync wrote it. */
export async function readSyncState(target: Target): Promise<{ running?: boolean; lastSuccessAt?: number } | undefined> {
  return (await readRow<{ value?: { running?: boolean; lastSuccessAt?: number } }>(target, 'kv', 'syncState'))?.value;
}

/** Whether a sync has finished and none is running. */
export async function syncSettled(target: Target): Promise<boolean> {
  const state = await readSyncState(target);
  return Boolean(state?.lastSuccessAt) && !state?.running;
}

/** A file of the extension origin's private file system (lib/shared/origin-files.ts), or `undefined`. */
export function readExtensionFile(target: Target, name: string): Promise<string | undefined> {
  return (target as Worker).evaluate(async (file: string) => {
    try {
      return await (await (await (await navigator.storage.getDirectory()).getFileHandle(file)).getFile()).text();
    } catch {
      return undefined;
    }
  }, name);
}

function read(target: Target, request: Read): Promise<unknown> {
  // Playwright's Worker and Page evaluate alike; the union's overloads do not unify for TypeScript.
  return (target as Worker).evaluate(async (r: Read) => {
    const open = indexedDB.open(r.db);
    // Opening a database that does not exist creates it: abort that, so nothing is created.
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await new Promise<IDBDatabase | undefined>((resolve) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => resolve(undefined);
    });
    if (!db) return undefined;
    try {
      if (!db.objectStoreNames.contains(r.store)) return undefined;
      const table = db.transaction(r.store).objectStore(r.store);
      const request: IDBRequest = r.mode === 'all' ? table.getAll() : r.mode === 'keys' ? table.getAllKeys() : table.get(r.key);
      return await new Promise((resolve, reject) => {
        request.onsuccess = () => resolve(request.result);
        request.onerror = () => reject(request.error);
      });
    } finally {
      db.close();
    }
  }, request);
}
