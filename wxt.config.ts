import { defineConfig } from 'wxt';
import { optionalSites, siteOrigins } from './lib/shared/sites';

/** The hosts of the sites a person turns on later (lib/shared/sites.ts `access: 'optional'`): asked for then, never at install. */
const OPTIONAL_ORIGINS = optionalSites().flatMap(siteOrigins);

const EXTENSION_PAGES_CSP = [
  "script-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "connect-src 'self' https://huggingface.co",
].join('; ');

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/webextension-polyfill'],
  // Explicit imports: every name says where it comes from.
  imports: false,
  experimental: {
    // Dexie's source holds Unicode noncharacters; Chrome rejects a content script that carries them raw.
    escapeUnicode: true,
  },
  // `npm run zip`: the Chrome and Firefox packages and, for Mozilla's review, the sources that build them
  // (`npm ci && npm run build:firefox`; `.ci/` holds the Node 22 helper the scripts call). Checked by
  // scripts/check-zips.mjs.
  zip: {
    dotSources: true,
    excludeSources: [
      '.git',
      '.git/**',
      '.wxt/**',
      '.env*',
      'test-results/**',
      'playwright-report/**',
      'bench-results/**',
      'docs/screenshots/**',
      '**/*.log',
    ],
  },
  manifest: ({ browser, command }) => ({
    name: 'Daily Papers Lens',
    description:
      'Hugging Face Daily Papers on arXiv and GitHub: upvotes, comments, one-line summaries and links where you read.',
    // `scripting`: the optional sites' content scripts are registered while their switch is on (lib/background/site-scripts.ts).
    // `activeTab`: the popup's "Show badges on this page" reaches the current tab after a toolbar click, and only then (lib/popup/this-page.ts).
    permissions: ['storage', 'alarms', 'notifications', 'scripting', 'activeTab'],
    host_permissions: ['https://huggingface.co/*'],
    // Manifest V2 (Firefox) has no optional_host_permissions: host patterns go in optional_permissions.
    ...(browser === 'firefox' ? { optional_permissions: OPTIONAL_ORIGINS } : { optional_host_permissions: OPTIONAL_ORIGINS }),
    // Extension pages run only their own scripts and talk only to Hugging Face. (`wxt dev` keeps WXT's own
    // policy, which lets its reload server in.)
    ...(command === 'build'
      ? {
          content_security_policy:
            browser === 'firefox'
              ? EXTENSION_PAGES_CSP
              : { extension_pages: EXTENSION_PAGES_CSP },
        }
      : {}),
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'daily-papers-lens@daily-papers-lens.dev',
              // 140: the first Firefox (and ESR) with built-in consent for data collection.
              strict_min_version: '140.0',
              // Nothing about the person is needed to work (the sync fetches public lists). Optional, and
              // only sent once granted (lib/shared/data-consent.ts): live lookups send the arXiv id of a paper page
              // opened (browsing activity); "search all of Hugging Face" sends the words typed (search terms).
              data_collection_permissions: {
                required: ['none'],
                optional: ['browsingActivity', 'searchTerms'],
              },
            },
            // Firefox for Android has the same consent from 142.
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The popup built on its own, not with the options page: a build of one page emits one module, so
    // the popup's first script is one file instead of its own chunk and the chunk it shares with the
    // options page (fetched and evaluated before its first frame; A/B in the year bench's set-up, 15 and
    // 21 openings: the list painted 2–11 ms sooner). What the two pages share is in each.
    'entrypoints:grouped': (_wxt, groups) => {
      for (const group of groups) {
        if (!Array.isArray(group) || group.length < 2) continue;
        const popup = group.findIndex((entry) => entry.type === 'popup');
        if (popup >= 0) groups.push(group.splice(popup, 1));
      }
    },
    // Content scripts and extension pages talk to the browser without webextension-polyfill: Chrome's
    // MV3 `chrome.*` and Firefox's `browser.*` answer promises themselves. It weighed 2.7 KB of the 15 KB
    // a content script may, and in the popup its wrapping of `chrome` woke every API's bindings before the
    // first screen's code ran. Only the worker keeps it: its message listener answers with promises
    // (`sendRequest` in lib/shared/messages.ts turns the rejection it sends back into an error).
    'vite:build:extendConfig': (entrypoints, config) => {
      if (entrypoints.some((entry) => entry.type === 'background')) return;
      config.resolve ??= {};
      const alias = config.resolve.alias ?? [];
      const entries = Array.isArray(alias) ? alias : Object.entries(alias).map(([find, replacement]) => ({ find, replacement }));
      config.resolve.alias = [{ find: /^wxt\/browser$/, replacement: '@wxt-dev/browser' }, ...entries];
    },
  },
  vite: () => ({
    oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } },
  }),
});
