/**
 * The Playwright fixtures every e2e test uses: a fixture server, and a fresh install of the built
 * extension in Debian's Chromium (a new profile per test), reaching only that server.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base, chromium, type BrowserContext, type Page, type Worker } from '@playwright/test';
import { buildDailyPapers } from '../../fixtures/hf-data';
import { FixtureServer } from './fixture-server';
import { grantHostsInProfile } from './granted-hosts';

export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output/chrome-mv3');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The profile's flags besides the extension's (the benches' baselines launch with the same: ../../bench/support/baselines.ts). */
export const PROFILE_ARGS = ['--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--disable-quic'];

interface ExtensionFixtures {
  /** Shape of the fixture Daily Papers (days back from today, papers per weekday). */
  dailyPapers: Parameters<typeof buildDailyPapers>[1];
  /** Folder the fresh profile is made in (the system's temporary folder unless a test says otherwise). */
  profileParent: string;
  /** Host permissions the profile holds before the test, as if the person had allowed them (./granted-hosts.ts). */
  grantedOrigins: string[];
  /** Other unpacked extensions loaded beside ours (a bench's empty-script floor: ../../bench/support/baselines.ts). */
  alsoLoaded: string[];
  server: FixtureServer;
  context: BrowserContext;
  background: Worker;
  extensionId: string;
  /** Opens the popup as a page, the way a person sees it. */
  openPopup: () => Promise<Page>;
}

export const test = base.extend<ExtensionFixtures>({
  dailyPapers: [{}, { option: true }],
  profileParent: [tmpdir(), { option: true }],
  grantedOrigins: [[], { option: true }],
  alsoLoaded: [[], { option: true }],

  server: async ({ dailyPapers }, use) => {
    const server = new FixtureServer(buildDailyPapers(Date.now(), dailyPapers));
    await server.start();
    await use(server);
    await server.stop();
  },

  context: async ({ server, profileParent, grantedOrigins, alsoLoaded }, use) => {
    if (!existsSync(CHROMIUM_PATH)) {
      throw new Error(`No Chromium at ${CHROMIUM_PATH}: install Debian's "chromium" package or set CHROMIUM_PATH.`);
    }
    if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
      throw new Error(`No built extension at ${EXTENSION_DIR}: run "npm run build" first.`);
    }
    const profile = mkdtempSync(join(profileParent, 'dpl-profile-'));
    const extensions = [EXTENSION_DIR, ...alsoLoaded].join(',');
    const launch = () => chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [
        `--disable-extensions-except=${extensions}`,
        `--load-extension=${extensions}`,
        ...PROFILE_ARGS,
        // Lets a test click the toolbar button through the DevTools protocol (./toolbar.ts).
        '--enable-unsafe-extension-debugging',
        ...server.chromiumArgs(),
      ],
    });
    let context = await launch();
    if (grantedOrigins.length) {
      // Installed once, given the hosts while closed, started again (./granted-hosts.ts says why).
      const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
      const extensionId = new URL(worker.url()).host;
      await context.close();
      grantHostsInProfile(profile, extensionId, grantedOrigins);
      context = await launch();
    }
    await use(context);
    await context.close();
    rmSync(profile, { recursive: true, force: true });
  },

  background: async ({ context }, use) => {
    const [worker] = context.serviceWorkers();
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },

  extensionId: async ({ background }, use) => {
    await use(new URL(background.url()).host);
  },

  openPopup: async ({ context, extensionId }, use) => {
    await use(async () => {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/popup.html`);
      return page;
    });
  },
});

export { expect } from '@playwright/test';

/** Fails the test on any uncaught error of a page (the page's own or one we caused). */
export function collectPageErrors(page: Page): Error[] {
  const errors: Error[] = [];
  page.on('pageerror', (error) => errors.push(error));
  return errors;
}

/** Every dialog the page opens (alert, confirm, prompt: a script that ran), dismissed, by its message. */
export function collectDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}
