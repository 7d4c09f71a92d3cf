import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    environment: 'node',
    setupFiles: ['tests/unit/support/setup.ts'],
    restoreMocks: true,
    // CI machines are shared and slow at times: room for the IndexedDB-heavy tests.
    testTimeout: 20_000,
  },
});
