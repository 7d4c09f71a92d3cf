/**
 * GitHub overlay figures (median of several runs, built extension, headless Chromium):
 * - a README with 100 arXiv links: from DOMContentLoaded to the 100th badge, and how many messages
 *   about papers it took (the target: one round trip: its ids asked of the background's badge
 *   index at DOMContentLoaded, after a question at document_start that readies the worker);
 * - the same README reached by a Turbo visit: from `turbo:render` to the 100th badge;
 * - a repository page reached by a Turbo visit (its fetch 100 ms, as GitHub's take at least): from
 *   `turbo:render` to its About card, the worker running or stopped;
 * - a repository's papers: from DOMContentLoaded to the About card, the worker running or stopped; on a home page that arrives in parts
 *   (GitHub's 2026 markup, a pause inside the About box), from the box's end being parsed to the card,
 *   and whether anything on the page moved (layout shifts, a window tall enough to show the whole sidebar);
 * - the size of the GitHub content script, which every github.com page loads.
 * Times are measured in the page itself (a main-world observer installed before GitHub's own scripts).
 */
import { statSync } from 'node:fs';
import { join } from 'node:path';
import { EXTENSION_DIR } from '../e2e/support/extension-test';
import { linkList, paperUrl, PAPER_LINK_KINDS, paragraph, link } from '../fixtures/github/markdown';
import { repoHomePage } from '../fixtures/github/repo-page';
import { repoPage2026 } from '../fixtures/github/repo-page-2026';
import { expect, nav, PAPER_REPO, test } from '../e2e/support/github';
import { todaysPapers } from '../e2e/support/fixture-papers';
import { waitForSync } from '../e2e/support/sync';
import { recordedRequests, recordRequests, stopWorker } from '../e2e/support/worker-probes';
import { median, recordFigures } from './support/figures';

const RUNS = 7;

interface PageTimes {
  dcl?: number;
  allBadges?: number;
  repoCard?: number;
  /** When the parser had gone past the About box's end (a node after it or one of its ancestors). */
  aboutWhole?: number;
  /** The page's layout shifts (PerformanceObserver entries). */
  shifted: number;
  rendered?: number;
  firstAfterRender?: number;
  afterRender?: number;
  /** The repository card's arrival after the last `turbo:render`. */
  cardAfterRender?: number;
}

/** Runs in the page's main world before any of its scripts: timestamps of what the extension draws. */
function installProbe(expected: number) {
  const times: PageTimes = { shifted: 0 };
  new PerformanceObserver((list) => {
    times.shifted += list.getEntries().length;
  }).observe({ type: 'layout-shift', buffered: true });
  const parsedPast = (element: Element | null | undefined) => {
    for (let node: Node | null | undefined = element; node && node !== document.body; node = node.parentNode) if (node.nextSibling) return true;
    return false;
  };
  (window as unknown as { __benchTimes: PageTimes }).__benchTimes = times;
  document.addEventListener('DOMContentLoaded', () => (times.dcl = performance.now()));
  document.addEventListener('turbo:render', () => {
    times.rendered = performance.now();
    times.firstAfterRender = undefined;
    times.afterRender = undefined;
    times.cardAfterRender = undefined;
  });
  new MutationObserver(() => {
    const now = performance.now();
    const card = document.querySelector('dpl-repo-papers');
    if (times.repoCard === undefined && card) times.repoCard = now;
    if (times.rendered !== undefined && times.cardAfterRender === undefined && card) times.cardAfterRender = now;
    if (times.aboutWhole === undefined) {
      const about = [...document.getElementsByTagName('h2')].find((h) => h.textContent?.trim() === 'About')?.parentElement;
      if (parsedPast(about)) times.aboutWhole = now;
    }
    const badges = document.querySelectorAll('dpl-paper-badge').length;
    if (badges > 0 && times.rendered !== undefined) times.firstAfterRender ??= now;
    if (badges >= expected) {
      times.allBadges ??= now;
      if (times.rendered !== undefined) times.afterRender ??= now;
    }
  }).observe(document, { childList: true, subtree: true });
}

test('GitHub overlay figures', async ({ server, papers, context, background, extensionId }) => {
  test.setTimeout(300_000);
  await waitForSync(background);
  const older = [...papers.values()].filter((p) => p.date < server.data.today).slice(0, 100);
  const readme = linkList(older.map((paper, i) => ({ href: paperUrl(paper.id, PAPER_LINK_KINDS[i % PAPER_LINK_KINDS.length]!), text: paper.title })));
  server.pages.set('github.com/octo-org/awesome-flows', repoHomePage({ repository: { owner: 'octo-org', name: 'awesome-flows' }, description: 'A list', readme }));
  server.pages.set('github.com/octo-org/start', repoHomePage({ repository: { owner: 'octo-org', name: 'start' }, description: 'Start', readme: paragraph('Nothing here.') }));
  const today = todaysPapers(server.data).map((paper) => paper.id);
  server.pages.set(`github.com/${PAPER_REPO}`, repoHomePage({
    repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' },
    description: 'Code for a paper',
    readme: paragraph(link(paperUrl(today[2]!, 'abs'), 'paper')),
  }));
  await recordRequests(background);

  const page = await context.newPage();
  await page.addInitScript(installProbe, 100);
  const times = () => page.evaluate(() => (window as unknown as { __benchTimes: PageTimes }).__benchTimes);

  const load: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('https://github.com/octo-org/awesome-flows');
    await expect.poll(async () => (await times()).allBadges).toBeDefined();
    const t = await times();
    load.push(t.allBadges! - t.dcl!);
  }
  // The page's questions about papers: its ids asked of the badge index, and lookups (not the question
  // it asks while loading, which names no paper: whether to show badges, the worker readying its index).
  const lookups = (await recordedRequests(background)).filter((r) => r.type === 'lookupPapers' || (r.type === 'linkBadges' && r.ids?.length));

  const softNav: number[] = [];
  const softNavFirst: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto('https://github.com/octo-org/start');
    await nav.visit(page, '/octo-org/awesome-flows');
    await expect.poll(async () => (await times()).afterRender).toBeDefined();
    const t = await times();
    softNav.push(t.afterRender! - t.rendered!);
    softNavFirst.push(t.firstAfterRender! - t.rendered!);
  }

  // The repository's card, from `since` (a mark of the page's times), in RUNS visits; `stopped`: the worker
  // stopped before each (MV3 stops it after 30 s idle), so that the page's question starts it.
  const cardVisits = async (since: 'dcl' | 'aboutWhole', stopped: boolean) => {
    const card: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const cdp = stopped ? (await stopWorker(page, extensionId)).cdp : undefined;
      await page.goto(`https://github.com/${PAPER_REPO}`);
      await expect.poll(async () => (await times()).repoCard).toBeDefined();
      const t = await times();
      card.push(t.repoCard! - t[since]!);
      await cdp?.detach();
    }
    return card;
  };
  const repoCard = await cardVisits('dcl', false);
  const repoCardCold = await cardVisits('dcl', true);

  // A Turbo visit to the repository from another one, its fetch taking 100 ms: turbo:render → the card.
  server.pausedPages.set(`github.com/${PAPER_REPO}`, { at: 0, ms: 100 });
  const visitCard = async (stopped: boolean) => {
    const card: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.goto('https://github.com/octo-org/start');
      await expect.poll(async () => (await times()).dcl).toBeDefined();
      await page.waitForTimeout(100);
      const cdp = stopped ? (await stopWorker(page, extensionId)).cdp : undefined;
      await nav.visit(page, `/${PAPER_REPO}`);
      await expect.poll(async () => (await times()).cardAfterRender).toBeDefined();
      const t = await times();
      card.push(t.cardAfterRender! - t.rendered!);
      await cdp?.detach();
    }
    return card;
  };
  const visitedCard = await visitCard(false);
  const visitedCardCold = await visitCard(true);

  // GitHub's 2026 home page, in two parts: up to the middle of its About box, 200 ms, the rest.
  const html = repoPage2026({ repository: { owner: 'lens-fixtures', name: 'repo-2506-06276' }, description: 'Code for a paper', readme: paragraph('No links.') });
  server.pages.set(`github.com/${PAPER_REPO}`, html);
  server.pausedPages.set(`github.com/${PAPER_REPO}`, { at: html.lastIndexOf('Code for a paper</p>') + 'Code for a paper</p>'.length, ms: 200 });
  await page.setViewportSize({ width: 1280, height: 1600 });
  const inParts: number[] = [];
  const shifted: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    await page.goto(`https://github.com/${PAPER_REPO}`);
    await expect.poll(async () => (await times()).repoCard).toBeDefined();
    await page.waitForTimeout(300);
    const t = await times();
    inParts.push(t.repoCard! - t.aboutWhole!);
    shifted.push(t.shifted);
  }
  const inPartsCold = await cardVisits('aboutWhole', true);

  const scriptKb = statSync(join(EXTENSION_DIR, 'content-scripts', 'github.js')).size / 1024;
  const perLoad = lookups.length / RUNS;
  recordFigures('GitHub overlay', [
    { measure: 'README with 100 arXiv links: DOMContentLoaded → 100th badge', value: median(load), unit: 'ms', runs: load },
    { measure: 'messages about papers (its ids asked of the badge index, lookups) per page load of that README', value: perLoad, unit: 'messages', target: '≤ 1 (one round trip at most; none when the newest badges\' copy holds every id)', met: perLoad <= 1 },
    { measure: 'Turbo visit to that README: turbo:render → first badge (all 100 come in one reconcile)', value: median(softNavFirst), unit: 'ms', runs: softNavFirst },
    { measure: 'Turbo visit to that README: turbo:render → 100th badge', value: median(softNav), unit: 'ms', runs: softNav },
    { measure: 'repository page: DOMContentLoaded → papers in the About box', value: median(repoCard), unit: 'ms', runs: repoCard },
    { measure: 'Turbo visit to a repository page (its fetch 100 ms): turbo:render → papers in the About box', value: median(visitedCard), unit: 'ms', runs: visitedCard },
    { measure: '… the worker stopped before the visit: turbo:render → papers in the About box', value: median(visitedCardCold), unit: 'ms', runs: visitedCardCold },
    { measure: '… the worker stopped: DOMContentLoaded → papers in the About box', value: median(repoCardCold), unit: 'ms', runs: repoCardCold },
    { measure: 'home page in parts (2026 markup, 200 ms inside the About box): the box’s end parsed → papers in it', value: median(inParts), unit: 'ms', runs: inParts },
    { measure: '… the worker stopped: the box’s end parsed → papers in it', value: median(inPartsCold), unit: 'ms', runs: inPartsCold },
    { measure: '… layout shifts on the page, most in one visit (the card comes after the box is shown: README, "GitHub")', value: Math.max(...shifted), unit: 'shifts', runs: shifted },
    { measure: 'GitHub content script size', value: scriptKb, unit: 'KiB' },
  ]);
});
