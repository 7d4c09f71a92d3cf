/**
 * When syncs run: at install and browser start, every `syncIntervalMinutes` through `browser.alarms`
 * (alarms wake a stopped MV3 worker), and again after a failure, backing off, or when HF's 429 says.
 * One run at a time; a run cut short by the worker stopping is resumed on the next wake.
 */
import type { PapersDB } from '../../shared/db';
import { recoverConnection, storageStep } from './storage-step';
import { runSync, type SyncDeps } from './engine';
import { patchSyncState, readSyncState } from './state';
import type { SyncOutcome } from '../../shared/sync-state';

export const PERIODIC_ALARM = 'sync-periodic';
export const RETRY_ALARM = 'sync-retry';
const MINUTE = 60_000;
/** Tries to reopen a database the browser could not open, and the pause before each (ms). */
const REOPEN_ATTEMPTS = 3;
const REOPEN_DELAY_MS = 1_000;

/**
 * The database could not be opened. Dexie keeps a failed open: every later call fails with it until the
 * database is closed and opened again. After a full disk Chromium may answer an open with "Internal error
 * opening backing store", delete the damaged database, and open a fresh one on the next try.
 */
export function isOpenFailure(error: unknown): boolean {
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message : '';
  return name === 'DatabaseClosedError' || name === 'OpenFailedError' || /backing store/i.test(message);
}

interface Alarm {
  scheduledTime: number;
  periodInMinutes?: number;
}

/** The part of `browser.alarms` the scheduler uses. */
export interface AlarmApi {
  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): unknown;
  get(name: string): Promise<Alarm | undefined>;
  clear(name: string): Promise<boolean>;
}

export interface SchedulerDeps {
  db: PapersDB;
  alarms: AlarmApi;
  now: () => number;
  /** Fresh dependencies for each run (settings may have changed). */
  prepare: () => Promise<{ deps: SyncDeps; intervalMinutes: number }>;
  /** Told after every run, ok or not (notifications, the toolbar badge); its failure never fails the run. */
  afterRun?: (outcome: SyncOutcome, run: { force: boolean }) => Promise<void>;
  /** Waits before reopening the database (setTimeout when absent). */
  sleep?: (ms: number) => Promise<void>;
}

/** Minutes to wait after the n-th consecutive failure: 2, 4, 8, 16, then 30. */
export function failureBackoffMinutes(failures: number): number {
  return Math.min(30, 2 ** Math.max(1, failures));
}

export class SyncScheduler {
  private current: { promise: Promise<SyncOutcome>; forced: boolean } | undefined;
  private forcedFollowUp: Promise<SyncOutcome> | undefined;

  constructor(private readonly deps: SchedulerDeps) {}

  /**
   * Starts a run, or joins the one under way. A forced run (the person's Refresh) asked for during a
   * background run follows it, so what the person asked for is really fetched.
   */
  run(options: { force?: boolean } = {}): Promise<SyncOutcome> {
    const force = options.force ?? false;
    if (this.current) {
      if (!force || this.current.forced) return this.current.promise;
      const again = () => {
        this.forcedFollowUp = undefined;
        return this.run({ force: true });
      };
      this.forcedFollowUp ??= this.current.promise.then(again, again);
      return this.forcedFollowUp;
    }
    const promise = this.runOnce({ force }).finally(() => {
      this.current = undefined;
    });
    this.current = { promise, forced: force };
    return promise;
  }

  /** On every worker start: keep the periodic alarm, and finish a run the worker was stopped in. */
  async wake(): Promise<void> {
    const { intervalMinutes } = await this.deps.prepare();
    await this.ensurePeriodicAlarm(intervalMinutes);
    const state = await readSyncState(this.deps.db);
    if (state.running && !this.current) await this.run();
  }

  /** Prepares and runs a sync; a database that cannot be opened is reopened, a few times, then reported. */
  private async prepareAndRun(options: { force?: boolean }): Promise<{ deadline?: number; outcome: SyncOutcome }> {
    const { db } = this.deps;
    const sleep = this.deps.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
    // A failed open, kept by Dexie since an earlier call: start from a fresh connection.
    if (db.hasFailed()) recoverConnection(db);
    for (let attempt = 1; ; attempt++) {
      let deps: SyncDeps | undefined;
      try {
        const prepared = await this.deps.prepare();
        deps = prepared.deps;
        await this.ensurePeriodicAlarm(prepared.intervalMinutes);
        return { deadline: deps.writeDeadlineMs, outcome: await runSync(deps, options) };
      } catch (error) {
        if (!isOpenFailure(error)) throw error;
        recoverConnection(db);
        if (deps?.db && deps.db !== db) recoverConnection(deps.db);
        if (attempt >= REOPEN_ATTEMPTS) {
          const at = this.deps.now();
          const message = 'The browser could not open the extension’s database (is the disk full?).';
          const outcome: SyncOutcome = { ok: false, tasks: 0, done: 0, calls: 0, papers: 0, dropped: 0, error: { at, kind: 'storage', message } };
          return { deadline: deps?.writeDeadlineMs, outcome };
        }
        await sleep(REOPEN_DELAY_MS * attempt);
      }
    }
  }

  private async runOnce(options: { force?: boolean }): Promise<SyncOutcome> {
    const { deadline, outcome } = await this.prepareAndRun(options);
    // The bookkeeping below must not keep the outcome from the person when the disk is full.
    const state = await storageStep(readSyncState(this.deps.db), deadline).catch(() => undefined);
    const failures = outcome.ok ? 0 : (state?.consecutiveFailures ?? 0) + 1;
    if (outcome.ok) {
      await this.deps.alarms.clear(RETRY_ALARM);
    } else {
      const retryAt = outcome.retryAt ?? this.deps.now() + failureBackoffMinutes(failures) * MINUTE;
      await this.deps.alarms.create(RETRY_ALARM, { when: retryAt });
    }
    const alarms = await Promise.all([this.deps.alarms.get(PERIODIC_ALARM), this.deps.alarms.get(RETRY_ALARM)]);
    const times = alarms.flatMap((alarm: Alarm | undefined) => (alarm ? [alarm.scheduledTime] : []));
    await storageStep(
      patchSyncState(this.deps.db, { consecutiveFailures: failures, nextRunAt: times.length ? Math.min(...times) : undefined }),
      deadline,
    ).catch(() => undefined);
    try {
      if (this.deps.afterRun) await storageStep(this.deps.afterRun(outcome, { force: options.force ?? false }), deadline);
    } catch {
      // What follows a sync is extra; the run itself succeeded or failed on its own.
    }
    return outcome;
  }

  private async ensurePeriodicAlarm(intervalMinutes: number): Promise<void> {
    const existing = await this.deps.alarms.get(PERIODIC_ALARM);
    if (existing?.periodInMinutes === intervalMinutes) return;
    await this.deps.alarms.create(PERIODIC_ALARM, { periodInMinutes: intervalMinutes, delayInMinutes: intervalMinutes });
  }
}
