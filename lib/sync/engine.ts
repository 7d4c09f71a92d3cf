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
import { readTrending, storeDay, storeTrending } from './store';

export interface SyncDeps {
  db: PapersDB;
  client: HfClient;
  now: () => number;
  sleep: (ms: number) => Promise<void>;
  backfillDays: number;
  /** Pause between two HF calls, to share the person's rate-limit budget politely. */
  politeDelayMs: number;
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
  const startedAt = now();
  const callsBefore = client.calls;
  const parseBefore = client.parseMs;
  const validateBefore = client.validateMs;
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
  await patchSyncState(db, { running: true, startedAt, progress: { done: 0, total: tasks.length } });

  try {
    for (const task of tasks) {
      if (outcome.done > 0) await deps.sleep(deps.politeDelayMs);
      const { papers, dropped, storeMs: taskStoreMs } = await runTask(deps, task);
      storeMs += taskStoreMs;
      outcome.papers += papers;
      outcome.dropped += dropped;
      outcome.done++;
      await patchSyncState(db, { progress: { done: outcome.done, total: tasks.length } });
    }
  } catch (error) {
    outcome.ok = false;
    outcome.error = describeFailure(error, now());
    if (error instanceof HfError && error.retryAt) outcome.retryAt = error.retryAt;
  }
  outcome.calls = client.calls - callsBefore;

  const finishedAt = now();
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
      localMs: Math.round(client.parseMs - parseBefore + client.validateMs - validateBefore + storeMs),
      parseMs: Math.round(client.parseMs - parseBefore),
      validateMs: Math.round(client.validateMs - validateBefore),
      storeMs: Math.round(storeMs),
    },
    ...(outcome.ok
      ? { lastSuccessAt: finishedAt, lastError: undefined }
      : { lastError: outcome.error, lastSuccessAt: previous.lastSuccessAt }),
  });
  return outcome;
}

async function runTask(deps: SyncDeps, task: SyncTask): Promise<{ papers: number; dropped: number; storeMs: number }> {
  const { db, client, now } = deps;
  const timed = async (store: () => Promise<unknown>) => {
    const start = performance.now();
    await store();
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
  if (name === 'QuotaExceededError' || /quota/i.test(String(error))) {
    return { at, kind: 'storage', message: 'The browser refused to store more data (storage full).' };
  }
  return { at, kind: 'unknown', message: `Sync failed: ${error instanceof Error ? error.message : String(error)}` };
}
