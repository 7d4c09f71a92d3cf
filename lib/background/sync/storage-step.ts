/**
 * Database writes of a sync run, bounded. On a full disk Chromium's IndexedDB aborts the write, and the
 * connection may then never answer again; without a deadline the run, and every later run of this
 * worker, would wait forever. A failed or stalled write becomes a StorageWriteError, which the run
 * reports in plain words ("is the disk full?") and the person can retry.
 */
import type { Dexie } from 'dexie';

export const DEFAULT_WRITE_DEADLINE_MS = 15_000;

/** A write to the database failed or did not settle in time. */
export class StorageWriteError extends Error {
  override name = 'StorageWriteError';
}

/** The write, failing with a StorageWriteError when it fails or has not settled after `ms`. */
export function storageStep<T>(write: Promise<T>, ms: number = DEFAULT_WRITE_DEADLINE_MS): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new StorageWriteError(`A database write took longer than ${ms} ms.`)), ms);
  });
  const written = write.catch((error: unknown) => {
    throw new StorageWriteError(error instanceof Error ? `${error.name}: ${error.message}` : String(error), { cause: error });
  });
  return Promise.race([written, deadline]).finally(() => clearTimeout(timer));
}

/**
 * Gives the database a fresh connection for what follows a storage failure: after a failed write
 * Chromium may leave the connection unusable, and Dexie keeps a failed open (every later call fails
 * with it). Closed with auto-open kept, the next call opens the database again. Harmless on a
 * connection that works.
 */
export function recoverConnection(db: Dexie): void {
  db.close({ disableAutoOpen: false });
}
