import { describe, expect, it, vi } from 'vitest';
import { ON_REQUEST_SCRIPT, showBadgesOnce, tabIdFromSearch, thisPageOffer, turnOnAlways, type ThisPageApi } from '../../../lib/popup/this-page';
import { siteEntry, siteOrigins } from '../../../lib/shared/sites';

const HN = siteEntry('hackernews');

function api(overrides: Partial<ThisPageApi> = {}) {
  return {
    executeScript: vi.fn(async () => []),
    permissions: { request: vi.fn(async () => true) },
    turnSiteOn: vi.fn(async () => true),
    reload: vi.fn(async () => undefined),
    ...overrides,
  } satisfies ThisPageApi;
}

describe('thisPageOffer', () => {
  it('offers nothing on pages that are not web pages', () => {
    for (const url of ['chrome://extensions/', 'chrome-extension://abc/popup.html', 'about:blank', 'file:///tmp/a.html', 'view-source:https://x.com/']) {
      expect(thisPageOffer(url, undefined, false)).toEqual({ kind: 'none' });
    }
  });

  it('offers "once" on any other web page, and when the browser does not tell the URL', () => {
    expect(thisPageOffer('https://lab.example.org/reading', undefined, false)).toEqual({ kind: 'other' });
    expect(thisPageOffer('http://localhost:8000/notes', undefined, false)).toEqual({ kind: 'other' });
    expect(thisPageOffer(undefined, undefined, false)).toEqual({ kind: 'other' });
  });

  it('offers "always on" on a registry site that is off, or on but not granted; says so when it is on', () => {
    expect(thisPageOffer('https://news.ycombinator.com/item?id=1', {}, true)).toEqual({ kind: 'site-off', site: HN });
    expect(thisPageOffer('https://news.ycombinator.com/news', { sites: { hackernews: true } }, false)).toEqual({ kind: 'site-off', site: HN });
    expect(thisPageOffer('https://news.ycombinator.com/news', { sites: { hackernews: true } }, true)).toEqual({ kind: 'site-on', site: HN });
    // arXiv is granted at install: on unless switched off.
    expect(thisPageOffer('https://arxiv.org/abs/2506.06276', undefined, false)).toMatchObject({ kind: 'site-on' });
    expect(thisPageOffer('https://arxiv.org/abs/2506.06276', { sites: { arxiv: false } }, false)).toMatchObject({ kind: 'site-off' });
    // A look-alike host is not the site.
    expect(thisPageOffer('https://news.ycombinator.com.example.org/', {}, true)).toEqual({ kind: 'other' });
  });
});

describe('showBadgesOnce', () => {
  it('runs the on-request script in the tab', async () => {
    const browser = api();
    expect(await showBadgesOnce(browser, 7)).toBe(true);
    expect(browser.executeScript).toHaveBeenCalledWith({ target: { tabId: 7 }, files: [ON_REQUEST_SCRIPT] });
  });

  it('says so when the browser refuses (no access to the tab)', async () => {
    const browser = api({ executeScript: vi.fn(async () => Promise.reject(new Error('Cannot access contents of the page'))) });
    expect(await showBadgesOnce(browser, 7)).toBe(false);
  });
});

describe('turnOnAlways', () => {
  it('asks for the site’s hosts, turns its switch on and reloads the tab', async () => {
    const browser = api();
    expect(await turnOnAlways(browser, HN, 7)).toBe(true);
    expect(browser.permissions.request).toHaveBeenCalledWith({ origins: siteOrigins(HN) });
    expect(browser.turnSiteOn).toHaveBeenCalledWith('hackernews');
    expect(browser.reload).toHaveBeenCalledWith(7);
  });

  it('changes nothing when the person refuses the access', async () => {
    const browser = api({ permissions: { request: vi.fn(async () => false) } });
    expect(await turnOnAlways(browser, HN, 7)).toBe(false);
    expect(browser.turnSiteOn).not.toHaveBeenCalled();
    expect(browser.reload).not.toHaveBeenCalled();
  });

  it('asks for no access for a site granted at install', async () => {
    const browser = api();
    await turnOnAlways(browser, siteEntry('arxiv'), 7);
    expect(browser.permissions.request).not.toHaveBeenCalled();
    expect(browser.turnSiteOn).toHaveBeenCalledWith('arxiv');
  });
});

describe('tabIdFromSearch', () => {
  it('reads ?tab=<id>, nothing else', () => {
    expect(tabIdFromSearch('?tab=42')).toBe(42);
    expect(tabIdFromSearch('')).toBeUndefined();
    expect(tabIdFromSearch('?tab=4x')).toBeUndefined();
    expect(tabIdFromSearch('?tab=')).toBeUndefined();
  });
});
