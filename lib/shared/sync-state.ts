/** What the sync tells the extension's pages: stored in the database (kv `syncState`) and answered to Refresh. */

/** Why a call to HF failed, in terms a person can act on. */
export type HfErrorKind = 'offline' | 'timeout' | 'rate-limited' | 'server' | 'malformed' | 'too-large' | 'http';

export interface SyncState {
  running: boolean;
  /** Progress of the current run: tasks done of tasks planned. */
  progress?: { done: number; total: number };
  startedAt?: number;
  lastSuccessAt?: number;
  lastError?: { at: number; kind: HfErrorKind | 'storage' | 'unknown'; message: string };
  /**
   * Counts of the last finished run. No timings: those go to the benchmark's sink only
   * (lib/background/timings.ts), never into the person's database; records written before 0.3 may
   * still hold `durationMs`, `localMs`, `parseMs`, `validateMs`, `storeMs`, `mirrorMs` until the next run.
   */
  lastRun?: {
    calls: number;
    papers: number;
    dropped: number;
    days: number;
    /** Fetches the call budget left for the next run (0 when the run fetched all it planned). */
    pending: number;
  };
  nextRunAt?: number;
  /** Failed runs in a row; drives the retry backoff. */
  consecutiveFailures?: number;
}

export interface SyncOutcome {
  ok: boolean;
  tasks: number;
  /** Fetches done: a task's first page, or the further pages of a day. */
  done: number;
  calls: number;
  papers: number;
  dropped: number;
  /** Planned fetches the call budget left for the next run (tasks not begun, days left partial). */
  pending?: number;
  /** Set when HF asked us to wait: the caller reschedules for then. */
  retryAt?: number;
  error?: SyncState['lastError'];
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
