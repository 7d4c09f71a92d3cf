import { describe, expect, it } from 'vitest';
import { HfClient } from '../../../../lib/background/hf/client';
import { patchSyncState, readSyncState } from '../../../../lib/background/sync/state';
import {
  type AlarmApi,
  failureBackoffMinutes,
  PERIODIC_ALARM,
  RETRY_ALARM,
  SyncScheduler,
} from '../../../../lib/background/sync/scheduler';
import { buildDailyPapers } from '../../../fixtures/hf-data';
import { fakeTime, MINUTE, useTestDb } from '../../support/builders';
import { fakeHf } from '../../support/fake-hf';
import type { SyncOutcome } from '../../../../lib/shared/sync-state';

const NOW = '2025-06-11T12:00:00Z';
const TODAY = '2025-06-11';

const db = useTestDb();

interface FakeAlarm {
  scheduledTime: number;
  periodInMinutes?: number;
}

/** `browser.alarms` as the scheduler uses it, on the test's clock. */
class FakeAlarms implements AlarmApi {
  readonly alarms = new Map<string, FakeAlarm>();
  created: string[] = [];
  constructor(private readonly now: () => number) {}

  create(name: string, info: { when?: number; delayInMinutes?: number; periodInMinutes?: number }): void {
    const delay = info.delayInMinutes ?? info.periodInMinutes;
    const scheduledTime = info.when ?? this.now() + (delay ?? 0) * MINUTE;
    this.alarms.set(name, { scheduledTime, ...(info.periodInMinutes ? { periodInMinutes: info.periodInMinutes } : {}) });
    this.created.push(name);
  }

  async get(name: string): Promise<FakeAlarm | undefined> {
    return this.alarms.get(name);
  }

  async clear(name: string): Promise<boolean> {
    return this.alarms.delete(name);
  }
}

type Answer = 'fixtures' | 'down' | 'rate-limited';

function setup(options: { intervalMinutes?: number; afterRun?: (outcome: SyncOutcome) => Promise<void> } = {}) {
  const time = fakeTime(NOW);
  const fixture = buildDailyPapers(time.now(), { days: 30, perDay: 12 });
  let answer: Answer = 'fixtures';
  const server = fakeHf({
    days: Object.fromEntries(fixture.days),
    trending: fixture.trending,
    today: () => TODAY,
    override: () => {
      if (answer === 'down') return new Response('', { status: 503 });
      if (answer === 'rate-limited') return new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=600' } });
      return undefined;
    },
  });
  const alarms = new FakeAlarms(time.now);
  let intervalMinutes = options.intervalMinutes ?? 30;
  let prepared = 0;
  const scheduler = new SyncScheduler({
    db: db(),
    alarms,
    now: time.now,
    prepare: async () => {
      prepared++;
      return {
        intervalMinutes,
        deps: {
          db: db(),
          client: new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now }),
          now: time.now,
          sleep: time.sleep,
          backfillDays: 30,
          politeDelayMs: 0,
        },
      };
    },
    afterRun: options.afterRun,
  });
  return {
    scheduler,
    alarms,
    server,
    time,
    prepared: () => prepared,
    answer: (next: Answer) => {
      answer = next;
    },
    /** The person changes the sync interval in the settings. */
    setInterval: (minutes: number) => {
      intervalMinutes = minutes;
    },
  };
}

describe('failureBackoffMinutes', () => {
  it('doubles from 2 minutes and stops at 30', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 20].map(failureBackoffMinutes)).toEqual([2, 2, 4, 8, 16, 30, 30, 30]);
  });
});

describe('SyncScheduler.run', () => {
  it('runs one sync at a time: concurrent calls share one run', async () => {
    const { scheduler, server, prepared } = setup();
    const first = scheduler.run();
    const second = scheduler.run();
    expect(second).toBe(first);
    const [a, b] = await Promise.all([first, second]);
    expect(a).toBe(b);
    expect(a.ok).toBe(true);
    // Today, trending and 28 older days: the oldest waits for the next run (the call budget).
    expect(server.requests).toHaveLength(30);
    expect(prepared()).toBe(1);
  });

  it('a Refresh during a background run runs once more, forced, right after it', async () => {
    const { scheduler, server, prepared } = setup();
    const background = scheduler.run();
    const refresh = scheduler.run({ force: true });
    const again = scheduler.run({ force: true });
    expect(again).toBe(refresh);
    expect(refresh).not.toBe(background);
    await background;
    expect(server.requests).toHaveLength(30);
    const forced = await refresh;
    expect(forced.ok).toBe(true);
    // Today, the previous list day and trending, fetched again although fresh, and the oldest day
    // the first run's call budget left.
    expect(forced.calls).toBe(4);
    expect(prepared()).toBe(2);
  });

  it('starts a new run once the previous one has finished', async () => {
    const { scheduler, server, time } = setup();
    const first = scheduler.run();
    await first;
    time.advance(30 * MINUTE);
    const next = scheduler.run();
    expect(next).not.toBe(first);
    // Today, and the oldest day the first run's call budget left.
    expect((await next).calls).toBe(2);
    expect(server.requests).toHaveLength(32);
  });

  it('keeps a periodic alarm at the configured interval and shows the next run', async () => {
    const { scheduler, alarms, time } = setup({ intervalMinutes: 45 });
    await scheduler.run();
    expect(alarms.alarms.get(PERIODIC_ALARM)).toEqual({ scheduledTime: time.now() + 45 * MINUTE, periodInMinutes: 45 });
    expect(alarms.alarms.has(RETRY_ALARM)).toBe(false);
    const state = await readSyncState(db());
    expect(state.nextRunAt).toBe(time.now() + 45 * MINUTE);
    expect(state.consecutiveFailures).toBe(0);
  });

  it('schedules a retry after a failure, backing off with each failure in a row', async () => {
    const { scheduler, alarms, time, answer } = setup();
    answer('down');
    const start = time.now();

    const first = await scheduler.run();
    expect(first.ok).toBe(false);
    expect(alarms.alarms.get(RETRY_ALARM)?.scheduledTime).toBe(start + 2 * MINUTE);
    expect(await readSyncState(db())).toMatchObject({ consecutiveFailures: 1, nextRunAt: start + 2 * MINUTE });

    time.advance(2 * MINUTE);
    await scheduler.run();
    expect(alarms.alarms.get(RETRY_ALARM)?.scheduledTime).toBe(time.now() + 4 * MINUTE);

    time.advance(4 * MINUTE);
    await scheduler.run();
    expect(alarms.alarms.get(RETRY_ALARM)?.scheduledTime).toBe(time.now() + 8 * MINUTE);
    expect((await readSyncState(db())).consecutiveFailures).toBe(3);
  });

  it('retries when HF’s 429 said, not on its own backoff', async () => {
    const { scheduler, alarms, time, answer } = setup();
    answer('rate-limited');
    const outcome = await scheduler.run();
    expect(outcome.retryAt).toBe(time.now() + 600_000);
    expect(alarms.alarms.get(RETRY_ALARM)?.scheduledTime).toBe(time.now() + 600_000);
    expect((await readSyncState(db())).nextRunAt).toBe(time.now() + 600_000);
  });

  it('clears the retry alarm and the failure count after a success', async () => {
    const { scheduler, alarms, time, answer } = setup();
    answer('down');
    await scheduler.run();
    time.advance(2 * MINUTE);
    await scheduler.run();
    expect(alarms.alarms.has(RETRY_ALARM)).toBe(true);

    answer('fixtures');
    time.advance(4 * MINUTE);
    const outcome = await scheduler.run();
    expect(outcome.ok).toBe(true);
    expect(alarms.alarms.has(RETRY_ALARM)).toBe(false);
    const state = await readSyncState(db());
    expect(state.consecutiveFailures).toBe(0);
    expect(state.nextRunAt).toBe(alarms.alarms.get(PERIODIC_ALARM)?.scheduledTime);
    expect(state.lastError).toBeUndefined();
  });

  it('lets a run fail without leaving the scheduler stuck', async () => {
    const { scheduler, server } = setup();
    const broken = new SyncScheduler({
      db: db(),
      alarms: new FakeAlarms(() => Date.parse(NOW)),
      now: () => Date.parse(NOW),
      prepare: () => Promise.reject(new Error('settings unreadable')),
    });
    await expect(broken.run()).rejects.toThrow('settings unreadable');
    await expect(broken.run()).rejects.toThrow('settings unreadable');
    expect(server.requests).toHaveLength(0);
    expect((await scheduler.run()).ok).toBe(true);
  });
});

describe('SyncScheduler and a database the browser could not open', () => {
  const openFailure = () => Object.assign(new Error('UnknownError: Internal error opening backing store for indexedDB.open.'), { name: 'OpenFailedError' });

  it('reopens the database after a short wait and runs', async () => {
    const { server } = setup();
    const time = fakeTime(NOW);
    const waits: number[] = [];
    let failures = 1;
    let closed = 0;
    const database = db();
    const close = database.close.bind(database);
    database.close = (options) => {
      closed++;
      close(options);
    };
    const scheduler = new SyncScheduler({
      db: database,
      alarms: new FakeAlarms(time.now),
      now: time.now,
      sleep: async (ms) => void waits.push(ms),
      prepare: async () => {
        if (failures-- > 0) throw openFailure();
        return {
          intervalMinutes: 30,
          deps: { db: database, client: new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now }), now: time.now, sleep: time.sleep, backfillDays: 30, politeDelayMs: 0 },
        };
      },
    });
    const outcome = await scheduler.run();
    expect(outcome.ok).toBe(true);
    expect(waits).toEqual([1_000]);
    expect(closed).toBe(1);
    expect((await readSyncState(database)).lastSuccessAt).toBe(time.now());
  });

  it('reports a database that stays unopenable as a storage failure, and schedules a retry', async () => {
    const time = fakeTime(NOW);
    const alarms = new FakeAlarms(time.now);
    const waits: number[] = [];
    const scheduler = new SyncScheduler({
      db: db(),
      alarms,
      now: time.now,
      sleep: async (ms) => void waits.push(ms),
      prepare: () => Promise.reject(openFailure()),
    });
    const outcome = await scheduler.run();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'storage', message: expect.stringContaining('could not open') });
    expect(waits).toEqual([1_000, 2_000]);
    expect(alarms.alarms.has(RETRY_ALARM)).toBe(true);
  });
});

describe('SyncScheduler.wake', () => {
  it('resumes a run the worker was stopped in', async () => {
    const { scheduler, server } = setup();
    await patchSyncState(db(), { running: true, startedAt: Date.parse(NOW) - 5 * MINUTE, progress: { done: 3, total: 31 } });
    await scheduler.wake();
    expect(server.requests).toHaveLength(30);
    const state = await readSyncState(db());
    expect(state.running).toBe(false);
    expect(state.progress).toBeUndefined();
    expect(state.lastError).toBeUndefined();
  });

  it('does not start a run when none was under way, but sets the periodic alarm', async () => {
    const { scheduler, server, alarms, time } = setup();
    await scheduler.wake();
    expect(server.requests).toHaveLength(0);
    expect(alarms.alarms.get(PERIODIC_ALARM)).toEqual({ scheduledTime: time.now() + 30 * MINUTE, periodInMinutes: 30 });
  });

  it('joins the run under way instead of starting another', async () => {
    const { scheduler, server, prepared } = setup();
    const running = scheduler.run();
    await scheduler.wake();
    await running;
    expect(server.requests).toHaveLength(30);
    // wake prepares once for the alarm, the run once.
    expect(prepared()).toBe(2);
  });

  it('leaves an existing periodic alarm alone, and replaces it when the interval changed', async () => {
    const { scheduler, alarms, time, setInterval } = setup({ intervalMinutes: 30 });
    await scheduler.wake();
    const scheduled = alarms.alarms.get(PERIODIC_ALARM)?.scheduledTime;
    time.advance(10 * MINUTE);
    await scheduler.wake();
    expect(alarms.alarms.get(PERIODIC_ALARM)?.scheduledTime).toBe(scheduled);
    expect(alarms.created.filter((name) => name === PERIODIC_ALARM)).toHaveLength(1);

    setInterval(60);
    await scheduler.wake();
    expect(alarms.alarms.get(PERIODIC_ALARM)).toEqual({ scheduledTime: time.now() + 60 * MINUTE, periodInMinutes: 60 });
  });
});

describe('SyncScheduler afterRun (notifications, toolbar badge)', () => {
  it('is told the outcome of every run, after its bookkeeping, ok or not', async () => {
    const told: { outcome: SyncOutcome; running: boolean }[] = [];
    const { scheduler, answer } = setup({ afterRun: async (outcome) => void told.push({ outcome, running: (await readSyncState(db())).running }) });
    const ok = await scheduler.run();
    answer('down');
    const failed = await scheduler.run({ force: true });
    expect(told).toEqual([
      { outcome: ok, running: false },
      { outcome: failed, running: false },
    ]);
    expect([ok.ok, failed.ok]).toEqual([true, false]);
  });

  it('a failing hook never fails the run nor its bookkeeping', async () => {
    const { scheduler } = setup({
      afterRun: async () => {
        throw new Error('notifications broke');
      },
    });
    const outcome = await scheduler.run();
    expect(outcome.ok).toBe(true);
    expect((await readSyncState(db())).lastSuccessAt).toBeDefined();
  });
});
