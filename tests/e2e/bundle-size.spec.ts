/**
 * Bundle budgets (gzip): each content script ≤ 15 KB, the popup's JavaScript ≤ 40 KB. Sizes are
 * deterministic, so this is a test: a change that grows a bundle past its budget fails here.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/extension-test';
import { popupScripts } from './support/popup-scripts';
import { optionalSites } from '../../lib/shared/sites';

const KB = 1024;
const gzipped = (path: string) => gzipSync(readFileSync(join(EXTENSION_DIR, path))).length;

test('each content script stays within 15 KB gzipped', () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  // The manifest's scripts and those registered at run time for the sites turned on later.
  const later = optionalSites().flatMap((site) => Object.keys(site.scripts).map((script) => `content-scripts/${script}.js`));
  // And the one the popup puts in a page on request ("Show badges on this page").
  const scripts = [...manifest.content_scripts.flatMap((cs) => cs.js), ...later, 'content-scripts/anypage.js'];
  expect(later.length).toBeGreaterThan(0);
  for (const script of scripts) {
    const size = gzipped(script);
    console.log(`[size] ${script}: ${(size / KB).toFixed(1)} KB gzipped`);
    expect(size, script).toBeLessThanOrEqual(15 * KB);
  }
});

test("content scripts use the browser's own promise APIs, not webextension-polyfill (2.7 KB gzipped each)", () => {
  const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as { content_scripts: { js: string[] }[] };
  const later = optionalSites().flatMap((site) => Object.keys(site.scripts).map((script) => `content-scripts/${script}.js`));
  const polyfillMark = 'This script should only be loaded in a browser extension';
  for (const script of [...manifest.content_scripts.flatMap((cs) => cs.js), ...later]) {
    expect(readFileSync(join(EXTENSION_DIR, script), 'utf8'), script).not.toContain(polyfillMark);
  }
  // The worker keeps it: its message listener answers with promises, which Chrome's own API does not take.
  expect(readFileSync(join(EXTENSION_DIR, 'background.js'), 'utf8')).toContain(polyfillMark);
});

test('the popup loads at most 40 KB of JavaScript, gzipped', () => {
  const scripts = popupScripts(EXTENSION_DIR);
  expect(scripts.length).toBeGreaterThan(0);
  const total = scripts.reduce((sum, script) => sum + gzipped(script), 0);
  console.log(`[size] popup JavaScript: ${(total / KB).toFixed(1)} KB gzipped (${scripts.join(', ')})`);
  expect(total).toBeLessThanOrEqual(40 * KB);
});

test('the popup loads one script: built apart from the options page, it shares no chunk (wxt.config.ts)', () => {
  expect(popupScripts(EXTENSION_DIR)).toHaveLength(1);
});

test("no script carries WXT's storage module (lib/shared/storage-keys.ts says why; an auto-import can pull it in unasked)", () => {
  // A message of @wxt-dev/storage that minifying keeps. Seen once: a parameter named `storage` used as
  // `storage?.getItem(…)` made WXT's auto-import add `wxt/utils/storage` (11 KB) to the popup.
  const storageMark = 'Storage key should be in the form of';
  const scripts = readdirSync(EXTENSION_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.js'));
  expect(scripts.length).toBeGreaterThan(5);
  for (const script of scripts) expect(readFileSync(join(EXTENSION_DIR, script), 'utf8'), script).not.toContain(storageMark);
});
