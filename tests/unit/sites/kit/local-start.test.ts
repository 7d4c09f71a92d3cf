import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocalFirstAnswer, readLocalNewestSpan, readLocalNoSpan } from '../../../../lib/sites/kit/local-start';
import { NEWEST_BADGES_KEY, SETTINGS_KEY } from '../../../../lib/shared/storage-keys';
import { handleRequest, type RequestContext } from '../../../../lib/background/request-handler';
import { parseSettings } from '../../../../lib/shared/settings';
import { senders } from '../../support/builders';

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

describe('readLocalNewestSpan', () => {
  it("answers an arXiv listing of the newest papers as the background would: the copy's lines, answering for every id from their first on", async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { highlightThreshold: 25, sites: { arxiv: true } } });
    expect(await readLocalNewestSpan('arxiv')).toEqual({ enabled: true, highlightThreshold: 25, index: NEWEST, covers: { from: '2506.06276' } });
  });

  it('says off, with no lines, for a site turned off', async () => {
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: false } } });
    expect(await readLocalNewestSpan('arxiv')).toEqual({ enabled: false, highlightThreshold: 0, index: '' });
  });

  it('leaves the answer to the background when there is no copy, a copy whose first line is no new-style id, or storage fails', async () => {
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { sites: { arxiv: true } } });
    expect(await readLocalNewestSpan('arxiv')).toBeUndefined();
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: 'hep-th/9901001 3\n2506.06276 12 3' });
    expect(await readLocalNewestSpan('arxiv')).toBeUndefined();
    await fakeBrowser.storage.local.set({ [NEWEST_BADGES_KEY]: NEWEST });
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await readLocalNewestSpan('arxiv')).toBeUndefined();
  });
});

describe('readLocalNoSpan', () => {
  it("answers an arXiv search page from the settings alone, exactly as the background answers it (switch, threshold, no badges)", async () => {
    const stored = [undefined, {}, { sites: { arxiv: false } }, { highlightThreshold: 25, sites: { arxiv: true } }, { highlightThreshold: 'many', sites: { arxiv: 'yes' } }, { highlightThreshold: -3 }];
    for (const settings of stored) {
      await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: settings });
      const background = await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'none' }, {
        sender: senders('ours').contentScript(),
        ownId: 'ours',
        ownOrigin: senders('ours').ownOrigin,
        readSettings: async () => parseSettings(settings),
      } as unknown as RequestContext);
      expect(await readLocalNoSpan('arxiv')).toEqual(background);
    }
    await fakeBrowser.storage.sync.set({ [SETTINGS_KEY]: { highlightThreshold: 25 } });
    expect(await readLocalNoSpan('arxiv')).toEqual({ enabled: true, highlightThreshold: 25, index: '' });
  });

  it('leaves the answer to the background when storage fails', async () => {
    vi.spyOn(fakeBrowser.storage.sync, 'get').mockRejectedValue(new Error('Extension context invalidated.'));
    expect(await readLocalNoSpan('arxiv')).toBeUndefined();
  });
});
