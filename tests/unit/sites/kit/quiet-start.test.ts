/**
 * Every content script of ours starts without posting a message the page hears (../../../../lib/sites/kit/quiet-start.ts);
 * the built extension's pages are checked in tests/e2e/privacy.spec.ts.
 */
import { describe, expect, it } from 'vitest';

const scripts = import.meta.glob<{ default: Record<string, unknown> }>('../../../../entrypoints/*.content/index.{ts,tsx}', { eager: true });

describe('the content scripts', () => {
  it('are all here (one per site entrypoint)', () => {
    expect(Object.keys(scripts).length).toBeGreaterThanOrEqual(11);
  });

  it.each(Object.entries(scripts))('%s posts no script-started message to the page', (_, script) => {
    expect(script.default.noScriptStartedPostMessage).toBe(true);
  });
});
