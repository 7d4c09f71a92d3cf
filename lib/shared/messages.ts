/**
 * The typed protocol between content scripts / extension pages and the background: requests, each
 * checked on arrival (./message-schema.ts, kept out of content scripts to keep them small), and the one
 * notice the extension's pages are told (`DatabaseChanged`).
 */
import { browser } from 'wxt/browser';
import { TABLE_NAMES, type TableName } from './db-name';
import type { Paper } from './paper';
import type { SiteId } from './sites';
import type { HfErrorKind, SyncOutcome } from './sync-state';
import type { RepoKind } from './hf-repo';

/** HF refuses longer search queries. */
export const MAX_SEARCH_QUERY = 250;
/** Live lookups are for the paper a person opened, never for a whole listing: at most this many ids of one request. */
export const MAX_LIVE_LOOKUPS = 3;

/** Enough for the largest arXiv listing (2000 entries) plus margin, never unbounded. */
export const MAX_LOOKUP_IDS = 5_000;
/** Ids of one `linkBadges` question (a page sends more in several). */
export const MAX_LINK_BADGE_IDS = 500;
/** Titles of one `matchTitles` question (a page sends more in several), and the longest title matched. */
export const MAX_MATCH_TITLES = 100;
export const MAX_MATCHED_TITLE = 1_000;

export type Request =
  | {
      type: 'lookupPapers';
      ids: string[];
      /**
       * Ask HF for papers not stored, at most MAX_LIVE_LOOKUPS of them (a GitHub page citing a few new
       * papers; the live-lookup setting and Firefox's consent can refuse it).
       */
      live?: boolean;
    }
  | {
      type: 'papersForRepo';
      /** `owner/repo` of a GitHub repository page: answered from the local database only, never sent on. */
      repo: string;
    }
  | {
      /** A single-paper page's one question: its paper(s), and whether to show anything at all. */
      type: 'pagePapers';
      /** The site the page is on; its switch in the settings decides whether anything is looked up. */
      site: SiteId;
      ids: string[];
      /** Ask HF for the page's own paper when it is not stored (an arXiv paper page; under the same setting). */
      live?: boolean;
    }
  | {
      /**
       * An arXiv listing's first question, asked at document_start before the page's ids are known: the
       * badges of the papers its URL says it can show (`IdSpan`, read in ./badge-index.ts), from the local
       * database only, and how to show them, so those badges go in at DOMContentLoaded, in its task. Never
       * answered from anywhere but the local database.
       */
      type: 'badgeIndex';
      site: SiteId;
      span: BadgeSpanAsk;
    }
  | {
      /**
       * A badges-only page's question (Hacker News, Reddit, X…), or a GitHub page's: the badges of the
       * paper ids it links to, looked up in the background's badge index (local database only, never
       * sent on), and how to show them, so no page is sent a year of badges. Asked first with no ids at
       * document_start: whether the site is on, while the worker readies its index (a badges-only page
       * gets the newest papers' badges with it, `newest`); then with the ids each pass over the page
       * (each GitHub page view) finds that those cannot answer.
       */
      type: 'linkBadges';
      /** None: a page the person asked the popup to badge once ("Show badges on this page", with the access a toolbar click grants); no switch, no titles. */
      site?: SiteId;
      ids: string[];
      /** The page's first question: send the newest papers' badges too (./badge-index.ts `NEWEST_BADGES`), answered in the page without a message. */
      newest?: true;
    }
  /**
   * The papers a page's displayed titles name, for a site that names papers by title (./sites.ts
   * `byTitle`): matched in the background against the titles of the papers the badge index holds
   * (./title-index.ts), so no page is sent a year of titles. Local database only, as the badge index.
   */
  | { type: 'matchTitles'; site: SiteId; titles: string[] }
  /** The popup's "Always on this site": the site's switch on (its hosts already granted in the click). */
  | { type: 'turnSiteOn'; site: SiteId }
  | { type: 'syncNow' }
  /** An extension page changed the person's marks (read, saved): the toolbar badge re-counts. */
  | { type: 'userStateChanged' }
  /** The popup's explicit "search all of Hugging Face" (never sent per keystroke). */
  | { type: 'searchHf'; q: string }
  /** The person saved a search result that is not stored: store it so Saved can show it. */
  | { type: 'keepPaper'; id: string }
  /**
   * The models, datasets and Spaces HF links to the paper of the page the person opened (asked after
   * its card is shown; under the live-lookup setting, as the page's own lookup).
   */
  | { type: 'paperLinks'; id: string }
  /** The paper's discussion on HF, asked when the person opens it on the card. */
  | { type: 'paperComments'; id: string };

/** One linked repository as the card shows it; `id` is a checked `owner/name` (lib/shared/hf-repo.ts). */
export interface LinkedRepo {
  id: string;
  likes?: number;
  downloads?: number;
  /** A model's task (`pipeline_tag`). */
  task?: string;
}

export interface PaperLinks {
  /** How many of each HF counts in all. */
  totals: Record<RepoKind, number>;
  /** The top few of each, by likes then downloads. */
  top: Record<RepoKind, LinkedRepo[]>;
}

/** One comment of a paper's discussion, as text; replies one level deep. */
export interface PaperComment {
  id: string;
  /** The commenter's HF user name. */
  author: string;
  /** ISO time. */
  at: string;
  /** The Markdown as written: shown as plain text, never as HTML. */
  text: string;
  /** All reactions counted together. */
  reactions: number;
  /** The commenter is among the paper's authors on HF. */
  byPaperAuthor: boolean;
  replies: PaperComment[];
}

export interface PaperDiscussion {
  /** The latest few threads, newest first. */
  threads: PaperComment[];
  /** Visible top-level threads in all. */
  totalThreads: number;
}

/** A paper of a GitHub repository, with its linked models and Spaces when the cache holds them (never asked for). */
export type RepoPaper = PaperOverview & { links?: PaperLinks };

/** `not-allowed`: nothing was sent (live lookups off, Firefox consent missing, or the site off). */
export type Fetched<T> = ({ ok: true } & T) | { ok: false; reason: 'not-allowed' | 'failed' };

/** What a page needs to draw a badge or card: the paper without its abstract. */
export type PaperOverview = Omit<Paper, 'summary'>;

/** What a badge shows: a listing gets only this, a few dozen bytes a paper. */
export type PaperBadge = Pick<Paper, 'id' | 'upvotes' | 'numComments'>;

/** What the paper card of an abstract page shows (components/sites/kit/PaperCard.tsx, lib/sites/kit/paper-facts.ts). */
export type PaperCardData = Pick<
  Paper,
  'id' | 'upvotes' | 'numComments' | 'aiSummary' | 'aiKeywords' | 'githubRepo' | 'githubStars' | 'projectPage' | 'organization' | 'dailyDate' | 'withdrawnAt'
>;

export interface PagePapers {
  /** False when the person turned the site off: then nothing was looked up and nothing is shown. */
  enabled: boolean;
  papers: Record<string, PaperOverview>;
  /**
   * Ids HF could not be asked about now (the background's limits, or a failure): the page shows
   * nothing for them, rather than the link that says Hugging Face does not have the paper.
   */
  unanswered?: string[];
}

export interface BadgeIndexAnswer {
  /** False when the person turned the site off: then nothing was looked up and nothing is shown. */
  enabled: boolean;
  /** Highlight papers with at least this many upvotes (0: no highlight). */
  highlightThreshold: number;
  /** The badges of the stored papers in `covers`, encoded (./badge-index.ts; empty when not enabled). */
  index: string;
  /** The ids `index` answers for (an id there that it lacks has no badge); none: it answers for none, every id is asked about. */
  covers?: IdSpan;
}

/**
 * A run of ids, `from` (inclusive) up to `to` (exclusive; none: no end), in the index's order. New-style
 * ids (`YYMM.NNNNN`) sort in the order arXiv numbered them, so a month is a span (`2610.` to `2611.`):
 * the papers an arXiv listing of that month can show.
 */
export interface IdSpan {
  from: string;
  to?: string;
}

/**
 * Which papers' badges a listing asks for up front: a span of ids (a month list's month), the index's
 * newest months (`newestSpan`: /new, /recent, /pastweek), or none (search results: each id asked).
 */
export type BadgeSpanAsk = IdSpan | 'newest' | 'none';

export interface LinkBadgesAnswer {
  /** False when the person turned the site off: then nothing was looked up and nothing is shown. */
  enabled: boolean;
  /** Highlight papers with at least this many upvotes (0: no highlight). */
  highlightThreshold: number;
  /** The badge of each id asked about, in order; null for a paper the badge index does not hold (or when not enabled). */
  badges: (PaperBadge | null)[];
  /** For the sites that name papers by title (./sites.ts `byTitle`): ask `matchTitles` for the titles a page shows. */
  byTitle?: true;
  /** Asked with `newest` (and enabled): the last lines of the badge index, the newest papers' badges (./badge-index.ts `newestBadgeLines`). */
  newest?: string;
}

/** Why "search all of Hugging Face" failed. */
export interface SearchFailure {
  kind: HfErrorKind | 'unknown';
  message: string;
  /** For `rate-limited`: when HF said calls may resume (ms since epoch). */
  retryAt?: number;
}

export type HfSearchAnswer = { ok: true; papers: Paper[] } | { ok: false; error: SearchFailure };

export interface ResponseMap {
  lookupPapers: { papers: Record<string, PaperOverview> };
  /** The stored papers whose code is that repository, most upvoted first. */
  papersForRepo: { papers: RepoPaper[] };
  pagePapers: PagePapers;
  badgeIndex: BadgeIndexAnswer;
  linkBadges: LinkBadgesAnswer;
  /** The badge of the paper each title names, in order; null for none (or when the site is off or names no paper by title). */
  matchTitles: { badges: (PaperBadge | null)[] };
  turnSiteOn: { on: boolean };
  syncNow: SyncOutcome;
  userStateChanged: { badgeCount: number };
  searchHf: HfSearchAnswer;
  keepPaper: { kept: boolean };
  paperLinks: Fetched<{ links: PaperLinks }>;
  paperComments: Fetched<{ discussion: PaperDiscussion }>;
}

export type Response<T extends Request['type']> = ResponseMap[T];

/** How the worker's webextension-polyfill (Chrome) sends a refused request back as a value. */
const POLYFILL_REJECTION = '__mozWebExtensionPolyfillReject__';

export async function sendRequest<T extends Request>(request: T): Promise<Response<T['type']>> {
  const answer: unknown = await browser.runtime.sendMessage(request);
  // Content scripts run without the polyfill (wxt.config.ts), so its rejection must be thrown here.
  if (typeof answer === 'object' && answer !== null && POLYFILL_REJECTION in answer) {
    throw new Error(String((answer as { message?: unknown }).message ?? 'request refused'));
  }
  return answer as Response<T['type']>;
}

/**
 * A notice, not a request: the database changed, in these tables. The background sends it after every
 * write its Dexie sees committed (lib/background/database-changes.ts), the options page after its own;
 * the popup re-reads what it shows from them (lib/popup/database-changes.ts). `runtime.sendMessage`
 * reaches every extension page but not its sender, and never a content script (those hear only
 * `tabs.sendMessage`). Nobody answers it: the background ignores it, it is no `Request`.
 */
export interface DatabaseChanged {
  type: 'databaseChanged';
  tables: TableName[];
}

export function isDatabaseChanged(message: unknown): message is DatabaseChanged {
  if (typeof message !== 'object' || message === null) return false;
  const { type, tables } = message as Partial<DatabaseChanged>;
  return type === 'databaseChanged' && Array.isArray(tables) && tables.every((table) => TABLE_NAMES.includes(table));
}

/** Tells the extension's open pages which tables changed; with none open there is nobody to tell. */
export async function announceDatabaseChanged(tables: readonly TableName[]): Promise<void> {
  if (tables.length === 0) return;
  try {
    await browser.runtime.sendMessage({ type: 'databaseChanged', tables: [...tables] } satisfies DatabaseChanged);
  } catch {
    // "Receiving end does not exist" (no page open), or no page answered (none does): nothing was missed.
  }
}

/** Drops the abstract (an overview passes through unchanged in content). */
export function toOverview(paper: Paper | PaperOverview): PaperOverview {
  const { summary: _abstract, ...overview } = paper as Paper;
  return overview;
}
