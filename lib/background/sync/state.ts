/** The sync's state in the database (lib/shared/sync-state.ts says what it holds). */
import { SYNC_STATE_KEY } from '../../shared/storage-keys';
import type { SyncState } from '../../shared/sync-state';
import type { PapersDB } from '../../shared/db';


export async function readSyncState(db: PapersDB): Promise<SyncState> {
  const row = await db.kv.get(SYNC_STATE_KEY);
  return (row?.value as SyncState | undefined) ?? { running: false };
}

export async function patchSyncState(db: PapersDB, patch: Partial<SyncState>): Promise<SyncState> {
  return db.transaction('rw', db.kv, async () => {
    const next = { ...(await readSyncState(db)), ...patch };
    await db.kv.put({ key: SYNC_STATE_KEY, value: next });
    return next;
  });
}
