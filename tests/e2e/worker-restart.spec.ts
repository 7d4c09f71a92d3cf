/** MV3 stops idle service workers: a sync stopped half-way, for real, resumes where it was. */
import type { Page } from '@playwright/test';
import { absPage } from '../fixtures/arxiv/abs-page';
import { expect, test } from './support/extension-test';

async function stopServiceWorkers(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
}

test('a service worker stopped in the middle of the back-fill resumes on its next wake, fetching nothing twice', async ({ server, context, openPopup }) => {
  // Slow answers, so the back-fill is still running when the worker is stopped.
  server.hfOverride = async () => {
    await new Promise((resolve) => setTimeout(resolve, 150));
    return undefined;
  };
  const popup = await openPopup();
  await expect.poll(() => server.hfCalls().length, { timeout: 30_000 }).toBeGreaterThanOrEqual(8);

  await stopServiceWorkers(popup);
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
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 60_000 });

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
