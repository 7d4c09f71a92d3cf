/** What the sync tells the extension's pages: stored in the database (kv `syncState`) and answered to Refresh. */

/** Why a call to HF failed, in terms a person can act on. */
export type HfErrorKind = 'offline' | 'timeout' | 'rate-limited' | 'server' | 'malformed' | 'too-large' | 'http';

export interface SyncState {
  /** A run was under way when last written; believe it only while the run is alive (`isRunAlive`). */
  running: boolean;
  /** Progress of the current run: tasks done of tasks planned. */
  progress?: { done: number; total: number };
  startedAt?: number;
  /** The running run's last sign of life (ms): written every RUN_HEARTBEAT_MS while it runs. */
  aliveAt?: number;
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

/** How often a running sync writes that it is alive (lib/background/sync/engine.ts). */
export const RUN_HEARTBEAT_MS = 10_000;

/**
 * A run not heard of for this long has died with its worker: the browser stops a background worker
 * when it likes (MV3), and the stopped run's `running: true` stays stored until a worker runs again —
 * up to the next alarm, half an hour later. Three heartbeats missed.
 */
export const RUN_SILENCE_LIMIT_MS = 3 * RUN_HEARTBEAT_MS;

/** When the run `state` says is under way last said it was alive (older states have only `startedAt`). */
function lastSignOfLife(state: SyncState): number {
  return state.aliveAt ?? state.startedAt ?? 0;
}

/** Whether a run is under way at `now`: stored as running, and heard of within RUN_SILENCE_LIMIT_MS. */
export function isRunAlive(state: SyncState | undefined, now: number): boolean {
  // Either way: a clock set back must not keep a dead run alive for as long as it was moved.
  return Boolean(state?.running) && Math.abs(now - lastSignOfLife(state!)) < RUN_SILENCE_LIMIT_MS;
}

/**
 * The state as it stands at `now`: a run that fell silent is no longer running, so the last real
 * outcome (last success, or the last failure with Retry) shows and Refresh can start a run again.
 */
export function syncStateAt(state: SyncState | undefined, now: number): SyncState | undefined {
  if (!state?.running || isRunAlive(state, now)) return state;
  return { ...state, running: false, progress: undefined };
}

/** When a running state not written again is to be taken as dead (undefined when it is not running). */
export function runSilentAt(state: SyncState | undefined): number | undefined {
  return state?.running ? lastSignOfLife(state) + RUN_SILENCE_LIMIT_MS : undefined;
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
