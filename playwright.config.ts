import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'tests/e2e',
  testMatch: '**/*.spec.ts',
  // Each test launches its own Chromium; two cores run two at most.
  workers: process.env.CI ? 1 : 2,
  fullyParallel: true,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  // One retry on CI absorbs a machine hiccup; a retried test is still reported as flaky.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
});
