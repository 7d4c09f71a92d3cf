/**
 * The background refuses what it does not expect, what only its own pages may ask when a content script
 * asks it — and web pages cannot reach it at all.
 */
import { absPage } from '../fixtures/arxiv/abs-page';
import { expect, test } from './support/extension-test';
import { evaluateInContentScript } from './support/content-script-world';
import { todaysPapers } from './support/fixture-papers';
import { waitForSync } from './support/sync';
import { monthsSpan } from '../../lib/shared/badge-index';
import type { browser } from 'wxt/browser';

declare const chrome: typeof browser;

test('malformed, oversized and unknown messages are refused without harm; web pages cannot message the extension', async ({ server, context, openPopup, extensionId }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const todaysFirst = todaysPapers(server.data)[0]!.id;

  // The span of that paper's month, as a month's list asks for it.
  const month = todaysFirst.slice(0, 4);
  const outcomes = await popup.evaluate(async ({ id, span }) => {
    const attempts: unknown[] = [
      { type: 'lookupPapers', ids: 'not a list' },
      { type: 'lookupPapers', ids: Array.from({ length: 6000 }, (_, i) => `2511.${10000 + i}`) },
      { type: 'lookupPapers', ids: [id], extra: 'key' },
      { type: 'dropDatabase' },
      { type: 'syncNow', force: true },
      'lookupPapers',
      null,
      { type: 'lookupPapers', ids: ['x'.repeat(100_000)] },
      // The badge index names no ids, and is never live; its span is months' starts, as a listing's URL names them.
      { type: 'badgeIndex', site: 'arxiv', span: 'newest', ids: [id] },
      { type: 'badgeIndex', site: 'arxiv', span: 'newest', live: true },
      { type: 'badgeIndex', site: 'example.org', span: 'newest' },
      { type: 'badgeIndex', site: 'arxiv' },
      { type: 'badgeIndex', site: 'arxiv', span: { from: '', to: 'z' } },
      // A page's badges: a bounded list of ids, of a site in the registry.
      { type: 'linkBadges', site: 'hackernews', ids: Array.from({ length: 501 }, () => id) },
      { type: 'linkBadges', site: 'example.org', ids: [id] },
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
    const index = (await chrome.runtime.sendMessage({ type: 'badgeIndex', site: 'arxiv', span })) as { enabled: boolean; index: string };
    return { results, stillWorks: Object.keys(answer.papers), indexHolds: index.enabled && index.index.split('\n').some((line) => line.startsWith(`${id} `)) };
  }, { id: todaysFirst, span: monthsSpan(month, month) });
  expect(outcomes.results).toEqual(Array(15).fill('refused'));
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

test('a content script in a web page cannot start a sync, search HF, fetch a paper to keep, or touch the marks; the popup and the options page in a tab can', async ({ server, context, openPopup, extensionId }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const known = todaysPapers(server.data)[0]!;
  server.pages.set(`arxiv.org/abs/${known.id}`, absPage({ id: known.id, title: known.title, abstract: known.summary, authors: ['A'] }));
  const unknownId = '2507.00977';
  server.extraPapers.set(unknownId, { id: unknownId, title: 'Known to HF only', summary: 'x', authors: [], publishedAt: '2025-07-01T00:00:00.000Z', upvotes: 3 });
  const page = await context.newPage();
  await page.goto(`https://arxiv.org/abs/${known.id}`);
  await expect(page.getByTestId('dpl-card')).toBeVisible();
  // The card asks for its paper's links once the page has loaded (live lookups are on): that one call
  // is the card's, and is counted before the content script's messages are sent.
  await expect.poll(() => server.hfCalls()).toContain(`/api/papers/${known.id}`);
  const hfCallsBefore = server.hfCalls().length;

  // From our own content script's world in the arXiv page, as a subverted script would send them.
  const outcomes = await evaluateInContentScript(page, extensionId, async (arg) => {
    const { id, unknown } = arg as { id: string; unknown: string };
    const runtime = (globalThis as unknown as { chrome: { runtime: { sendMessage(message: unknown): Promise<unknown> } } }).chrome.runtime;
    const send = async (message: unknown) => {
      try {
        await runtime.sendMessage(message);
        return 'answered';
      } catch (error) {
        return `refused: ${(error as Error).message}`;
      }
    };
    const refused = [];
    for (const message of [{ type: 'syncNow' }, { type: 'searchHf', q: 'flows' }, { type: 'keepPaper', id: unknown }, { type: 'userStateChanged' }]) {
      refused.push(await send(message));
    }
    // The questions a content script does ask are still answered, from the same world.
    const lookup = (await runtime.sendMessage({ type: 'lookupPapers', ids: [id] })) as { papers: Record<string, unknown> };
    return { refused, answered: Object.keys(lookup.papers) };
  }, { id: known.id, unknown: unknownId });
  expect(outcomes.refused).toEqual(Array(4).fill('refused: not from an extension page'));
  expect(outcomes.answered).toEqual([known.id]);
  // Nothing was sent to HF for them: no sync, no search, no paper fetched.
  await page.waitForTimeout(500);
  expect(server.hfCalls().slice(hfCallsBefore)).toEqual([]);

  // The options page, opened in a tab, and the popup are the extension's own pages: answered.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  expect(await options.evaluate(() => chrome.runtime.sendMessage({ type: 'userStateChanged' }))).toEqual({ badgeCount: expect.any(Number) });
  expect(await popup.evaluate((id) => chrome.runtime.sendMessage({ type: 'keepPaper', id }), unknownId)).toEqual({ kept: true });
  expect(server.hfCalls().slice(hfCallsBefore)).toEqual([`/api/papers/${unknownId}`]);
});
