import { describe, expect, it } from 'vitest';
import { reconcileSiteScripts, serialised, siteScripts, sitesOfOrigins, type SiteScript, type SiteScriptsApi } from '../../../lib/background/site-scripts';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/shared/settings';
import { siteEntry } from '../../../lib/shared/sites';

/** scripting.* as Chromium keeps it: a list of registered scripts by id (registering an id twice throws). */
function fakeScripting(initial: { id: string; matches?: string[] }[] = []): SiteScriptsApi & { scripts: Map<string, { id: string; matches?: string[] }>; calls: string[] } {
  const scripts = new Map(initial.map((script) => [script.id, script]));
  const calls: string[] = [];
  return {
    scripts,
    calls,
    getRegisteredContentScripts: async () => [...scripts.values()],
    registerContentScripts: async (list: SiteScript[]) => {
      for (const script of list) {
        if (scripts.has(script.id)) throw new Error(`Duplicate script ID '${script.id}'`);
        scripts.set(script.id, script);
        calls.push(`register ${script.id}`);
      }
    },
    unregisterContentScripts: async ({ ids }) => {
      for (const id of ids) scripts.delete(id);
      calls.push(`unregister ${ids.join()}`);
    },
  };
}

const settings = (hackernews: boolean): Settings => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, hackernews } });
const deps = (scripting: SiteScriptsApi, on: boolean, granted: boolean) => ({
  scripting,
  granted: async () => granted,
  readSettings: async () => settings(on),
  persist: true,
});

describe('reconcileSiteScripts', () => {
  it('registers a site turned on with its hosts granted, with the registry pages, kept across browser restarts', async () => {
    const scripting = fakeScripting();
    expect(await reconcileSiteScripts(deps(scripting, true, true))).toEqual({ registered: ['hackernews'], unregistered: [] });
    expect(scripting.scripts.get('hackernews')).toEqual({
      id: 'hackernews',
      matches: ['https://news.ycombinator.com/*'],
      js: ['content-scripts/hackernews.js'],
      runAt: 'document_start',
      persistAcrossSessions: true,
    });
    // Asked again (the worker woke, a setting changed): nothing to do, nothing registered twice.
    expect(await reconcileSiteScripts(deps(scripting, true, true))).toEqual({ registered: [], unregistered: [] });
  });

  it.each([
    ['off', false, true],
    ['on without its hosts', true, false],
  ])('registers nothing for a site %s, and unregisters one registered before', async (_, on, granted) => {
    const empty = fakeScripting();
    await reconcileSiteScripts(deps(empty, on, granted));
    expect(empty.calls).toEqual([]);
    const registered = fakeScripting([{ id: 'hackernews', matches: ['https://news.ycombinator.com/*'] }]);
    expect(await reconcileSiteScripts(deps(registered, on, granted))).toEqual({ registered: [], unregistered: ['hackernews'] });
    expect(registered.scripts.size).toBe(0);
  });

  it('registers again a script whose pages changed (an update), and leaves scripts that are not its own alone', async () => {
    const scripting = fakeScripting([{ id: 'hackernews', matches: ['https://news.ycombinator.com/item*'] }, { id: 'someone-else' }]);
    expect(await reconcileSiteScripts(deps(scripting, true, true))).toEqual({ registered: ['hackernews'], unregistered: [] });
    expect(scripting.calls).toEqual(['unregister hackernews', 'register hackernews']);
    expect([...scripting.scripts.keys()].sort()).toEqual(['hackernews', 'someone-else']);
  });

  it('does not ask Firefox to keep scripts across sessions (they are registered at each start)', () => {
    expect(siteScripts(siteEntry('hackernews'), false)[0]).not.toHaveProperty('persistAcrossSessions');
  });
});

describe('sitesOfOrigins', () => {
  it('names the sites a revoked permission belongs to', () => {
    expect(sitesOfOrigins(['https://news.ycombinator.com/*'])).toEqual(['hackernews']);
    expect(sitesOfOrigins(['https://huggingface.co/*'])).toEqual([]);
  });
});

describe('serialised', () => {
  it('runs one at a time, and goes on after a failure', async () => {
    const order: string[] = [];
    let n = 0;
    const run = serialised(async () => {
      const mine = ++n;
      order.push(`start ${mine}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
      order.push(`end ${mine}`);
      if (mine === 1) throw new Error('refused');
    });
    await Promise.all([run(), run()]);
    expect(order).toEqual(['start 1', 'end 1', 'start 2', 'end 2']);
  });
});
