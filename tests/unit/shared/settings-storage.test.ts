/** Settings the browser cannot sync in one item (#15.4): what fits is synced, long watch lists stay here. */
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { DEFAULT_SETTINGS, placeSettings, readSettings, SYNC_ITEM_MAX_BYTES, syncedBytes, watchListsSynced, writeSettings } from '../../../lib/shared/settings';
import { LOCAL_WATCH_KEY, SETTINGS_KEY } from '../../../lib/shared/storage-keys';

/** Watch lists as long as the form allows: 3 × 200 lines × 200 characters (about 120 KB). */
const longest = () => Array.from({ length: 200 }, (_, i) => `${String(i).padStart(3, '0')} ${'x'.repeat(196)}`);

describe('where the settings are stored', () => {
  it('syncs ordinary settings as one item', async () => {
    const watch = { keywords: ['diffusion'], authors: ['Jiatao Gu'], organizations: ['apple'] };
    expect(watchListsSynced({ ...DEFAULT_SETTINGS, watch })).toBe(true);
    await writeSettings({ watch, backfillDays: 7 });
    expect((await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY]).toMatchObject({ watch, backfillDays: 7 });
    expect(await fakeBrowser.storage.local.get(LOCAL_WATCH_KEY)).toEqual({});
    expect((await readSettings()).watch).toEqual(watch);
  });

  it('keeps watch lists too long for one synced item in this browser, whole, and syncs the rest', async () => {
    const watch = { keywords: longest(), authors: longest(), organizations: longest() };
    const settings = { ...DEFAULT_SETTINGS, watch, backfillDays: 14 };
    expect(syncedBytes(settings)).toBeGreaterThan(SYNC_ITEM_MAX_BYTES);
    expect(watchListsSynced(settings)).toBe(false);
    const { sync } = placeSettings(settings);
    expect(new TextEncoder().encode(SETTINGS_KEY + JSON.stringify(sync)).length).toBeLessThanOrEqual(SYNC_ITEM_MAX_BYTES);

    await writeSettings({ watch, backfillDays: 14 });
    const synced = (await fakeBrowser.storage.sync.get(SETTINGS_KEY))[SETTINGS_KEY] as Record<string, unknown>;
    expect(synced.watch).toBeUndefined();
    expect(synced.backfillDays).toBe(14);
    expect((await fakeBrowser.storage.local.get(LOCAL_WATCH_KEY))[LOCAL_WATCH_KEY]).toEqual(watch);
    expect(await readSettings()).toEqual(settings);

    // Shortened again: back in the synced item, the local copy gone.
    await writeSettings({ watch: { keywords: ['flows'], authors: [], organizations: [] } });
    expect((await readSettings()).watch.keywords).toEqual(['flows']);
    expect(await fakeBrowser.storage.local.get(LOCAL_WATCH_KEY)).toEqual({});
  });

  it('a browser whose synced settings say nothing of local lists ignores a stale local copy', async () => {
    await fakeBrowser.storage.local.set({ [LOCAL_WATCH_KEY]: { keywords: ['stale'], authors: [], organizations: [] } });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { ...DEFAULT_SETTINGS, watch: { keywords: ['fresh'], authors: [], organizations: [] } } });
    expect((await readSettings()).watch.keywords).toEqual(['fresh']);
  });
});
