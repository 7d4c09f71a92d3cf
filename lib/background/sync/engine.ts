/**
 * One sync run: plan from what is stored, fetch task by task (politely spaced) within the run's call
 * budget, write each answer in its own transaction, and keep the UI's sync state current. A failure
 * stops the run, is recorded in plain words, and loses nothing: the next run plans again from what
 * was stored.
 */
import type { PapersDB } from '../../shared/db';
import { describeHfError, HfError } from '../hf/errors';
import type { HfClient } from '../hf/client';
import { utcDay } from '../../shared/utc-day';
import { planSync, type SyncTask } from './plan';
import { patchSyncState, readSyncState } from './state';
import { RUN_HEARTBEAT_MS, type SyncOutcome, type SyncState } from '../../shared/sync-state';
import { DEFAULT_WRITE_DEADLINE_MS, recoverConnection, storageStep, StorageWriteError } from './storage-step';
import { readTrending, storeDay, storeTrending, type StoredPapersListener } from './store';
import type { TimingsSource } from '../timings';

/**
 * The most HF calls one run spends (retries included, so a run may pass it by the few retries of its
 * last call). A run spends it in the plan's order, first pages first: what does not fit waits for the
 * next run, which plans it again from the stored day records (a day cut short is stored as `partial`).
 */
export const RUN_CALL_BUDGET = 30;

export interface SyncDeps {
  db: PapersDB;
  client: HfClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  backfillDays: number;
  /** Pause between two HF calls, to share the person's rate-limit budget politely. */
  politeDelayMs: number;
  /** Calls one run may spend; RUN_CALL_BUDGET when absent. */
  callBudget?: number;
  /** How long one database write may take before the run gives up on it (see storage-step.ts). */
  writeDeadlineMs?: number;
  /** Told each step's written papers after its commit (the card copy, lib/background/card-mirror.ts). */
  cardMirror?: StoredPapersListener;
  /** The benchmark's sink for the run's local work (../timings.ts); absent in a person's runs. */
  timings?: TimingsSource;
  /** How often the running run writes that it is alive (ms); RUN_HEARTBEAT_MS when absent. */
  heartbeatMs?: number;
}


interface Fetched {
  papers: number;
  dropped: number;
  /** For a day whose pages were full up to where we stopped: the ids read so far. */
  more?: string[];
}

export async function runSync(syncDeps: SyncDeps, options: { force?: boolean } = {}): Promise<SyncOutcome> {
  const timer = new StepTimer(syncDeps.timings);
  const mirror = syncDeps.cardMirror;
  const deps: SyncDeps = mirror && syncDeps.timings ? { ...syncDeps, cardMirror: timer.mirror(mirror) } : syncDeps;
  const { db, client, now } = deps;
  const deadlineMs = deps.writeDeadlineMs ?? DEFAULT_WRITE_DEADLINE_MS;
  const startedAt = now();
  const callsBefore = client.calls;
  const budget = Math.max(1, deps.callBudget ?? RUN_CALL_BUDGET);
  const callsLeft = () => budget - (client.calls - callsBefore);
  const [days, trending] = await Promise.all([db.days.toArray(), readTrending(db)]);
  const tasks = planSync({
    now: startedAt,
    backfillDays: deps.backfillDays,
    days,
    trendingFetchedAt: trending?.fetchedAt,
    force: options.force,
  });
  const outcome = { ok: true, tasks: tasks.length, done: 0, calls: 0, papers: 0, dropped: 0, pending: 0 } satisfies SyncOutcome as SyncOutcome & { pending: number };
  // Each fetch costs a call at least, so no run does more fetches than its budget.
  let total = Math.min(tasks.length, budget);
  await storageStep(patchSyncState(db, { running: true, startedAt, aliveAt: startedAt, progress: { done: 0, total } }), deadlineMs);
  // A step can take minutes (retries, a day's further pages): the heartbeat tells pages the run still lives.
  const stopHeartbeat = heartbeat(db, now, deps.heartbeatMs ?? RUN_HEARTBEAT_MS);

  const fetch = async (step: () => Promise<Fetched>): Promise<Fetched> => {
    if (outcome.done > 0) await deps.sleep(deps.politeDelayMs);
    const fetched = await step();
    outcome.papers += fetched.papers;
    outcome.dropped += fetched.dropped;
    outcome.done++;
    return fetched;
  };
  let daysFetched = 0;
  try {
    // First pages first: every planned day is known in part before any day is known in full.
    const further: { date: string; seen: string[] }[] = [];
    for (const [index, task] of tasks.entries()) {
      if (callsLeft() <= 0) {
        outcome.pending += tasks.length - index;
        break;
      }
      const fetched = await fetch(() => runTask(deps, timer, task, deadlineMs, { maxPages: 1 }));
      if (task.kind === 'day') daysFetched++;
      if (task.kind === 'day' && fetched.more) {
        further.push({ date: task.date, seen: fetched.more });
        total = Math.min(total + 1, budget);
      }
      await storageStep(patchSyncState(db, { progress: { done: outcome.done, total }, aliveAt: now() }), deadlineMs);
    }
    // Then the further pages of days whose first page was full, while calls are left.
    for (const [index, day] of further.entries()) {
      if (callsLeft() <= 0) {
        outcome.pending += further.length - index;
        break;
      }
      const task: SyncTask = { kind: 'day', date: day.date };
      const fetched = await fetch(() => runTask(deps, timer, task, deadlineMs, { fromPage: 1, maxPages: callsLeft(), seen: day.seen }));
      if (fetched.more) outcome.pending++;
      await storageStep(patchSyncState(db, { progress: { done: outcome.done, total }, aliveAt: now() }), deadlineMs);
    }
  } catch (error) {
    outcome.ok = false;
    outcome.error = describeFailure(error, now());
    // After a failed write Chromium may leave the connection unusable: the writes below use a fresh one.
    if (error instanceof StorageWriteError) recoverConnection(db);
    if (error instanceof HfError && error.retryAt) outcome.retryAt = error.retryAt;
  }
  stopHeartbeat();
  outcome.calls = client.calls - callsBefore;

  const finishedAt = now();
  const finish = async () => {
    const previous = await readSyncState(db);
    await patchSyncState(db, {
      running: false,
      progress: undefined,
      lastRun: {
        calls: outcome.calls,
        papers: outcome.papers,
        dropped: outcome.dropped,
        days: daysFetched,
        pending: outcome.pending,
      },
      ...(outcome.ok
        ? { lastSuccessAt: finishedAt, lastError: undefined }
        : { lastError: outcome.error, lastSuccessAt: previous.lastSuccessAt }),
    });
  };
  // When even this write fails or stalls, the run still ends, so the next alarm or Refresh can run.
  await storageStep(finish(), deadlineMs).catch(() => undefined);
  return outcome;
}

/** Writes `aliveAt` every `ms` until stopped; a write still pending (a slow disk) is not doubled. */
function heartbeat(db: PapersDB, now: () => number, ms: number): () => void {
  let writing = false;
  const timer = setInterval(() => {
    if (writing) return;
    writing = true;
    void patchSyncState(db, { aliveAt: now() })
      .catch(() => undefined)
      .finally(() => (writing = false));
  }, ms);
  return () => clearInterval(timer);
}

async function runTask(
  deps: SyncDeps,
  timer: StepTimer,
  task: SyncTask,
  deadlineMs: number,
  pages: { fromPage?: number; maxPages: number; seen?: string[] },
): Promise<Fetched> {
  const { db, client, now } = deps;
  const store = (write: () => Promise<unknown>) => timer.store(() => storageStep(write(), deadlineMs));
  if (task.kind === 'trending') {
    const list = await client.trending();
    await store(() => storeTrending(db, list.papers, now(), deps.cardMirror));
    return { papers: list.papers.length, dropped: list.dropped };
  }
  const answer = await client.dailyPapers(task.date, pages);
  if (answer.status === 'not-open') {
    await store(() => storeDay(db, { date: task.date, papers: [], dropped: 0, status: 'not-open' }, now()));
    return { papers: 0, dropped: 0 };
  }
  const status = !answer.complete ? 'partial' : task.date < utcDay(now()) ? 'complete' : 'open';
  const continued = (pages.fromPage ?? 0) > 0;
  await store(() => storeDay(db, { date: task.date, papers: answer.papers, dropped: answer.dropped, status, continued }, now(), deps.cardMirror));
  const more = answer.complete ? undefined : [...(pages.seen ?? []), ...answer.papers.map((p) => p.id)];
  return { papers: answer.papers.length, dropped: answer.dropped, more };
}

/**
 * Times a run's writes for the benchmark's sink, when one is installed: the database's as `store`,
 * the card copy's (written inside each step, after its commit) apart from them as `mirror`.
 */
class StepTimer {
  /** Card copy time so far, to take out of the step it was written in. */
  private mirrorMs = 0;

  constructor(private readonly timings: TimingsSource | undefined) {}

  mirror(listener: StoredPapersListener): StoredPapersListener {
    return {
      write: async (papers) => {
        const sink = this.timings?.();
        if (!sink) return listener.write(papers);
        const start = performance.now();
        try {
          await listener.write(papers);
        } finally {
          const ms = performance.now() - start;
          this.mirrorMs += ms;
          sink.add('mirror', ms);
        }
      },
    };
  }

  async store(write: () => Promise<unknown>): Promise<void> {
    const sink = this.timings?.();
    if (!sink) {
      await write();
      return;
    }
    const start = performance.now();
    const mirrorBefore = this.mirrorMs;
    await write();
    sink.add('store', performance.now() - start - (this.mirrorMs - mirrorBefore));
  }
}

function describeFailure(error: unknown, at: number): NonNullable<SyncState['lastError']> {
  if (error instanceof HfError) return { at, kind: error.kind, message: describeHfError(error.kind) };
  const name = error instanceof Error ? error.name : '';
  if (error instanceof StorageWriteError || name === 'QuotaExceededError') {
    return { at, kind: 'storage', message: 'The browser could not store the new papers (is the disk full?).' };
  }
  return { at, kind: 'unknown', message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` };
}
