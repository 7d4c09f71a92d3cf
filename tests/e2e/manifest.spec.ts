/**
 * The manifest, pinned: exactly these permissions, hosts and content-script matches, a strict policy
 * for extension pages, and no code from anywhere but the package. A change here is a decision, made
 * in this file on purpose.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { EXTENSION_DIR } from './support/extension-test';
import { optionalSites, siteOrigins, SITES } from '../../lib/shared/sites';

const manifest = () => JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8')) as Record<string, unknown>;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

test('permissions, host permissions and content-script matches are exactly these', () => {
  const m = manifest();
  expect(m.manifest_version).toBe(3);
  // `scripting`: the sites turned on later have their scripts registered while on (lib/background/site-scripts.ts).
  // `activeTab` (#17): the popup's "Show badges on this page" reaches the tab the toolbar button was
  // clicked on, until it navigates; no host at install, no warning at install (Chrome shows none for it).
  expect([...(m.permissions as string[])].sort()).toEqual(['activeTab', 'alarms', 'notifications', 'scripting', 'storage']);
  expect(m.host_permissions).toEqual(['https://huggingface.co/*']);
  expect(m.optional_permissions).toBeUndefined();
  // Their hosts are asked for when the person turns them on, never at install.
  expect(m.optional_host_permissions).toEqual(optionalSites().flatMap(siteOrigins));
  expect(m.optional_host_permissions).toEqual(expect.arrayContaining(['https://news.ycombinator.com/*', 'https://scholar.google.com/*', 'https://scholar.google.co.uk/*']));
  expect(m.externally_connectable).toBeUndefined();
  // Every script starts at document_start: each asks the background its one question while the page loads.
  const scripts = (m.content_scripts as { matches: string[]; js: string[]; run_at?: string }[]).map((cs) => ({ js: cs.js, matches: [...cs.matches].sort(), run_at: cs.run_at }));
  // Exactly the scripts of the sites registry (lib/shared/sites.ts), each on exactly its pages.
  const registered = SITES.filter((site) => site.access === 'install').flatMap((site) =>
    Object.entries(site.scripts as Record<string, readonly string[]>).map(([script, matches]) => ({
      js: [`content-scripts/${script}.js`],
      matches: [...matches].sort(),
      run_at: 'document_start',
    })),
  );
  expect(scripts.sort((a, b) => a.js[0]!.localeCompare(b.js[0]!))).toEqual(registered.sort((a, b) => a.js[0]!.localeCompare(b.js[0]!)));
  // The registry as it stands today, pinned: a new site or page is a decision made here too.
  expect(registered.map((script) => script.js[0])).toEqual(['content-scripts/arxiv-listing.js', 'content-scripts/arxiv-paper.js', 'content-scripts/github.js']);
  expect(registered.flatMap((script) => script.matches)).toEqual(
    expect.arrayContaining(['https://arxiv.org/abs/*', 'https://export.arxiv.org/html/*', 'https://www.arxiv.org/list/*', 'https://arxiv.org/catchup*', 'https://arxiv.org/search*', 'https://github.com/*']),
  );
  // The later sites' scripts are built, and in no manifest entry.
  for (const site of optionalSites()) {
    for (const script of Object.keys(site.scripts)) expect(statSync(join(EXTENSION_DIR, `content-scripts/${script}.js`)).isFile()).toBe(true);
  }
  // Nothing of ours is exposed to web pages beyond what content-script UI needs.
  for (const entry of (m.web_accessible_resources as { resources: string[] }[] | undefined) ?? []) {
    for (const resource of entry.resources) expect(resource).toMatch(/\.(css|png)$/);
  }
});

test('the store package is clean: no development key, update URL or Firefox settings in the Chrome manifest', () => {
  const m = manifest();
  for (const key of ['key', 'update_url', 'browser_specific_settings', 'devtools_page']) expect(m[key], key).toBeUndefined();
  expect(m.version).toMatch(/^\d+\.\d+\.\d+$/);
  expect(m.version).toBe((JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string }).version);
});

test('extension pages have a strict content security policy', () => {
  const csp = (manifest().content_security_policy as { extension_pages: string }).extension_pages;
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name, values]));
  expect(directives['script-src']).toEqual(["'self'"]);
  expect(directives['object-src']).toEqual(["'none'"]);
  expect(directives['connect-src']).toEqual(["'self'", 'https://huggingface.co']);
  expect(csp).not.toMatch(/unsafe-eval|unsafe-inline|http:|\*/);
});

test('no remote code: pages load only packaged scripts, and no script loads code from a URL', () => {
  for (const file of files(EXTENSION_DIR)) {
    const text = readFileSync(file, 'utf8');
    if (file.endsWith('.html')) {
      for (const [, src] of text.matchAll(/<script[^>]*\bsrc="([^"]*)"/g)) expect(src, file).toMatch(/^\/(?!\/)/);
      expect(text, file).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>\s*\S/);
    }
    if (file.endsWith('.js')) {
      expect(text, file).not.toMatch(/importScripts\(\s*["'`]https?:/);
      expect(text, file).not.toMatch(/import\(\s*["'`]https?:/);
    }
  }
});
