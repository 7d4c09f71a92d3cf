import { describe, expect, it, vi } from 'vitest';
import { releaseSitesOff, siteAccessHint } from '../../../lib/options/site-access';
import { askToTurnOn, type SitePermissions } from '../../../lib/shared/sites';
import { DEFAULT_SITE_SWITCHES, siteEntry } from '../../../lib/shared/sites';

function fakePermissions(granted: string[], answer = true): SitePermissions & { granted: Set<string> } {
  const held = new Set(granted);
  return {
    granted: held,
    request: vi.fn(async ({ origins }) => {
      if (answer) for (const origin of origins) held.add(origin);
      return answer;
    }),
    contains: async ({ origins }) => origins.every((origin) => held.has(origin)),
    remove: vi.fn(async ({ origins }) => {
      for (const origin of origins) held.delete(origin);
      return true;
    }),
  };
}

describe('askToTurnOn', () => {
  it('asks the browser for the hosts of a site turned on later, and answers what it said', async () => {
    const yes = fakePermissions([]);
    expect(await askToTurnOn(siteEntry('hackernews'), yes)).toBe(true);
    expect(yes.request).toHaveBeenCalledWith({ origins: ['https://news.ycombinator.com/*'] });
    expect(await askToTurnOn(siteEntry('hackernews'), fakePermissions([], false))).toBe(false);
  });

  it('asks nothing for a site whose hosts came with the install', async () => {
    const permissions = fakePermissions([]);
    expect(await askToTurnOn(siteEntry('github'), permissions)).toBe(true);
    expect(permissions.request).not.toHaveBeenCalled();
  });
});

describe('releaseSitesOff', () => {
  it('gives back the hosts of a site saved off, keeps those of a site on, and asks nothing of a site never granted', async () => {
    const permissions = fakePermissions(['https://news.ycombinator.com/*']);
    expect(await releaseSitesOff({ ...DEFAULT_SITE_SWITCHES, hackernews: true }, permissions)).toEqual([]);
    expect(permissions.granted.has('https://news.ycombinator.com/*')).toBe(true);
    expect(await releaseSitesOff({ ...DEFAULT_SITE_SWITCHES, hackernews: false }, permissions)).toEqual(['hackernews']);
    expect(permissions.granted.size).toBe(0);
    expect(await releaseSitesOff({ ...DEFAULT_SITE_SWITCHES, hackernews: false }, permissions)).toEqual([]);
    expect(permissions.remove).toHaveBeenCalledTimes(1);
  });
});

describe('siteAccessHint', () => {
  it('tells what the browser will ask, for sites turned on later only', () => {
    expect(siteAccessHint(siteEntry('hackernews'))).toMatch(/news\.ycombinator\.com/);
    expect(siteAccessHint(siteEntry('scholar'))).toMatch(/scholar\.google\.com and its \d+ other country sites/);
    expect(siteAccessHint(siteEntry('arxiv'))).toBe('');
  });
});
