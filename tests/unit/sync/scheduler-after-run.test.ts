/** The scheduler's `afterRun` hook: what notifications and the toolbar badge hang on. */
import { describe, expect, it } from 'vitest';
import { HfClient } from '../../../lib/hf/client';
import type { SyncOutcome } from '../../../lib/sync/engine';
import { SyncScheduler, type AlarmApi } from '../../../lib/sync/scheduler';
import { readSyncState } from '../../../lib/sync/state';
import { dayItems, fakeTime, useTestDb } from '../builders';
import { fakeHf } from '../fake-hf';

const getDb = useTestDb();

function fakeAlarms(): AlarmApi {
  const alarms = new Map<string, { scheduledTime: number; periodInMinutes?: number }>();
  return {
    create: (name, info) => void alarms.set(name, { scheduledTime: info.when ?? 0, periodInMinutes: info.periodInMinutes }),
    get: async (name) => alarms.get(name),
    clear: async (name) => alarms.delete(name),
  };
}

function scheduler(afterRun: (outcome: SyncOutcome) => Promise<void>, failing = false) {
  const db = getDb();
  const time = fakeTime('2025-06-10T09:00:00Z');
  const hf = fakeHf({
    days: { '2025-06-10': dayItems('2025-06-10', 3) },
    today: () => '2025-06-10',
    override: failing ? () => new Response('down', { status: 503 }) : undefined,
  });
  const client = new HfClient({ fetch: hf.fetch, sleep: time.sleep, now: time.now, retries: 0 });
  return new SyncScheduler({
    db,
    alarms: fakeAlarms(),
    now: time.now,
    prepare: async () => ({ intervalMinutes: 30, deps: { db, client, now: time.now, sleep: time.sleep, backfillDays: 1, politeDelayMs: 0 } }),
    afterRun,
  });
}

describe('SyncScheduler afterRun', () => {
  it('is told the outcome of every run, after the papers are stored, ok or not', async () => {
    const told: SyncOutcome[] = [];
    const ok = scheduler(async (outcome) => void told.push(outcome));
    const outcome = await ok.run();
    expect(told).toEqual([outcome]);
    expect(outcome.ok).toBe(true);

    const failed = await scheduler(async (o) => void told.push(o), true).run({ force: true });
    expect(told.at(-1)).toBe(failed);
    expect(failed.ok).toBe(false);
  });

  it('a failing hook never fails the run nor its bookkeeping', async () => {
    const s = scheduler(async () => {
      throw new Error('notifications broke');
    });
    const outcome = await s.run();
    expect(outcome.ok).toBe(true);
    expect((await readSyncState(getDb())).lastSuccessAt).toBeDefined();
  });
});
