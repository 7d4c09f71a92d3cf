// @vitest-environment happy-dom
/**
 * "Adding a site" (README) tried with a throw-away site: one registry entry, and every part that must
 * know the site — settings, page messages, the options page's switches, content-script matches, the
 * switch read by content scripts — knows it, without an edit anywhere else.
 */
import { h, render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { SiteEntry } from '../../../lib/shared/sites';
import { SITE_SENDS } from '../../../lib/options/site-sends';

const THROWAWAY: SiteEntry = {
  id: 'throwaway',
  label: 'Throwaway Papers',
  hosts: ['papers.example'],
  scripts: { throwaway: ['https://papers.example/paper/*'] },
  defaultOn: false,
  sends: 'nothing',
  access: 'optional',
};

async function withThrowawaySite() {
  vi.resetModules();
  vi.doMock('../../../lib/shared/sites', async (importActual) => {
    const actual = await importActual<typeof import('../../../lib/shared/sites')>();
    const SITES = [...actual.SITES, THROWAWAY];
    return {
      ...actual,
      SITES,
      SITE_IDS: SITES.map((site) => site.id),
      DEFAULT_SITE_SWITCHES: Object.fromEntries(SITES.map((site) => [site.id, site.defaultOn])),
      scriptMatches: (script: string) => (script === 'throwaway' ? [...THROWAWAY.scripts.throwaway!] : actual.scriptMatches(script)),
    };
  });
  return {
    settings: await import('../../../lib/shared/settings'),
    messages: await import('../../../lib/shared/message-schema'),
    form: await import('../../../lib/options/settings-form'),
    switch: await import('../../../lib/sites/kit/site-switch'),
    sites: await import('../../../lib/shared/sites'),
  };
}

afterEach(() => {
  vi.doUnmock('../../../lib/shared/sites');
  vi.resetModules();
});

describe('the sites registry', () => {
  it('is where every site-specific part comes from: a throw-away entry reaches them all', async () => {
    const parts = await withThrowawaySite();
    const sites = parts.settings.parseSettings({}).sites as Record<string, boolean>;
    expect(Object.keys(sites)).toEqual(parts.sites.SITE_IDS);
    expect(sites).toMatchObject({ arxiv: true, github: true, throwaway: false });
    expect((parts.settings.parseSettings({ sites: { throwaway: true } }).sites as Record<string, boolean>).throwaway).toBe(true);

    expect(parts.messages.RequestSchema.safeParse({ type: 'badgeIndex', site: 'throwaway', span: 'newest' }).success).toBe(true);
    expect(parts.messages.RequestSchema.safeParse({ type: 'badgeIndex', site: 'elsewhere', span: 'newest' }).success).toBe(false);

    const form = parts.form.toSettingsForm(parts.settings.parseSettings({}));
    const saved = parts.form.readSettingsForm({ ...form, sites: { ...form.sites, throwaway: true } as typeof form.sites });
    expect(saved.ok && (saved.settings.sites as Record<string, boolean>).throwaway).toBe(true);

    expect(parts.sites.siteEnabled({}, 'throwaway' as never)).toBe(false);
    expect(parts.sites.siteEnabled({ sites: { throwaway: true } }, 'throwaway' as never)).toBe(true);
    expect(parts.sites.scriptMatches('throwaway')).toEqual(['https://papers.example/paper/*']);
  });

  it('gives the options page a switch per site, with what it sends', async () => {
    const parts = await withThrowawaySite();
    vi.doMock('../../../lib/shared/settings', async (importActual) => ({
      ...(await importActual<typeof import('../../../lib/shared/settings')>()),
      readSettings: async () => parts.settings.parseSettings({}),
    }));
    const { OptionsSettingsForm } = await import('../../../components/options/OptionsSettingsForm');
    const root = document.createElement('div');
    document.body.append(root);
    render(h(OptionsSettingsForm, {}), root);
    await vi.waitFor(() => expect(root.querySelector('#site-throwaway')).not.toBeNull());
    const label = root.querySelector('label[for="site-throwaway"]')?.textContent;
    expect(label).toBe('Show Daily Papers on Throwaway Papers');
    expect((root.querySelector('#site-throwaway') as HTMLInputElement).checked).toBe(false);
    expect(root.querySelector('#site-throwaway-hint')?.textContent).toMatch(new RegExp(`^${SITE_SENDS.nothing} Off until you turn it on: .*papers\.example`));
    expect((root.querySelector('#site-arxiv') as HTMLInputElement).checked).toBe(true);
    render(null, root);
    vi.doUnmock('../../../lib/shared/settings');
  });

  it('keeps every site turned on later off by default, as content scripts assume (they carry only the manifest sites)', async () => {
    const { DEFAULT_SITE_SWITCHES, defaultSwitch, optionalSites, SITE_IDS } = await import('../../../lib/shared/sites');
    for (const site of optionalSites()) expect(site.defaultOn, site.id).toBe(false);
    for (const id of SITE_IDS) expect(defaultSwitch(id), id).toBe(DEFAULT_SITE_SWITCHES[id]);
  });

  it('tells content scripts which sites name papers by title exactly as the list says (they do not carry the list)', async () => {
    const { SITES, siteByTitle } = await import('../../../lib/shared/sites');
    for (const site of SITES as readonly SiteEntry[]) expect(siteByTitle(site.id as never), site.id).toBe(site.byTitle);
    expect((SITES as readonly SiteEntry[]).filter((site) => site.byTitle).length).toBe(4);
  });

  it('names each content script once, and throws for one it does not know', async () => {
    const { SITES, scriptMatches } = await import('../../../lib/shared/sites');
    const scripts = SITES.flatMap((site) => Object.keys(site.scripts));
    expect(new Set(scripts).size).toBe(scripts.length);
    expect(scriptMatches('github')).toEqual(['https://github.com/*']);
    expect(() => scriptMatches('nowhere')).toThrow(/No site has/);
  });
});
