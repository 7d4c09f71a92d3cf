/**
 * The popup's "Show badges on this page" and "Always on this site".
 *
 * The toolbar button is clicked through the DevTools protocol (support/toolbar.ts:
 * `Extensions.triggerAction`), so Chrome itself grants `activeTab` for the tab, as for a person's click.
 * The popup that click opens lives in the browser's UI, out of Playwright's reach; the same popup page is
 * opened in a tab with `?tab=<id>` naming the page's tab (the popup's own way to act on another tab) and
 * its button clicked there. Proven: the access comes from the toolbar click alone (the same steps without
 * it reach nothing: no standing permission), the badges come from the local copy in one message, nothing
 * is sent or left registered, and "Always on" turns a registry site on (its host granted beforehand in
 * the profile, support/granted-hosts.ts, as the options page's e2e do). Not proven: the popup's own
 * window (its size, its first paint) after a real click.
 */
import type { BrowserContext, Page, Worker } from '@playwright/test';
import { hnFrontPage } from '../fixtures/hackernews/pages';
import { fixturePapers } from './support/fixture-papers';
import { OTHER_SITE_HOST } from './support/fixture-server';
import { collectPageErrors, expect, originsOf, registeredScripts, siteBadges, test } from './support/sites';
import { waitForSync } from './support/sync';
import { clickToolbarButton } from './support/toolbar';
import { idsAskedByPage, recordedRequests, recordRequests } from './support/worker-probes';

const READING_LIST = `https://${OTHER_SITE_HOST}/reading-list`;

function readingList(papers: { id: string }[]): string {
  const [a, b, c] = papers;
  return `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Reading list</title></head><body><main><h1>Reading list</h1><ul>
<li><a href="https://arxiv.org/abs/${a!.id}">The first paper</a></li>
<li><a href="https://arxiv.org/pdf/${b!.id}v2">The second paper (PDF)</a></li>
<li><a href="https://huggingface.co/papers/${c!.id}">The third, on HF</a></li>
<li><a href="https://example.org/blog">Not a paper</a></li>
<li><a href="https://arxiv.org/abs/2501.00077">A paper HF does not have</a></li>
</ul></main></body></html>`;
}

/** The id of the tab showing `page` (the active one, as the toolbar button would act on it). */
async function tabIdOf(page: Page, background: Worker): Promise<number> {
  await page.bringToFront();
  return background.evaluate(async () => {
    const scope = globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } } };
    const [tab] = await scope.chrome.tabs.query({ active: true, lastFocusedWindow: true });
    return tab!.id!;
  });
}

/** The popup, opened in a tab to act on the tab `tabId`. */
async function popupFor(context: BrowserContext, extensionId: string, tabId: number): Promise<Page> {
  const popup = await context.newPage();
  await popup.goto(`chrome-extension://${extensionId}/popup.html?tab=${tabId}`);
  return popup;
}

test.describe('after a click on the toolbar button', () => {
  test('"Show badges on this page" badges its paper links once, from the local copy, nothing sent', async ({ server, context, background, extensionId }) => {
    await waitForSync(background);
    const papers = fixturePapers(server.data);
    const [a, b, c] = papers;
    server.pages.set(`${OTHER_SITE_HOST}/reading-list`, readingList(papers));
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    await page.goto(READING_LIST);
    await page.waitForTimeout(300);
    // No script of ours runs there by itself.
    expect(await siteBadges(page)).toEqual([]);

    const tabId = await tabIdOf(page, background);
    await clickToolbarButton(context, extensionId, page);
    await recordRequests(background);
    const hfBefore = server.hfCalls().length;
    const popup = await popupFor(context, extensionId, tabId);
    // Not a site of the registry: once only.
    await expect(popup.getByRole('button', { name: /^Always on/ })).toHaveCount(0);
    await popup.getByRole('button', { name: 'Show badges on this page' }).click();
    await expect(popup.getByTestId('this-page-status')).toHaveText('Badges shown on this page, once.');

    const badge = (p: { id: string; upvotes: number }) => expect.objectContaining({ href: `https://huggingface.co/papers/${p.id}`, text: expect.stringContaining(`▲ ${p.upvotes}`) });
    await expect.poll(() => siteBadges(page)).toEqual([badge(a!), badge(b!), badge(c!)]);
    // No site named (no switch to consult): whether to show badges, with the newest papers' badges (the
    // stored papers among them), then the one id older than those, once.
    // (The stored papers' badges come with the first answer: the older id's question may still be on its way.)
    await expect.poll(async () => idsAskedByPage(await recordedRequests(background))).toEqual([['2501.00077']]);
    const requests = await recordedRequests(background);
    expect(requests.every((r) => r.type === 'linkBadges' && r.site === undefined)).toBe(true);
    expect(server.hfCalls().length).toBe(hfBefore);

    // Clicked again: the same badges, not twice.
    await popup.getByRole('button', { name: 'Show badges on this page' }).click();
    await page.waitForTimeout(300);
    expect((await siteBadges(page)).length).toBe(3);

    // Once: nothing was registered, the next load of the page has no badges.
    expect(await registeredScripts(background)).toEqual([]);
    await page.reload();
    await page.waitForTimeout(300);
    expect(await siteBadges(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});

test.describe('with the host of a registry site granted', () => {
  test.use({ grantedOrigins: originsOf('hackernews') });

  test('"Always on Hacker News" turns the site on: its switch, its script, the tab reloaded with badges', async ({ server, context, background, extensionId }) => {
    await waitForSync(background);
    const [a] = fixturePapers(server.data);
    server.pages.set('news.ycombinator.com/news', hnFrontPage({ stories: [{ id: 1, title: 'A paper', url: `https://arxiv.org/abs/${a!.id}`, site: 'arxiv.org' }] }));
    const page = await context.newPage();
    await page.goto('https://news.ycombinator.com/news');
    const tabId = await tabIdOf(page, background);

    const popup = await popupFor(context, extensionId, tabId);
    await popup.getByRole('button', { name: 'Always on Hacker News' }).click();
    await expect(popup.getByTestId('this-page-status')).toHaveText('Hacker News is on: its pages show badges from now on.');
    await expect.poll(() => registeredScripts(background)).toEqual(['hackernews']);
    // The tab was reloaded and the site's own script badged it (read again while the reload is under way).
    await expect.poll(() => siteBadges(page).then((all) => all.map((x) => x.href), () => [])).toEqual([`https://huggingface.co/papers/${a!.id}`]);

    const options = await context.newPage();
    await options.goto(`chrome-extension://${extensionId}/options.html`);
    await expect(options.getByLabel('Show Daily Papers on Hacker News')).toBeChecked();
    const again = await popupFor(context, extensionId, tabId);
    await expect(again.getByText('Badges are on for Hacker News.')).toBeVisible();
    await expect(again.getByRole('button', { name: 'Show badges on this page' })).toHaveCount(0);
  });
});

test('without a toolbar click (no access granted) the popup cannot reach the page: no standing permission', async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  server.pages.set(`${OTHER_SITE_HOST}/reading-list`, readingList(fixturePapers(server.data)));
  const page = await context.newPage();
  await page.goto(READING_LIST);
  const tabId = await tabIdOf(page, background);
  const popup = await popupFor(context, extensionId, tabId);
  await popup.getByRole('button', { name: 'Show badges on this page' }).click();
  await expect(popup.getByTestId('this-page-status')).toHaveText('This page cannot be reached: open the popup from the toolbar button while on it.');
  await page.waitForTimeout(300);
  expect(await siteBadges(page)).toEqual([]);
});
