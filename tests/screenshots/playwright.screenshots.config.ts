import { defineConfig } from '@playwright/test';

/** `npm run screenshots`: the store and README pictures, taken of the built extension on the fixture pages. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.shot.ts',
  workers: 1,
  timeout: 180_000,
  expect: { timeout: 30_000 },
  reporter: [['list']],
});
