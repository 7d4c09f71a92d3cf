/**
 * Release watch: a saved paper that gains a repository and a model is told once (one notification,
 * "Now with code and weights"), and a further Refresh tells nothing. Each Refresh checks the saved paper
 * with one `/api/papers/{id}` call.
 */
import type { Page } from '@playwright/test';
import { STARFLOW_DETAILS } from '../fixtures/hf-paper-details';
import { expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import { recordNotifications } from './support/worker-probes';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

/** Clicks Refresh, then waits for that run to end, notifications included (a request joins the run under way). */
async function refreshAndSettle(popup: Page): Promise<void> {
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await popup.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
}

test('a saved paper that gains a repository and a model is told once; a second Refresh tells nothing', async ({ server, background, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const paper = todaysPapers(server.data).find((p) => !p.githubRepo)!;
  const checks = () => server.hfCalls().filter((path) => path === `/api/papers/${paper.id}`).length;

  await popup.locator(`.paper[data-paper-id="${paper.id}"]`).getByRole('button', { name: 'Save' }).click();
  await expect(popup.locator(`.paper[data-paper-id="${paper.id}"]`).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  const shown = await recordNotifications(background);

  // The first check only records what the paper has (nothing): no news.
  await refreshAndSettle(popup);
  expect(checks()).toBe(1);
  expect((await shown()).filter((n) => n.id === `paper:${paper.id}`)).toEqual([]);

  // HF now names its code and links a model (and a Space).
  server.extraPapers.set(paper.id, { ...STARFLOW_DETAILS, id: paper.id, title: paper.title, githubRepo: 'https://github.com/lens-fixtures/released' } as unknown as Record<string, unknown>);
  await refreshAndSettle(popup);
  expect(checks()).toBe(2);
  const told = (await shown()).filter((n) => n.id === `paper:${paper.id}`);
  expect(told).toHaveLength(1);
  expect(told[0]).toMatchObject({ title: 'Now with code, weights and a demo', message: paper.title });

  // Told once: the next Refresh checks again and tells nothing more.
  await refreshAndSettle(popup);
  expect(checks()).toBe(3);
  expect((await shown()).filter((n) => n.id === `paper:${paper.id}`)).toHaveLength(1);
});
