import { defineConfig } from '@playwright/test';

/**
 * `npm run test:firefox`: a smoke test of the Firefox build in a stock Firefox (Debian's firefox-esr),
 * driven over WebDriver BiDi. Not part of `npm test`: Playwright brings no Firefox that loads add-ons.
 */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.firefox.ts',
  workers: 1,
  timeout: 240_000,
  reporter: [['list']],
});
