/**
 * When a GitHub page will ask the background about papers (so the worker readies its badge index while
 * the page loads), told as early as can be: by its URL at document_start (a repository page that
 * renders Markdown: its README, a file or folder, an issue, a pull request, a discussion, the wiki, a
 * release), or, on any other page, when the parser inserts its first link to a paper. The URL is only
 * a hint for asking early: a page it misses still asks once a paper link shows up (here, or in the
 * overlay's page view), and one it wrongly takes costs one local message.
 */
import { parseGithubRepo } from '../../shared/safe-url';
import { MARKDOWN_PAPER_LINK } from './page-selectors';
import { watchParsedPaperLinks } from '../kit/paper-links';

/** Sections of a repository whose pages render Markdown anywhere below them. */
const MARKDOWN_SECTIONS = new Set(['tree', 'blob', 'wiki', 'releases']);
/** Sections whose numbered pages (a conversation) render Markdown; their lists do not. */
const CONVERSATIONS = new Set(['issues', 'pull', 'discussions']);

/** True for the URL of a repository page that renders Markdown (e.g. https://github.com/apple/ml-starflow). */
export function isMarkdownPageUrl(href: string): boolean {
  if (!parseGithubRepo(href)) return false;
  const [, , section, number, ...rest] = new URL(href).pathname.split('/').filter(Boolean);
  if (section === undefined) return true;
  if (MARKDOWN_SECTIONS.has(section)) return true;
  return CONVERSATIONS.has(section) && number !== undefined && /^\d+$/.test(number) && rest.length === 0;
}

/**
 * Calls `found` once, when a paper link is parsed into `doc` (at once if there is one already).
 * Watching ends then, at DOMContentLoaded (the overlay's page view takes over) or when `signal` aborts.
 */
export function watchForFirstPaperLink(doc: Document, found: () => void, signal: AbortSignal): void {
  if (signal.aborted) return;
  const first = new AbortController();
  signal.addEventListener('abort', () => first.abort(), { once: true });
  const once = () => {
    first.abort();
    found();
  };
  watchParsedPaperLinks(doc, once, first.signal, MARKDOWN_PAPER_LINK);
}

/**
 * One answer asked ahead of the page view that will want it: a repository page asks for its papers as
 * it starts, by its URL, so the answer is there when the page view asks at DOMContentLoaded (asked then,
 * it came a round trip later, 25–40 ms while the page loads; more when the worker had to start); a
 * navigation to another repository asks as it starts (`watchRepoVisits`). Taken once, only by the same
 * key (the page view's repository is read from the page: an URL the page says is no repository leaves it
 * untaken) and only while fresh (a click that led nowhere leaves an answer no later visit should take);
 * asked once while it is pending and fresh; a failed answer is asked again by the taker.
 */
export class AnswerAhead<T> {
  private pending: { key: string; answer: Promise<T | undefined>; at: number } | undefined;

  constructor(private readonly now: () => number = () => performance.now()) {}

  ask(key: string, ask: (key: string) => Promise<T>): void {
    if (this.fresh()?.key === key) return;
    this.pending = { key, answer: ask(key).catch(() => undefined), at: this.now() };
  }

  /** The answer asked for `key`, if it was, and lately; nothing is left for a later taker either way. */
  take(key: string): Promise<T | undefined> | undefined {
    const pending = this.fresh();
    this.pending = undefined;
    return pending?.key === key ? pending.answer : undefined;
  }

  /** Forgets what was asked (the site switched: an answer given while it was off is empty). */
  drop(): void {
    this.pending = undefined;
  }

  private fresh() {
    const pending = this.pending;
    return pending && this.now() - pending.at <= ANSWER_AHEAD_FRESH_MS ? pending : undefined;
  }
}

/** How long an answer asked ahead is taken: past any page's fetch, short of a person's next visit. */
export const ANSWER_AHEAD_FRESH_MS = 15_000;

/**
 * A navigation to another repository's page: `ask` for that repository's key as it starts, while GitHub
 * fetches the page, so the new page view's question finds its answer there (`AnswerAhead`) rather than a
 * round trip after the render (more when the worker, idle while the person read, has to start). Told by
 * a click on a link to it (a plain click: one with a modifier key opens another tab, whose page asks for
 * itself), which comes before GitHub's React router or Turbo takes the visit over; and by `turbo:visit`,
 * which names the page it goes to (back and forward, visits started by GitHub's own code). GitHub's React
 * navigations name no page as they start (`soft-nav:start`): those not started by a link click ask after
 * the render. `shown` is the repository of the page on screen: a visit within it (the repository's tabs,
 * a frame visit announced after its render) asks nothing ahead.
 */
export function watchRepoVisits(doc: Document, shown: () => string | undefined, ask: (key: string) => void, signal: AbortSignal): void {
  const visiting = (url: unknown) => {
    const key = typeof url === 'string' ? parseGithubRepo(url)?.key : undefined;
    if (key !== undefined && key !== shown()) ask(key);
  };
  doc.addEventListener('turbo:visit', (event) => visiting((event as CustomEvent<{ url?: unknown } | null>).detail?.url), { signal });
  doc.addEventListener(
    'click',
    (event) => {
      if (event.button !== 0 || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
      const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
      if (link instanceof HTMLAnchorElement && (!link.target || link.target === '_self')) visiting(link.href);
    },
    { capture: true, signal },
  );
}
