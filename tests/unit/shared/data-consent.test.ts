import { describe, expect, it, vi } from 'vitest';
import { dataConsent, liveLookupsAllowed, SEARCH_NOT_ALLOWED, searchIfAllowed, type DataCollectionPermissions } from '../../../lib/shared/data-consent';

function firefoxPermissions(granted: string[], answer = true) {
  const state = new Set(granted);
  const permissions = {
    getAll: vi.fn(async () => ({ permissions: ['storage'], data_collection: [...state] })),
    request: vi.fn(async ({ data_collection }: { data_collection: string[] }) => {
      if (answer) for (const kind of data_collection) state.add(kind);
      return answer;
    }),
    remove: vi.fn(async ({ data_collection }: { data_collection: string[] }) => {
      for (const kind of data_collection) state.delete(kind);
      return true;
    }),
  } satisfies DataCollectionPermissions;
  return permissions;
}

describe('consent for data collection', () => {
  it('outside Firefox, the settings alone decide: always granted, nothing asked', async () => {
    const consent = dataConsent(undefined);
    expect(await consent.granted('browsingActivity')).toBe(true);
    expect(await consent.request('searchTerms')).toBe(true);
    expect(await liveLookupsAllowed(true, consent)).toBe(true);
    expect(await liveLookupsAllowed(false, consent)).toBe(false);
  });

  it('in Firefox, live lookups wait for consent to send browsing activity, even with the setting on', async () => {
    const permissions = firefoxPermissions([]);
    const consent = dataConsent(permissions);
    expect(await liveLookupsAllowed(true, consent)).toBe(false);
    expect(await consent.request('browsingActivity')).toBe(true);
    expect(permissions.request).toHaveBeenCalledWith({ data_collection: ['browsingActivity'] });
    expect(await liveLookupsAllowed(true, consent)).toBe(true);
    expect(await liveLookupsAllowed(false, consent)).toBe(false);
    await consent.revoke('browsingActivity');
    expect(await liveLookupsAllowed(true, consent)).toBe(false);
  });

  it('in Firefox, a refused prompt or a Firefox without the API means no consent', async () => {
    const refused = dataConsent(firefoxPermissions([], false));
    expect(await refused.request('browsingActivity')).toBe(false);
    expect(await refused.granted('browsingActivity')).toBe(false);
    const broken = dataConsent({
      getAll: async () => { throw new Error('no data_collection here'); },
      request: async () => { throw new Error('unknown key'); },
      remove: async () => { throw new Error('unknown key'); },
    });
    expect(await broken.granted('browsingActivity')).toBe(false);
    expect(await broken.request('searchTerms')).toBe(false);
    await expect(broken.revoke('searchTerms')).resolves.toBeUndefined();
  });

  it('a search of all of Hugging Face is sent only with consent for search terms', async () => {
    const search = vi.fn(async () => ({ ok: true as const, papers: [] }));
    expect(await searchIfAllowed(dataConsent(firefoxPermissions(['browsingActivity'])), search)).toEqual(SEARCH_NOT_ALLOWED);
    expect(search).not.toHaveBeenCalled();
    expect(await searchIfAllowed(dataConsent(firefoxPermissions(['searchTerms'])), search)).toEqual({ ok: true, papers: [] });
    expect(await searchIfAllowed(dataConsent(undefined), search)).toEqual({ ok: true, papers: [] });
    expect(search).toHaveBeenCalledTimes(2);
  });
});
