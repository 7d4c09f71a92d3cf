import { defineConfig } from '@playwright/test';

/**
 * `npm run test:firefox` (the last step of `npm test`): a smoke test of the Firefox build in a stock
 * Firefox (Debian's firefox-esr, installed by .ci/ensure-firefox when missing), driven over WebDriver
 * BiDi: Playwright brings no Firefox that loads add-ons.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.firefox.ts',
  workers: 1,
  timeout: 240_000,
  // As the Chromium tests: one retry on CI absorbs a machine hiccup, and is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
});
