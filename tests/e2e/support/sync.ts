/** Waiting for the extension's sync to finish, from the popup (what a person sees) or from the worker. */
import type { Page, Worker } from '@playwright/test';
import { syncSettled } from './extension-db';
import { expect } from './extension-test';

/**
 * Until a sync has finished and none is running (the install-time one: 30 days). On an open popup,
 * its status says "Synced"; on the background worker, the sync state the popup reads says so — no page
 * needed.
 */
export async function waitForSync(from: Page | Worker, timeoutMs = 60_000): Promise<void> {
  if ('getByTestId' in from) {
    await expect(from.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: timeoutMs });
    return;
  }
  await expect.poll(() => syncSettled(from), { timeout: timeoutMs, intervals: [250], message: 'the sync did not finish' }).toBe(true);
}
