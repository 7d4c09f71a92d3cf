/**
 * What a page with the extension is measured against:
 * - the page without the extension (`launchPlainContext`), a Chromium of its own launched as the
 *   extension's Chromium is, so that the extension is the only difference. Until 2026-12-06 it was an
 *   incognito-like context (`chromium.launch`, then `newContext`) with other flags: in one probe (9
 *   traced visits each) the same 2000-entry listing cost 517 ms there against 586 ms in a persistent
 *   profile with no extension (mostly style, layout and paint), in another, with this profile's flags,
 *   519 against 523 ms. Two Chromiums differ by up to ±10–15 % in such medians whatever they run
 *   (style, layout and paint, mostly): the listing figures' pairs say how much;
 * - the page's twin in the extension's own Chromium (`unmatchedTwin`): the same HTML at a path no
 *   content script of ours matches, visited in turn with the page. Two Chromiums launched alike differ
 *   by themselves (a second Chromium without the extension, in the year bench: −6 to +17 % on the same
 *   listing, three runs), which a comparison across two of them cannot tell from the extension's cost;
 *   within one Chromium that difference is gone, and what is left is what our content script adds to the
 *   page. The visits' own spread is not gone: single pairs of visits of a 2000-entry listing still
 *   differ by −35 to +70 %, so a median of 9 is good to about ±10 %;
 * - the page's floor twin in the extension's own Chromium (`floorTwin`): the same HTML where only the
 *   floor extension's empty script runs (`floorExtension`: one content script, empty, at
 *   document_start: its isolated world set up on the page's main thread, nothing else), that extension
 *   loaded beside ours. What any content script costs the page, measured in the same Chromium as our
 *   page and its twin, in turn with them (`cpuInFloorTurns`); what ours costs above it is its own work.
 *   Until 2026-12-07 the floor was an extension in a Chromium of its own, and what it showed (+8–15 %
 *   on the abstract page, −11 to +15 % on a listing) was mostly two Chromiums' difference: in the same
 *   Chromium the empty script costs the abstract page 0–1.3 ms.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_PATH, EXTENSION_DIR, PROFILE_ARGS } from '../../e2e/support/extension-test';
import type { FixtureServer } from '../../e2e/support/fixture-server';
import { PAINTED, timedVisit } from './page-visit';
import { mainThreadWork } from './traced-visit';

/** The page without the extension: a profile like the extension's, with no extension. */
export function launchPlainContext(server: FixtureServer): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dpl-baseline-profile-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [...PROFILE_ARGS, ...server.chromiumArgs()],
  });
}

/** The floor extension's name: the name of its content script's world in a page (`contentScriptWorlds`). */
const FLOOR_NAME = 'floor';

/** The folder of a page's floor twin: the floor extension loaded beside ours matches it (`floorExtension`). */
const FLOOR_FOLDER = 'floor';

/**
 * The floor extension, unpacked in a folder of its own (returned): one content script, empty, at
 * document_start on the floor twins of `host`'s pages (`floorTwin`), loaded beside ours in the
 * extension's Chromium (../../e2e/support/extension-test.ts `alsoLoaded`).
 */
export function floorExtension(host: string): string {
  const matches = [`https://${host}/${FLOOR_FOLDER}/*`];
  const dir = mkdtempSync(join(tmpdir(), 'dpl-floor-ext-'));
  writeFileSync(join(dir, 'empty.js'), '');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: FLOOR_NAME, version: '1.0', content_scripts: [{ matches, js: ['empty.js'], run_at: 'document_start' }] }));
  return dir;
}

/** A manifest match pattern (`https://host/path*`) as a test of URLs. */
function matchPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * The page at `path` (`host/path`, as the fixture server's pages are keyed) served again, the same HTML,
 * at `host/<folder>/path` (`unmatched` unless said): a URL none of the built extension's content scripts
 * matches (checked against its manifest, so a pattern added later cannot make the twin a page with our
 * script). Returns the twin's URL, with `query`.
 */
export function unmatchedTwin(server: FixtureServer, path: string, query = '', folder = 'unmatched'): string {
  const html = server.pages.get(path);
  if (html === undefined) throw new Error(`no page at ${path} to serve a twin of`);
  const slash = path.indexOf('/');
  const twinPath = `${path.slice(0, slash)}/${folder}${path.slice(slash)}`;
  const url = `https://${twinPath}${query}`;
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { content_scripts?: { matches: string[] }[] };
  const matched = (manifest.content_scripts ?? []).flatMap((script) => script.matches).find((pattern) => matchPattern(pattern).test(url));
  if (matched) throw new Error(`the twin ${url} is matched by ${matched}`);
  server.pages.set(twinPath, html);
  return url;
}


/**
 * The page's twin that only the floor extension's empty script runs on (`floorExtension` of its host,
 * loaded beside ours): what any content script costs the page, in our extension's
 * own Chromium, so that a page's cost above that floor is measured free of two Chromiums' difference.
 */
export function floorTwin(server: FixtureServer, path: string, query = ''): string {
  return unmatchedTwin(server, path, query, FLOOR_FOLDER);
}

/** A page in a tab: a side of `inTurns` (and `inPairsWithTwin`). */
export interface VisitedPage {
  tab: Page;
  url: string;
}

/**
 * A page (`ours`, in a tab with our script) and its twin (`unmatchedTwin`), `pairs` visits each, in
 * turn, in one Chromium, alternating which goes first: `measure` of each visit (its page main-thread ms,
 * its load event). The pairs' median (`pairedPercents`) resolves a few per cent, which 9 visits of each
 * cannot.
 */
export function inPairsWithTwin(pairs: number, ours: VisitedPage, twin: VisitedPage, measure: (visited: VisitedPage) => Promise<number>): Promise<{ ours: number[]; twin: number[] }> {
  return inTurns(pairs, { ours, twin }, measure);
}

/**
 * Pages visited in turn, `rounds` times, in one Chromium, each round starting one page further on (so
 * each goes first as often as the others): `measure` of each visit, by page, round by round (so the
 * i-th figures of two pages are a pair of neighbouring visits).
 */
async function inTurns<Side extends string>(rounds: number, pages: Record<Side, VisitedPage>, measure: (visited: VisitedPage) => Promise<number>): Promise<Record<Side, number[]>> {
  const sides = Object.keys(pages) as Side[];
  const figures = Object.fromEntries(sides.map((side) => [side, [] as number[]])) as Record<Side, number[]>;
  for (let i = 0; i < rounds; i++) {
    for (let j = 0; j < sides.length; j++) {
      const side = sides[(i + j) % sides.length]!;
      figures[side].push(await measure(pages[side]));
    }
  }
  return figures;
}

/** `inPairsWithTwin`'s measure: the page's main-thread CPU, in ms, on a traced visit. */
export const pageCpu =
  (context: BrowserContext) =>
  async ({ tab, url }: VisitedPage): Promise<number> =>
    (await mainThreadWork(context, tab, url, PAINTED)).ms;

/** `inPairsWithTwin`'s measure: the page's load event (its end), in ms after navigation start. */
export const pageLoad = async ({ tab, url }: VisitedPage): Promise<number> => (await timedVisit(tab, url)).load;

/**
 * The names of the isolated worlds (extensions' content scripts: each world is named after its
 * extension; Playwright's own left out) set up in the page on a visit of `url`: what checks that a
 * floor twin runs the floor's script, and only that (`checkFloorTurns`).
 */
async function contentScriptWorlds(context: BrowserContext, { tab, url }: VisitedPage): Promise<string[]> {
  const session = await context.newCDPSession(tab);
  const worlds: string[] = [];
  session.on('Runtime.executionContextCreated', ({ context: created }) => {
    // Playwright's own utility worlds aside.
    if ((created.auxData as { type?: string } | undefined)?.type === 'isolated' && !created.name.startsWith('__playwright')) worlds.push(created.name);
  });
  // The page before this visit's worlds (reported when the domain is enabled) go with it.
  session.on('Runtime.executionContextsCleared', () => void worlds.splice(0));
  await session.send('Runtime.enable');
  await tab.goto(url, { waitUntil: 'load' });
  await session.detach();
  return worlds;
}

/** A page, its floor twin (`floorTwin`) and its twin (`unmatchedTwin`), each in a tab of the extension's Chromium. */
export interface FloorSides {
  ours: VisitedPage;
  floor: VisitedPage;
  twin: VisitedPage;
}

/**
 * The page's main-thread CPU (`pageCpu`), in `rounds` rounds in turn with its floor twin and its twin
 * (`inTurns`), once each side is checked to run what it is there for (`checkFloorTurns`).
 */
export async function cpuInFloorTurns(context: BrowserContext, rounds: number, sides: FloorSides): Promise<Record<keyof FloorSides, number[]>> {
  await checkFloorTurns(context, sides);
  return inTurns(rounds, sides, pageCpu(context));
}

/**
 * Checks that each side runs what it is there for (`contentScriptWorlds`): the page our script alone,
 * its floor twin the floor extension's alone, its twin none. Throws otherwise.
 */
async function checkFloorTurns(context: BrowserContext, sides: FloorSides): Promise<void> {
  const worlds = { ours: await contentScriptWorlds(context, sides.ours), floor: await contentScriptWorlds(context, sides.floor), twin: await contentScriptWorlds(context, sides.twin) };
  const ourName = (JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { name: string }).name;
  if (worlds.ours.join() !== ourName || worlds.floor.join() !== FLOOR_NAME || worlds.twin.length > 0) {
    throw new Error(`a page, its floor twin and its twin run other content scripts than meant: ${JSON.stringify(worlds)}`);
  }
}
