/**
 * One sync run: plan from what is stored, fetch task by task (politely spaced), write each answer in
 * its own transaction, and keep the UI's sync state current. A failure stops the run, is recorded in
 * plain words, and loses nothing: the next run plans again from what was stored.
 */
import type { PapersDB } from '../db';
import { describeHfError, HfError } from '../hf/errors';
import type { HfClient } from '../hf/client';
import { utcDay } from '../utc-day';
import { planSync, type SyncTask } from './plan';
import { patchSyncState, readSyncState, type SyncState } from './state';
import { DEFAULT_WRITE_DEADLINE_MS, storageStep, StorageWriteError } from './storage-step';
import { readTrending, storeDay, storeTrending } from './store';

export interface SyncDeps {
  db: PapersDB;
  client: HfClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  backfillDays: number;
  /** Pause between two HF calls, to share the person's rate-limit budget politely. */
  politeDelayMs: number;
  /** How long one database write may take before the run gives up on it (see storage-step.ts). */
  writeDeadlineMs?: number;
}

export interface SyncOutcome {
  ok: boolean;
  tasks: number;
  done: number;
  calls: number;
  papers: number;
  dropped: number;
  /** Set when HF asked us to wait: the caller reschedules for then. */
  retryAt?: number;
  error?: SyncState['lastError'];
}

export async function runSync(deps: SyncDeps, options: { force?: boolean } = {}): Promise<SyncOutcome> {
  const { db, client, now } = deps;
  const deadlineMs = deps.writeDeadlineMs ?? DEFAULT_WRITE_DEADLINE_MS;
  const startedAt = now();
  const callsBefore = client.calls;
  const parseBefore = client.parseMs;
  let storeMs = 0;
  const [days, trending] = await Promise.all([db.days.toArray(), readTrending(db)]);
  const tasks = planSync({
    now: startedAt,
    backfillDays: deps.backfillDays,
    days,
    trendingFetchedAt: trending?.fetchedAt,
    force: options.force,
  });
  const outcome: SyncOutcome = { ok: true, tasks: tasks.length, done: 0, calls: 0, papers: 0, dropped: 0 };
  await storageStep(patchSyncState(db, { running: true, startedAt, progress: { done: 0, total: tasks.length } }), deadlineMs);

  try {
    for (const task of tasks) {
      if (outcome.done > 0) await deps.sleep(deps.politeDelayMs);
      const { papers, dropped, storeMs: taskStoreMs } = await runTask(deps, task, deadlineMs);
      storeMs += taskStoreMs;
      outcome.papers += papers;
      outcome.dropped += dropped;
      outcome.done++;
      await storageStep(patchSyncState(db, { progress: { done: outcome.done, total: tasks.length } }), deadlineMs);
    }
  } catch (error) {
    outcome.ok = false;
    outcome.error = describeFailure(error, now());
    // After a failed write Chromium may leave the connection unusable: the writes below use a fresh one.
    if (error instanceof StorageWriteError) db.close({ disableAutoOpen: false });
    if (error instanceof HfError && error.retryAt) outcome.retryAt = error.retryAt;
  }
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
        days: tasks.filter((t) => t.kind === 'day').length,
        durationMs: finishedAt - startedAt,
        localMs: Math.round(client.parseMs - parseBefore + storeMs),
        storeMs: Math.round(storeMs),
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

async function runTask(deps: SyncDeps, task: SyncTask, deadlineMs: number): Promise<{ papers: number; dropped: number; storeMs: number }> {
  const { db, client, now } = deps;
  const timed = async (store: () => Promise<unknown>) => {
    const start = performance.now();
    await storageStep(store(), deadlineMs);
    return performance.now() - start;
  };
  if (task.kind === 'trending') {
    const list = await client.trending();
    const storeMs = await timed(() => storeTrending(db, list.papers, now()));
    return { papers: list.papers.length, dropped: list.dropped, storeMs };
  }
  const answer = await client.dailyPapers(task.date);
  if (answer.status === 'not-open') {
    const storeMs = await timed(() => storeDay(db, { date: task.date, papers: [], dropped: 0, status: 'not-open' }, now()));
    return { papers: 0, dropped: 0, storeMs };
  }
  const status = task.date < utcDay(now()) ? 'complete' : 'open';
  const storeMs = await timed(() =>
    storeDay(db, { date: task.date, papers: answer.papers, dropped: answer.dropped, status }, now()),
  );
  return { papers: answer.papers.length, dropped: answer.dropped, storeMs };
}

function describeFailure(error: unknown, at: number): NonNullable<SyncState['lastError']> {
  if (error instanceof HfError) return { at, kind: error.kind, message: describeHfError(error.kind) };
  const name = error instanceof Error ? error.name : '';
  if (error instanceof StorageWriteError || name === 'QuotaExceededError') {
    return { at, kind: 'storage', message: 'The browser could not store the new papers (is the disk full?).' };
  }
  return { at, kind: 'unknown', message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` };
}
