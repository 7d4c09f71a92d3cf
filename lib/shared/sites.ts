/**
 * The sites the extension annotates, one entry each. Everything site-specific that other rooms need is
 * derived from this list: the settings' switches (./settings.ts), the `site` of page messages
 * (./message-schema.ts), the options page's switches and what each sends (components/options/), each
 * content script's `matches` (entrypoints/<id>*.content), the manifest test and the e2e fixture hosts.
 * Adding a site: an entry here, a folder lib/sites/<id>/ (and components/sites/<id>/), a thin entrypoint
 * per script, fixtures and tests (README, "Adding a site").
 */

import { isRecord } from './is-record';

export interface SiteEntry {
  readonly id: string;
  /** As the options page names it: "Show Daily Papers on {label}". */
  readonly label: string;
  /** Every host its pages are served from (the e2e fixture server answers for each). */
  readonly hosts: readonly string[];
  /** Each content script of the site (entrypoints/<script>.content) and the pages it runs on. */
  readonly scripts: Readonly<Record<string, readonly string[]>>;
  /** The switch's position before the person touches it. */
  readonly defaultOn: boolean;
  /**
   * What its pages may cause to be sent beyond this browser (the options page says it in words,
   * lib/options/site-sends.ts): `nothing` (answered from the local copy only), `opened-paper` (a paper's
   * own page may ask Hugging Face about that paper, with live lookups on), `cited-papers` (a page citing
   * a few papers missing from the local copy may ask about those, with live lookups on).
   */
  readonly sends: SiteSends;
  /**
   * `install`: its hosts are granted at install and its scripts are in the manifest. `optional`: off
   * until the person turns it on; its hosts are optional host permissions, asked for by the options
   * page's switch, and its scripts are registered at run time while it is on (lib/background/site-scripts.ts).
   */
  readonly access: SiteAccess;
  /**
   * Its pages name papers by title too: a page sends the titles it shows (`matchTitles`), and the
   * background matches them against its title index (./title-index.ts; 3 MB with a year of papers, never
   * sent to a page). `with-badges`: nearly every page does, so the page's first question (`linkBadges`)
   * makes the title index ready. `when-seen`: few pages do, and it is read when a page first asks.
   */
  readonly byTitle?: 'with-badges' | 'when-seen';
}

export type SiteAccess = 'install' | 'optional';

export type SiteSends = 'nothing' | 'opened-paper' | 'cited-papers';

const pages = (hosts: readonly string[], paths: readonly string[]) => hosts.flatMap((host) => paths.map((path) => `https://${host}${path}`));

const ARXIV_HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'] as const;

/**
 * Google Scholar's country hosts people are sent to (a match pattern cannot wildcard a TLD): the
 * largest ones; a person on another uses scholar.google.com (or asks for it to be added).
 */
// Pure (as `pages` below): dropped with the optional sites from the content scripts that never read them.
const SCHOLAR_HOSTS = /* @__PURE__ */ [
  'com', 'co.uk', 'de', 'fr', 'ca', 'com.au', 'co.jp', 'co.kr', 'com.hk', 'com.tw', 'co.in', 'com.br',
  'es', 'it', 'nl', 'ch', 'at', 'be', 'se', 'pl', 'pt', 'cz', 'ru', 'com.sg', 'co.il', 'com.tr', 'com.mx',
].map((tld) => `scholar.google.${tld}`);

/**
 * Which sites name papers by title (`SiteEntry.byTitle`), again apart from the list, so that a content
 * script reads it (`siteByTitle`) without carrying the list (3 KB, 0.6 KB gzipped; see `defaultSwitch`):
 * tests/unit/shared/sites.test.ts checks the two agree.
 */
const BY_TITLE = { scholar: 'with-badges', x: 'when-seen', openreview: 'with-badges', semanticscholar: 'with-badges' } as const;

/** The sites whose scripts are in the manifest (`access: 'install'`). */
const INSTALL_SITES = [
  {
    id: 'arxiv',
    label: 'arXiv',
    hosts: ARXIV_HOSTS,
    scripts: {
      /** Abstract pages and HTML papers. */
      'arxiv-paper': pages(ARXIV_HOSTS, ['/abs/*', '/html/*']),
      /** Listings (/list/…: new, recent, pastweek, month lists), /catchup and search results. */
      'arxiv-listing': pages(ARXIV_HOSTS, ['/list/*', '/catchup*', '/search*']),
    },
    defaultOn: true,
    sends: 'opened-paper',
    access: 'install',
  },
  {
    id: 'github',
    label: 'GitHub',
    hosts: ['github.com'],
    scripts: { github: ['https://github.com/*'] },
    defaultOn: true,
    sends: 'cited-papers',
    access: 'install',
  },
] as const satisfies readonly SiteEntry[];

/**
 * The sites turned on later (`access: 'optional'`), apart: a content script reads only the sites in its
 * manifest (their switches' defaults, their `matches`), so these are left out of every content script.
 */
const OPTIONAL_SITES = [
  {
    id: 'hackernews',
    label: 'Hacker News',
    hosts: ['news.ycombinator.com'],
    /** Story listings, item pages (story and comments) and comment listings. */
    scripts: { hackernews: ['https://news.ycombinator.com/*'] },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
  },
  {
    id: 'scholar',
    label: 'Google Scholar',
    hosts: SCHOLAR_HOSTS,
    /** Result pages (/scholar?q=…, cited-by and related lists); not profiles or the home page. */
    scripts: { scholar: /* @__PURE__ */ pages(SCHOLAR_HOSTS, ['/scholar?*']) },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
    byTitle: 'with-badges',
  },
  {
    id: 'reddit',
    label: 'Reddit',
    hosts: ['www.reddit.com', 'old.reddit.com'],
    scripts: { reddit: ['https://www.reddit.com/*', 'https://old.reddit.com/*'] },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
  },
  {
    id: 'x',
    label: 'X',
    hosts: ['x.com'],
    scripts: { x: ['https://x.com/*'] },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
    /** A link card names its paper by title only (its link is t.co); most timelines show none. */
    byTitle: 'when-seen',
  },
  {
    id: 'openreview',
    label: 'OpenReview',
    hosts: ['openreview.net'],
    /** Forum pages (a paper and its reviews; the site navigates without reloading): the paper is known by its title only. */
    scripts: { openreview: ['https://openreview.net/*'] },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
    byTitle: 'with-badges',
  },
  {
    id: 'semanticscholar',
    label: 'Semantic Scholar',
    hosts: ['www.semanticscholar.org'],
    /** Paper pages and search results (a single-page app: the script runs on the whole site, reads those two). */
    scripts: { semanticscholar: ['https://www.semanticscholar.org/*'] },
    defaultOn: false,
    sends: 'nothing',
    access: 'optional',
    byTitle: 'with-badges',
  },
  {
    id: 'alphaxiv',
    label: 'alphaXiv',
    hosts: ['www.alphaxiv.org', 'alphaxiv.org'],
    /** Paper pages get arXiv's card; the script runs on the whole site, as the app navigates to papers without reloading. */
    scripts: { alphaxiv: ['https://www.alphaxiv.org/*', 'https://alphaxiv.org/*'] },
    defaultOn: false,
    // Its card may look the opened paper up live, as arXiv's does, under the same live-lookup setting.
    sends: 'opened-paper',
    access: 'optional',
  },
] as const satisfies readonly SiteEntry[];

// A pure call (not a spread), so a content script that reads only the manifest's sites drops the others.
export const SITES = /* @__PURE__ */ (INSTALL_SITES as readonly SiteEntry[]).concat(OPTIONAL_SITES) as unknown as readonly [...typeof INSTALL_SITES, ...typeof OPTIONAL_SITES];

export type SiteId = (typeof SITES)[number]['id'];

export const SITE_IDS = /* @__PURE__ */ SITES.map((site) => site.id) as [SiteId, ...SiteId[]];

/** The switches before the person touches them. */
export const DEFAULT_SITE_SWITCHES = /* @__PURE__ */ Object.fromEntries(/* @__PURE__ */ SITES.map((site) => [site.id, site.defaultOn])) as Record<SiteId, boolean>;

export function siteEntry(id: SiteId): SiteEntry {
  return SITES.find((site) => site.id === id)!;
}

/** The host permission patterns of a site (`https://host/*`): what its switch asks the browser for. */
export function siteOrigins(site: SiteEntry): string[] {
  return site.hosts.map((host) => `https://${host}/*`);
}

/** The sites a person turns on with a permission asked for then (`access: 'optional'`). */
export function optionalSites(): SiteEntry[] {
  return (SITES as readonly SiteEntry[]).filter((site) => site.access === 'optional');
}

/**
 * A switch's position before the person touches it, as a content script reads it: from the manifest's
 * sites only (a site turned on later is off until then), so content scripts carry none of the others.
 */
export function defaultSwitch(site: SiteId): boolean {
  return (INSTALL_SITES as readonly SiteEntry[]).find((entry) => entry.id === site)?.defaultOn ?? false;
}

/** Whether, and how, `site` names papers by title (`SiteEntry.byTitle`), as a content script reads it. */
export function siteByTitle(site: SiteId): SiteEntry['byTitle'] {
  return (BY_TITLE as Partial<Record<SiteId, SiteEntry['byTitle']>>)[site];
}

/** The `matches` of a manifest content script (entrypoints/<script>.content of a site with `access: 'install'`). */
export function scriptMatches(script: string): string[] {
  for (const site of INSTALL_SITES as readonly SiteEntry[]) {
    const matches = site.scripts[script];
    if (matches) return [...matches];
  }
  throw new Error(`No site has a content script ${script}`);
}

/**
 * Whether the overlay of `site` is on, given the stored settings object (or whatever is stored), read
 * without the settings schema (zod would more than triple a content script, and the popup needs no
 * more): exactly as ./settings.ts's `parseSettings` reads it (anything but a boolean means the default);
 * tests/unit/sites/kit/site-switch.test.ts checks the two agree for any stored value.
 */
export function siteEnabled(stored: unknown, site: SiteId): boolean {
  const sites = isRecord(stored) ? stored.sites : undefined;
  const value = isRecord(sites) ? sites[site] : undefined;
  return typeof value === 'boolean' ? value : defaultSwitch(site);
}

/** The site in the registry a page belongs to (by its host; https only), if any. */
export function siteOfUrl(url: string): SiteEntry | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:') return undefined;
  return (SITES as readonly SiteEntry[]).find((site) => site.hosts.includes(parsed.hostname));
}

/** What turning a site on needs of the browser's permissions API. */
export interface SitePermissions {
  request(permissions: { origins: string[] }): Promise<boolean>;
  contains(permissions: { origins: string[] }): Promise<boolean>;
  remove(permissions: { origins: string[] }): Promise<boolean>;
}

/** Whether the site may be turned on: an optional site's hosts must be granted (the browser asks the person). Call it in the click. */
export function askToTurnOn(site: SiteEntry, permissions: Pick<SitePermissions, 'request'>): Promise<boolean> {
  if (site.access !== 'optional') return Promise.resolve(true);
  return permissions.request({ origins: siteOrigins(site) }).catch(() => false);
}
