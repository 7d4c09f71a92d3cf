/** The background refuses what it does not expect — and web pages cannot reach it at all. */
import { absPage } from '../fixtures/arxiv/abs-page';
import { expect, test } from './support/extension-test';
import { todaysPapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

test('malformed, oversized and unknown messages are refused without harm; web pages cannot message the extension', async ({ server, context, openPopup, extensionId }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const todaysFirst = todaysPapers(server.data)[0]!.id;

  const outcomes = await popup.evaluate(async (id) => {
    const attempts: unknown[] = [
      { type: 'lookupPapers', ids: 'not a list' },
      { type: 'lookupPapers', ids: Array.from({ length: 6000 }, (_, i) => `2511.${10000 + i}`) },
      { type: 'lookupPapers', ids: [id], extra: 'key' },
      { type: 'dropDatabase' },
      { type: 'syncNow', force: true },
      'lookupPapers',
      null,
      { type: 'lookupPapers', ids: ['x'.repeat(100_000)] },
      // The badge index names no ids, and is never live.
      { type: 'badgeIndex', site: 'arxiv', ids: [id] },
      { type: 'badgeIndex', site: 'arxiv', live: true },
      { type: 'badgeIndex', site: 'example.org' },
    ];
    const results: string[] = [];
    for (const message of attempts) {
      try {
        await chrome.runtime.sendMessage(message);
        results.push('answered');
      } catch {
        results.push('refused');
      }
    }
    // Still working afterwards.
    const answer = (await chrome.runtime.sendMessage({ type: 'lookupPapers', ids: [id] })) as { papers: Record<string, unknown> };
    const index = (await chrome.runtime.sendMessage({ type: 'badgeIndex', site: 'arxiv' })) as { enabled: boolean; index: string };
    return { results, stillWorks: Object.keys(answer.papers), indexHolds: index.enabled && index.index.split('\n').some((line) => line.startsWith(`${id} `)) };
  }, todaysFirst);
  expect(outcomes.results).toEqual(Array(11).fill('refused'));
  expect(outcomes.stillWorks).toEqual([todaysFirst]);
  expect(outcomes.indexHolds).toBe(true);

  // A web page has no way in: no externally_connectable, so no chrome.runtime to send with.
  server.pages.set(`arxiv.org/abs/${todaysFirst}`, absPage({ id: todaysFirst, title: 'T', abstract: 'A', authors: ['A'] }));
  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${todaysFirst}`);
  const reached = await page.evaluate(async (extId) => {
    const runtime = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...args: unknown[]) => Promise<unknown> } } }).chrome?.runtime;
    if (!runtime?.sendMessage) return 'no runtime';
    try {
      await runtime.sendMessage(extId, { type: 'syncNow' });
      return 'reached';
    } catch {
      return 'refused';
    }
  }, extensionId);
  expect(reached).not.toBe('reached');
});
