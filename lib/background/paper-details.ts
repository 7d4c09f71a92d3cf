/**
 * A paper's linked repositories and discussion for its card: asked of HF only for the paper whose page
 * the person opened, only when live lookups are allowed, and kept in the database's kv table (a day for
 * the lists, an hour for the discussion) so reloads and other tabs ask nothing.
 */
import type { PapersDB } from '../shared/db';
import type { Fetched, PaperDiscussion, PaperLinks } from '../shared/messages';
import { PAPER_COMMENTS_KEY_PREFIX, PAPER_LINKS_KEY_PREFIX } from '../shared/storage-keys';
import { linksOfRow, type CachedRow as Cached } from '../shared/cached-links';
import type { HfClient } from './hf/client';

export const LINKS_TTL_MS = 24 * 60 * 60 * 1000;
export const COMMENTS_TTL_MS = 60 * 60 * 1000;

/** What HF answers for a paper it has no page for: nothing linked, nothing said. */
const NO_LINKS: PaperLinks = { totals: { models: 0, datasets: 0, spaces: 0 }, top: { models: [], datasets: [], spaces: [] } };
const NO_DISCUSSION: PaperDiscussion = { threads: [], totalThreads: 0 };


export interface PaperDetailsDeps {
  db: PapersDB;
  now: () => number;
  /** Whether this question may go to HF (the live-lookup setting, Firefox consent, the site switch). */
  allowed: () => Promise<boolean>;
  client: () => HfClient;
}

async function cachedOrFetched<T>(deps: PaperDetailsDeps, key: string, ttl: number, fetch: (client: HfClient) => Promise<T>): Promise<Fetched<{ value: T }>> {
  if (!(await deps.allowed())) return { ok: false, reason: 'not-allowed' };
  const row = await deps.db.kv.get(key);
  const cached = row?.value as Cached<T> | undefined;
  if (cached && deps.now() - cached.at < ttl) return { ok: true, value: cached.value };
  try {
    const value = await fetch(deps.client());
    await deps.db.kv.put({ key, value: { at: deps.now(), value } satisfies Cached<T> });
    return { ok: true, value };
  } catch {
    // The card says "couldn't load" and offers a retry; nothing is cached.
    return { ok: false, reason: 'failed' };
  }
}

/**
 * The linked lists the cache holds for these papers, whatever their age (GitHub pages and the popup's
 * filters show what is known and never make a request of their own).
 */
export async function cachedPaperLinks(db: PapersDB, ids: string[]): Promise<Map<string, PaperLinks>> {
  const rows = await db.kv.bulkGet(ids.map((id) => `${PAPER_LINKS_KEY_PREFIX}${id}`));
  const found = new Map<string, PaperLinks>();
  rows.forEach((row, i) => {
    const links = linksOfRow(row?.value);
    if (links) found.set(ids[i]!, links);
  });
  return found;
}

/** Keeps the linked lists a live lookup brought (the same answer), as if asked for. */
export async function keepPaperLinks(db: PapersDB, id: string, links: PaperLinks, now: number): Promise<void> {
  await db.kv.put({ key: `${PAPER_LINKS_KEY_PREFIX}${id}`, value: { at: now, value: links } satisfies Cached<PaperLinks> });
}

export async function paperLinks(deps: PaperDetailsDeps, id: string): Promise<Fetched<{ links: PaperLinks }>> {
  const answer = await cachedOrFetched(deps, `${PAPER_LINKS_KEY_PREFIX}${id}`, LINKS_TTL_MS, async (client) => (await client.paperLinks(id))?.links ?? NO_LINKS);
  return answer.ok ? { ok: true, links: answer.value } : answer;
}

export async function paperComments(deps: PaperDetailsDeps, id: string): Promise<Fetched<{ discussion: PaperDiscussion }>> {
  const answer = await cachedOrFetched(
    deps,
    `${PAPER_COMMENTS_KEY_PREFIX}${id}`,
    COMMENTS_TTL_MS,
    async (client) => (await client.paperDiscussion(id))?.discussion ?? NO_DISCUSSION,
  );
  return answer.ok ? { ok: true, discussion: answer.value } : answer;
}
