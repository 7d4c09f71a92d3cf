import { describe, expect, it, vi } from 'vitest';
import { describeHfError } from '../../../../lib/background/hf/errors';
import { HfClient } from '../../../../lib/background/hf/client';
import { RUN_CALL_BUDGET, runSync, type SyncDeps } from '../../../../lib/background/sync/engine';
import { patchSyncState, readSyncState } from '../../../../lib/background/sync/state';
import { readTrending } from '../../../../lib/background/sync/store';
import { buildDailyPapers } from '../../../fixtures/hf-data';
import { fakeTime, HOUR, MINUTE, useTestDb } from '../../support/builders';
import { fakeHf, type FakeHfOptions } from '../../support/fake-hf';
import { isRunAlive, type SyncState } from '../../../../lib/shared/sync-state';
import type { TimingName } from '../../../../lib/background/timings';
import { HfCallLimits } from '../../../../lib/background/hf/call-limits';

/** A Wednesday: the 30-day window runs from 2025-05-13 to today and holds 22 weekdays of 12 papers. */
const NOW = '2025-06-11T12:00:00Z';
const TODAY = '2025-06-11';
const POLITE_DELAY_MS = 400;

const db = useTestDb();

/** A synced world: HF serving the fixture lists, a fake clock, and the deps `runSync` takes. */
function world(override?: FakeHfOptions['override'], perDay = 12) {
  const time = fakeTime(NOW);
  const fixture = buildDailyPapers(time.now(), { days: 30, perDay });
  const server = fakeHf({
    days: Object.fromEntries(fixture.days),
    trending: fixture.trending,
    today: () => TODAY,
    override: (url) => override?.(url),
  });
  const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now });
  const deps: SyncDeps = {
    db: db(),
    client,
    now: time.now,
    sleep: time.sleep,
    backfillDays: 30,
    politeDelayMs: POLITE_DELAY_MS,
    // 30 days and trending are 31 calls, one over the budget: these tests are about what a run
    // stores, so they give it room; 'runSync: the call budget' below runs with the default.
    callBudget: 31,
  };
  const listedIds = [...fixture.days.values()].flat().map((item) => (item.paper as { id: string }).id);
  return { time, fixture, server, client, deps, listedIds, sync: (options?: { force?: boolean }) => runSync(deps, options) };
}

/** A sink like the benchmark's: totals, counts and names of what it was told. */
function timingsSink() {
  const totals: Record<TimingName, number> = { parse: 0, validate: 0, store: 0, mirror: 0, backup: 0, refill: 0, count: 0 };
  const counts: Record<TimingName, number> = { parse: 0, validate: 0, store: 0, mirror: 0, backup: 0, refill: 0, count: 0 };
  const names = new Set<TimingName>();
  return {
    totals,
    counts,
    names,
    add(name: TimingName, ms: number) {
      totals[name] += ms;
      counts[name]++;
      names.add(name);
    },
  };
}

/** A fixture paper object, to change what HF answers. */
function paperOf(item: Record<string, unknown>): Record<string, unknown> {
  return item.paper as Record<string, unknown>;
}

async function papersOfDay(date: string) {
  return db().papers.where('dailyDate').equals(date).sortBy('id');
}

describe('runSync: first run', () => {
  it('stores every day of the window, the trending list, and a day record for each day', async () => {
    const { sync, listedIds, fixture, time, server } = world();
    const outcome = await sync();

    expect(listedIds).toHaveLength(22 * 12);
    expect(outcome).toMatchObject({ ok: true, tasks: 31, done: 31, calls: 31, dropped: 0 });
    expect(outcome.papers).toBe(22 * 12 + fixture.trending.length);
    expect(server.requests).toHaveLength(31);

    expect(await db().papers.count()).toBe(22 * 12);
    expect((await db().papers.bulkGet(listedIds)).every(Boolean)).toBe(true);
    expect((await papersOfDay(TODAY)).map((p) => p.id)).toContain('2506.06276');

    const days = await db().days.orderBy('date').toArray();
    expect(days).toHaveLength(30);
    expect(days[0]?.date).toBe('2025-05-13');
    expect(days.at(-1)).toEqual({ date: TODAY, fetchedAt: time.now(), count: 12, dropped: 0, status: 'open' });
    expect(days.find((d) => d.date === '2025-06-10')).toMatchObject({ count: 12, status: 'complete' });
    expect(days.find((d) => d.date === '2025-06-08')).toMatchObject({ count: 0, status: 'complete' });

    const trending = await readTrending(db());
    expect(trending?.ids).toEqual(fixture.trending.map((item) => paperOf(item).id));
  });

  it('records the run in the sync state', async () => {
    const { sync, time } = world();
    await sync();
    const state = await readSyncState(db());
    expect(state.running).toBe(false);
    expect(state.progress).toBeUndefined();
    expect(state.lastSuccessAt).toBe(time.now());
    expect(state.startedAt).toBe(time.now());
    expect(state.lastError).toBeUndefined();
    // Counts only: no timing of the run is kept in the person's database.
    expect(state.lastRun).toEqual({ calls: 31, papers: 22 * 12 + 10, dropped: 0, days: 30, pending: 0 });
  });

  it('tells the card copy each written step, and a timings sink its writes apart from the database writes', async () => {
    const { deps, listedIds } = world();
    const written: string[] = [];
    const sink = timingsSink();
    let writes = 0;
    let clock = 0;
    const now = vi.spyOn(performance, 'now').mockImplementation(() => clock);
    try {
      await runSync({
        ...deps,
        timings: () => sink,
        cardMirror: {
          write: async (papers) => {
            writes++;
            clock += 5;
            written.push(...papers.map((p) => p.id));
          },
        },
      });
    } finally {
      now.mockRestore();
    }
    expect(listedIds.every((id) => written.includes(id))).toBe(true);
    // A write per step that stored papers, 5 ms each on the fake clock: counted as the copy's, not the database's.
    expect(writes).toBeGreaterThanOrEqual(22);
    expect(sink.totals.mirror).toBe(writes * 5);
    expect(sink.totals.store).toBe(0);
  });

  it("hands the benchmark's sink the run's parse, validate, store and card-copy times", async () => {
    const { deps, server, time } = world();
    const sink = timingsSink();
    const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, timings: () => sink });
    await runSync({ ...deps, client, timings: () => sink, cardMirror: { write: async () => {} } });
    expect(sink.names).toEqual(new Set(['parse', 'validate', 'store', 'mirror']));
    // A parse and a validation per answer (30 days and the trending list), a store per step.
    expect(sink.counts).toMatchObject({ parse: 31, validate: 31, store: 31 });
    expect(sink.totals.validate).toBeGreaterThan(0);
    expect(sink.totals.store).toBeGreaterThan(0);
  });

  it('times nothing without a sink (a person\'s runs)', async () => {
    const { deps } = world();
    const now = vi.spyOn(performance, 'now');
    try {
      await runSync({ ...deps, cardMirror: { write: async () => {} } });
      expect(now).not.toHaveBeenCalled();
    } finally {
      now.mockRestore();
    }
  });

  it('shows the run as running, with its progress, while it runs', async () => {
    const seen: SyncState[] = [];
    const { sync } = world(async (url) => {
      if (url.searchParams.get('sort') === 'trending') seen.push(await readSyncState(db()));
      return undefined;
    });
    await sync();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ running: true, progress: { done: 1, total: 31 } });
  });

  it('starts alive over the state a stopped worker left: running, started and alive now', async () => {
    await patchSyncState(db(), { running: true, startedAt: 1, aliveAt: 2, progress: { done: 3, total: 31 }, lastSuccessAt: 1 });
    let first: SyncState | undefined;
    const { sync, time } = world(async () => {
      first ??= await readSyncState(db());
      return undefined;
    });
    await sync({ force: true });
    expect(first).toMatchObject({ running: true, startedAt: time.now(), aliveAt: time.now(), progress: { done: 0 } });
    expect(isRunAlive(first, time.now())).toBe(true);
    expect(await readSyncState(db())).toMatchObject({ running: false, lastSuccessAt: time.now() });
  });

  it('keeps saying it is alive during a long step (retries, a day’s pages), and stops once it ended', async () => {
    let during: SyncState | undefined;
    const long = world(async (url) => {
      if (url.searchParams.get('sort') !== 'trending') return undefined;
      // Minutes pass within one step, with no progress to write.
      long.time.advance(5 * MINUTE);
      await new Promise((resolve) => setTimeout(resolve, 80));
      during = await readSyncState(db());
      return undefined;
    });
    long.deps.heartbeatMs = 10;
    await long.sync();
    expect(during).toMatchObject({ running: true, aliveAt: long.time.now() });
    const after = await readSyncState(db());
    long.time.advance(MINUTE);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(await readSyncState(db())).toEqual(after);
  });

  it('pauses politely between two calls', async () => {
    const { sync, time } = world();
    await sync();
    expect(time.waits).toEqual(Array.from({ length: 30 }, () => POLITE_DELAY_MS));
  });

  it('keeps each new paper’s first upvote count on the paper, writing no history row for it', async () => {
    const { sync } = world();
    await sync();
    expect(await db().upvoteHistory.count()).toBe(0);
    const stored = await db().papers.get('2506.06276');
    expect(stored?.firstSeen).toEqual({ at: Date.parse(NOW), upvotes: stored?.upvotes });
    expect((await db().papers.toArray()).every((paper) => paper.firstSeen?.at === Date.parse(NOW))).toBe(true);
  });
});

describe('runSync: running again', () => {
  it('right away plans nothing and calls HF not once', async () => {
    const { sync, server } = world();
    await sync();
    const second = await sync();
    expect(second).toMatchObject({ ok: true, tasks: 0, calls: 0 });
    expect(server.requests).toHaveLength(31);
  });

  it('never duplicates papers or upvote history rows, nor writes a paper the answer does not change', async () => {
    const { sync, time } = world();
    await sync();
    const first = await db().papers.toArray();
    time.advance(HOUR);
    const second = await sync();
    expect(second.calls).toBe(3);
    await sync({ force: true });
    time.advance(HOUR);
    await sync({ force: true });
    expect(await db().papers.count()).toBe(22 * 12);
    expect(await db().upvoteHistory.count()).toBe(0);
    expect(await db().days.count()).toBe(30);
    // The same answers again: every paper as first written (its fetchedAt included).
    expect(await db().papers.toArray()).toEqual(first);
  });

  it('adds an upvote sample only for a paper whose upvotes changed', async () => {
    const { sync, time, fixture } = world();
    await sync();
    const yesterday = fixture.days.get('2025-06-10')!;
    const moved = paperOf(yesterday[3]!);
    const before = moved.upvotes as number;
    moved.upvotes = before + 5;

    time.advance(HOUR);
    const outcome = await sync();
    expect(outcome.calls).toBe(3);
    expect(await db().upvoteHistory.count()).toBe(1);
    expect(await db().upvoteHistory.where('id').equals(moved.id as string).sortBy('at')).toEqual([
      { id: moved.id, at: Date.parse(NOW) + HOUR, upvotes: before + 5 },
    ]);
    expect(await db().papers.get(moved.id as string)).toMatchObject({
      upvotes: before + 5,
      fetchedAt: Date.parse(NOW) + HOUR,
      firstSeen: { at: Date.parse(NOW), upvotes: before },
    });
  });

  it('refreshes today, yesterday and trending an hour later, and updates their day records', async () => {
    const { sync, time, server } = world();
    await sync();
    time.advance(HOUR);
    await sync();
    expect(server.requests.slice(31)).toEqual([
      'https://huggingface.co/api/daily_papers?date=2025-06-11&limit=100',
      'https://huggingface.co/api/daily_papers?date=2025-06-10&limit=100',
      'https://huggingface.co/api/daily_papers?sort=trending&limit=100',
    ]);
    expect((await db().days.get('2025-06-10'))?.fetchedAt).toBe(time.now());
    expect((await readTrending(db()))?.fetchedAt).toBe(time.now());
  });
});

describe('runSync: the call budget', () => {
  /** The world with the default budget, RUN_CALL_BUDGET. */
  function budgeted(override?: FakeHfOptions['override'], perDay = 12) {
    const w = world(override, perDay);
    delete w.deps.callBudget;
    return w;
  }

  it('a first sync spends 30 calls, newest first: the oldest day waits for the next run', async () => {
    const { sync, server, time, listedIds } = budgeted();
    const first = await sync();
    expect(RUN_CALL_BUDGET).toBe(30);
    expect(first).toMatchObject({ ok: true, tasks: 31, calls: 30, pending: 1 });
    expect(server.requests[1]).toBe('https://huggingface.co/api/daily_papers?sort=trending&limit=100');
    expect(await db().days.get('2025-05-13')).toBeUndefined();
    time.advance(30 * MINUTE);
    // Today, due again, and the oldest day.
    expect(await sync()).toMatchObject({ ok: true, calls: 2, pending: 0 });
    expect(await db().days.get('2025-05-13')).toMatchObject({ count: 12, status: 'complete' });
    expect(await db().papers.count()).toBe(listedIds.length);
  });

  it('a first sync of 30 days of 130 papers spends 30 calls on first pages; the next runs fetch the rest, whole', async () => {
    const { sync, time, server, listedIds, fixture } = budgeted(undefined, 130);
    const first = await sync();
    // Today, trending and the 28 newer older days, one full page each (21 weekdays stored partial);
    // the oldest day and the other pages wait.
    expect(first).toMatchObject({ ok: true, calls: 30, done: 30, pending: 21 + 1 });
    expect(server.requests.every((href) => !new URL(href).searchParams.has('p'))).toBe(true);
    const days = await db().days.toArray();
    expect(days).toHaveLength(29);
    expect(days.filter((d) => d.status === 'partial')).toHaveLength(21);
    expect(await db().papers.count()).toBe(21 * 100 + fixture.trending.length - 10);

    // The periodic alarm, every 30 minutes: each run within the budget, until nothing is left.
    const runs = [first];
    while ((runs.at(-1)!.pending ?? 0) > 0) {
      expect(runs.length, 'runs to complete the data').toBeLessThan(6);
      time.advance(30 * MINUTE);
      runs.push(await sync());
    }
    for (const run of runs) expect(run.calls).toBeLessThanOrEqual(30);
    console.log(`[budget] 30 days × 130 papers: calls per run ${runs.map((r) => r.calls).join(', ')}`);

    expect(await db().papers.count()).toBe(listedIds.length);
    expect(listedIds).toHaveLength(22 * 130);
    const stored = await db().days.toArray();
    expect(stored.filter((d) => d.status === 'partial')).toEqual([]);
    expect(stored.find((d) => d.date === '2025-06-10')).toMatchObject({ count: 130, status: 'complete' });
    expect(stored.find((d) => d.date === TODAY)).toMatchObject({ count: 130, status: 'open' });
    expect((await readTrending(db()))?.ids).toHaveLength(fixture.trending.length);
    // Once complete, the runs are back to the periodic refresh.
    time.advance(30 * MINUTE);
    expect((await sync()).pending).toBe(0);
  });

  it('fetches a full day’s later pages in the same run when calls are left', async () => {
    const { sync, time, server } = budgeted(undefined, 130);
    await sync();
    while (((await sync()).pending ?? 0) > 0) time.advance(30 * MINUTE);
    time.advance(30 * MINUTE);
    const before = server.requests.length;
    const refresh = await sync();
    // Today's first page, then (after the other first pages) its second: a page of 100, a page of 30.
    const asked = server.requests.slice(before);
    expect(asked[0]).toBe('https://huggingface.co/api/daily_papers?date=2025-06-11&limit=100');
    expect(asked).toContain('https://huggingface.co/api/daily_papers?date=2025-06-11&limit=100&p=1');
    expect(refresh).toMatchObject({ ok: true, pending: 0 });
    expect(await db().days.get(TODAY)).toMatchObject({ count: 130, status: 'open' });
  });

  it('a run stopped between a day’s first page and the rest leaves the day partial, and the next run fetches it whole', async () => {
    let fail = true;
    const { sync, server, deps } = budgeted((url) => (fail && url.searchParams.get('p') === '1' ? new Response('', { status: 404 }) : undefined), 130);
    // Calls enough for the first pages and more, so the run goes on to today's second page, which fails.
    deps.callBudget = 40;
    const first = await sync();
    // 30 first pages, trending, then today's second page.
    expect(first).toMatchObject({ ok: false, calls: 32 });
    expect(await db().days.get(TODAY)).toMatchObject({ count: 100, status: 'partial' });
    fail = false;
    const before = server.requests.length;
    await sync();
    expect(server.requests.slice(before, before + 1)).toEqual(['https://huggingface.co/api/daily_papers?date=2025-06-11&limit=100']);
    expect(await db().days.get(TODAY)).toMatchObject({ count: 130, status: 'open' });
  });

  it('the periodic runs that follow the first sync stay within 4 calls an hour once the data is complete', async () => {
    const { sync, time } = budgeted();
    await sync();
    const perRun: number[] = [];
    for (let run = 0; run < 48; run++) {
      time.advance(30 * MINUTE);
      perRun.push((await sync()).calls);
    }
    // The first follow-up run also fetches the oldest day (one call more, once); then the rhythm.
    expect(perRun[0]).toBe(2);
    for (let i = 2; i < perRun.length; i++) expect(perRun[i - 1]! + perRun[i]!, `runs ${i}-${i + 1}`).toBeLessThanOrEqual(4);
  });
});

describe('runSync: failures', () => {
  it('keeps what it stored when a day fails half-way, says why in plain words, and resumes there', async () => {
    let serverDown = true;
    const { sync, time, server, client, listedIds } = world((url) =>
      serverDown && url.searchParams.get('date') === '2025-06-06' ? new Response('<html>oops</html>', { status: 500 }) : undefined,
    );

    const first = await sync();
    // today, trending, 06-10, 06-09, 06-08, 06-07, then 06-06 tried 4 times.
    expect(first).toMatchObject({ ok: false, tasks: 31, done: 6, calls: 10 });
    expect(client.calls).toBe(10);
    expect(first.error).toEqual({ at: time.now(), kind: 'server', message: describeHfError('server') });
    expect(first.error?.message).toBe('Hugging Face is having trouble (server error).');

    const afterFailure = await readSyncState(db());
    expect(afterFailure.running).toBe(false);
    expect(afterFailure.lastError).toEqual(first.error);
    expect(afterFailure.lastSuccessAt).toBeUndefined();
    expect(afterFailure.lastRun?.calls).toBe(10);

    expect(await db().papers.count()).toBe(3 * 12);
    expect((await db().days.orderBy('date').keys()).sort()).toEqual([
      '2025-06-07',
      '2025-06-08',
      '2025-06-09',
      '2025-06-10',
      TODAY,
    ]);

    serverDown = false;
    time.advance(2 * MINUTE);
    const requestsBefore = server.requests.length;
    const second = await sync();
    const resumed = server.requests.slice(requestsBefore);
    expect(second).toMatchObject({ ok: true, calls: 25 });
    expect(resumed.every((href) => new URL(href).searchParams.has('date'))).toBe(true);
    const resumedDates = server.dayRequests().slice(-25);
    expect(resumedDates[0]).toBe('2025-06-06');
    expect(resumedDates.at(-1)).toBe('2025-05-13');
    expect(new Set(resumedDates).size).toBe(25);

    expect(await db().papers.count()).toBe(listedIds.length);
    expect(await db().days.count()).toBe(30);
    const state = await readSyncState(db());
    expect(state.lastError).toBeUndefined();
    expect(state.lastSuccessAt).toBe(time.now());
  });

  it('says in plain words that an answer was too large to read, and does not ask for it again in the run', async () => {
    const huge = JSON.stringify(Array.from({ length: 150_000 }, (_, i) => ({ paper: { id: `25${String(1 + Math.floor(i / 99_999)).padStart(2, '0')}.${String(1 + (i % 99_999)).padStart(5, '0')}`, title: 't', upvotes: 0 } })));
    const { sync, server } = world((url) => (url.searchParams.get('date') === '2025-06-10' ? new Response(huge, { status: 200 }) : undefined));
    const outcome = await sync();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'too-large', message: 'Hugging Face sent an answer too large to read.' });
    expect(server.dayRequests().filter((date) => date === '2025-06-10')).toHaveLength(1);
    expect((await readSyncState(db())).lastError?.message).toBe('Hugging Face sent an answer too large to read.');
  });

  it('keeps the last success time when a later run fails', async () => {
    let down = false;
    const { sync, time } = world(() => (down ? new Response('', { status: 503 }) : undefined));
    await sync();
    const succeededAt = time.now();
    down = true;
    time.advance(HOUR);
    const outcome = await sync();
    expect(outcome.ok).toBe(false);
    const state = await readSyncState(db());
    expect(state.lastSuccessAt).toBe(succeededAt);
    expect(state.lastError?.kind).toBe('server');
  });

  it('loses none of a day’s papers when its answer is malformed', async () => {
    let broken = false;
    const { sync, time } = world((url) =>
      broken && url.searchParams.get('date') === '2025-06-10' ? new Response('[{"paper":{"id":"2511.10200","ti', { status: 200 }) : undefined,
    );
    await sync();
    const before = await papersOfDay('2025-06-10');
    const recordBefore = await db().days.get('2025-06-10');
    expect(before).toHaveLength(12);

    broken = true;
    time.advance(HOUR);
    const outcome = await sync();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'malformed', message: 'Hugging Face sent an answer we could not read.' });
    expect(await papersOfDay('2025-06-10')).toEqual(before);
    expect(await db().days.get('2025-06-10')).toEqual(recordBefore);
  });

  it('keeps the stored copies of items that turn malformed, and counts them as dropped', async () => {
    const { sync, time, fixture } = world();
    await sync();
    const before = await papersOfDay('2025-06-10');

    const yesterday = fixture.days.get('2025-06-10')!;
    for (const item of yesterday.slice(2)) paperOf(item).upvotes = 'lots';
    paperOf(yesterday[0]!).upvotes = 999;
    time.advance(HOUR);
    const outcome = await sync();

    expect(outcome).toMatchObject({ ok: true, dropped: 10 });
    const after = await papersOfDay('2025-06-10');
    expect(after).toHaveLength(12);
    expect(after.find((p) => p.id === paperOf(yesterday[0]!).id)?.upvotes).toBe(999);
    const untouched = (id: string) => [before, after].map((list) => list.find((p) => p.id === id));
    const [was, is] = untouched(paperOf(yesterday[5]!).id as string);
    expect(is).toEqual(was);
    expect(await db().days.get('2025-06-10')).toMatchObject({ count: 12, dropped: 10, fetchedAt: time.now() });
  });

  it('keeps a day’s papers when HF later answers an empty list for it', async () => {
    let empty = false;
    const { sync, time } = world((url) =>
      empty && url.searchParams.get('date') === '2025-06-10' ? new Response('[]', { status: 200 }) : undefined,
    );
    await sync();
    empty = true;
    time.advance(HOUR);
    const outcome = await sync();
    expect(outcome.ok).toBe(true);
    expect(await papersOfDay('2025-06-10')).toHaveLength(12);
    expect((await db().days.get('2025-06-10'))?.count).toBe(12);
  });

  it('hands back HF’s retryAt when rate limited for longer than it waits in place', async () => {
    const { sync, time } = world((url) =>
      url.searchParams.get('sort') === 'trending'
        ? new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=240' } })
        : undefined,
    );
    const outcome = await sync();
    expect(outcome.ok).toBe(false);
    expect(outcome.retryAt).toBe(time.now() + 240_000);
    expect(outcome.error?.kind).toBe('rate-limited');
    expect(outcome.done).toBe(1);
  });

  it('calls nothing while HF’s wait from another caller (a live lookup’s 429) runs, and hands back HF’s time', async () => {
    const limits = new HfCallLimits();
    const { deps, server, time } = world();
    await limits.gate.admit(time.now());
    limits.forPages.hfSaidWait(time.now() + 5 * MINUTE);
    const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, guard: limits.gate });
    const outcome = await runSync({ ...deps, client });
    expect(server.requests).toEqual([]);
    expect(outcome).toMatchObject({ ok: false, calls: 0, retryAt: time.now() + 5 * MINUTE, error: { kind: 'rate-limited' } });
  });

  it('says so in plain words when the browser refuses to store more', async () => {
    const { sync, deps } = world();
    vi.spyOn(deps.db.papers, 'bulkPut').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const outcome = await sync();
    expect(outcome.ok).toBe(false);
    expect(outcome.error).toMatchObject({ kind: 'storage', message: 'The browser could not store the new papers (is the disk full?).' });
    expect((await readSyncState(deps.db)).running).toBe(false);
  });

  it('a storage-full error on a later sync loses nothing already stored, and the next sync recovers', async () => {
    const { sync, deps, time, fixture } = world();
    await sync();
    const before = await deps.db.papers.toArray();
    const daysBefore = await deps.db.days.toArray();
    time.advance(61 * 60_000);
    // Upvotes moved everywhere, so the first write of the run is a write of papers.
    for (const item of [...fixture.trending, ...[...fixture.days.values()].flat()]) paperOf(item).upvotes = (paperOf(item).upvotes as number) + 1;
    const quota = vi.spyOn(deps.db.papers, 'bulkPut').mockRejectedValue(new DOMException('Quota exceeded', 'QuotaExceededError'));
    const failed = await sync({ force: true });
    expect(failed.error?.kind).toBe('storage');
    expect(await deps.db.papers.toArray()).toEqual(before);
    expect(await deps.db.days.toArray()).toEqual(daysBefore);
    quota.mockRestore();
    expect((await sync({ force: true })).ok).toBe(true);
    expect(await deps.db.papers.count()).toBe(before.length);
  });

  it('reports an unexpected error as unknown, with its message', async () => {
    const { sync, deps } = world();
    vi.spyOn(deps.client, 'trending').mockRejectedValue(new Error('boom'));
    const outcome = await sync();
    expect(outcome.error).toMatchObject({ kind: 'unknown', message: 'Sync failed: boom' });
  });
});

describe('runSync: the person’s own state', () => {
  it('never touches saved and read marks', async () => {
    const { sync, time, fixture } = world();
    const rows = [
      { id: '2506.06276', savedAt: Date.parse('2025-06-01T08:00:00Z') },
      { id: paperOf(fixture.days.get('2025-06-10')![1]!).id as string, readAt: Date.parse('2025-06-02T09:00:00Z') },
      { id: '2501.00001', savedAt: 1, readAt: 2, notifiedAt: 3 },
    ];
    await db().userState.bulkPut(rows);

    await sync();
    paperOf(fixture.days.get(TODAY)![0]!).upvotes = 500;
    time.advance(HOUR);
    await sync();
    await sync({ force: true });

    expect(await db().userState.orderBy('id').toArray()).toEqual([...rows].sort((a, b) => a.id.localeCompare(b.id)));
  });
});
