import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocalFirstAnswer } from '../../../../lib/sites/kit/local-start';
import { NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../../../lib/shared/storage-keys';

const NEWEST = '2506.06276 12 3\n2506.06277 4';

afterEach(() => vi.restoreAllMocks());

describe('readLocalFirstAnswer', () => {
  it("answers as the background would, from the newest badges' copy and the settings", async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { highlightThreshold: 50, sites: { hackernews: true, scholar: true, x: true } } });
    expect(await readLocalFirstAnswer('hackernews')).toEqual({ enabled: true, highlightThreshold: 50, badges: [], newest: NEWEST });
    // The sites that match titles are told so, as the background's answer tells them.
    expect(await readLocalFirstAnswer('scholar')).toEqual({ enabled: true, highlightThreshold: 50, badges: [], newest: NEWEST, byTitle: true });
    expect((await readLocalFirstAnswer('x'))?.byTitle).toBe(true);
  });

  it('says off, with no badges, for a site turned off (its default when never set)', async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    expect(await readLocalFirstAnswer('reddit')).toEqual({ enabled: false, highlightThreshold: 0, badges: [] });
  });

  it('leaves the answer to the background when there is no copy, an empty or a malformed one, or storage fails', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { hackernews: true } } });
    expect(await readLocalFirstAnswer('hackernews')).toBeUndefined();
    for (const value of ['', 42, { lines: NEWEST }]) {
      await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: value });
      expect(await readLocalFirstAnswer('hackernews')).toBeUndefined();
    }
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    vi.spyOn(fakeBrowser.storage.local, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await readLocalFirstAnswer('hackernews')).toBeUndefined();
  });
});
