/** The person's actions and what the popup tells them: save and read through syncs, new papers, hostile text, errors. */
import { syncSettled } from './support/extension-db';
import { collectPageErrors, expect, test } from './support/extension-test';
import { paperOf } from './support/fixture-papers';
import { rankedTitles, titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('save and mark read survive a re-sync and a reopen; unsave empties Saved', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const { data } = server;
  const todays = data.days.get(data.today)!;
  const [, second, third] = rankedTitles(todays);
  const entry = (title: string) => popup.locator('.paper', { has: popup.getByRole('link', { name: title, exact: true }) });

  await entry(second!).getByRole('button', { name: 'Save' }).click();
  await entry(third!).getByRole('button', { name: 'Read' }).click();
  await expect(entry(second!).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  await expect(entry(third!).getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');
  await expect(entry(third!)).toHaveClass(/\bread\b/);

  // A re-sync rewrites every paper of the day (here with new upvotes): the marks stay.
  server.hfOverride = (url) => {
    if (url.searchParams.get('date') !== data.today) return undefined;
    const items = structuredClone(todays).map((item) => {
      paperOf(item).upvotes += 1;
      return item;
    });
    return { status: 200, body: JSON.stringify(items) };
  };
  await popup.getByRole('button', { name: 'Refresh' }).click();
  const top = Math.max(...todays.map((i) => paperOf(i).upvotes));
  await expect(popup.locator('.paper .upvotes').first()).toHaveText(`▲ ${top + 1}`);
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced just now/);
  await expect(entry(second!).getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  await expect(entry(third!).getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');

  // Reopened: still there, and Saved lists the saved paper.
  await popup.close();
  const again = await openPopup();
  await again.getByRole('tab', { name: 'Saved' }).click();
  await expect(titles(again)).toHaveText([second!]);
  await again.getByRole('tab', { name: 'Today' }).click();
  await expect(again.locator('.paper', { has: again.getByRole('link', { name: third!, exact: true }) }).getByRole('button', { name: 'Read' })).toHaveAttribute('aria-pressed', 'true');

  await again.getByRole('tab', { name: 'Saved' }).click();
  await again.getByRole('button', { name: 'Save' }).click();
  await expect(again.getByTestId('empty')).toContainText('Nothing saved yet');
});

test('papers the extension first saw after the previous opening are marked new', async ({ server, context, extensionId, background }) => {
  const { data } = server;
  // The install-time sync finishes before the popup is ever opened.
  await expect
    .poll(
      () =>
        syncSettled(background),
      { timeout: 60_000 },
    )
    .toBe(true);

  // First opening ever: nothing is "new" yet.
  const first = await context.newPage();
  await first.goto(`chrome-extension://${extensionId}/popup.html`);
  await expect(titles(first)).toHaveCount(data.days.get(data.today)!.length);
  await expect(first.getByTestId('new-mark')).toHaveCount(0);
  await first.close();

  // An hour later HF's list has a new paper; the popup is opened again and refreshed.
  const newcomer = structuredClone(data.days.get(data.today)![1]!);
  Object.assign(paperOf(newcomer), { id: '2511.19999', title: 'A paper that arrived later', upvotes: 1 });
  data.days.get(data.today)!.push(newcomer);
  const later = await context.newPage();
  await later.clock.install({ time: Date.now() + 60 * 60_000 });
  await later.goto(`chrome-extension://${extensionId}/popup.html`);
  await later.getByRole('button', { name: 'Refresh' }).click();
  const marked = later.locator('.paper', { has: later.getByTestId('new-mark') });
  await expect(marked.locator('.title')).toHaveText(['A paper that arrived later']);
});

test('hostile titles, summaries and names are shown as text, and bad links are left out', async ({ server, openPopup }) => {
  const hostile = '<img src=x onerror=alert(1)>';
  const script = '"><script>alert(2)</script>';
  const { data } = server;
  const items = structuredClone(data.days.get(data.today)!);
  Object.assign(paperOf(items[0]!), {
    title: hostile,
    summary: `${script} abstract`,
    ai_summary: hostile,
    ai_keywords: [hostile],
    authors: [{ _id: 'h', name: script, hidden: false }],
    organization: { _id: 'o', name: 'evil', fullname: hostile },
    projectPage: 'javascript:alert(3)',
    githubRepo: 'https://evil.example/owner/repo',
    upvotes: 999,
  });
  items[0]!.organization = { _id: 'o', name: 'evil', fullname: hostile };
  // HF sends it in today's list and in the trending list alike.
  data.days.set(data.today, items);
  data.trending = data.trending.map((item) => (paperOf(item).id === paperOf(items[0]!).id ? items[0]! : item));

  const popup = await openPopup();
  const errors = collectPageErrors(popup);
  const dialogs: string[] = [];
  popup.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const first = popup.locator('.paper').first();
  await expect(first.locator('.title')).toHaveText(hostile);
  await expect(first.locator('.ai-summary')).toHaveText(hostile);
  await expect(first.locator('.authors')).toHaveText(script);
  await expect(first.locator('.org')).toHaveText(hostile);
  await expect(first.locator('.keywords li')).toHaveText([hostile]);
  await first.getByRole('button', { name: 'Abstract' }).click();
  await expect(first.locator('.abstract')).toHaveText(`${script} abstract`);
  await expect(first.getByRole('link', { name: 'Project page' })).toHaveCount(0);
  await expect(first.getByRole('link', { name: /GitHub/ })).toHaveCount(0);

  // Searching for it finds it, still as text.
  await popup.getByRole('searchbox', { name: 'Search papers' }).fill('onerror');
  await expect(titles(popup).first()).toHaveText(hostile);

  expect(await popup.locator('img, script:not([src])').count()).toBe(0);
  expect(dialogs).toEqual([]);
  expect(errors).toEqual([]);
});

test('rate limited: the reason, the stored papers, and Retry; dark mode follows the system', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const expected = rankedTitles(server.data.days.get(server.data.today)!);
  // A short wait (2 s): every caller respects it (lib/background/hf/call-limits.ts), Retry included, so the
  // test waits it out rather than HF's usual minutes.
  server.hfOverride = () => ({ status: 429, body: 'slow down', headers: { RateLimit: '"api";r=0;t=2' }, contentType: 'text/plain' });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByRole('alert')).toContainText('Hugging Face asked us to slow down (rate limited). Your stored papers are kept.');
  await expect(popup.getByRole('alert')).toContainText('Next try');
  await expect(titles(popup)).toHaveText(expected);

  server.hfOverride = undefined;
  // Retry is answered at once; once HF's wait is over it syncs.
  await expect(async () => {
    await popup.getByRole('button', { name: /^(Retry|Refresh)$/ }).first().click();
    await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced just now/, { timeout: 3_000 });
  }).toPass({ timeout: 30_000 });
  await expect(popup.getByRole('alert')).toHaveCount(0);

  const background = () => popup.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await popup.emulateMedia({ colorScheme: 'light' });
  expect(await background()).toBe('rgb(255, 255, 255)');
  await popup.emulateMedia({ colorScheme: 'dark' });
  expect(await background()).toBe('rgb(13, 17, 23)');
});
