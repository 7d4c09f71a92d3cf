import { defineConfig } from '@playwright/test';

/** `npm run bench`: figures, not pass/fail timings. One worker, so runs do not disturb each other. */
export default defineConfig({
  testDir: '.',
  testMatch: '**/*.bench.ts',
  workers: 1,
  timeout: 600_000,
  reporter: [['list']],
});
