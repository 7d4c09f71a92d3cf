/**
 * arXiv overlay figures (issue 3): a 2000-entry listing's badges after DOMContentLoaded, the page-load
 * overhead against the same page without the extension (and against the same page at a URL no script
 * of ours matches, in the extension's own Chromium), the abstract page's card (and what it costs the
 * page above what an empty content script costs, in the same Chromium), and each content
 * script's gzipped size. Medians of several runs against the built extension, warm worker.
 * `ARXIV_BENCH=abstract` measures the abstract page only (warm and cold worker): a quicker run.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { loadavg } from 'node:os';
import type { BrowserContext, Page } from '@playwright/test';
import { buildDailyPapers } from '../fixtures/hf-data';
import { absPage } from '../fixtures/arxiv/abs-page';
import { recentListingPage, type ListingEntryFixture } from '../fixtures/arxiv/listing-page';
import { listingEntry, recentUnknownEntry, storedFixturePapers } from '../e2e/support/arxiv';
import { EXTENSION_DIR, test as base } from '../e2e/support/extension-test';
import { FixtureServer } from '../e2e/support/fixture-server';
import { waitForSync } from '../e2e/support/sync';
import { floorTurnsFigures, median, medianFigure, pairsFigure, percentMore, recordFigures, type Figure } from './support/figures';
import { LISTING_EAGER_ENTRIES } from '../../lib/sites/arxiv/listing-entry';
import { extensionScriptCpu, mainThreadWork, moreByKind, WORK_KINDS, type WorkKind } from './support/traced-visit';
import { cpuInFloorTurns, floorExtension, floorTwin, inPairsWithTwin, launchPlainContext, pageCpu, pageLoad, unmatchedTwin } from './support/baselines';
import { coldListingVisits, stopIdleWorker } from './support/cold-worker';
import { PAINTED, timedVisit, watchFor, type Timing } from './support/page-visit';

const RUNS = Number(process.env.ARXIV_BENCH_RUNS ?? 9);
const TRACED_RUNS = 9;
/** Pairs of traced visits of the listing and its twin (`ARXIV_BENCH_PAIRS`). */
const PAIRS = Number(process.env.ARXIV_BENCH_PAIRS ?? 30);
const COLD_RUNS = 5;
/** Visits with V8's sampling profiler on: the extension's own scripts' time (./support/traced-visit.ts). */
const PROFILED_RUNS = 5;
const ENTRIES = 2000;
const ABSTRACT_ONLY = process.env.ARXIV_BENCH === 'abstract';

// ~2200 papers known to HF (100 a weekday for 30 days), so a listing can be all known in the worst case.
const test = base.extend({
  server: async ({}, use) => {
    const server = new FixtureServer(buildDailyPapers(Date.now(), { perDay: 100 }));
    await server.start();
    await use(server);
    await server.stop();
  },
});
// The floor extension beside ours, on the listing's and the abstract page's floor twins (./support/baselines.ts `floorTwin`).
test.use({ alsoLoaded: [floorExtension('arxiv.org')] });

/**
 * Scrolls the page from its top to its bottom, a viewport a frame, and counts the known entries (those
 * the page badges at all, `dt` with a badge by the end) that were in view in a frame without their badge.
 */
async function scrollThrough(page: Page): Promise<{ seen: number; missing: number }> {
  await page.bringToFront();
  return page.evaluate(async () => {
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    scrollTo(0, 0);
    await frame();
    const entries = [...document.querySelectorAll('dl#articles > dt')];
    const bare = new Set<Element>();
    const inView = new Set<Element>();
    for (;;) {
      for (const dt of entries) {
        const box = dt.getBoundingClientRect();
        if (box.bottom <= 0 || box.top >= innerHeight) continue;
        inView.add(dt);
        if (!dt.querySelector('dpl-paper-badge')) bare.add(dt);
      }
      const before = scrollY;
      scrollBy(0, innerHeight);
      await frame();
      await frame();
      if (scrollY === before) break;
    }
    const known = entries.filter((dt) => dt.querySelector('dpl-paper-badge'));
    return { seen: known.filter((dt) => inView.has(dt)).length, missing: known.filter((dt) => bare.has(dt)).length };
  });
}

function listing(entries: ListingEntryFixture[]): string {
  const days = Array.from({ length: 5 }, (_, i) => ({ day: `Day ${i + 1}`, entries: entries.slice(i * 400, (i + 1) * 400) }));
  return recentListingPage({ category: 'cs.CL', categoryName: 'Computation and Language', subcontext: 'pastweek', show: 2000, days });
}

test('arXiv overlay figures', async ({ server, context, background }) => {
  test.setTimeout(600_000);
  const loadBefore = loadavg()[0]!;
  await waitForSync(background, 120_000);
  // A /pastweek listing shows the last days' submissions: the fixture's papers of its newest month
  // (not STARFlow, 2506.06276, which a listing of these days would show only as a replacement).
  const papers = (await storedFixturePapers(server, background)).filter((p) => p.id.startsWith('2511.'));
  // Entries HF never saw, of the same last days (a /pastweek listing's entries are all recent).
  const unknown = (n: number) => Array.from({ length: n }, (_, i) => recentUnknownEntry(i));
  // Realistic: about one entry in ten is on Daily Papers. Worst case: every entry is.
  const realisticKnown = papers.slice(0, 200).map(listingEntry);
  const realistic = [...realisticKnown, ...unknown(ENTRIES - 200)].sort((a, b) => a.id.localeCompare(b.id));
  const worst = papers.slice(0, ENTRIES).map(listingEntry);
  if (worst.length < ENTRIES) throw new Error(`only ${worst.length} fixture papers`);
  server.pages.set('arxiv.org/list/cs.CL/pastweek', listing(realistic));
  server.pages.set('arxiv.org/list/cs.AI/pastweek', listing(worst));
  const star = papers[0]!;
  server.pages.set(`arxiv.org/abs/${star.id}`, absPage({ id: star.id, title: star.title, abstract: star.summary, authors: ['Jiatao Gu'] }));

  // The same pages in a Chromium without the extension (a profile like the extension's), visited in turn
  // with the extension's (A, B, A, B…) so that other work on the machine weighs on both alike (the
  // floor of any extension is each page's floor twin, in the extension's own Chromium, below).
  const plainContext = await launchPlainContext(server);
  const page = async (open: () => Promise<Page>, tag: string, count: number) => {
    const tab = await open();
    // Without the extension there is nothing to wait for: "done" is DOMContentLoaded itself and
    // "paint" the page's own first frame after it.
    await watchFor(tab, tag, count);
    return tab;
  };
  const urls = {
    realistic: 'https://arxiv.org/list/cs.CL/pastweek?skip=0&show=2000',
    worst: 'https://arxiv.org/list/cs.AI/pastweek?skip=0&show=2000',
    abs: `https://arxiv.org/abs/${star.id}`,
  };
  // The same pages at URLs no script of ours matches, visited in the extension's own Chromium: free of
  // two Chromiums' own difference (./support/baselines.ts `unmatchedTwin`).
  const twinUrls = {
    realistic: unmatchedTwin(server, 'arxiv.org/list/cs.CL/pastweek', '?skip=0&show=2000'),
    worst: unmatchedTwin(server, 'arxiv.org/list/cs.AI/pastweek', '?skip=0&show=2000'),
    abs: unmatchedTwin(server, `arxiv.org/abs/${star.id}`),
    floorAbs: floorTwin(server, `arxiv.org/abs/${star.id}`),
    floorRealistic: floorTwin(server, 'arxiv.org/list/cs.CL/pastweek', '?skip=0&show=2000'),
  };
  // The first screens' badges go in at DOMContentLoaded, the rest as the page is scrolled near them.
  const firstScreens = (entries: ListingEntryFixture[]) => entries.slice(0, LISTING_EAGER_ENTRIES).filter((e) => knownIds.has(e.id)).length;
  const knownIds = new Set(realisticKnown.map((e) => e.id));
  for (const e of worst) knownIds.add(e.id);
  const tabs = {
    realistic: await page(() => context.newPage(), 'dpl-paper-badge', firstScreens(realistic)),
    worst: await page(() => context.newPage(), 'dpl-paper-badge', firstScreens(worst)),
    abs: await page(() => context.newPage(), 'dpl-paper-card', 1),
    plainRealistic: await page(() => plainContext.newPage(), 'dpl-paper-badge', 0),
    plainWorst: await page(() => plainContext.newPage(), 'dpl-paper-badge', 0),
    plainAbs: await page(() => plainContext.newPage(), 'dpl-paper-card', 0),
    twinRealistic: await page(() => context.newPage(), 'dpl-paper-badge', 0),
    twinWorst: await page(() => context.newPage(), 'dpl-paper-badge', 0),
    twinAbs: await page(() => context.newPage(), 'dpl-paper-card', 0),
    floorTwinAbs: await page(() => context.newPage(), 'dpl-paper-card', 0),
    floorTwinRealistic: await page(() => context.newPage(), 'dpl-paper-badge', 0),
  };
  const runs = { realistic: [] as Timing[], worst: [] as Timing[], abs: [] as Timing[], plainRealistic: [] as Timing[], plainWorst: [] as Timing[], plainAbs: [] as Timing[], twinRealistic: [] as Timing[], twinWorst: [] as Timing[], twinAbs: [] as Timing[] };
  for (let i = -1; i < RUNS; i++) {
    // Round -1 warms up: the worker is awake, its memory of the papers filled, caches primed.
    const round: Partial<Record<keyof typeof runs, Timing>> = {};
    if (!ABSTRACT_ONLY) {
      round.realistic = await timedVisit(tabs.realistic, urls.realistic);
      round.plainRealistic = await timedVisit(tabs.plainRealistic, urls.realistic);
      round.worst = await timedVisit(tabs.worst, urls.worst);
      round.plainWorst = await timedVisit(tabs.plainWorst, urls.worst);
      round.twinRealistic = await timedVisit(tabs.twinRealistic, twinUrls.realistic);
      round.twinWorst = await timedVisit(tabs.twinWorst, twinUrls.worst);
    }
    round.abs = await timedVisit(tabs.abs, urls.abs);
    round.plainAbs = await timedVisit(tabs.plainAbs, urls.abs);
    round.twinAbs = await timedVisit(tabs.twinAbs, twinUrls.abs);
    if (i >= 0) for (const [key, timing] of Object.entries(round) as [keyof typeof runs, Timing][]) runs[key].push(timing);
  }
  console.log(`[arxiv bench] ${RUNS} rounds of visits done`);
  // Then a few traced visits in turn: main-thread CPU time with and without the extension.
  const cpu = { realistic: [] as number[], worst: [] as number[], abs: [] as number[], plainRealistic: [] as number[], plainWorst: [] as number[], plainAbs: [] as number[], twinRealistic: [] as number[], twinWorst: [] as number[], twinAbs: [] as number[] };
  // And where that time went (./support/traced-visit.ts `mainThreadWork`).
  const work = Object.fromEntries(Object.keys(cpu).map((key) => [key, [] as Record<WorkKind, number>[]])) as Record<keyof typeof cpu, Record<WorkKind, number>[]>;
  const traced = async (key: keyof typeof cpu, ctx: BrowserContext, url: string) => {
    const { ms, byKind } = await mainThreadWork(ctx, tabs[key], url, PAINTED);
    cpu[key].push(ms);
    work[key].push(byKind);
  };
  for (let i = 0; i < TRACED_RUNS; i++) {
    if (!ABSTRACT_ONLY) {
      await traced('realistic', context, urls.realistic);
      await traced('plainRealistic', plainContext, urls.realistic);
      await traced('worst', context, urls.worst);
      await traced('plainWorst', plainContext, urls.worst);
      await traced('twinRealistic', context, twinUrls.realistic);
      await traced('twinWorst', context, twinUrls.worst);
    }
    await traced('abs', context, urls.abs);
    await traced('plainAbs', plainContext, urls.abs);
    await traced('twinAbs', context, twinUrls.abs);
  }
  // Then the listing (its CPU, then its load event) and the abstract page (its CPU) against their twins
  // in many pairs, one Chromium, alternating which goes first: the pairs' median resolves a few per
  // cent, which 9 visits of each (above) cannot.
  const listingSides = [{ tab: tabs.realistic, url: urls.realistic }, { tab: tabs.twinRealistic, url: twinUrls.realistic }] as const;
  const paired = ABSTRACT_ONLY
    ? { ours: [], floor: [], twin: [] }
    : await cpuInFloorTurns(context, PAIRS, { ours: listingSides[0], floor: { tab: tabs.floorTwinRealistic, url: twinUrls.floorRealistic }, twin: listingSides[1] });
  const pairedLoad = ABSTRACT_ONLY ? { ours: [], twin: [] } : await inPairsWithTwin(PAIRS, ...listingSides, pageLoad);
  // The abstract page in turn with its twin and its floor twin (only an empty content script, of the
  // floor extension loaded beside ours): what the card costs above what any content script costs.
  const absTurns = await cpuInFloorTurns(context, PAIRS, { ours: { tab: tabs.abs, url: urls.abs }, floor: { tab: tabs.floorTwinAbs, url: twinUrls.floorAbs }, twin: { tab: tabs.twinAbs, url: twinUrls.abs } });
  // Then our scripts' own time, profiled (slower visits, so apart from the figures above).
  const own = { realistic: [] as number[], worst: [] as number[], abs: [] as number[] };
  const ownShare = { realistic: [] as number[], worst: [] as number[], abs: [] as number[] };
  for (let i = 0; i < PROFILED_RUNS; i++) {
    for (const key of ABSTRACT_ONLY ? (['abs'] as const) : (['realistic', 'worst', 'abs'] as const)) {
      const { ours, mainThread } = await extensionScriptCpu(context, tabs[key], urls[key], PAINTED);
      own[key].push(ours);
      ownShare[key].push((ours / mainThread) * 100);
    }
  }
  // Last, the abstract page with a cold worker: stopped before each visit. The synced paper's card comes
  // from the local copy (lib/background/card-mirror.ts) without starting it; a paper the copy lacks would start it.
  const cold: Timing[] = [];
  const extensionId = new URL(background.url()).host;
  for (let i = 0; i < COLD_RUNS; i++) {
    await stopIdleWorker(tabs.abs, extensionId);
    cold.push(await timedVisit(tabs.abs, urls.abs));
  }
  // And a listing of the last days (/pastweek, 300 entries, 30 known: a /new page's size) with the
  // worker stopped before each visit, visits alternating: its first answer read from the newest badges'
  // copy (no message: the worker stays stopped), and the copy removed first (the page asks the worker,
  // which starts, answers and writes the copy again), as before 2026-12-07. Its known entries the newest
  // papers (the copy answers for them), and, on a second listing, papers older than the copy's (asked
  // about as they are parsed).
  let coldListing = { copy: [] as Timing[], asked: [] as Timing[], olderCopy: [] as Timing[], olderAsked: [] as Timing[] };
  if (!ABSTRACT_ONLY) {
    const shortListing = (known: ListingEntryFixture[]) => {
      const entries = [...known, ...unknown(300 - known.length)].sort((a, b) => a.id.localeCompare(b.id));
      return { entries, html: recentListingPage({ category: 'cs.LG', categoryName: 'Machine Learning', subcontext: 'pastweek', days: [{ day: 'Day 1', entries }] }) };
    };
    const newest = shortListing(papers.slice(-30).map(listingEntry));
    const older = shortListing(papers.slice(0, 30).map(listingEntry));
    server.pages.set('arxiv.org/list/cs.LG/pastweek', newest.html);
    server.pages.set('arxiv.org/list/cs.LG/recent', older.html);
    const newestTab = await page(() => context.newPage(), 'dpl-paper-badge', firstScreens(newest.entries));
    const olderTab = await page(() => context.newPage(), 'dpl-paper-badge', firstScreens(older.entries));
    const extensionPage = await context.newPage();
    await extensionPage.goto(`chrome-extension://${extensionId}/options.html`);
    const newestUrl = 'https://arxiv.org/list/cs.LG/pastweek';
    const olderUrl = 'https://arxiv.org/list/cs.LG/recent';
    await timedVisit(newestTab, newestUrl);
    await timedVisit(olderTab, olderUrl);
    coldListing = await coldListingVisits(extensionPage, extensionId, COLD_RUNS, {
      copy: { tab: newestTab, url: newestUrl, withCopy: true },
      asked: { tab: newestTab, url: newestUrl, withCopy: false },
      olderCopy: { tab: olderTab, url: olderUrl, withCopy: true },
      olderAsked: { tab: olderTab, url: olderUrl, withCopy: false },
    });
    await extensionPage.close();
  }
  await plainContext.close();
  // Last (a listing visited again after it opens where it was left): scrolled a screen a frame from top
  // to bottom, far faster than a person reads, counting the entries that came into view without their badge.
  const scrolled = ABSTRACT_ONLY
    ? { realistic: { seen: 0, missing: 0 }, worst: { seen: 0, missing: 0 } }
    : { realistic: await scrollThrough(tabs.realistic), worst: await scrollThrough(tabs.worst) };

  const sinceDcl = (list: Timing[], key: 'done' | 'paint') => list.map((r) => r[key]! - r.dcl);
  /**
   * Per pair of visits, how much later the page was done with the extension than without, in %: by
   * its load event, or ("settled") by the later of its load event and its first frame after the badges
   * (without the extension: after DOMContentLoaded).
   */
  const overhead = (withExt: Timing[], without: Timing[], settled: boolean) =>
    withExt.map((r, i) => {
      const end = (t: Timing) => (settled ? Math.max(t.load, t.paint!) : t.load);
      return ((end(r) - end(without[i]!)) / end(without[i]!)) * 100;
    });
  const figure = medianFigure;
  /** Per kind of main-thread work, its median in the visits of `over` less its median in those of `under`, in ms. */
  const moreOf = (over: keyof typeof work, under: keyof typeof work): Figure[] => {
    const more = moreByKind(work[over], work[under]);
    return WORK_KINDS.map((kind) => figure(`    of which ${kind}`, [more[kind]], 'ms'));
  };
  const best = (measure: string, values: number[], unit: string): Figure => ({ measure, value: Math.min(...values), unit, runs: values });

  const sizes: Figure[] = readdirSync(join(EXTENSION_DIR, 'content-scripts'))
    .filter((file) => file.startsWith('arxiv-') && file.endsWith('.js'))
    .map((file) => {
      const kb = gzipSync(readFileSync(join(EXTENSION_DIR, 'content-scripts', file))).length / 1024;
      return { measure: `${file} gzipped`, value: kb, unit: 'KB', target: '≤ 15 KB', met: kb <= 15 };
    });

  const listingFigures = (): Figure[] => [
    figure(`2000-entry listing, 200 known: DOMContentLoaded → the first screens' badges (${firstScreens(realistic)}) in the DOM`, sinceDcl(runs.realistic, 'done'), 'ms', 50),
    best('  same, best run', sinceDcl(runs.realistic, 'done'), 'ms'),
    figure(`2000-entry listing, all 2000 known: DOMContentLoaded → the first screens' badges (${firstScreens(worst)}) in the DOM`, sinceDcl(runs.worst, 'done'), 'ms', 50),
    best('  same, best run', sinceDcl(runs.worst, 'done'), 'ms'),
    { measure: `  scrolled a screen a frame to the bottom, 200 known: entries in view without their badge (of ${scrolled.realistic.seen} known seen)`, value: scrolled.realistic.missing, unit: '' },
    { measure: `  same, 2000 known (of ${scrolled.worst.seen} known seen)`, value: scrolled.worst.missing, unit: '' },
    {
      measure: '2000-entry listing, 200 known: runs whose badges were in the DOM before the first frame after DOMContentLoaded',
      value: (runs.realistic.filter((r) => r.done! <= r.first!).length / runs.realistic.length) * 100,
      unit: '%',
    },
    figure('2000-entry listing, 200 known: DOMContentLoaded → next frame after the badges', sinceDcl(runs.realistic, 'paint'), 'ms'),
    figure("same page without the extension: DOMContentLoaded → the page's own next frame", sinceDcl(runs.plainRealistic, 'paint'), 'ms'),
    figure('listing load event, 200 known: later than without the extension', overhead(runs.realistic, runs.plainRealistic, false), '%', 5),
    figure('listing load event, 2000 known: later than without the extension', overhead(runs.worst, runs.plainWorst, false), '%', 5),
    figure('listing load event, 200 known: later than the same page unmatched in the same Chromium', overhead(runs.realistic, runs.twinRealistic, false), '%', 5),
    pairsFigure(`  … the same, ${PAIRS} pairs of visits in turn (one Chromium): the pairs' median`, pairedLoad, 5),
    figure('listing load event, 2000 known: later than the same page unmatched in the same Chromium', overhead(runs.worst, runs.twinWorst, false), '%', 5),
    figure('listing loaded and painted (badges included), 200 known: later than without the extension', overhead(runs.realistic, runs.plainRealistic, true), '%'),
    figure('listing loaded and painted (badges included), 2000 known: later than without the extension', overhead(runs.worst, runs.plainWorst, true), '%'),
    figure('listing load event without the extension (reference)', runs.plainRealistic.map((r) => r.load), 'ms'),
    figure('listing, 200 known: page main-thread CPU, more than without the extension', [percentMore(cpu.realistic, cpu.plainRealistic)], '%', 10),
    figure('listing, 2000 known: page main-thread CPU, more than without the extension', [percentMore(cpu.worst, cpu.plainWorst)], '%', 10),
    figure('listing, 200 known: page main-thread CPU, more than the same page unmatched in the same Chromium', [percentMore(cpu.realistic, cpu.twinRealistic)], '%', 10),
    ...moreOf('realistic', 'twinRealistic'),
    ...floorTurnsFigures(`  … the same, ${PAIRS} rounds in turn with its twin and its floor twin (one Chromium): the pairs' median`, paired, 10),
    figure('listing, 2000 known: page main-thread CPU, more than the same page unmatched in the same Chromium', [percentMore(cpu.worst, cpu.twinWorst)], '%', 10),
    ...moreOf('worst', 'twinWorst'),
    figure('  listing main-thread CPU without the extension (reference)', cpu.plainRealistic, 'ms'),
    figure('  listing main-thread CPU with the extension, 200 known', cpu.realistic, 'ms'),
    figure('  listing main-thread CPU with the extension, 2000 known', cpu.worst, 'ms'),
    figure('  listing, 200 known: main-thread time more than without the extension', [median(cpu.realistic) - median(cpu.plainRealistic)], 'ms'),
    ...moreOf('realistic', 'plainRealistic'),
    figure('  listing, 2000 known: main-thread time more than without the extension', [median(cpu.worst) - median(cpu.plainWorst)], 'ms'),
    ...moreOf('worst', 'plainWorst'),
    figure(`300-entry listing, 30 known (the newest papers), the worker stopped: DOMContentLoaded → the first screens' badges, the newest badges' copy read (${COLD_RUNS} visits)`, sinceDcl(coldListing.copy, 'done'), 'ms'),
    figure('  … the copy removed: the worker asked, started', sinceDcl(coldListing.asked, 'done'), 'ms'),
    figure('  … navigation start → the first screens\' badges, the copy read', coldListing.copy.map((r) => r.done!), 'ms'),
    figure('  … the copy removed', coldListing.asked.map((r) => r.done!), 'ms'),
    figure('  same, 30 known older than the copy\'s papers (asked about as they are parsed): DOMContentLoaded → the first screens\' badges, the copy read', sinceDcl(coldListing.olderCopy, 'done'), 'ms'),
    figure('  … the copy removed', sinceDcl(coldListing.olderAsked, 'done'), 'ms'),
    figure(`listing, 200 known: our content script's own main-thread time (profiled, ${PROFILED_RUNS} visits)`, own.realistic, 'ms'),
    figure('  … as a share of the visit’s main-thread time (both profiled)', ownShare.realistic, '%'),
    figure(`listing, 2000 known: our content script's own main-thread time (profiled, ${PROFILED_RUNS} visits)`, own.worst, 'ms'),
    figure('  … as a share of the visit’s main-thread time (both profiled)', ownShare.worst, '%'),
  ];
  recordFigures(ABSTRACT_ONLY ? 'arXiv overlay, abstract page only' : 'arXiv overlay', [
    ...(ABSTRACT_ONLY ? [] : listingFigures()),
    figure('abstract page: DOMContentLoaded → card in the DOM', sinceDcl(runs.abs, 'done'), 'ms', 30),
    best('  same, best run', sinceDcl(runs.abs, 'done'), 'ms'),
    figure('abstract page, cold worker (stopped before the visit): DOMContentLoaded → card in the DOM', sinceDcl(cold, 'done'), 'ms', 200),
    figure('  same, cold worker: navigation start → card in the DOM', cold.map((r) => r.done!), 'ms'),
    figure('abstract page load event: later than without the extension', overhead(runs.abs, runs.plainAbs, false), '%'),
    figure('abstract page: page main-thread CPU, more than without the extension', [percentMore(cpu.abs, cpu.plainAbs)], '%', 10),
    figure('abstract page: page main-thread CPU, more than the same page unmatched in the same Chromium', [percentMore(cpu.abs, cpu.twinAbs)], '%', 10),
    ...moreOf('abs', 'twinAbs'),
    ...floorTurnsFigures(`  … the same, ${PAIRS} rounds in turn with its twin and its floor twin (one Chromium): the pairs' median`, absTurns, 10),
    figure('  abstract page main-thread CPU without the extension', cpu.plainAbs, 'ms'),
    figure('  … with the extension', cpu.abs, 'ms'),
    figure(`abstract page: our content script's own main-thread time (profiled, ${PROFILED_RUNS} visits)`, own.abs, 'ms'),
    figure('  … as a share of the visit’s main-thread time (both profiled)', ownShare.abs, '%'),
    ...sizes,
    { measure: 'machine load average (1 min) at start / end of the run', value: loadBefore, unit: `/ ${loadavg()[0]!.toFixed(2)} (2 cores)` },
  ]);
});
