/** The popup's lists: today ranked, day and week browsing, weekend fallback, trending, rising, kept state. */
import { isWeekend, shiftDate } from '../fixtures/hf-data';
import type { Page } from '@playwright/test';
import { expect, test } from './support/extension-test';
import { paperOf } from './support/fixture-papers';
import { itemsBetween, listDays, rankedTitles, titles } from './support/popup-helpers';
import { waitForSync } from './support/sync';

test('today ranked by upvotes, previous and next day, the week, and HF’s trending list', async ({ server, openPopup }) => {
  const popup = await openPopup();
  const { data } = server;
  // The first back-fill shows its progress while it runs.
  await expect(popup.getByTestId('sync-progress')).toBeVisible();
  await waitForSync(popup);
  await expect(popup.getByTestId('sync-progress')).toHaveCount(0);

  await expect(popup.getByRole('tab', { name: 'Today' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByTestId('list-day')).toHaveText(data.today);
  await expect(titles(popup)).toHaveText(rankedTitles(data.days.get(data.today)!));
  const top = paperOf(data.days.get(data.today)!.reduce((a, b) => (paperOf(a).upvotes >= paperOf(b).upvotes ? a : b)));
  const first = popup.locator('.paper').first();
  await expect(first.locator('.upvotes')).toHaveText(`▲ ${top.upvotes}`);
  await expect(first.locator('.rank')).toHaveText('1');

  // Previous day twice, then next: days without a list are skipped.
  const [, yesterday, dayBefore] = listDays(data);
  await popup.getByRole('button', { name: 'Previous day' }).click();
  await expect(popup.getByTestId('list-day')).toHaveText(yesterday!);
  await expect(titles(popup)).toHaveText(rankedTitles(data.days.get(yesterday!)!));
  await popup.getByRole('button', { name: 'Previous day' }).click();
  await expect(popup.getByTestId('list-day')).toHaveText(dayBefore!);
  await expect(titles(popup)).toHaveText(rankedTitles(data.days.get(dayBefore!)!));
  await popup.getByRole('button', { name: 'Next day' }).click();
  await expect(popup.getByTestId('list-day')).toHaveText(yesterday!);

  // This week (Monday to Sunday), every day's papers ranked together; then the week before.
  const weekday = new Date(`${data.today}T00:00:00Z`).getUTCDay();
  const monday = shiftDate(data.today, -((weekday + 6) % 7));
  await popup.getByRole('tab', { name: 'Week' }).click();
  // From Friday on, this week holds more than fifty (five weekdays of twelve): the first fifty, then the rest.
  const thisWeek = rankedTitles(itemsBetween(data, monday, shiftDate(monday, 6)));
  await expect(titles(popup)).toHaveText(thisWeek.slice(0, 50));
  if (thisWeek.length > 50) {
    await popup.getByRole('button', { name: `Show more (${thisWeek.length - 50} left)` }).click();
    await expect(titles(popup)).toHaveText(thisWeek);
  }
  await expect(popup.getByRole('button', { name: 'Next week' })).toBeDisabled();
  await popup.getByRole('button', { name: 'Previous week' }).click();
  const lastWeek = rankedTitles(itemsBetween(data, shiftDate(monday, -7), shiftDate(monday, -1)));
  // Five weekdays of twelve: the first fifty, then the rest on request.
  expect(lastWeek).toHaveLength(60);
  await expect(titles(popup)).toHaveText(lastWeek.slice(0, 50));
  await popup.getByRole('button', { name: 'Show more (10 left)' }).click();
  await expect(titles(popup)).toHaveText(lastWeek);

  // Trending: HF's order, not upvotes.
  await popup.getByRole('tab', { name: 'Trending' }).click();
  await expect(titles(popup)).toHaveText(data.trending.map((item) => paperOf(item).title));

  // Arrow keys move between the tabs.
  await popup.getByRole('tab', { name: 'Trending' }).focus();
  await popup.keyboard.press('ArrowRight');
  await expect(popup.getByRole('tab', { name: 'Saved' })).toHaveAttribute('aria-selected', 'true');
  await expect(popup.getByRole('tab', { name: 'Saved' })).toBeFocused();
  await expect(popup.getByTestId('empty')).toContainText('Nothing saved yet');
});

test('an address names a day (a weekend falls back to Friday) or the saved list', async ({ server, openPopup, context, extensionId }) => {
  await waitForSync(await openPopup());
  const { data } = server;
  const saturday = [...data.days.keys()].find((date) => date < data.today && isWeekend(date) && new Date(`${date}T00:00:00Z`).getUTCDay() === 6)!;
  const friday = shiftDate(saturday, -1);

  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId}/popup.html#day=${saturday}`);
  await expect(page.getByTestId('list-day')).toHaveText(friday);
  await expect(page.getByTestId('fallback-note')).toContainText('No list on weekends');
  await expect(titles(page)).toHaveText(rankedTitles(data.days.get(friday)!));

  await page.goto(`chrome-extension://${extensionId}/popup.html#saved`);
  await expect(page.getByRole('tab', { name: 'Saved' })).toHaveAttribute('aria-selected', 'true');

  // A day older than what is synced says so.
  await page.goto(`chrome-extension://${extensionId}/popup.html#day=${shiftDate(data.today, -200)}`);
  await expect(page.getByTestId('empty')).toContainText('older than the synced days');
});

test.describe('a paper HF lists on two days', () => {
  test.use({ dailyPapers: { relisted: true } });

  test('is on both days’ lists, with its current upvotes', async ({ server, openPopup, context, extensionId }) => {
    await waitForSync(await openPopup());
    const { data } = server;
    const listing = [...data.days.entries()].filter(([, items]) => items.length);
    const relisted = paperOf(listing.find(([, items]) => items.length > 12)![1].at(-1)!);
    const days = listing.filter(([, items]) => items.some((item) => paperOf(item).id === relisted.id)).map(([date]) => date);
    expect(days).toHaveLength(2);
    const page = await context.newPage();
    for (const day of days) {
      await page.goto(`chrome-extension://${extensionId}/popup.html#day=${day}`);
      await expect(page.getByTestId('list-day')).toHaveText(day);
      await expect(titles(page)).toContainText([relisted.title]);
      // By id: the fixture's titles repeat across days, and on some weekdays another paper of that day has this one's.
      await expect(page.locator(`.paper[data-paper-id="${relisted.id}"] .upvotes`)).toHaveText('▲ 120');
    }
  });
});

test('rising puts the fastest-growing paper first, with its sparkline', async ({ server, openPopup }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  const { data } = server;
  const today = data.days.get(data.today)!;
  const ranked = [...today].map(paperOf).sort((a, b) => b.upvotes - a.upvotes || a.title.localeCompare(b.title));
  const climber = ranked[ranked.length - 1]!;
  const gained = Math.floor((ranked[0]!.upvotes - climber.upvotes) / 2);
  expect(gained).toBeGreaterThan(0);

  // HF now counts more upvotes for the last paper of the day, in every list it answers (the paper is
  // also trending: a trending list with the old count would put it back); a refresh stores the new count.
  server.hfOverride = (url) => {
    const list = url.searchParams.get('sort') === 'trending' ? data.trending : url.searchParams.get('date') === data.today ? today : undefined;
    if (!list) return undefined;
    const items = structuredClone(list).map((item) => {
      const paper = paperOf(item);
      if (paper.id === climber.id) paper.upvotes += gained;
      return item;
    });
    return { status: 200, body: JSON.stringify(items) };
  };
  await popup.getByRole('button', { name: 'Refresh' }).click();
  const climberEntry = popup.locator(`.paper[data-paper-id="${climber.id}"]`);
  await expect(climberEntry.locator('.upvotes')).toHaveText(`▲ ${climber.upvotes + gained}`);
  await expect(titles(popup).first()).not.toHaveText(climber.title);

  await popup.getByRole('button', { name: 'Rising' }).click();
  await expect(popup.getByRole('button', { name: 'Rising' })).toHaveAttribute('aria-pressed', 'true');
  await expect(titles(popup).first()).toHaveText(climber.title);
  await expect(climberEntry.getByRole('img', { name: `Upvotes ${climber.upvotes} → ${climber.upvotes + gained}` })).toBeVisible();
  // The other papers have one sample each: no line to draw.
  await expect(popup.locator('svg.sparkline')).toHaveCount(1);
});

test('opening a link leaves the popup as it was for the next opening', async ({ server, openPopup, context }) => {
  const popup = await openPopup();
  await waitForSync(popup);
  await popup.getByRole('tab', { name: 'Week' }).click();
  await popup.getByRole('button', { name: 'Previous week' }).click();
  await popup.getByRole('button', { name: 'Rising' }).click();
  const range = await popup.getByTestId('week-range').textContent();

  const [tab] = await Promise.all([context.waitForEvent('page'), titles(popup).first().click()]);
  expect(tab.url()).toMatch(/^https:\/\/huggingface\.co\/papers\/\d{4}\.\d{5}$/);
  await popup.close();

  // The toolbar button opens popup.html with no address: the kept state comes back.
  const again = await openPopup();
  await expect(again.getByRole('tab', { name: 'Week' })).toHaveAttribute('aria-selected', 'true');
  await expect(again.getByTestId('week-range')).toHaveText(range!);
  await expect(again.getByRole('button', { name: 'Rising' })).toHaveAttribute('aria-pressed', 'true');
  expect(server.data.today).toBeTruthy();
});

test('a sync the popup did not start shows what it stored while the popup stays open', async ({ server, openPopup }) => {
  const { data } = server;
  // Today's list is not out yet at the first sync: the popup shows the list before it.
  server.hfOverride = (url) => (url.searchParams.get('date') === data.today ? { status: 200, body: '[]' } : undefined);
  const popup = await openPopup();
  await waitForSync(popup);
  const [, previous] = listDays(data);
  await expect(popup.getByTestId('list-day')).toHaveText(previous!);
  await popup.evaluate(() => ((window as unknown as { stillOpen: boolean }).stillOpen = true));

  // Today's list comes out, and a sync this popup did not ask for stores it (another window's Refresh,
  // as an alarm's would): only the background's change notices can tell this popup.
  server.hfOverride = undefined;
  const other = await openPopup();
  await waitForSync(other);
  await other.getByRole('button', { name: 'Refresh' }).click();
  await expect(other.getByTestId('list-day')).toHaveText(data.today);

  await expect(popup.getByTestId('list-day')).toHaveText(data.today);
  await expect(titles(popup)).toHaveText(rankedTitles(data.days.get(data.today)!));
  expect(await popup.evaluate(() => (window as unknown as { stillOpen?: boolean }).stillOpen)).toBe(true);
});

test('the next opening draws the last one’s list before the database answers; a change since replaces it', async ({ server, openPopup, context, background }) => {
  const { data } = server;
  const ranked = rankedTitles(data.days.get(data.today)!);
  const popup = await openPopup();
  await waitForSync(popup);
  await expect(titles(popup)).toHaveText(ranked);
  // Kept once the list is on screen (the page's localStorage, read by the next opening).
  // … and again after each later change the page showed (grouped by 250 ms): closed once it is settled.
  const keptNow = () => popup.evaluate(() => localStorage.getItem('dpl-popup-first-screen'));
  await expect
    .poll(async () => {
      const before = await keptNow();
      await popup.waitForTimeout(1_000);
      return before !== null && before === (await keptNow());
    }, { timeout: 30_000 })
    .toBe(true);
  await popup.close();

  // When each opening's first entry appeared, by the page's clock (marks: lib/popup/first-screen.ts).
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (!document.querySelector('.paper')) return;
      observer.disconnect();
      (window as unknown as { firstEntryAt: number }).firstEntryAt = performance.now();
    }).observe(document, { childList: true, subtree: true });
  });
  const opening = (page: Page) =>
    page.evaluate(() => ({
      firstEntryAt: (window as unknown as { firstEntryAt: number }).firstEntryAt,
      read: performance.getEntriesByName('dpl:first screen read')[0]?.startTime,
      kept: performance.getEntriesByType('mark').map((mark) => mark.name).filter((name) => name.startsWith('dpl:kept screen')),
    }));

  const again = await openPopup();
  await expect(titles(again)).toHaveText(ranked);
  await expect.poll(async () => (await opening(again)).kept).toEqual(['dpl:kept screen confirmed']);
  const seen = await opening(again);
  expect(seen.firstEntryAt).toBeLessThan(seen.read!);
  await again.close();

  // The top paper gained upvotes since (as a sync would store): the next opening shows the new count.
  const top = paperOf(data.days.get(data.today)!.reduce((a, b) => (paperOf(a).upvotes >= paperOf(b).upvotes ? a : b)));
  await background.evaluate(async ({ id }) => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const request = indexedDB.open('daily-papers-lens');
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const store = db.transaction('papers', 'readwrite').objectStore('papers');
    await new Promise<void>((resolve, reject) => {
      const get = store.get(id);
      get.onsuccess = () => {
        const put = store.put({ ...get.result, upvotes: get.result.upvotes + 500 });
        put.onsuccess = () => resolve();
        put.onerror = () => reject(put.error);
      };
    });
    db.close();
  }, { id: top.id });
  const changed = await openPopup();
  await expect(changed.locator('.paper').first().locator('.upvotes')).toHaveText(`▲ ${top.upvotes + 500}`);
  await expect.poll(async () => (await opening(changed)).kept).toEqual(['dpl:kept screen replaced']);
  await expect(titles(changed)).toHaveText(ranked);
});
