/**
 * The popup's "this page" row: badges on the current tab once, with the access a click on the toolbar
 * button grants (`activeTab`: the tab's host until it navigates, no standing permission), and, on a
 * site in the registry, "Always on" (its switch and, for a site turned on later, its hosts, asked for
 * in the click). Sites outside the registry can be badged once only: always-on needs a reader made for
 * the site and a permission for its host, which only the registry's sites have.
 */
import { askToTurnOn, siteEnabled, siteOfUrl, siteOrigins, type SiteEntry, type SiteId, type SitePermissions } from '../shared/sites';

/** The script "Show badges on this page" runs in the tab (entrypoints/anypage.content). */
export const ON_REQUEST_SCRIPT = '/content-scripts/anypage.js';

export type ThisPageOffer =
  /** Not a web page (the browser's own pages, the extension's, files): nothing to offer. */
  | { kind: 'none' }
  /** A registry site already on: its own script shows the badges. */
  | { kind: 'site-on'; site: SiteEntry }
  /** A registry site that is off: badges once, or always on. */
  | { kind: 'site-off'; site: SiteEntry }
  /** Any other web page: badges once. */
  | { kind: 'other' };

/** What the row offers for a tab: `url` as the browser tells it (undefined when it does not), the stored settings, whether the site's hosts are granted. */
export function thisPageOffer(url: string | undefined, storedSettings: unknown, granted: boolean): ThisPageOffer {
  if (url !== undefined && !/^https?:\/\//i.test(url)) return { kind: 'none' };
  const site = url === undefined ? undefined : siteOfUrl(url);
  if (!site) return { kind: 'other' };
  const on = siteEnabled(storedSettings, site.id as SiteId) && (site.access === 'install' || granted);
  return { kind: on ? 'site-on' : 'site-off', site };
}

/** What the row needs of the browser. */
export interface ThisPageApi {
  executeScript(injection: { target: { tabId: number }; files: [typeof ON_REQUEST_SCRIPT] }): Promise<unknown>;
  permissions: Pick<SitePermissions, 'request'>;
  /** The background's answer to `turnSiteOn` (the switch saved, the site's scripts registered). */
  turnSiteOn(site: SiteId): Promise<boolean>;
  reload(tabId: number): Promise<void>;
}

/** Badges the tab's paper links once; false when the browser refused (no access to the tab: the popup was not opened on it). */
export async function showBadgesOnce(api: Pick<ThisPageApi, 'executeScript'>, tabId: number): Promise<boolean> {
  try {
    await api.executeScript({ target: { tabId }, files: [ON_REQUEST_SCRIPT] });
    return true;
  } catch {
    return false;
  }
}

/**
 * "Always on {site}": asks for the site's hosts (call it in the click: browsers only prompt then), turns
 * its switch on and reloads the tab so the site's own script badges it; false when the person said no.
 */
export async function turnOnAlways(api: ThisPageApi, site: SiteEntry, tabId: number): Promise<boolean> {
  if (!(await askToTurnOn(site, api.permissions))) return false;
  if (!(await api.turnSiteOn(site.id as SiteId))) return false;
  await api.reload(tabId).catch(() => undefined);
  return true;
}

/** The hosts whose grant decides whether a registry site is on (none for the sites granted at install). */
export function hostsToCheck(site: SiteEntry): string[] {
  return site.access === 'optional' ? siteOrigins(site) : [];
}

/** The tab the row acts on: `?tab=<id>` when the popup is opened in a tab for another one (tests, keyboard users), else the active tab. */
export function tabIdFromSearch(search: string): number | undefined {
  const value = new URLSearchParams(search).get('tab');
  return value !== null && /^\d+$/.test(value) ? Number(value) : undefined;
}
