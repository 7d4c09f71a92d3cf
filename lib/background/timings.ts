/**
 * The benchmark's figures of the background's local work: a sync's (tests/bench/sync.bench.ts) and the
 * copy of the marks' and the refill after a sync (tests/bench/year.bench.ts), through a sink it hands in. A person's runs have none,
 * so nothing is timed and no figure they never see is stored.
 */

/**
 * What a sync run does on this machine, apart from waiting for the network; one copy of the marks; the
 * page indexes filled again after a sync (lib/background/stored-papers.ts); a count of the papers table
 * (lib/background/paper-count.ts).
 */
export type TimingName = 'parse' | 'validate' | 'store' | 'mirror' | 'backup' | 'refill' | 'count';

export interface TimingsSink {
  add(name: TimingName, ms: number): void;
}

/**
 * Where timings go: asked at each timed step (not once per run), so a sink the benchmark installs
 * while the install-time run waits for its first answer counts that run from then on.
 */
export type TimingsSource = () => TimingsSink | undefined;

/** The global the benchmark sets in the background worker (through CDP) to receive the figures. */
export const BENCH_TIMINGS_GLOBAL = '__dplTimings';

/** The benchmark's sink when it installed one in this worker; undefined in every real run. */
export const benchTimings: TimingsSource = () =>
  (globalThis as { [BENCH_TIMINGS_GLOBAL]?: TimingsSink })[BENCH_TIMINGS_GLOBAL];

/** Runs `work`, telling the sink how long it took; without a sink, only runs it. */
export function timed<T>(timings: TimingsSource | undefined, name: TimingName, work: () => T): T {
  const sink = timings?.();
  if (!sink) return work();
  const start = performance.now();
  try {
    return work();
  } finally {
    sink.add(name, performance.now() - start);
  }
}

/** `timed` for work that settles later: the time until it settles. */
export async function timedAsync<T>(timings: TimingsSource | undefined, name: TimingName, work: () => Promise<T>): Promise<T> {
  const sink = timings?.();
  if (!sink) return work();
  const start = performance.now();
  try {
    return await work();
  } finally {
    sink.add(name, performance.now() - start);
  }
}
