/**
 * The benchmark's figures of a sync's local work (tests/bench/sync.bench.ts): a sink it hands in.
 * A person's runs have none, so nothing is timed and no figure they never see is stored.
 */

/** What a sync run does on this machine, apart from waiting for the network. */
export type TimingName = 'parse' | 'validate' | 'store' | 'mirror';

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
