import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { parseSettings, writeSettings } from '../../../../lib/shared/settings';
import { highlightThresholdOf, liveLookupsOn, readSiteEnabled, readSiteSwitches, watchSiteEnabled } from '../../../../lib/sites/kit/site-switch';
import { DEFAULT_SITE_SWITCHES, siteEnabled } from '../../../../lib/shared/sites';
import { SETTINGS_KEY } from '../../../../lib/shared/storage-keys';

describe('siteEnabled', () => {

  it('reads the switch exactly as parseSettings does, for anything stored', () => {
    const stored = fc.oneof(
      fc.anything(),
      fc.record({ sites: fc.anything() }, { requiredKeys: [] }),
      fc.record({ sites: fc.record({ arxiv: fc.anything(), github: fc.anything() }, { requiredKeys: [] }) }, { requiredKeys: [] }),
      fc.record({ sites: fc.record({ arxiv: fc.boolean(), github: fc.boolean() }) }),
    );
    fc.assert(
      fc.property(stored, (value) => {
        const settings = parseSettings(value);
        expect(siteEnabled(value, 'github')).toBe(settings.sites.github);
        expect(siteEnabled(value, 'arxiv')).toBe(settings.sites.arxiv);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the live-lookup setting exactly as parseSettings does, for anything stored', () => {
    const stored = fc.oneof(fc.anything(), fc.record({ liveLookups: fc.anything() }, { requiredKeys: [] }), fc.record({ liveLookups: fc.boolean() }));
    fc.assert(
      fc.property(stored, (value) => {
        expect(liveLookupsOn(value)).toBe(parseSettings(value).liveLookups);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the highlight threshold exactly as parseSettings does, for anything stored', () => {
    const stored = fc.oneof(
      fc.anything(),
      fc.record({ highlightThreshold: fc.anything() }, { requiredKeys: [] }),
      fc.record({ highlightThreshold: fc.oneof(fc.integer({ min: -10, max: 100_010 }), fc.double(), fc.constantFrom(0, 100_000, 100_001, -1, 2.5, NaN, Infinity)) }),
    );
    fc.assert(
      fc.property(stored, (value) => {
        expect(highlightThresholdOf(value)).toBe(parseSettings(value).highlightThreshold);
      }),
      { numRuns: 500 },
    );
  });

  it('reads the switch and live lookups in one read', async () => {
    expect(await readSiteSwitches('arxiv')).toEqual({ enabled: true, live: true });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { liveLookups: false, sites: { arxiv: false } } });
    expect(await readSiteSwitches('arxiv')).toEqual({ enabled: false, live: false });
  });

  it('reads what writeSettings stored, and hears it change', async () => {
    expect(await readSiteEnabled('github')).toBe(true);
    const heard: boolean[] = [];
    const stop = new AbortController();
    watchSiteEnabled('github', (enabled) => heard.push(enabled), stop.signal);
    await writeSettings({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: true, github: false } });
    expect(await readSiteEnabled('github')).toBe(false);
    expect(await readSiteEnabled('arxiv')).toBe(true);
    await writeSettings({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: true, github: true } });
    stop.abort();
    await writeSettings({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: true, github: false } });
    expect(heard).toEqual([false, true]);
    await fakeBrowser.storage.local.set({ [SETTINGS_KEY]: { sites: { github: false } } });
    expect(heard).toEqual([false, true]);
  });
});
