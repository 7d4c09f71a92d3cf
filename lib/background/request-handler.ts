/**
 * The background's answer to each request: validated on arrival, refused when not ours or not known,
 * and refused from content scripts when only the extension's own pages may send it.
 */
import { RequestSchema } from '../shared/message-schema';
import { toOverview, type PaperLinks, type PaperOverview, type Request, type ResponseMap } from '../shared/messages';
import type { LookupResult } from './lookup';
import type { Paper } from '../shared/paper';
import type { Settings } from '../shared/settings';
import { siteEntry, type SiteId } from '../shared/sites';
import { TitleIndex } from '../shared/title-index';
import { BadgeIndex, badgeLinesIn, NEWEST_BADGES, newestBadgeLines, newestSpan } from '../shared/badge-index';

/** Who sent a message, as the browser tells it (`runtime.MessageSender`). */
export interface MessageSender {
  /** The extension the message came from: ours for our pages and our content scripts alike. */
  id?: string;
  /** The sending document's URL: an extension page's own, or the web page a content script runs in. */
  url?: string;
  /** The sending document's origin (Chrome; Firefox gives none). */
  origin?: string;
}

/**
 * What the extension's own pages (popup, options) ask, never a page overlay: a sync, a search sent to
 * HF, a paper fetched to be kept, the marks changed, a site turned on. A content script sends none of them, so one sent
 * from a web page's content script is a subverted script (or a compromised page process) at work.
 */
export const EXTENSION_PAGE_REQUESTS: ReadonlySet<Request['type']> = new Set(['syncNow', 'searchHf', 'keepPaper', 'userStateChanged', 'turnSiteOn']);

export interface RequestContext {
  sender: MessageSender;
  ownId: string;
  /** The extension's own origin with its slash, `browser.runtime.getURL('')`: `chrome-extension://<id>/`. */
  ownOrigin: string;
  /** `settings`: when the caller has just read them (one read per question). */
  lookup: (ids: string[], live: boolean, settings?: Settings) => Promise<LookupResult>;
  /** The badge of every listed paper of the retention window, encoded (lib/shared/badge-index.ts): local database only. */
  badgeIndex: () => Promise<string>;
  /** The normalised title of the same papers (lib/shared/title-index.ts): local database only. */
  titleIndex: () => Promise<string>;
  /** Stored papers of a repository (`owner/repo`, any case): local database only. */
  papersForRepo: (repoKey: string) => Promise<Paper[]>;
  /** The linked lists the cache holds for these papers (./paper-details.ts): never a request to HF. */
  cachedLinks: (ids: string[]) => Promise<Map<string, PaperLinks>>;
  syncNow: () => Promise<ResponseMap['syncNow']>;
  /** Re-counts the toolbar badge; answers the count shown. */
  refreshBadge: () => Promise<number>;
  readSettings: () => Promise<Settings>;
  searchHf: (query: string) => Promise<ResponseMap['searchHf']>;
  keepPaper: (id: string) => Promise<ResponseMap['keepPaper']>;
  /** Linked repositories and the discussion of an opened paper (./paper-details.ts): HF only when allowed. */
  paperLinks: (id: string) => Promise<ResponseMap['paperLinks']>;
  paperComments: (id: string) => Promise<ResponseMap['paperComments']>;
  /** Turns a site's switch on (the popup's "Always on this site"); answers whether it is on now. */
  turnSiteOn: (site: SiteId) => Promise<boolean>;
}

/**
 * Whether a message comes from one of the extension's own pages. Its URL says so, and its origin where
 * the browser gives one; `sender.tab` does not (the options page may sit in a tab, and a content
 * script's tab is a web page's).
 */
export function fromExtensionPage(sender: MessageSender, ownOrigin: string): boolean {
  const origin = ownOrigin.endsWith('/') ? ownOrigin : `${ownOrigin}/`;
  const urlIsOurs = typeof sender.url === 'string' && sender.url.startsWith(origin);
  const originIsOurs = sender.origin === undefined || `${sender.origin}/` === origin;
  return urlIsOurs && originIsOurs;
}

export class RefusedRequestError extends Error {
  override name = 'RefusedRequestError';
}

export async function handleRequest(message: unknown, context: RequestContext): Promise<ResponseMap[Request['type']]> {
  if (context.sender.id !== context.ownId) throw new RefusedRequestError('message from outside the extension');
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) throw new RefusedRequestError('malformed message');
  const request = parsed.data;
  if (EXTENSION_PAGE_REQUESTS.has(request.type) && !fromExtensionPage(context.sender, context.ownOrigin)) {
    throw new RefusedRequestError('not from an extension page');
  }
  switch (request.type) {
    case 'lookupPapers': {
      const found = await context.lookup(request.ids, request.live ?? false);
      return { papers: overviews(found.papers) };
    }
    case 'pagePapers': {
      const settings = await context.readSettings();
      if (!settings.sites[request.site]) return { enabled: false, papers: {} };
      // Only a site whose paper pages may ask HF looks up live (lib/shared/sites.ts `sends`): a badges-only site's pages never cause a request.
      const live = (request.live ?? false) && siteEntry(request.site).sends !== 'nothing';
      const found = await context.lookup(request.ids, live, settings);
      return { enabled: true, papers: overviews(found.papers), ...(found.unanswered.length ? { unanswered: found.unanswered } : {}) };
    }
    case 'badgeIndex': {
      const settings = await context.readSettings();
      const { highlightThreshold } = settings;
      if (!settings.sites[request.site]) return { enabled: false, highlightThreshold, index: '' };
      // Search results: no span up front; the page asks about each id.
      if (request.span === 'none') return { enabled: true, highlightThreshold, index: '' };
      const index = await context.badgeIndex();
      const covers = request.span === 'newest' ? newestSpan(index) : request.span;
      return covers ? { enabled: true, highlightThreshold, index: badgeLinesIn(index, covers), covers } : { enabled: true, highlightThreshold, index: '' };
    }
    case 'linkBadges': {
      const settings = await context.readSettings();
      const { highlightThreshold } = settings;
      const { site, ids } = request;
      // No site: the page the popup was asked to badge once, with no switch to consult and no titles.
      if (site && !settings.sites[site]) return { enabled: false, highlightThreshold, badges: ids.map(() => null) };
      // The sites whose pages name papers by title (lib/shared/sites.ts `byTitle`) ask `matchTitles` for them.
      const byTitle = site ? siteEntry(site).byTitle : undefined;
      // A site whose every page asks for titles: the title index first, so that a worker that has to read
      // the window reads badges and titles in one pass, and the page's titles find it ready.
      if (byTitle === 'with-badges') await context.titleIndex();
      const text = await context.badgeIndex();
      const index = new BadgeIndex(text);
      return {
        enabled: true,
        highlightThreshold,
        badges: ids.map((id) => index.get(id) ?? null),
        ...(byTitle ? { byTitle: true as const } : {}),
        ...(request.newest ? { newest: newestBadgeLines(text, NEWEST_BADGES) } : {}),
      };
    }
    case 'matchTitles': {
      const settings = await context.readSettings();
      if (!settings.sites[request.site] || !siteEntry(request.site).byTitle) return { badges: request.titles.map(() => null) };
      const titles = new TitleIndex(await context.titleIndex());
      const index = new BadgeIndex(await context.badgeIndex());
      return {
        badges: request.titles.map((title) => {
          const id = titles.match(title);
          return (id !== undefined && index.get(id)) || null;
        }),
      };
    }
    case 'turnSiteOn':
      return { on: await context.turnSiteOn(request.site) };
    case 'papersForRepo': {
      // Nothing is read while GitHub is off (a page can ask as the switch moves).
      if (!(await context.readSettings()).sites.github) return { papers: [] };
      const papers = await context.papersForRepo(request.repo);
      const links = await context.cachedLinks(papers.map((paper) => paper.id));
      return { papers: papers.map((paper) => ({ ...toOverview(paper), ...(links.has(paper.id) ? { links: links.get(paper.id) } : {}) })) };
    }
    case 'syncNow':
      return context.syncNow();
    case 'userStateChanged':
      return { badgeCount: await context.refreshBadge() };
    case 'searchHf':
      return context.searchHf(request.q);
    case 'keepPaper':
      return context.keepPaper(request.id);
    case 'paperLinks':
      return context.paperLinks(request.id);
    case 'paperComments':
      return context.paperComments(request.id);
  }
}

function overviews(found: Map<string, PaperOverview>): Record<string, PaperOverview> {
  const papers: Record<string, PaperOverview> = {};
  for (const [id, paper] of found) papers[id] = toOverview(paper);
  return papers;
}
