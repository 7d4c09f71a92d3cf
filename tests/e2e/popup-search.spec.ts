/** Searching: what is stored, as you type and by keyboard; all of HF on request only, cached. */
import { fixturePaperId, shiftDate } from '../fixtures/hf-data';
import { expect, test } from './support/extension-test';
import { paperOf } from './support/fixture-papers';
import { titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('search finds a paper of an older day as you type, by keyboard from / to Enter, and Esc clears', async ({ server, openPopup, context }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const { data } = server;
  // A weekday three weeks back; its fourth paper's authors are named after it (e.g. "Author A143").
  const offset = [19, 20, 21, 22].find((o) => (data.days.get(shiftDate(data.today, -o)) ?? []).length > 0)!;
  const date = shiftDate(data.today, -offset);
  const wanted = paperOf(data.days.get(date)!.find((item) => paperOf(item).id === fixturePaperId(offset, 3))!);
  const author = wanted.authors[0]!.name; // "Author A<n>"
  const authorKey = author.split(' ')[1]!;

  // `/` focuses the search box from anywhere.
  await popup.locator('h1').click();
  await popup.keyboard.press('/');
  const box = popup.getByRole('searchbox', { name: 'Search papers' });
  await expect(box).toBeFocused();

  // Results as you type: after a few letters the list already narrows.
  await popup.keyboard.type(authorKey.slice(0, 3), { delay: 50 });
  await expect(popup.getByTestId('search-summary')).toContainText(/stored papers? match/);
  await popup.keyboard.type(authorKey.slice(3), { delay: 50 });
  // The fixture reuses a seed (and its made-up authors) every 44 papers: every match is that paper's twin.
  const entry = popup.locator(`.paper[data-paper-id="${wanted.id}"]`);
  await expect(entry.locator('.day-of')).toHaveText(date);
  await expect(titles(popup)).not.toHaveCount(0);
  for (const title of await titles(popup).allTextContents()) expect(title).toBe(wanted.title);
  await expect(entry.locator('.authors')).toContainText(author);

  // By words of the title, most relevant first (title hits before abstract hits).
  await box.fill(wanted.title.split(':')[0]!);
  await expect(titles(popup).first()).toContainText(wanted.title.split(':')[0]!);

  // By id.
  await box.fill(wanted.id);
  await expect(titles(popup)).toHaveText([wanted.title]);

  // Arrow down into the results, Enter opens the paper's HF page in a tab.
  await box.press('ArrowDown');
  await expect(entry.locator('article')).toBeFocused();
  const [tab] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await expect.poll(() => tab.url()).toBe(`https://huggingface.co/papers/${wanted.id}`);

  // Esc clears the search and brings the lists back; nothing was asked of HF's search.
  await popup.bringToFront();
  await entry.locator('article').focus();
  await popup.keyboard.press('Escape');
  await expect(box).toHaveValue('');
  await expect(box).toBeFocused();
  await expect(popup.getByRole('tab', { name: 'Today' })).toBeVisible();
  expect(server.hfCalls().filter((c) => c.startsWith('/api/papers/search'))).toEqual([]);
});

test('arrow keys move through the list, Home and End jump, Enter opens', async ({ server, openPopup, context }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const entries = popup.locator('article.paper-entry');
  const count = server.data.days.get(server.data.today)!.length;
  await expect(entries).toHaveCount(count);

  // Tab from the tabs reaches the list's first entry.
  await popup.getByRole('tab', { name: 'Today' }).focus();
  await entries.first().focus();
  await popup.keyboard.press('ArrowDown');
  await popup.keyboard.press('ArrowDown');
  await expect(entries.nth(2)).toBeFocused();
  await popup.keyboard.press('ArrowUp');
  await expect(entries.nth(1)).toBeFocused();
  await popup.keyboard.press('End');
  await expect(entries.nth(count - 1)).toBeFocused();
  await popup.keyboard.press('Home');
  await expect(entries.first()).toBeFocused();
  // Only one entry is in the Tab order at a time: the one the arrows are on.
  await expect(popup.locator('article.paper-entry[tabindex="0"]')).toHaveCount(1);

  const firstId = await popup.locator('.paper').first().getAttribute('data-paper-id');
  const [tab] = await Promise.all([context.waitForEvent('page'), popup.keyboard.press('Enter')]);
  await expect.poll(() => tab.url()).toBe(`https://huggingface.co/papers/${firstId}`);
});

test('all of Hugging Face is searched only on request, once per query, and a result can be saved', async ({ server, openPopup }) => {
  // A paper HF has that the sync never stored (HF answers it flat; the daily lists' items come wrapped).
  server.extraPapers.set('2401.04321', {
    id: '2401.04321',
    title: 'Quasar lensing with differentiable ray tracing',
    summary: 'We model strong gravitational lensing of quasars.',
    upvotes: 17,
    authors: [{ _id: 'x1', name: 'Vera Rubin', hidden: false }],
    publishedAt: '2024-01-09T10:00:00.000Z',
    organization: { _id: 'o', name: 'caltech', fullname: 'Caltech' },
  });
  const popup = await openPopup();
  await waitForSync(popup);
  const searchCalls = () => server.hfCalls().filter((c) => c.startsWith('/api/papers/search'));

  const box = popup.getByRole('searchbox', { name: 'Search papers' });
  await box.click();
  await popup.keyboard.type('quasar lensing', { delay: 30 });
  await expect(popup.getByTestId('search-summary')).toHaveText(/^No stored paper matches/);
  await popup.waitForTimeout(1_000);
  expect(searchCalls()).toEqual([]);

  await box.press('Enter');
  const results = popup.getByRole('list', { name: 'Hugging Face search results' });
  await expect(results.locator('.title')).toHaveText(['Quasar lensing with differentiable ray tracing']);
  await expect(results.locator('.org')).toHaveText('Caltech');
  expect(searchCalls()).toEqual(['/api/papers/search?q=quasar+lensing&limit=50']);

  // Asking again (button or Enter, any case) is answered from the cache.
  await popup.getByRole('button', { name: 'Search Hugging Face for “quasar lensing”' }).click();
  await box.fill('Quasar  Lensing');
  await box.press('Enter');
  await expect(results.locator('.title')).toHaveCount(1);
  await popup.waitForTimeout(800);
  expect(searchCalls()).toHaveLength(1);

  // A wrapped item from the daily lists comes back too, under its stored title.
  await box.fill('STARFlow');
  await box.press('Enter');
  await expect(popup.getByRole('list', { name: 'Hugging Face search results' }).locator('.title').first()).toContainText('STARFlow');

  // Saving a result HF alone had: it shows in Saved, stored for good.
  await box.fill('quasar lensing');
  await results.getByRole('button', { name: 'Save' }).click();
  await expect(results.getByRole('button', { name: 'Save' })).toHaveAttribute('aria-pressed', 'true');
  await box.fill('');
  await popup.getByRole('tab', { name: 'Saved' }).click();
  await expect(titles(popup)).toHaveText(['Quasar lensing with differentiable ray tracing']);
  // The background kept the result it had just found: no extra call for it.
  expect(server.hfCalls().filter((c) => c === '/api/papers/2401.04321')).toEqual([]);
});

test('when HF’s search fails, the popup says so in plain words and keeps the stored results', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  server.hfOverride = (url) => (url.pathname === '/api/papers/search' ? { status: 503, body: 'down', contentType: 'text/plain' } : undefined);
  const box = popup.getByRole('searchbox', { name: 'Search papers' });
  const title = paperOf(server.data.days.get(server.data.today)![0]!).title;
  await box.fill(title);
  await box.press('Enter');
  await expect(popup.getByTestId('hf-error')).toHaveText('Hugging Face is having trouble (server error).', { timeout: 30_000 });
  await expect(titles(popup).first()).toHaveText(title);

  // HF is back: the same search now works (a failure is not cached).
  server.hfOverride = undefined;
  await popup.getByRole('button', { name: /^Search Hugging Face for/ }).click();
  await expect(popup.getByTestId('hf-error')).toHaveCount(0);
  await expect(popup.getByRole('list', { name: 'Hugging Face search results' }).locator('.title').first()).toHaveText(title);
});
