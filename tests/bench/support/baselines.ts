/**
 * What a page with the extension is measured against, each a Chromium of its own launched as the
 * extension's is (a persistent profile, the same flags: ../../e2e/support/extension-test.ts):
 * - the page without the extension (`launchPlainContext`), launched as the extension's Chromium is, so
 *   that the extension is the only difference. Until 2026-12-06 it was an incognito-like context
 *   (`chromium.launch`, then `newContext`) with other flags: in one probe (9 traced visits each) the same
 *   2000-entry listing cost 517 ms there against 586 ms in a persistent profile with no extension (mostly
 *   style, layout and paint), in another, with this profile's flags, 519 against 523 ms. Two Chromiums
 *   differ by up to ±10–15 % in such medians whatever they run (style, layout and paint, mostly): the
 *   listing figures' pairs say how much;
 * - the floor of any extension (`launchFloorContext`): one extension whose one content script is empty
 *   and runs at document_start on `matches` (its isolated world and script context set up on the page's
 *   main thread, nothing else). What our extension costs a page above that floor is its own work;
 * - the page's twin in the extension's own Chromium (`unmatchedTwin`): the same HTML at a path no
 *   content script of ours matches, visited in turn with the page. Two Chromiums launched alike differ
 *   by themselves (a second Chromium without the extension, in the year bench: −6 to +17 % on the same
 *   listing, three runs), which a comparison across two of them cannot tell from the extension's cost;
 *   within one Chromium that difference is gone, and what is left is what our content script adds to the
 *   page. The visits' own spread is not gone: single pairs of visits of a 2000-entry listing still
 *   differ by −35 to +70 %, so a median of 9 is good to about ±10 %.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { CHROMIUM_PATH, EXTENSION_DIR, PROFILE_ARGS } from '../../e2e/support/extension-test';
import type { FixtureServer } from '../../e2e/support/fixture-server';
import { PAINTED, timedVisit } from './page-visit';
import { mainThreadWork } from './traced-visit';

function launchProfile(server: FixtureServer, extensionArgs: string[]): Promise<BrowserContext> {
  return chromium.launchPersistentContext(mkdtempSync(join(tmpdir(), 'dpl-baseline-profile-')), {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ignoreHTTPSErrors: true,
    args: [...extensionArgs, ...PROFILE_ARGS, ...server.chromiumArgs()],
  });
}

/** The page without the extension: a profile like the extension's, with no extension. */
export function launchPlainContext(server: FixtureServer): Promise<BrowserContext> {
  return launchProfile(server, []);
}

export function launchFloorContext(server: FixtureServer, matches: string[]): Promise<BrowserContext> {
  const dir = mkdtempSync(join(tmpdir(), 'dpl-floor-ext-'));
  writeFileSync(join(dir, 'empty.js'), '');
  writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'floor', version: '1.0', content_scripts: [{ matches, js: ['empty.js'], run_at: 'document_start' }] }));
  return launchProfile(server, [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`]);
}

/** A manifest match pattern (`https://host/path*`) as a test of URLs. */
function matchPattern(pattern: string): RegExp {
  const escaped = pattern.replace(/[.+?^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${escaped}$`);
}

/**
 * The page at `path` (`host/path`, as the fixture server's pages are keyed) served again, the same HTML,
 * at `host/unmatched/path`: a URL none of the built extension's content scripts matches (checked against
 * its manifest, so a pattern added later cannot make the twin a page with our script). Returns the twin's
 * URL, with `query`.
 */
export function unmatchedTwin(server: FixtureServer, path: string, query = ''): string {
  const html = server.pages.get(path);
  if (html === undefined) throw new Error(`no page at ${path} to serve a twin of`);
  const slash = path.indexOf('/');
  const twinPath = `${path.slice(0, slash)}/unmatched${path.slice(slash)}`;
  const url = `https://${twinPath}${query}`;
  const manifest = JSON.parse(readFileSync(`${EXTENSION_DIR}/manifest.json`, 'utf8')) as { content_scripts?: { matches: string[] }[] };
  const matched = (manifest.content_scripts ?? []).flatMap((script) => script.matches).find((pattern) => matchPattern(pattern).test(url));
  if (matched) throw new Error(`the twin ${url} is matched by ${matched}`);
  server.pages.set(twinPath, html);
  return url;
}

/** A page in a tab: a side of `inPairsWithTwin`. */
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
export async function inPairsWithTwin(pairs: number, ours: VisitedPage, twin: VisitedPage, measure: (visited: VisitedPage) => Promise<number>): Promise<{ ours: number[]; twin: number[] }> {
  const figures = { ours: [] as number[], twin: [] as number[] };
  const visit = (side: 'ours' | 'twin') => async () => void figures[side].push(await measure(side === 'ours' ? ours : twin));
  for (let i = 0; i < pairs; i++) {
    if (i % 2) await visit('twin')().then(visit('ours'));
    else await visit('ours')().then(visit('twin'));
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
