/** Install → sync → popup lists the day → arXiv abs page shows the badge; and HF failing loses nothing. */
import { absPage } from '../fixtures/arxiv/abs-page';
import { readRow } from './support/extension-db';
import { collectPageErrors, expect, test } from './support/extension-test';
import { rankedTitles, titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('a fresh install syncs Daily Papers, the popup ranks the latest day, the abs page shows the badge', async ({ server, openPopup, context }) => {
  const popup = await openPopup();
  const todays = server.data.days.get(server.data.today)!;
  const expected = rankedTitles(todays);

  await expect(popup.getByTestId('list-day')).toHaveText(server.data.today);
  await expect(titles(popup)).toHaveText(expected);
  const firstUpvotes = Math.max(...todays.map((i) => (i.paper as { upvotes: number }).upvotes));
  await expect(popup.locator('.paper').first().locator('.upvotes')).toHaveText(`▲ ${firstUpvotes}`);

  // The first run finishes within its 30 calls: today first, trending, then 28 older days; the
  // oldest day of the window comes with the next run.
  await waitForSync(popup);
  const calls = server.hfCalls();
  expect(calls[0]).toBe(`/api/daily_papers?date=${server.data.today}&limit=100`);
  expect(calls.filter((c) => c.includes('sort=trending'))).toHaveLength(1);
  expect(calls.filter((c) => c.includes('date='))).toHaveLength(29);
  expect(calls).toHaveLength(30);
  console.log(`first sync: ${calls.length} HF calls`);

  // An arXiv abstract page of a paper on today's list gets its badge.
  const star = todays[0]!.paper as { id: string; title: string; summary: string; upvotes: number };
  server.pages.set(`arxiv.org/abs/${star.id}`, absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jiatao Gu', 'Tianrong Chen'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${star.id}`);
  const badge = page.getByTestId('dpl-badge');
  await expect(badge).toBeVisible();
  await expect(badge).toContainText(`▲ ${star.upvotes}`);
  await expect(badge).toHaveAttribute('href', `https://huggingface.co/papers/${star.id}`);
  // It sits right after the title, inside the extension's own shadow root.
  expect(await page.locator('#abs h1.title + dpl-paper-card').count()).toBe(1);
  expect(errors).toEqual([]);
});

test('when HF fails, stored papers stay on screen and the popup says what went wrong', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const expected = rankedTitles(server.data.days.get(server.data.today)!);
  await expect(titles(popup)).toHaveText(expected);

  server.hfOverride = () => ({ status: 503, body: 'Service Unavailable', contentType: 'text/plain' });
  await popup.getByRole('button', { name: 'Refresh' }).click();
  await expect(popup.getByTestId('sync-error')).toContainText('Hugging Face is having trouble', { timeout: 30_000 });
  await expect(titles(popup)).toHaveText(expected);

  // After a reopen the papers and the failure are still there.
  await popup.reload();
  await expect(titles(popup)).toHaveText(expected);
  await expect(popup.getByTestId('sync-error')).toBeVisible();

  // HF recovers; Retry clears the error.
  server.hfOverride = undefined;
  await popup.getByRole('button', { name: 'Retry' }).click();
  await expect(popup.getByTestId('sync-error')).toHaveCount(0);
  await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced just now/);
});

test('a malformed answer keeps the good papers and counts the bad', async ({ server, openPopup, background }) => {
  const today = server.data.today;
  const good = server.data.days.get(today)!;
  server.hfOverride = (url) =>
    url.searchParams.get('date') === today
      ? { status: 200, body: JSON.stringify([...good, { paper: { id: 'not-an-id', title: 5 } }, null, 'junk']) }
      : undefined;
  const popup = await openPopup();
  await expect(titles(popup)).toHaveText(rankedTitles(good));
  const dropped = (await readRow<{ dropped: number }>(background, 'days', today))?.dropped;
  expect(dropped).toBe(3);
});
