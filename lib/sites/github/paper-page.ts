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
