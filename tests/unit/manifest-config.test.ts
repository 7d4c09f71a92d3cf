/**
 * The Firefox manifest's consent for data collection, from wxt.config.ts (the Chrome manifest is pinned
 * in tests/e2e/manifest.spec.ts): nothing required, and exactly what the extension may send, optional.
 */
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { optionalSites, siteOrigins } from '../../lib/shared/sites';

type ManifestFn = (env: { browser: string; command: string; manifestVersion: number; mode: string }) => Record<string, unknown>;

function manifestFor(browser: string): Record<string, unknown> {
  return (config.manifest as ManifestFn)({ browser, command: 'build', manifestVersion: browser === 'firefox' ? 2 : 3, mode: 'production' });
}

describe('the Firefox manifest', () => {
  const gecko = (manifestFor('firefox').browser_specific_settings as { gecko: Record<string, unknown> }).gecko;

  it('declares no required data collection and, optional, exactly browsing activity and search terms', () => {
    expect(gecko.data_collection_permissions).toEqual({ required: ['none'], optional: ['browsingActivity', 'searchTerms'] });
  });

  it('asks for a Firefox that has the built-in consent (140+)', () => {
    expect(Number.parseFloat(String(gecko.strict_min_version))).toBeGreaterThanOrEqual(140);
    expect(gecko.id).toBe('daily-papers-lens@daily-papers-lens.dev');
  });

  it('is Firefox-only: the Chrome manifest has no Gecko settings', () => {
    expect(manifestFor('chrome').browser_specific_settings).toBeUndefined();
  });
});

describe('the sites turned on later', () => {
  it('ask for their hosts only when turned on: optional host permissions (Chrome), optional permissions (Firefox MV2)', () => {
    const chrome = manifestFor('chrome');
    const firefox = manifestFor('firefox');
    expect(chrome.optional_host_permissions).toEqual(optionalSites().flatMap(siteOrigins));
    expect(chrome.optional_host_permissions).toEqual(expect.arrayContaining(['https://news.ycombinator.com/*', 'https://scholar.google.com/*']));
    expect(chrome.host_permissions).toEqual(['https://huggingface.co/*']);
    expect(firefox.optional_permissions).toEqual(optionalSites().flatMap(siteOrigins));
    expect(firefox.optional_host_permissions).toBeUndefined();
    expect(chrome.permissions).toContain('scripting');
    expect(firefox.permissions).toContain('scripting');
  });

  it('any other page is reached only on a toolbar click (activeTab), in both manifests, with no host for it', () => {
    for (const manifest of [manifestFor('chrome'), manifestFor('firefox')]) {
      expect([...(manifest.permissions as string[])].sort()).toEqual(['activeTab', 'alarms', 'notifications', 'scripting', 'storage']);
    }
    expect(manifestFor('chrome').host_permissions).toEqual(['https://huggingface.co/*']);
  });
});
