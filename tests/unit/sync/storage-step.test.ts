import { afterEach, describe, expect, it, vi } from 'vitest';
import { storageStep, StorageWriteError } from '../../../lib/sync/storage-step';

describe('storageStep', () => {
  afterEach(() => vi.useRealTimers());

  it('passes a write that settles in time through', async () => {
    await expect(storageStep(Promise.resolve(42), 1_000)).resolves.toBe(42);
  });

  it('turns a failed write into a StorageWriteError that keeps the cause', async () => {
    const cause = new DOMException('Quota exceeded', 'QuotaExceededError');
    const error = await storageStep(Promise.reject(cause), 1_000).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageWriteError);
    expect((error as StorageWriteError).cause).toBe(cause);
    expect((error as StorageWriteError).message).toBe('QuotaExceededError: Quota exceeded');
  });

  it('gives up on a write that never settles (a full disk in Chromium) after the deadline', async () => {
    vi.useFakeTimers();
    const stalled = storageStep(new Promise(() => undefined), 15_000);
    const outcome = stalled.catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(14_999);
    let settled = false;
    void stalled.catch(() => undefined).finally(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(await outcome).toBeInstanceOf(StorageWriteError);
  });
});
