/**
 * Listing pages (/new with its cross-list and replacement sections, /recent, /pastweek, /catchup) and
 * search results, driven as a reader would: a badge on every paper HF knows and nothing on the others,
 * the sort button and its exact way back, the highlight threshold, no HF call from a listing.
 */
import type { BrowserContext, Page } from '@playwright/test';
import { rowHeights } from './support/sites';
import type { browser } from 'wxt/browser';
import { catchupPage, monthListingPage, newListingPage, recentListingPage, type ListingEntryFixture } from '../fixtures/arxiv/listing-page';
import { searchPage } from '../fixtures/arxiv/search-page';
import { badges, hostCount, listingEntry, patchSettings, recentUnknownEntry, storedFixturePapers, unknownEntry, unknownEntryOf } from './support/arxiv';
import { LISTING_EAGER_ENTRIES } from '../../lib/sites/arxiv/listing-entry';
import { shiftMonth } from '../../lib/shared/badge-index';
import { collectPageErrors, expect, test } from './support/extension-test';
import { fixturePapers, todayWithMoreUpvotes, type FixturePaper } from './support/fixture-papers';
import { readRow } from './support/extension-db';
import { recordedRequests, recordRequests, stopWorker } from './support/worker-probes';

declare const chrome: typeof browser;
import type { FixtureServer } from './support/fixture-server';
import { waitForSync } from './support/sync';
import { movedOn, watchLayoutShifts } from './support/layout-shifts';

/** Known and unknown entries, interleaved: known, unknown, known, … */
function interleave(known: FixturePaper[], firstUnknown: number): ListingEntryFixture[] {
  return known.flatMap((paper, i) => [listingEntry(paper), unknownEntry(firstUnknown + i)]);
}

function newListing(server: FixtureServer) {
  const papers = fixturePapers(server.data);
  const byDay = [...server.data.days.keys()].map((date) => papers.filter((p) => p.date === date)).filter((day) => day.length > 0);
  const [today = [], yesterday = [], older = []] = byDay;
  const sections = {
    newSubmissions: interleave(today.slice(0, 6), 0),
    crossLists: interleave(yesterday.slice(0, 3), 100),
    replacements: interleave(older.slice(0, 3), 200),
  };
  server.pages.set(
    'arxiv.org/list/cs.CL/new',
    newListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', announced: 'Friday, 6 June 2025', ...sections }),
  );
  const upvotes = new Map(papers.map((p) => [p.id, p.upvotes]));
  return { sections, upvotes };
}

/**
 * Papers of the last days, as a /pastweek listing shows: the newest month stored and the one before
 * (`newestSpan`, sent with the page's first answer; an older one, STARFlow, would be a replacement,
 * asked about once the page is read).
 */
function newestTwoMonths(stored: FixturePaper[]): FixturePaper[] {
  const newest = [...stored].sort((a, b) => a.id.localeCompare(b.id)).at(-1)!.id.slice(0, 4);
  return stored.filter((p) => p.id.slice(0, 4) >= shiftMonth(newest, -1));
}

/** The ids of each section, in the order the page shows them. */
function sectionIds(page: Page): Promise<string[][]> {
  return page.locator('dl#articles').evaluateAll((sections) =>
    sections.map((s) => [...s.querySelectorAll('dt a[title="Abstract"]')].map((a) => a.id)),
  );
}

/** Scrolls the page a wheel turn at a time to its end, running `check` at each stop. */
async function scrollThrough(page: Page, check: () => Promise<unknown>): Promise<void> {
  await page.mouse.move(400, 300);
  for (let stop = 0; stop < 400; stop += 1) {
    await check();
    const before = await page.evaluate(() => scrollY);
    await page.mouse.wheel(0, 700);
    await expect.poll(() => page.evaluate(() => scrollY), { timeout: 1000 }).not.toBe(before).catch(() => undefined);
    if ((await page.evaluate(() => scrollY)) === before) return;
  }
}

/** Ids of the entries in view (any part of them) that HF knows and that show no badge. */
function knownInViewWithoutBadge(page: Page, known: string[]): Promise<string[]> {
  return page.evaluate((known) => {
    const ids = new Set(known);
    return [...document.querySelectorAll('dl#articles > dt')].flatMap((dt) => {
      const id = (dt.querySelector('a[title="Abstract"]') as HTMLAnchorElement).href.split('/abs/')[1]!.replace(/v\d+$/, '');
      const box = dt.getBoundingClientRect();
      const inView = box.bottom > 0 && box.top < innerHeight;
      return inView && ids.has(id) && !dt.querySelector('dpl-paper-badge') ? [id] : [];
    });
  }, known);
}

test('/new: badges on known papers in all three sections, sort by upvotes, and one click back to arXiv order', async ({ server, context, background }) => {
  await waitForSync(background);
  const { sections, upvotes } = newListing(server);
  const callsBefore = server.hfCalls().length;
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.CL/new');

  const all = [...sections.newSubmissions, ...sections.crossLists, ...sections.replacements];
  const known = all.filter((e) => upvotes.has(e.id));
  await expect(page.locator('dpl-paper-badge')).toHaveCount(known.length);
  const shown = await badges(page, 'dl#articles > dt');
  for (const entry of all) {
    const votes = upvotes.get(entry.id);
    if (votes === undefined) expect(shown[entry.id], entry.id).toBeNull();
    else expect(shown[entry.id], entry.id).toMatch(new RegExp(`^▲ ${votes} 💬 \\d+$`));
  }
  // A badge leaves its entry as tall as it was: the badges that go in as a listing is scrolled move nothing.
  // (The card's discussion list once shared the badge's comment class, and its margins made badges 28 px tall.)
  const heights = await rowHeights(page, 'dl#articles > dt');
  expect(heights.badged.length && heights.bare.length).toBeTruthy();
  expect(Math.max(...heights.badged)).toBeLessThanOrEqual(Math.min(...heights.bare));
  const toolbar = page.getByTestId('dpl-toolbar');
  await expect(toolbar).toHaveAttribute('aria-label', 'Daily Papers Lens');
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${known.length} of ${all.length} on Hugging Face Daily Papers`);
  // At the end of the first section's heading's line: in the section, before the heading, on its line.
  expect(await page.locator('dl#articles > dpl-toolbar + h3').count()).toBe(1);
  expect(await page.locator('dl#articles').first().evaluate((dl) => dl.firstElementChild!.localName)).toBe('dpl-toolbar');
  const line = await page.evaluate(() => {
    const heading = document.querySelector('dl#articles > h3')!.getBoundingClientRect();
    const bar = document.querySelector('dpl-toolbar')!.shadowRoot!.querySelector('.dpl-toolbar')!.getBoundingClientRect();
    return { heading: [heading.top, heading.bottom], bar: [bar.top, bar.bottom] };
  });
  expect((line.bar[0]! + line.bar[1]!) / 2).toBeGreaterThan(line.heading[0]!);
  expect((line.bar[0]! + line.bar[1]!) / 2).toBeLessThan(line.heading[1]!);

  // Sort, by keyboard: Tab from the last link before the toolbar reaches its button.
  const original = await sectionIds(page);
  const before = await page.locator('#dlpage').innerHTML();
  await page.locator('.morefewer a').first().focus();
  await page.keyboard.press('Tab');
  const sort = page.getByRole('button', { name: 'Sort by upvotes' });
  await expect(sort).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Restore arXiv order' })).toBeVisible();
  const sorted = await sectionIds(page);
  const expected = original.map((ids) => {
    const scored = ids.filter((id) => upvotes.has(id)).sort((a, b) => upvotes.get(b)! - upvotes.get(a)! || ids.indexOf(a) - ids.indexOf(b));
    return [...scored, ...ids.filter((id) => !upvotes.has(id))];
  });
  expect(sorted).toEqual(expected);
  expect(sorted).not.toEqual(original);
  // Headings (and the toolbar before the first) stay on top, each dd right after its dt.
  const shapes = await page.locator('dl#articles').evaluateAll((dls) => dls.map((dl) => [...dl.children].map((c) => c.localName).join(',')));
  for (const shape of shapes) expect(shape).toMatch(/^(dpl-toolbar,)?h3(,dt,dd)+$/);
  // The button pressed by keyboard is still focused: Enter again restores.
  await expect(page.getByRole('button', { name: 'Restore arXiv order' })).toBeFocused();

  await page.keyboard.press('Enter');
  await expect(page.getByRole('button', { name: 'Sort by upvotes' })).toBeVisible();
  expect(await sectionIds(page)).toEqual(original);
  expect(await page.locator('#dlpage').innerHTML()).toBe(before);

  // Back/forward and reload never add a second badge; listings never call HF.
  await page.goto('https://arxiv.org/list/cs.CL/new?skip=0&show=2000');
  await page.goBack();
  await page.goForward();
  await page.goBack();
  await expect(page.locator('dpl-paper-badge')).toHaveCount(known.length);
  await page.reload();
  await expect(page.locator('dpl-paper-badge')).toHaveCount(known.length);
  expect(await hostCount(page, 'dpl-toolbar')).toBe(1);
  expect(Object.values(await badges(page, 'dl#articles > dt')).filter((b) => b?.includes('badges'))).toEqual([]);
  expect(server.hfCalls().slice(callsBefore)).toEqual([]);
  expect(errors).toEqual([]);
});

test("a sync's new counts show on the next listing after the worker stopped: the kept index brought up to date after the sync, unasked", async ({ server, context, background, extensionId }) => {
  test.setTimeout(90_000);
  await waitForSync(background);
  const { sections, upvotes } = newListing(server);
  const { data } = server;
  const target = sections.newSubmissions.find((entry) => upvotes.has(entry.id))!;
  const votes = upvotes.get(target.id)!;
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.CL/new');
  await expect.poll(async () => (await badges(page, 'dl#articles > dt'))[target.id]).toMatch(new RegExp(`^▲ ${votes} `));
  // The listing's question had the index filled and its copy kept for the next wake.
  const kept = async () => (await readRow<{ value?: { index?: string } }>(background, 'kv', 'badgeIndex'))?.value?.index ?? '';
  await expect.poll(kept).toContain(`${target.id} ${votes}`);
  const before = await kept();

  // HF counts 5 more upvotes for it; a sync stores them, and the background brings the kept index up
  // to date a few seconds after the sync's last day record, while it is awake anyway.
  server.hfOverride = todayWithMoreUpvotes(data, target.id, 5);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await options.evaluate(() => chrome.runtime.sendMessage({ type: 'syncNow' }));
  await expect.poll(kept, { timeout: 30_000 }).toContain(`${target.id} ${votes + 5}`);
  // Every other paper's line as it was (HF's other answers did not change; the sync may add days' papers).
  const others = (index: string) => index.split('\n').filter((line) => !line.startsWith(`${target.id} `));
  expect(others(await kept())).toEqual(expect.arrayContaining(others(before)));

  // The worker stopped: the next listing wakes it, and its badge has the new count.
  await (await stopWorker(page, extensionId)).cdp.detach();
  await page.reload();
  await expect.poll(async () => (await badges(page, 'dl#articles > dt'))[target.id]).toMatch(new RegExp(`^▲ ${votes + 5} `));
  for (const entry of sections.newSubmissions.filter((e) => e.id !== target.id && upvotes.has(e.id))) {
    expect((await badges(page, 'dl#articles > dt'))[entry.id], entry.id).toMatch(new RegExp(`^▲ ${upvotes.get(entry.id)} `));
  }
  expect(errors).toEqual([]);
});

test("a listing of the last days with the worker stopped: its badges come from the newest badges' local copy, and the worker stays stopped; an older id on the page starts it", async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  // Within the first screens (their badges go in at once, the rest as the page is scrolled near them).
  const papers = newestTwoMonths(await storedFixturePapers(server, background)).slice(0, 15);
  const upvotes = new Map(papers.map((p) => [p.id, p.upvotes]));
  const recent = [...papers.map(listingEntry), ...Array.from({ length: 20 }, (_, i) => recentUnknownEntry(i))].sort((a, b) => a.id.localeCompare(b.id));
  expect(recent.length + 1).toBeLessThanOrEqual(LISTING_EAGER_ENTRIES);
  const listing = (entries: ListingEntryFixture[]) => recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', subcontext: 'pastweek', days: [{ day: 'Fri, 6 Jun 2025', entries }] });
  server.pages.set('arxiv.org/list/cs.CL/pastweek', listing(recent));
  // The same days and one paper of two years before (a replacement, say): older than any the copy holds.
  const older = unknownEntryOf('2312', 100, 0);
  server.pages.set('arxiv.org/list/cs.CL/recent', listing([...recent, older]));
  // Read from an extension page: a stopped worker's handle is gone.
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const copied = () => options.evaluate(async () => ((await chrome.storage.local.get('newestBadges')).newestBadges as string | undefined) ?? '');
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  const expected = Object.fromEntries(recent.map((e) => [e.id, upvotes.has(e.id) ? expect.stringMatching(new RegExp(`^▲ ${upvotes.get(e.id)} `)) : null]));

  // The first listing: the copy is written by then (after the sync, or by this page's question).
  await page.goto('https://arxiv.org/list/cs.CL/pastweek');
  await expect.poll(() => badges(page, 'dl#articles > dt')).toEqual(expected);
  await expect.poll(copied).toContain(`${papers[0]!.id} ${papers[0]!.upvotes}`);

  // The worker stopped: the badges and the toolbar's counts come, and it is not started.
  const { statuses, cdp } = await stopWorker(page, extensionId);
  await page.reload();
  await expect.poll(() => badges(page, 'dl#articles > dt')).toEqual(expected);
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${papers.length} of ${recent.length} on Hugging Face Daily Papers`);
  await page.waitForTimeout(1_000);
  expect(statuses.filter((s) => s !== 'stopped')).toEqual([]);
  // The check can fail: an id older than the copy's is asked about once the page is read, which starts
  // the worker, and the other badges do not wait for it.
  await page.goto('https://arxiv.org/list/cs.CL/recent');
  await expect.poll(() => badges(page, 'dl#articles > dt')).toEqual({ ...expected, [older.id]: null });
  await expect.poll(() => statuses.includes('running')).toBe(true);
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${papers.length} of ${recent.length + 1} on Hugging Face Daily Papers`);
  await cdp.detach();
  expect(errors).toEqual([]);
});

test('a long listing that arrives in parts gets its toolbar and the badges of the entries shown while it loads: those entries never move', async ({ server, context, background }) => {
  await waitForSync(background);
  const papers = newestTwoMonths(await storedFixturePapers(server, background));
  const entries = [...papers.map(listingEntry), ...Array.from({ length: 300 - papers.length }, (_, i) => unknownEntry(i))];
  const html = recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', subcontext: 'pastweek', show: 2000, days: [{ day: 'Fri, 6 Jun 2025', entries }] });
  // The first 20 entries, then a pause (a long page arrives over the network in parts: the browser
  // shows what it has), then the rest.
  server.pages.set('arxiv.org/list/cs.CL/pastweek', html);
  server.pausedPages.set('arxiv.org/list/cs.CL/pastweek', { at: html.lastIndexOf('<dt', html.indexOf(`/abs/${entries[20]!.id}`)), ms: 1_500 });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000', { waitUntil: 'commit' });
  const state = () =>
    page.evaluate(() => ({
      loading: document.readyState === 'loading',
      entries: document.querySelectorAll('dl#articles > dt').length,
      toolbar: document.querySelector('dpl-toolbar') !== null,
      badges: document.querySelectorAll('dl#articles > dt dpl-paper-badge').length,
    }));
  // Shown in part, still loading: the toolbar is in, beside the first heading, and the known ones shown have their badges.
  const knownShown = entries.slice(0, 20).filter((e) => papers.some((p) => p.id === e.id)).length;
  expect(knownShown).toBeGreaterThan(0);
  await expect.poll(state, { timeout: 1_000 }).toEqual({ loading: true, entries: 20, toolbar: true, badges: knownShown });
  const firstEntryTop = () => page.evaluate(() => document.querySelector('dl#articles > dt')!.getBoundingClientRect().top);
  const shownAt = await firstEntryTop();
  await page.waitForLoadState('load');
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${papers.length} of 300 on Hugging Face Daily Papers`);
  await expect(page.getByTestId('dpl-sort')).toBeEnabled();
  expect(await firstEntryTop()).toBe(shownAt);
  await expect(page.locator('dpl-toolbar')).toHaveCount(1);
  // Each first screens' badge once: those put in while loading were taken over.
  const firstScreens = entries.slice(0, LISTING_EAGER_ENTRIES).filter((e) => papers.some((p) => p.id === e.id)).length;
  await expect(page.locator('dpl-paper-badge')).toHaveCount(firstScreens);
  expect(errors).toEqual([]);
});

/**
 * A listing served in two parts, its first 30 entries unknown (a physics-heavy day, or HF's picks further
 * down): the first 20 are shown, then a pause, and the first known entry comes with the rest. The
 * toolbar then goes beside `lines` (their first element is where it goes in), and at every window width
 * nothing on the page moves: the toolbar is centred on those lines, right of their text and within their
 * box, the button whole, the lines as tall as before, the first entry where it was, no layout shift.
 */
async function lateToolbarTakesNoLine(
  { server, context }: { server: FixtureServer; context: BrowserContext },
  listing: { path: string; html: string; firstLate: string; known: number; total: number; lines: string[] },
): Promise<void> {
  const served = `arxiv.org${new URL(listing.path, 'https://arxiv.org').pathname}`;
  server.pages.set(served, listing.html);
  server.pausedPages.set(served, { at: listing.html.lastIndexOf('<dt', listing.html.indexOf(`/abs/${listing.firstLate}`)), ms: 1_000 });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  const layout = () =>
    page.evaluate((selectors) => {
      const lines = selectors.map((selector) => document.querySelector(selector)!);
      const textRight = Math.max(
        ...lines.map((line) => {
          const text = document.createRange();
          text.selectNodeContents(line);
          return text.getBoundingClientRect().right;
        }),
      );
      const host = document.querySelector('dpl-toolbar');
      const bar = host?.shadowRoot?.querySelector('.dpl-toolbar')?.getBoundingClientRect();
      const button = host?.shadowRoot?.querySelector('button')?.getBoundingClientRect();
      // The counts' width, and how much of the button's last words is cut (their text's width past their box's).
      const counts = host?.shadowRoot?.querySelector('.dpl-toolbar-text')?.getBoundingClientRect().width ?? 0;
      const wide = host?.shadowRoot?.querySelector('button .dpl-wide');
      const wideText = document.createRange();
      if (wide) wideText.selectNodeContents(wide);
      const cut = wide ? wideText.getBoundingClientRect().width - wide.getBoundingClientRect().width : 0;
      return {
        counts,
        cut,
        beforeLines: host?.nextElementSibling === lines[0],
        firstEntryTop: document.querySelector('dl#articles > dt')!.getBoundingClientRect().top,
        lines: { top: lines[0]!.getBoundingClientRect().top, bottom: lines.at(-1)!.getBoundingClientRect().bottom, right: lines[0]!.getBoundingClientRect().right, textRight },
        bar: bar && { left: bar.left, right: bar.right, top: bar.top, bottom: bar.bottom },
        button: button && { left: button.left, right: button.right },
      };
    }, listing.lines);
  const progress = () =>
    page.evaluate(() => ({ loading: document.readyState === 'loading', entries: document.querySelectorAll('dl#articles > dt').length, toolbar: document.querySelector('dpl-toolbar') !== null }));
  for (const width of [1440, 1280, 1024, 800, 720, 600]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`https://arxiv.org${listing.path}`, { waitUntil: 'commit' });
    // Shown in part, still loading, no known entry yet: no toolbar. (Polled without the geometry: right
    // after the commit the heading's lines may not be parsed yet.)
    await expect.poll(progress, { timeout: 2_000 }).toEqual({ loading: true, entries: 20, toolbar: false });
    const shown = await layout();
    await page.waitForLoadState('load');
    await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${listing.known} of ${listing.total} on Hugging Face Daily Papers`);
    await expect(page.getByTestId('dpl-sort')).toBeEnabled();
    const after = await layout();
    expect(after.beforeLines, `${width}`).toBe(true);
    const middle = (after.bar!.top + after.bar!.bottom) / 2;
    expect(middle, `${width}`).toBeGreaterThan(after.lines.top);
    expect(middle, `${width}`).toBeLessThan(after.lines.bottom);
    expect(after.bar!.left, `${width}`).toBeGreaterThan(after.lines.textRight);
    expect(after.bar!.right, `${width}`).toBeLessThanOrEqual(after.lines.right + 0.5);
    expect(after.button!.left, `${width}`).toBeGreaterThan(after.bar!.left);
    expect(after.button!.right, `${width}`).toBeLessThan(after.bar!.right);
    // The counts give up their room before the button's words are cut ("Sort by upvot…" beside counts shown, once).
    if (after.counts > 0) expect(after.cut, `${width}`).toBeLessThan(0.01);
    expect(after.lines.bottom - after.lines.top, `${width}`).toBe(shown.lines.bottom - shown.lines.top);
    expect(after.firstEntryTop, `${width}`).toBe(shown.firstEntryTop);
    expect(await movedOn(page), `${width}`).toEqual([]);
    await page.screenshot({ path: test.info().outputPath(`late-toolbar-${width}.png`), clip: { x: 0, y: 0, width, height: 360 } });
  }
  expect(errors).toEqual([]);
}

test("a listing whose first known entry comes after the entries shown while it loads gets its toolbar at the end of the first heading's line then: nothing on the page moves, at any window width", async ({ server, context, background }) => {
  await waitForSync(background);
  const papers = newestTwoMonths(await storedFixturePapers(server, background));
  const entries = [...Array.from({ length: 30 }, (_, i) => unknownEntry(i)), ...papers.map(listingEntry), ...Array.from({ length: 270 - papers.length }, (_, i) => unknownEntry(30 + i))];
  const html = recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', subcontext: 'pastweek', show: 2000, days: [{ day: 'Fri, 6 Jun 2025', entries }] });
  await lateToolbarTakesNoLine({ server, context }, { path: '/list/cs.CL/pastweek?skip=0&show=2000', html, firstLate: entries[20]!.id, known: papers.length, total: 300, lines: ['dl#articles > h3'] });
});

test("a month list whose first known entry comes after the entries shown while it loads gets its toolbar beside its paging lines then: nothing on the page moves, at any window width", async ({ server, context, background }) => {
  await waitForSync(background);
  const stored = new Map((await storedFixturePapers(server, background)).map((p) => [p.id, p]));
  const known = [...stored.values()].filter((p) => p.id.startsWith('2511.')).slice(0, 10).map(listingEntry);
  expect(known.length).toBeGreaterThanOrEqual(5);
  // The first page of 50 of a month of 2000: "Total of 2000 entries : 1-50 51-100 … 1951-2000".
  const entries = [...Array.from({ length: 30 }, (_, i) => recentUnknownEntry(i)), ...known, ...Array.from({ length: 20 - known.length }, (_, i) => recentUnknownEntry(30 + i))];
  const html = monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-11', monthName: 'November 2025', entries, total: 2000 });
  await lateToolbarTakesNoLine({ server, context }, { path: '/list/cs.CL/2025-11', html, firstLate: entries[20]!.id, known: known.length, total: 50, lines: ['div.paging', 'div.morefewer'] });
});

test('/pastweek with show=2000, /recent and /catchup get their badges', async ({ server, context, background }) => {
  await waitForSync(background);
  const papers = await storedFixturePapers(server, background);
  const upvotes = new Map(papers.map((p) => [p.id, p.upvotes]));
  // Every paper HF knows among 600 entries over five days.
  const entries = [...papers.map(listingEntry), ...Array.from({ length: 600 - papers.length }, (_, i) => unknownEntry(i))];
  entries.sort((a, b) => a.id.localeCompare(b.id));
  const days = ['Fri, 6 Jun 2025', 'Thu, 5 Jun 2025', 'Wed, 4 Jun 2025', 'Tue, 3 Jun 2025', 'Mon, 2 Jun 2025'].map((day, i) => ({
    day,
    entries: entries.slice(i * 120, (i + 1) * 120),
  }));
  server.pages.set('arxiv.org/list/cs.CL/pastweek', recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', subcontext: 'pastweek', show: 2000, days }));
  server.pages.set('arxiv.org/list/cs.CL/recent', recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', days: [{ day: 'Fri, 6 Jun 2025', total: 120, entries: days[0]!.entries.slice(0, 50) }] }));
  const today = papers.filter((p) => p.date === server.data.today);
  server.pages.set(
    'arxiv.org/catchup/cs.CL/2025-06-05',
    catchupPage({
      category: 'cs.CL',
      categoryName: 'Computation and Language',
      date: '2025-06-05',
      dayLabel: 'Thu, 05 Jun 2025',
      newSubmissions: [unknownEntry(900), listingEntry(today[1]!)],
      crossLists: [listingEntry(today[2]!), unknownEntry(901)],
      replacements: [listingEntry(today[3]!)],
      withAbstracts: true,
    }),
  );
  const page = await context.newPage();
  const errors = collectPageErrors(page);

  await page.goto('https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000');
  // The first screens' badges are there at once; the others come as the page is scrolled near them,
  // each before its entry is in view.
  const firstScreens = entries.slice(0, LISTING_EAGER_ENTRIES).filter((e) => upvotes.has(e.id)).length;
  expect(firstScreens).toBeGreaterThan(0);
  expect(firstScreens).toBeLessThan(papers.length);
  await expect(page.locator('dpl-paper-badge')).toHaveCount(firstScreens);
  await scrollThrough(page, async () => expect.poll(() => knownInViewWithoutBadge(page, [...upvotes.keys()])).toEqual([]));
  await expect(page.locator('dpl-paper-badge')).toHaveCount(papers.length);
  const shown = await badges(page, 'dl#articles > dt');
  expect(Object.keys(shown)).toHaveLength(600);
  for (const [id, badge] of Object.entries(shown)) {
    const votes = upvotes.get(id);
    if (votes === undefined) expect(badge, id).toBeNull();
    else expect(badge, id).toMatch(new RegExp(`^▲ ${votes} 💬 \\d+$`));
  }
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${papers.length} of 600 on Hugging Face Daily Papers`);

  await page.goto('https://arxiv.org/list/cs.CL/recent');
  const recentKnown = days[0]!.entries.slice(0, 50).filter((e) => upvotes.has(e.id)).length;
  await expect(page.locator('dpl-paper-badge')).toHaveCount(recentKnown);

  await page.goto('https://arxiv.org/catchup/cs.CL/2025-06-05?abs=True');
  await expect(page.locator('dpl-paper-badge')).toHaveCount(3);
  const catchup = await badges(page, 'dl#articles > dt');
  expect(catchup[today[2]!.id]).toContain(`▲ ${today[2]!.upvotes} `);
  expect(catchup[today[3]!.id]).toContain(`▲ ${today[3]!.upvotes} `);
  expect(catchup[unknownEntry(901).id]).toBeNull();
  expect(errors).toEqual([]);
});

test("a month list is sent that month's badges only; its ids of other months are asked about, and their badges and counts follow", async ({ server, context, background }) => {
  await waitForSync(background);
  // One entry a paper (a paper relisted on a later day shows its latest count, as the other tests read it).
  const papers = [...new Map((await storedFixturePapers(server, background)).map((p) => [p.id, p])).values()];
  const november = papers.filter((p) => p.id.startsWith('2511.')).slice(0, 5);
  // Stored papers of other months (STARFlow, 2506.06276), cross-listed here as arXiv now and then does.
  const others = papers.filter((p) => !p.id.startsWith('2511.'));
  expect(november).toHaveLength(5);
  expect(others.length).toBeGreaterThan(0);
  const unknownOfTheMonth = { ...unknownEntry(0), id: '2511.29999' };
  const unknownOlder = unknownEntry(1);
  const entries = [listingEntry(november[0]!), unknownOfTheMonth, ...others.map(listingEntry), ...november.slice(1).map(listingEntry), unknownOlder];
  server.pages.set(
    'arxiv.org/list/cs.CL/2025-11',
    monthListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', month: '2025-11', monthName: 'November 2025', entries }),
  );
  const callsBefore = server.hfCalls().length;
  await recordRequests(background);
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.CL/2025-11');

  const known = [...november, ...others];
  await expect(page.locator('dpl-paper-badge')).toHaveCount(known.length);
  const shown = await badges(page, 'dl#articles > dt');
  for (const paper of known) expect(shown[paper.id], paper.id).toMatch(new RegExp(`^▲ ${paper.upvotes} 💬 \\d+$`));
  expect([shown[unknownOfTheMonth.id], shown[unknownOlder.id]]).toEqual([null, null]);
  await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${known.length} of ${entries.length} on Hugging Face Daily Papers`);

  const requests = await recordedRequests(background);
  // Asked at document_start: the month's badges, not a year's.
  expect(requests.filter((r) => r.type === 'badgeIndex')).toEqual([{ type: 'badgeIndex', site: 'arxiv', span: { from: '2511.', to: '2512.' } }]);
  // The ids of other months, once, in one message; never the month's own.
  const asked = requests.filter((r) => r.type === 'linkBadges');
  expect(asked).toHaveLength(1);
  expect([...asked[0]!.ids!].sort()).toEqual([...others.map((p) => p.id), unknownOlder.id].sort());
  expect(asked[0]!.site).toBe('arxiv');
  expect(server.hfCalls().slice(callsBefore)).toEqual([]);

  // Sorted by upvotes, the late badges take their place too.
  await page.getByRole('button', { name: 'Sort by upvotes' }).click();
  const order = await page.locator('dl#articles > dt a[title="Abstract"]').evaluateAll((links) => links.map((a) => a.id));
  const byUpvotes = [...known].sort((a, b) => b.upvotes - a.upvotes || entries.findIndex((e) => e.id === a.id) - entries.findIndex((e) => e.id === b.id)).map((p) => p.id);
  expect(order.slice(0, known.length)).toEqual(byUpvotes);
  expect(errors).toEqual([]);
});

test('search results get badges, sort by upvotes and restore', async ({ server, context, background }) => {
  await waitForSync(background);
  const papers = fixturePapers(server.data).slice(0, 5);
  const results = [
    { id: unknownEntry(1).id, title: 'Unrelated', authors: ['A'], abstract: 'x' },
    ...papers.map((p, i) => ({ id: p.id, version: i === 1 ? 3 : undefined, title: p.title, authors: ['Jiatao Gu'], abstract: p.summary })),
    { id: unknownEntry(2).id, title: 'Unrelated too', authors: ['B'], abstract: 'y' },
  ];
  server.pages.set('arxiv.org/search/', searchPage({ query: 'normalizing flows', results, total: 1234 }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/search/?query=normalizing+flows&searchtype=all&source=header');

  await expect(page.locator('li.arxiv-result > div.is-marginless > dpl-paper-badge')).toHaveCount(papers.length);
  const shown = await badges(page, 'li.arxiv-result');
  for (const p of papers) expect(shown[p.id]).toContain(`▲ ${p.upvotes} `);
  expect(shown[unknownEntry(1).id]).toBeNull();

  const ids = () => page.locator('li.arxiv-result p.list-title > a').evaluateAll((as) => as.map((a) => a.textContent!.replace('arXiv:', '').replace(/v\d+$/, '')));
  const original = await ids();
  const before = await page.locator('ol.breathe-horizontal').innerHTML();
  await page.getByRole('button', { name: 'Sort by upvotes' }).click();
  const byVotes = [...papers].sort((a, b) => b.upvotes - a.upvotes || papers.indexOf(a) - papers.indexOf(b)).map((p) => p.id);
  expect(await ids()).toEqual([...byVotes, unknownEntry(1).id, unknownEntry(2).id]);
  await page.getByRole('button', { name: 'Restore arXiv order' }).click();
  expect(await ids()).toEqual(original);
  expect(await page.locator('ol.breathe-horizontal').innerHTML()).toBe(before);
  expect(errors).toEqual([]);
});

test("search results shown while they load get their badges then, at the end of their first lines, and the toolbar at the end of arXiv's sort row (under its box of controls in a narrow window) once the page is read: nothing on the page moves, at any window width", async ({ server, context, background }) => {
  await waitForSync(background);
  const papers = fixturePapers(server.data).slice(0, 5);
  const results = [
    ...papers.map((p) => ({ id: p.id, title: p.title, authors: ['Jiatao Gu'], abstract: p.summary })),
    ...Array.from({ length: 45 }, (_, i) => ({ id: unknownEntry(i).id, title: `Unrelated ${i}`, authors: ['A. Author'], abstract: 'An abstract.' })),
  ];
  const html = searchPage({ query: 'normalizing flows', results, total: 883 });
  server.pages.set('arxiv.org/search/', html);
  // The first ten results, then a pause (a page of 50 results arrives over the network in parts: the
  // browser shows what it has), then the rest.
  const starts = [...html.matchAll(/<li class="arxiv-result">/g)].map((m) => m.index);
  server.pausedPages.set('arxiv.org/search/', { at: starts[10]!, ms: 800 });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  const layout = () =>
    page.evaluate(() => {
      const row = document.querySelector('div.level.breathe-horizontal')!;
      const box = row.querySelector('.box')!;
      const host = document.querySelector('dpl-toolbar');
      const bar = host?.shadowRoot?.querySelector('.dpl-toolbar')?.getBoundingClientRect();
      const button = host?.shadowRoot?.querySelector('button')?.getBoundingClientRect();
      const { left, right, bottom } = box.getBoundingClientRect();
      const rowBox = row.getBoundingClientRect();
      return {
        loading: document.readyState === 'loading',
        results: document.querySelectorAll('li.arxiv-result').length,
        badges: document.querySelectorAll('li.arxiv-result > div.is-marginless > dpl-paper-badge').length,
        toolbar: host !== null,
        firstResultTop: document.querySelector('li.arxiv-result')!.getBoundingClientRect().top,
        rowHeight: rowBox.height,
        rowRight: rowBox.right,
        rowInsetRight: parseFloat(getComputedStyle(row).marginRight),
        paginationTop: document.querySelector('nav.pagination')!.getBoundingClientRect().top,
        box: { left, right, bottom },
        inRow: host?.parentElement === row,
        hostHeight: host?.getBoundingClientRect().height,
        bar: bar && { left: bar.left, right: bar.right, top: bar.top, bottom: bar.bottom, height: bar.height },
        button: button && { left: button.left, right: button.right },
      };
    });
  // Bulma's rows are flex lines from 769 px, inset 5 rem, then 10 rem from 980 px (at 769 px the room
  // left is 33 px); below, the sort row is a block that its box spans (a split-screen window on a 1440
  // px screen is 720 px wide). The last width is narrow: the sort is used there.
  for (const width of [1440, 1280, 1024, 800, 769, 720, 375]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('https://arxiv.org/search/?query=normalizing+flows&searchtype=all&source=header', { waitUntil: 'commit' });
    // Shown in part, still loading: the known papers' badges among the results shown are in already (a
    // page that arrives in parts shows them with their results, not once the rest is in); no toolbar yet
    // (it comes with the page read, with its counts).
    await expect
      .poll(async () => { const { loading, results, badges, toolbar } = await layout(); return { loading, results, badges, toolbar }; }, { timeout: 2_000 })
      .toEqual({ loading: true, results: 10, badges: papers.length, toolbar: false });
    const shown = await layout();
    await page.waitForLoadState('load');
    await expect(page.locator('li.arxiv-result > div.is-marginless > dpl-paper-badge')).toHaveCount(papers.length);
    await expect(page.getByTestId('dpl-toolbar-text')).toHaveText(`${papers.length} of 50 on Hugging Face Daily Papers`);
    await expect(page.getByTestId('dpl-sort')).toBeVisible();
    const after = await layout();
    expect(after.inRow, `${width}`).toBe(true);
    if (width >= 769) {
      // In arXiv's sort row, right of its box, one line high; where the room is shorter than "Sort",
      // reaching into the row's empty inset on the right, never over the box.
      expect(after.bar!.left, `${width}`).toBeGreaterThanOrEqual(after.box.right);
      expect(after.bar!.right, `${width}`).toBeLessThanOrEqual(after.rowRight + after.rowInsetRight);
      expect(after.bar!.height, `${width}`).toBeLessThan(40);
      expect(after.rowHeight, `${width}`).toBe(shown.rowHeight);
    } else {
      // Taking no height, drawn in the empty band under arXiv's box, within its edges, above the
      // pagination.
      expect(after.hostHeight, `${width}`).toBe(0);
      expect(after.bar!.top, `${width}`).toBeGreaterThan(after.box.bottom);
      expect(after.bar!.bottom, `${width}`).toBeLessThan(after.paginationTop);
      expect(after.bar!.left, `${width}`).toBeGreaterThanOrEqual(after.box.left - 0.5);
      expect(after.bar!.right, `${width}`).toBeLessThanOrEqual(after.box.right + 0.5);
      // The row's own box ends 0.75 rem higher (the box's negative bottom margin no longer passes through
      // its end), its margin below as much more: the box, and all under it, where they were.
      expect(after.box.bottom, `${width}`).toBe(shown.box.bottom);
    }
    // The button whole in the bar, however short the room (only "Sort" where it is short).
    expect(after.button!.left, `${width}`).toBeGreaterThan(after.bar!.left);
    expect(after.button!.right, `${width}`).toBeLessThan(after.bar!.right);
    // Nothing under the row moved.
    expect(after.firstResultTop, `${width}`).toBe(shown.firstResultTop);
    // Nor did anything on a result's first line: its badge comes after its categories, at the line's end.
    expect(await movedOn(page), `${width}`).toEqual([]);
    // Shortened where the row is short: the whole counts on hover.
    await expect(page.getByTestId('dpl-toolbar-text')).toHaveAttribute('title', `${papers.length} of 50 on Hugging Face Daily Papers`);
  }
  // The sort works from there, in the narrow window too (under the box).
  await page.getByRole('button', { name: 'Sort by upvotes' }).click();
  const first = await page.locator('li.arxiv-result p.list-title > a').first().textContent();
  expect(first).toBe(`arXiv:${[...papers].sort((a, b) => b.upvotes - a.upvotes)[0]!.id}`);
  expect(errors).toEqual([]);
});

test('the highlight threshold tints papers at or above it; with arXiv switched off listings stay untouched', async ({ server, context, background }) => {
  await waitForSync(background);
  const { sections, upvotes } = newListing(server);
  const known = [...sections.newSubmissions, ...sections.crossLists, ...sections.replacements].filter((e) => upvotes.has(e.id));
  const votes = known.map((e) => upvotes.get(e.id)!).sort((a, b) => a - b);
  const threshold = votes[Math.floor(votes.length / 2)]!;
  const hot = known.filter((e) => upvotes.get(e.id)! >= threshold).map((e) => e.id);
  await patchSettings(background, { highlightThreshold: threshold });

  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto('https://arxiv.org/list/cs.CL/new');
  await expect(page.locator('dpl-paper-badge')).toHaveCount(known.length);
  await expect(page.getByTestId('dpl-toolbar-text')).toContainText(`${hot.length} with ${threshold}+ upvotes highlighted`);
  const looks = await page.locator('dl#articles > dt').evaluateAll((dts) =>
    dts.map((dt) => ({
      id: (dt.querySelector('a[title="Abstract"]') as HTMLElement).id,
      dt: getComputedStyle(dt).backgroundColor,
      dd: getComputedStyle(dt.nextElementSibling!).backgroundColor,
      badge: dt.querySelector('dpl-paper-badge')?.shadowRoot?.querySelector('[data-highlighted]') ? 'hot' : 'plain',
    })),
  );
  for (const look of looks) {
    const isHot = hot.includes(look.id);
    expect(look.badge, look.id).toBe(isHot ? 'hot' : 'plain');
    expect(look.dt === 'rgba(0, 0, 0, 0)', look.id).toBe(!isHot);
    expect(look.dd === 'rgba(0, 0, 0, 0)', look.id).toBe(!isHot);
  }

  await patchSettings(background, { sites: { arxiv: false, github: true } });
  server.pages.set('arxiv.org/search/', searchPage({ query: 'x', results: known.map((e) => ({ ...e, abstract: 'x' })) }));
  for (const url of ['https://arxiv.org/list/cs.CL/new', 'https://arxiv.org/search/?query=x']) {
    await page.goto(url);
    await page.waitForTimeout(400);
    expect(await hostCount(page, 'dpl-paper-badge, dpl-toolbar')).toBe(0);
    expect(await page.locator('dl#articles > dt[style]').count()).toBe(0);
  }
  expect(errors).toEqual([]);
});
