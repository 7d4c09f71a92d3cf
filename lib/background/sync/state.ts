/** What the sync tells the UI: stored in the database so the popup can show it live. */
import type { HfErrorKind } from '../hf/errors';
import type { PapersDB } from '../../shared/db';

export interface SyncState {
  running: boolean;
  /** Progress of the current run: tasks done of tasks planned. */
  progress?: { done: number; total: number };
  startedAt?: number;
  lastSuccessAt?: number;
  lastError?: { at: number; kind: HfErrorKind | 'storage' | 'unknown'; message: string };
  /** Figures of the last finished run. */
  lastRun?: {
    calls: number;
    papers: number;
    dropped: number;
    days: number;
    /** Fetches the call budget left for the next run (0 when the run fetched all it planned). */
    pending: number;
    durationMs: number;
    /** Parsing, validating and writing (ms): the run's own work, without network and pauses. */
    localMs: number;
    /** Of which reading JSON (ms). */
    parseMs: number;
    /** Of which validating the items (ms). */
    validateMs: number;
    /** Of which writing to the database (ms). */
    storeMs: number;
    /** Of which writing the card copy to storage.local (ms; lib/background/card-mirror.ts). Absent before 0.3. */
    mirrorMs?: number;
  };
  nextRunAt?: number;
  /** Failed runs in a row; drives the retry backoff. */
  consecutiveFailures?: number;
}

/** The kv row the state lives in (the popup reads it without Dexie). */
export const SYNC_STATE_KEY = 'syncState';

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

/**
 * The state to show after a run the person started ended in `failure`. Normally the run recorded its
 * failure in the database and `stored` already says so; on a full disk it could not, and `stored` still
 * says "running". Then the failure, as the run answered it, is shown instead, so the person sees why
 * and can retry. A newer stored outcome wins.
 */
export function withUnrecordedFailure(stored: SyncState | undefined, failure: SyncState['lastError']): SyncState | undefined {
  if (!failure) return stored;
  if (stored?.lastError && stored.lastError.at >= failure.at) return stored;
  if (stored && !stored.running && (stored.lastSuccessAt ?? 0) >= failure.at) return stored;
  if (stored?.running && (stored.startedAt ?? 0) > failure.at) return stored;
  return { ...stored, running: false, progress: undefined, lastError: failure };
}
