import { describe, expect, it } from 'vitest';
import { patchSyncState, readSyncState } from '../../../../lib/background/sync/state';
import { useTestDb } from '../../support/builders';
import { withUnrecordedFailure } from '../../../../lib/shared/sync-state';

const db = useTestDb();

describe('sync state', () => {
  it('reads as not running before any sync', async () => {
    expect(await readSyncState(db())).toEqual({ running: false });
  });

  it('merges patches, and a patch with undefined clears a field', async () => {
    await patchSyncState(db(), { running: true, startedAt: 1, progress: { done: 0, total: 3 } });
    await patchSyncState(db(), { progress: { done: 1, total: 3 } });
    expect(await readSyncState(db())).toEqual({ running: true, startedAt: 1, progress: { done: 1, total: 3 } });
    const next = await patchSyncState(db(), { running: false, progress: undefined, lastSuccessAt: 5 });
    expect(next.progress).toBeUndefined();
    expect(await readSyncState(db())).toMatchObject({ running: false, startedAt: 1, lastSuccessAt: 5 });
    expect((await readSyncState(db())).progress).toBeUndefined();
  });

  it('loses no patch when several are written at once', async () => {
    await Promise.all([
      patchSyncState(db(), { startedAt: 1 }),
      patchSyncState(db(), { lastSuccessAt: 2 }),
      patchSyncState(db(), { nextRunAt: 3 }),
      patchSyncState(db(), { consecutiveFailures: 4 }),
    ]);
    expect(await readSyncState(db())).toEqual({ running: false, startedAt: 1, lastSuccessAt: 2, nextRunAt: 3, consecutiveFailures: 4 });
  });
});

describe('withUnrecordedFailure', () => {
  const failure = { at: 100, kind: 'storage' as const, message: 'The browser could not store the new papers (is the disk full?).' };

  it('shows the run’s failure when the database still says running (it could not record it)', () => {
    const stored = { running: true, startedAt: 50, progress: { done: 0, total: 3 }, lastSuccessAt: 10 };
    expect(withUnrecordedFailure(stored, failure)).toEqual({ running: false, startedAt: 50, progress: undefined, lastSuccessAt: 10, lastError: failure });
  });

  it('keeps the stored state when it recorded this failure, or something newer', () => {
    const recorded = { running: false, lastError: failure };
    expect(withUnrecordedFailure(recorded, failure)).toBe(recorded);
    const newerSuccess = { running: false, lastSuccessAt: 200 };
    expect(withUnrecordedFailure(newerSuccess, failure)).toBe(newerSuccess);
    const newerRun = { running: true, startedAt: 150 };
    expect(withUnrecordedFailure(newerRun, failure)).toBe(newerRun);
  });

  it('is the stored state when there is no failure', () => {
    const stored = { running: false };
    expect(withUnrecordedFailure(stored, undefined)).toBe(stored);
  });
});
