import { describe, expect, it } from 'vitest';
import { isRunAlive, RUN_HEARTBEAT_MS, RUN_SILENCE_LIMIT_MS, runSilentAt, syncStateAt, withUnrecordedFailure } from '../../../lib/shared/sync-state';

const NOW = Date.parse('2025-06-11T12:00:00Z');

describe('a run whose worker was stopped (issue 15, item 10)', () => {
  const lastSuccess = { at: NOW - 40 * 60_000 };
  // The worker stopped mid-run: `running` stays stored, its heartbeat stops.
  const stopped = { running: true, startedAt: NOW - 5 * 60_000, aliveAt: NOW - 4 * 60_000, progress: { done: 3, total: 31 }, lastSuccessAt: lastSuccess.at };

  it('is running while its heartbeat is recent, and no longer once it missed a few', () => {
    const live = { ...stopped, aliveAt: NOW - RUN_HEARTBEAT_MS };
    expect(isRunAlive(live, NOW)).toBe(true);
    expect(isRunAlive(live, NOW - RUN_HEARTBEAT_MS + RUN_SILENCE_LIMIT_MS - 1)).toBe(true);
    expect(isRunAlive(live, NOW - RUN_HEARTBEAT_MS + RUN_SILENCE_LIMIT_MS)).toBe(false);
    expect(isRunAlive(stopped, NOW)).toBe(false);
    expect(isRunAlive({ running: false, aliveAt: NOW }, NOW)).toBe(false);
    expect(isRunAlive(undefined, NOW)).toBe(false);
  });

  it('shows the last real outcome instead of "running": the last success, or the last failure', () => {
    expect(syncStateAt(stopped, NOW)).toEqual({ ...stopped, running: false, progress: undefined });
    const failed = { ...stopped, lastError: { at: NOW - 50 * 60_000, kind: 'offline' as const, message: 'Offline.' } };
    expect(syncStateAt(failed, NOW)).toMatchObject({ running: false, lastError: failed.lastError });
    const live = { ...stopped, aliveAt: NOW - 1_000 };
    expect(syncStateAt(live, NOW)).toBe(live);
    const idle = { running: false, lastSuccessAt: 5 };
    expect(syncStateAt(idle, NOW)).toBe(idle);
    expect(syncStateAt(undefined, NOW)).toBeUndefined();
  });

  it('judges a state written before heartbeats by its start, and a clock set back does not keep a dead run alive', () => {
    expect(isRunAlive({ running: true, startedAt: NOW - 1_000 }, NOW)).toBe(true);
    expect(isRunAlive({ running: true, startedAt: NOW - 10 * 60_000 }, NOW)).toBe(false);
    expect(isRunAlive({ running: true }, NOW)).toBe(false);
    expect(isRunAlive({ running: true, aliveAt: NOW + 2 * 3_600_000 }, NOW)).toBe(false);
  });

  it('says when a running state not written again falls silent (the popup looks again then)', () => {
    expect(runSilentAt({ ...stopped, aliveAt: NOW })).toBe(NOW + RUN_SILENCE_LIMIT_MS);
    expect(runSilentAt({ running: false, aliveAt: NOW })).toBeUndefined();
    expect(runSilentAt(undefined)).toBeUndefined();
  });

  it('lets a failure the run could not record show over a stale "running"', () => {
    const failure = { at: NOW - 1_000, kind: 'storage' as const, message: 'Disk full?' };
    expect(withUnrecordedFailure(syncStateAt(stopped, NOW), failure)).toMatchObject({ running: false, lastError: failure });
  });
});
