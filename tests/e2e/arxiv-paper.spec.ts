/**
 * Abstract pages and HTML papers, driven as a reader would: the card after the title, collapsed and
 * expanded by keyboard and remembered, live lookups made once and cached, hostile strings shown as
 * text, old-style ids never sent, the site switch obeyed; a known paper's card shown from the local copy
 * with the background worker stopped, kept current by the sync and emptied by "Clear the cache".
 */
import type { browser } from 'wxt/browser';
import { absPage } from '../fixtures/arxiv/abs-page';
import { htmlPaper } from '../fixtures/arxiv/html-paper';
import { plainHtmlPaper } from '../fixtures/arxiv/html-paper-plain';
import { hostCount, paperCalls, patchSettings } from './support/arxiv';
import { collectPageErrors, expect, test } from './support/extension-test';
import { movedOn, watchLayoutShifts } from './support/layout-shifts';
import { dateLabel } from '../../lib/shared/day-label';
import { fixturePapers, todaysPapers, todayWithMoreUpvotes } from './support/fixture-papers';
import { readRow } from './support/extension-db';
import { waitForSync } from './support/sync';
import { stopWorker } from './support/worker-probes';

declare const chrome: typeof browser;

const HOSTILE = '<img src=x onerror="document.title=\'pwned\'">';

test('an abstract page shows the card after the title; the reader collapses it by keyboard and it stays collapsed', async ({ server, context, background }) => {
  await waitForSync(background);
  const star = fixturePapers(server.data).find((p) => p.id === '2506.06276')!;
  const raw = star.raw as unknown as { ai_summary: string; ai_keywords: string[]; githubRepo: string; githubStars: number; projectPage: string };
  for (const host of ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org']) {
    server.pages.set(`${host}/abs/${star.id}v2`, absPage({ id: star.id, version: 2, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] }));
  }
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${star.id}v2`);

  const card = page.getByTestId('dpl-card');
  await expect(card).toBeVisible();
  expect(await page.locator('#abs h1.title + dpl-paper-card').count()).toBe(1);
  await expect(card).toHaveAttribute('aria-label', /Daily Papers Lens/);
  const badge = card.getByTestId('dpl-badge');
  await expect(badge).toContainText(`▲ ${star.upvotes}`);
  await expect(badge).toContainText(`💬 ${star.numComments}`);
  await expect(badge).toHaveAttribute('href', `https://huggingface.co/papers/${star.id}`);
  await expect(card.getByTestId('dpl-ai-summary')).toHaveText(raw.ai_summary);
  await expect(card.getByRole('list', { name: 'Keywords' }).getByRole('listitem')).toHaveText(raw.ai_keywords);
  const code = card.getByRole('link', { name: 'lens-fixtures/repo-2506-06276' });
  await expect(code).toHaveAttribute('href', raw.githubRepo);
  await expect(card.locator('dd').filter({ has: page.getByRole('link', { name: 'lens-fixtures/repo-2506-06276' }) })).toContainText(`★ ${raw.githubStars}`);
  await expect(card.getByRole('link', { name: `example.org/${star.id}` })).toHaveAttribute('href', raw.projectPage);
  await expect(card.locator('dl')).toContainText('OrganizationApple');
  await expect(card.locator('dl')).toContainText(`On Daily Papers${dateLabel(star.date)}`);
  // At the title's indent (arXiv's abs.css: 20 px; 12 on a phone), not at the column's edge; after a
  // resize, once the window's resize event has come (a read before it sees the new layout first).
  const edges = () =>
    page.evaluate(() => {
      const title = document.querySelector('#abs h1.title')!.getBoundingClientRect();
      const host = document.querySelector('dpl-paper-card')!.getBoundingClientRect();
      const column = document.querySelector('#abs')!.getBoundingClientRect();
      return { indent: title.left - column.left, offset: Math.abs(host.left - title.left) };
    });
  for (const width of [1280, 375]) {
    await page.setViewportSize({ width, height: 800 });
    await expect.poll(async () => (await edges()).offset < 0.5, { message: `${width}`, timeout: 2_000 }).toBe(true);
    expect((await edges()).indent, `${width}`).toBeGreaterThan(10);
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // Keyboard: Tab from the title's neighbourhood reaches the badge, then the toggle.
  await page.locator('.header-breadcrumbs a').first().focus();
  const toggle = card.getByRole('button', { name: 'Hide details' });
  for (let i = 0; i < 15 && !(await toggle.evaluate((el) => el.matches(':focus'))); i++) await page.keyboard.press('Tab');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await page.keyboard.press('Enter');
  await expect(card.getByRole('button', { name: 'Show details' })).toHaveAttribute('aria-expanded', 'false');
  await expect(card.getByTestId('dpl-ai-summary')).toBeHidden();
  await expect(badge).toBeVisible();

  // Remembered: another visit (another host, too) opens collapsed; expanding is remembered as well.
  await page.goto(`https://www.arxiv.org/abs/${star.id}v2`);
  await expect(page.getByTestId('dpl-card').getByRole('button', { name: 'Show details' })).toBeVisible();
  await expect(page.getByTestId('dpl-ai-summary')).toBeHidden();
  await page.getByRole('button', { name: 'Show details' }).click();
  await page.goto(`https://export.arxiv.org/abs/${star.id}v2`);
  await expect(page.getByTestId('dpl-ai-summary')).toBeVisible();

  // Back and forward (the back/forward cache) never add a second card.
  await page.goBack();
  await page.goForward();
  await expect(page.getByTestId('dpl-card')).toHaveCount(1);
  await page.reload();
  await expect(page.getByTestId('dpl-card')).toBeVisible();
  expect(await hostCount(page, 'dpl-paper-card')).toBe(1);
  // The card itself asked nothing; its linked models and Spaces (tests/e2e/arxiv-linked.spec.ts) one question, cached.
  await expect.poll(() => paperCalls(server, star.id)).toBe(1);
  expect(errors).toEqual([]);
});

test('an HTML paper shows the card under its title and follows the page into dark mode', async ({ server, context, background }) => {
  await waitForSync(background);
  const paper = fixturePapers(server.data).find((p) => p.id === '2506.06276')!;
  server.pages.set(`arxiv.org/html/${paper.id}v1`, htmlPaper({ id: paper.id, title: paper.title, abstract: paper.summary, authors: ['Jiatao Gu'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/html/${paper.id}v1`);

  const card = page.getByTestId('dpl-card');
  await expect(card.getByTestId('dpl-badge')).toContainText(`▲ ${paper.upvotes}`);
  expect(await page.locator('article.ltx_document h1.ltx_title_document + dpl-paper-card').count()).toBe(1);
  const host = page.locator('dpl-paper-card');
  await expect(host).toHaveAttribute('data-dpl-theme', 'light');
  const lightBackground = await card.evaluate((el) => getComputedStyle(el).backgroundColor);

  // The reader switches arXiv's theme; the card follows.
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(host).toHaveAttribute('data-dpl-theme', 'dark');
  const darkBackground = await card.evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(darkBackground).not.toBe(lightBackground);
  await page.getByRole('button', { name: 'Toggle color scheme' }).click();
  await expect(host).toHaveAttribute('data-dpl-theme', 'light');

  // A page that opens dark gets a dark card from the start.
  server.pages.set(`arxiv.org/html/${paper.id}v2`, htmlPaper({ id: paper.id, version: 2, title: paper.title, abstract: paper.summary, authors: ['A'], theme: 'dark' }));
  await page.goto(`https://arxiv.org/html/${paper.id}v2`);
  await expect(page.locator('dpl-paper-card')).toHaveAttribute('data-dpl-theme', 'dark');

  // The page's CSS cannot reach into the card, and the card's cannot leak out.
  await page.addStyleTag({ content: '* { color: rgb(255, 0, 0) !important; } .dpl-card { display: none !important; }' });
  await expect(page.getByTestId('dpl-card')).toBeVisible();
  expect(await page.getByTestId('dpl-ai-summary').evaluate((el) => getComputedStyle(el).color)).not.toBe('rgb(255, 0, 0)');
  expect(errors).toEqual([]);
});

test('a paper page that arrives in parts gets its card under the title as the title comes: nothing under the title moves', async ({ server, context, background }) => {
  await waitForSync(background);
  const paper = fixturePapers(server.data).find((p) => p.id === '2506.06276')!;
  // Each page in three parts, as pages come over the network (the browser shows what it has): its head
  // and header; the title and what follows, up to a point after the abstract; the rest. A long HTML
  // paper is shown in part long before DOMContentLoaded; arXiv's abstract page waits for a script at its end.
  const pages = [
    { path: `arxiv.org/html/${paper.id}v1`, html: htmlPaper({ id: paper.id, title: paper.title, abstract: paper.summary, authors: ['Jiatao Gu'] }), title: '<h1 class="ltx_title ltx_title_document">', later: '<section class="ltx_section" id="S2">', place: 'article.ltx_document h1.ltx_title_document + dpl-paper-card' },
    { path: `arxiv.org/abs/${paper.id}v2`, html: absPage({ id: paper.id, version: 2, title: paper.title, abstract: paper.summary, authors: ['Jiatao Gu'] }), title: '<h1 class="title mathjax">', later: '<div class="extra-services">', place: '#abs h1.title + dpl-paper-card' },
  ];
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await watchLayoutShifts(page);
  for (const { path, html, title, later, place } of pages) {
    expect(html.indexOf(title)).toBeGreaterThan(0);
    expect(html.indexOf(later)).toBeGreaterThan(html.indexOf(title));
    server.pages.set(path, html);
    server.pausedPages.set(path, [{ at: html.indexOf(title), ms: 500 }, { at: html.indexOf(later), ms: 1_000 }]);
    await page.goto(`https://${path}`, { waitUntil: 'commit' });
    // Shown in part, still loading: the card is under the title already.
    await expect(page.locator(place)).toHaveCount(1);
    expect(await page.evaluate(() => document.readyState), path).toBe('loading');
    await page.waitForLoadState('load');
    // The linked part (asked for after the page's load) drawn in the line held for it.
    await expect(page.getByTestId('dpl-card').getByRole('group', { name: 'On Hugging Face' })).toContainText('Models');
    await page.waitForTimeout(200);
    await expect(page.locator('dpl-paper-card')).toHaveCount(1);
    expect(await page.locator(place).count(), path).toBe(1);
    expect(await movedOn(page), path).toEqual([]);
  }
  expect(errors).toEqual([]);
});

test('an HTML paper LaTeXML did not make (EPTCS proceedings) gets the card after its title headings, in its shadow root', async ({ server, context, background }) => {
  await waitForSync(background);
  const paper = fixturePapers(server.data).find((p) => p.id === '2506.06276')!;
  server.pages.set(`arxiv.org/html/${paper.id}v1`, plainHtmlPaper({ id: paper.id, title: 'Automated Deduction in Geometry', authors: ['Pedro Quaresma', 'Zoltán Kovács'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/html/${paper.id}v1`);

  const card = page.getByTestId('dpl-card');
  await expect(card.getByTestId('dpl-badge')).toContainText(`▲ ${paper.upvotes}`);
  await expect(card.getByTestId('dpl-badge')).toHaveAttribute('href', `https://huggingface.co/papers/${paper.id}`);
  expect(await hostCount(page, 'dpl-paper-card')).toBe(1);
  // After the two h1s of the EPTCS title, before "Edited by", inside the page's <center>; in an open shadow root.
  const where = await page.locator('dpl-paper-card').evaluate((host) => ({
    shadow: host.shadowRoot?.querySelector('[data-testid="dpl-card"]') !== null,
    parent: host.parentElement?.tagName,
    before: [...host.parentElement!.querySelectorAll(':scope > h1')].filter((h) => h.compareDocumentPosition(host) & Node.DOCUMENT_POSITION_FOLLOWING).length,
    after: host.nextSibling?.textContent?.trim().startsWith('Edited by'),
  }));
  expect(where).toEqual({ shadow: true, parent: 'CENTER', before: 2, after: true });
  // The page's <center> does not centre the card's text.
  expect(await card.evaluate((el) => getComputedStyle(el).textAlign)).toMatch(/^(start|left)$/);
  await expect(card).toBeVisible();
  // The card asked nothing; its linked models and Spaces one question (tests/e2e/arxiv-linked.spec.ts).
  await expect.poll(() => paperCalls(server, paper.id)).toBe(1);
  expect(errors).toEqual([]);
});

test('a paper not yet synced is looked up live once, cached, and its hostile strings stay text (its summary’s **bold** as emphasis, stray model tokens gone)', async ({ server, context, background }) => {
  await waitForSync(background);
  const id = '2507.00042';
  server.extraPapers.set(id, {
    id,
    title: `Hostile ${HOSTILE}`,
    summary: 'An abstract.',
    authors: [{ _id: 'a', name: HOSTILE, hidden: false }],
    publishedAt: '2025-07-01T00:00:00.000Z',
    submittedOnDailyAt: '2025-07-02T08:00:00.000Z',
    upvotes: 7,
    // Markdown emphasis around hostile markup, between a model's stray tokens.
    ai_summary: `<think>\n\n</think>\n\nSummary **${HOSTILE}**, **fast** and 2 ** 3.<|im_end|>`,
    ai_keywords: [HOSTILE, 'flows'],
    githubRepo: 'javascript:alert(1)',
    projectPage: 'http://insecure.example.org',
    organization: { _id: 'o', name: 'evil', fullname: HOSTILE },
  });
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: 'A paper', abstract: 'An abstract.', authors: ['A'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${id}`);

  const card = page.getByTestId('dpl-card');
  await expect(card.getByTestId('dpl-badge')).toContainText('▲ 7');
  const summary = card.getByTestId('dpl-ai-summary');
  await expect(summary).toHaveText(`Summary ${HOSTILE}, fast and 2 ** 3.`);
  await expect(summary.locator('strong')).toHaveText([HOSTILE, 'fast']);
  expect(await summary.locator('*').evaluateAll((elements) => elements.map((el) => el.tagName))).toEqual(['STRONG', 'STRONG']);
  expect(await summary.evaluate((el) => getComputedStyle(el.querySelector('strong')!).fontWeight)).toBe('700');
  await expect(card.getByRole('listitem').first()).toHaveText(HOSTILE);
  await expect(card.locator('dl')).toContainText(`Organization${HOSTILE}`);
  expect(await card.locator('img').count()).toBe(0);
  // Neither the javascript: repository nor the http: project page became a link.
  expect(await card.locator('a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))).toEqual([`https://huggingface.co/papers/${id}`]);
  expect(paperCalls(server, id)).toBe(1);

  // A pruning run (after each sync, and each change of settings) keeps what was looked up just now, though
  // HF listed it before the retention window: the one after the install sync used to race the lookup.
  const pruneAsked = Date.now();
  await patchSettings(background, { highlightThreshold: 1 });
  await expect.poll(async () => (await readRow<{ value: { finishedAt?: number } }>(background, 'kv', 'pruneState'))?.value.finishedAt ?? 0).toBeGreaterThan(pruneAsked);

  await page.reload();
  await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText('▲ 7');
  expect(paperCalls(server, id)).toBe(1);
  expect(await page.title()).not.toBe('pwned');
  expect(errors).toEqual([]);
});

test('a paper HF does not know gets a quiet link, its 404 remembered; old-style ids are never sent', async ({ server, context, background }) => {
  await waitForSync(background);
  const id = '2507.00404';
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: 'Unknown to HF', abstract: 'Nothing.', authors: ['A'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${id}`);
  const link = page.getByTestId('dpl-unknown');
  await expect(link).toBeVisible();
  await expect(link).toHaveAttribute('href', `https://huggingface.co/papers/${id}`);
  await expect(link).toHaveAttribute('title', /Daily Papers Lens/);
  await expect(page.getByTestId('dpl-card')).toHaveCount(0);
  expect(paperCalls(server, id)).toBe(1);
  await page.reload();
  await expect(page.getByTestId('dpl-unknown')).toBeVisible();
  expect(paperCalls(server, id)).toBe(1);

  const before = server.hfCalls().length;
  for (const path of ['abs/hep-th/9901001', 'abs/hep-th/9901001v1']) {
    server.pages.set(`arxiv.org/${path}`, absPage({ id: 'hep-th/9901001', title: 'An old paper', abstract: 'Old.', authors: ['A'] }));
  }
  server.pages.set('arxiv.org/html/hep-th/9901001v1', htmlPaper({ id: 'hep-th/9901001', title: 'An old paper', abstract: 'Old.', authors: ['A'] }));
  for (const url of ['https://arxiv.org/abs/hep-th/9901001', 'https://arxiv.org/abs/hep-th/9901001v1', 'https://arxiv.org/html/hep-th/9901001v1']) {
    await page.goto(url);
    await expect(page.locator('h1').first()).toBeVisible();
  }
  // Give a (wrong) lookup every chance to happen before checking it did not.
  await page.waitForTimeout(500);
  expect(server.hfCalls().slice(before)).toEqual([]);
  expect(server.log.some((r) => r.host === 'huggingface.co' && r.path.includes('9901001'))).toBe(false);
  expect(await hostCount(page, 'dpl-paper-card')).toBe(0);
  expect(errors).toEqual([]);
});

test('with live lookups off nothing is asked of HF; with arXiv switched off nothing is shown', async ({ server, context, background }) => {
  await waitForSync(background);
  const id = '2507.00043';
  server.extraPapers.set(id, { id, title: 'Known to HF only', summary: 'x', authors: [], publishedAt: '2025-07-01T00:00:00.000Z', upvotes: 3 });
  server.pages.set(`arxiv.org/abs/${id}`, absPage({ id, title: 'Known to HF only', abstract: 'x', authors: ['A'] }));
  await patchSettings(background, { liveLookups: false });
  const page = await context.newPage();
  const errors = collectPageErrors(page);
  await page.goto(`https://arxiv.org/abs/${id}`);
  await expect(page.getByTestId('dpl-unknown')).toBeVisible();
  expect(paperCalls(server, id)).toBe(0);

  const star = fixturePapers(server.data)[0]!;
  server.pages.set(`arxiv.org/abs/${star.id}`, absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['A'] }));
  await patchSettings(background, { liveLookups: true, sites: { arxiv: false, github: true } });
  for (const url of [`https://arxiv.org/abs/${id}`, `https://arxiv.org/abs/${star.id}`]) {
    await page.goto(url);
    await expect(page.locator('#abs h1.title')).toBeVisible();
    await page.waitForTimeout(300);
    expect(await hostCount(page, 'dpl-paper-card')).toBe(0);
  }
  expect(paperCalls(server, id)).toBe(0);

  // Switched back on, the card returns.
  await patchSettings(background, { sites: { arxiv: true, github: true } });
  await page.reload();
  await expect(page.getByTestId('dpl-card')).toBeVisible();
  expect(errors).toEqual([]);
});

test("a known paper's card needs no worker: shown from the local copy while it stays stopped, kept current by the sync, gone with the cache", async ({ server, context, background, extensionId }) => {
  await waitForSync(background);
  // With live lookups on, the card's linked part asks the worker after the card is shown
  // (tests/e2e/arxiv-linked.spec.ts); here the card alone is watched.
  await patchSettings(background, { liveLookups: false });
  const { data } = server;
  const known = todaysPapers(data)[0]!;
  server.pages.set(`arxiv.org/abs/${known.id}`, absPage({ id: known.id, title: known.title, abstract: known.summary, authors: ['A'] }));
  const unknownId = '2507.00405';
  server.pages.set(`arxiv.org/abs/${unknownId}`, absPage({ id: unknownId, title: 'Unknown to HF', abstract: 'Nothing.', authors: ['A'] }));
  const page = await context.newPage();
  const errors = collectPageErrors(page);

  // The worker stopped: the known paper's card comes, with its upvotes, and the worker is not started.
  const { statuses, cdp } = await stopWorker(page, extensionId);
  await page.goto(`https://arxiv.org/abs/${known.id}`);
  await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText(`▲ ${known.upvotes}`);
  await page.waitForTimeout(1_000);
  expect(statuses.filter((s) => s !== 'stopped')).toEqual([]);
  // The check can fail: a paper the copy lacks is asked about, which starts the worker.
  await page.goto(`https://arxiv.org/abs/${unknownId}`);
  await expect(page.getByTestId('dpl-unknown')).toBeVisible();
  await expect.poll(() => statuses.includes('running')).toBe(true);
  await cdp.detach();

  // HF counts more upvotes; a sync stores them, and the card (still without the worker's help) follows.
  server.hfOverride = todayWithMoreUpvotes(data, known.id, 5);
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  // (A run the worker started on waking may be under way: syncNow joins it; the next one fetches anew.)
  const mirrored = () =>
    options.evaluate(async (key) => {
      await chrome.runtime.sendMessage({ type: 'syncNow' });
      const stored = (await chrome.storage.local.get(key))[key];
      return typeof stored === 'string' ? (JSON.parse(stored) as { upvotes?: number }).upvotes : undefined;
    }, `card:${known.id}`);
  await expect.poll(mirrored, { timeout: 30_000 }).toBe(known.upvotes + 5);
  const again = await stopWorker(page, extensionId);
  await page.goto(`https://arxiv.org/abs/${known.id}`);
  await expect(page.getByTestId('dpl-card').getByTestId('dpl-badge')).toContainText(`▲ ${known.upvotes + 5}`);
  expect(again.statuses.filter((s) => s !== 'stopped')).toEqual([]);
  await again.cdp.detach();

  // "Clear the cache": no card from the copy; the next sync (HF now knows nothing) brings none back.
  server.hfOverride = (url) => (url.pathname.startsWith('/api/') ? { status: 404, body: '{"error":"not found"}' } : undefined);
  await options.getByRole('button', { name: 'Clear the cache' }).click();
  await expect(options.getByTestId('data-status')).toHaveText(/^Cleared/);
  const local = await options.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
  expect(local.filter((key) => key.startsWith('card:'))).toEqual([]);
  await page.goto(`https://arxiv.org/abs/${known.id}`);
  await expect(page.getByTestId('dpl-unknown')).toBeVisible();
  await expect(page.getByTestId('dpl-card')).toHaveCount(0);
  expect(errors).toEqual([]);
});
