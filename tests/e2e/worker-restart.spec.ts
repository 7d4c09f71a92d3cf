/** MV3 stops idle service workers: a sync stopped half-way, for real, resumes where it was. */
import { absPage } from '../fixtures/arxiv/abs-page';
import { readSyncState } from './support/extension-db';
import { expect, test } from './support/extension-test';
import { waitForSync } from './support/sync';
import { stopWorker } from './support/worker-probes';

test('a service worker stopped in the middle of the back-fill resumes on its next wake, fetching nothing twice', async ({ server, context, openPopup, extensionId }) => {
  // Slow answers, so the back-fill is still running when the worker is stopped.
  server.hfOverride = async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return undefined;
  };
  const popup = await openPopup();
  await expect.poll(() => server.hfCalls().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);

  await (await stopWorker(popup, extensionId)).cdp.detach();
  const atStop = server.hfCalls().length;
  // Stopped for real: no call for a while.
  await popup.waitForTimeout(3_000);
  expect(server.hfCalls().length).toBe(atStop);
  expect(atStop).toBeLessThan(31);
  await expect(popup.getByTestId('sync-status')).toContainText('Syncing');

  // Any event wakes it — here a person opening the arXiv abstract page of a paper not synced (a synced
  // paper's card comes from the local copy, without the worker) — and the back-fill carries on.
  const id = '2507.00406';
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: 'Not synced', abstract: 'Nothing.', authors: ['A. Author'] }));
  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${id}`);
  await expect(page.getByTestId('dpl-unknown')).toBeVisible();
  await waitForSync(popup);

  const dayCalls = server.hfCalls().filter((c) => c.includes('date='));
  const perDate = new Map<string, number>();
  for (const call of dayCalls) {
    const date = new URL(call, 'https://huggingface.co').searchParams.get('date')!;
    perDate.set(date, (perDate.get(date) ?? 0) + 1);
  }
  // Every day of the window fetched; at most the one in flight at the stop fetched twice.
  expect(perDate.size).toBe(30);
  expect([...perDate.values()].filter((n) => n > 1).length).toBeLessThanOrEqual(1);
  console.log(`[faults] worker stopped after ${atStop} calls; ${dayCalls.length} day calls in all for 30 days`);
});

test('a run whose worker was stopped leaves no lasting "Syncing…": the last outcome shows, and Refresh syncs again (#15.10)', async ({ server, openPopup, extensionId }) => {
  test.setTimeout(150_000);
  const popup = await openPopup();
  await waitForSync(popup);
  const synced = (await readSyncState(popup))!.lastSuccessAt!;

  // A slow Hugging Face: the person's Refresh is still running when the browser stops the worker.
  let slow = true;
  server.hfOverride = async () => {
    if (slow) await new Promise((resolve) => setTimeout(resolve, 5_000));
    return undefined;
  };
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByTestId('sync-status')).toContainText('Syncing');
  await (await stopWorker(popup, extensionId)).cdp.detach();
  // Nothing wakes the worker (the next alarm is half an hour away), and `running` stays stored.
  expect(await readSyncState(popup)).toMatchObject({ running: true });

  // Once the run has been silent past its heartbeats, the popup shows the last outcome, Refresh enabled.
  const refresh = popup.getByRole('button', { name: 'Refresh' });
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 60_000 });
  await expect(refresh).toBeEnabled();
  expect(await readSyncState(popup)).toMatchObject({ running: true });

  // Refresh wakes the worker, whose run takes over the stale state and finishes.
  slow = false;
  const callsBefore = server.hfCalls().length;
  await refresh.click();
  await expect.poll(async () => (await readSyncState(popup))?.lastSuccessAt ?? 0, { timeout: 60_000 }).toBeGreaterThan(synced);
  expect(await readSyncState(popup)).toMatchObject({ running: false });
  expect(server.hfCalls().length).toBeGreaterThan(callsBefore);
  await expect(popup.getByTestId('sync-status')).toHaveText('Synced just now');
});
