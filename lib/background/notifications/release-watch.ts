/**
 * Release watch: for saved papers and papers matching a watch rule, tell the person once per paper and
 * per kind when code (a GitHub repository), weights (a first model) or a demo (a first Space) appears.
 * A paper's first check only records what it already has (saving a paper with code is no news). Each sync
 * run checks at most RELEASE_CHECKS_PER_RUN papers, the longest unchecked first, and background runs at
 * most every RELEASE_CHECK_GAP_MS (a Refresh checks at once): with the lists' 4 calls an hour, the sync
 * spends at most 6 calls an hour in steady state. Each check names one saved or watched paper to HF
 * (`/api/papers/{id}`), under the live-lookup switch and consent; its linked lists are cached as the
 * card's are.
 */
import type { PapersDB } from '../../shared/db';
import type { Paper } from '../../shared/paper';
import type { Settings } from '../../shared/settings';
import { RELEASE_WATCH_KEY } from '../../shared/storage-keys';
import { hasDemo, hasWeights } from '../../shared/cached-links';
import type { HfClient } from '../hf/client';
import { keepPaperLinks } from '../paper-details';
import { newsListDays, newsPapers } from './news-window';
import { paperNotificationId } from './notification-ids';
import type { PlannedNotification } from './plan';
import { watchMatches } from './watch-rules';

export const RELEASE_CHECKS_PER_RUN = 1;
export const RELEASE_CHECK_GAP_MS = 30 * 60_000;

export type ReleaseKind = 'code' | 'weights' | 'demo';
const KIND_WORDS: Record<ReleaseKind, string> = { code: 'code', weights: 'weights', demo: 'a demo' };

/** Kept in kv (`releaseWatch`): per paper, when it was last checked and every kind ever seen on it. */
export interface ReleaseWatchState {
  lastRunAt?: number;
  papers: Record<string, { checkedAt: number; seen: ReleaseKind[] }>;
}

export interface ReleaseNews {
  paper: Pick<Paper, 'id' | 'title'>;
  kinds: ReleaseKind[];
}

export interface ReleaseWatchDeps {
  db: PapersDB;
  settings: Settings;
  now: number;
  /** A Refresh: checks now, whatever the gap. */
  force: boolean;
  /** The live-lookup switch and Firefox consent. */
  allowed: boolean;
  client: () => Pick<HfClient, 'paperAndLinks'>;
}

export async function readReleaseWatch(db: PapersDB): Promise<ReleaseWatchState> {
  return ((await db.kv.get(RELEASE_WATCH_KEY))?.value as ReleaseWatchState | undefined) ?? { papers: {} };
}

/** The saved papers and those matching a watch rule in the news window. */
async function watchedIds(db: PapersDB, settings: Settings): Promise<string[]> {
  const saved = (await db.userState.where('savedAt').above(0).primaryKeys()) as string[];
  const matched = watchMatches(await newsPapers(db, await newsListDays(db)), settings).map(({ paper }) => paper.id);
  return [...new Set([...saved, ...matched])];
}

/** Checks the papers due, records what they have, and answers what newly appeared. */
export async function checkReleases(deps: ReleaseWatchDeps): Promise<ReleaseNews[]> {
  const { db, now } = deps;
  if (!deps.allowed || !deps.settings.notificationsEnabled) return [];
  const state = await readReleaseWatch(db);
  if (!deps.force && state.lastRunAt !== undefined && now - state.lastRunAt < RELEASE_CHECK_GAP_MS) return [];
  const ids = await watchedIds(db, deps.settings);
  if (!ids.length && !Object.keys(state.papers).length) return [];
  // Never checked first, then the longest unchecked.
  const due = ids.sort((a, b) => (state.papers[a]?.checkedAt ?? -1) - (state.papers[b]?.checkedAt ?? -1)).slice(0, RELEASE_CHECKS_PER_RUN);
  const news: ReleaseNews[] = [];
  const client = deps.client();
  for (const id of due) {
    let answer: Awaited<ReturnType<HfClient['paperAndLinks']>>;
    try {
      answer = await client.paperAndLinks(id);
    } catch {
      // Checked again on a later run; a failure is no news.
      continue;
    }
    const has: ReleaseKind[] = [];
    if (answer?.paper.githubRepo) has.push('code');
    if (hasWeights(answer?.links.links)) has.push('weights');
    if (hasDemo(answer?.links.links)) has.push('demo');
    if (answer) await keepPaperLinks(db, id, answer.links.links, now);
    const before = state.papers[id];
    const fresh = before ? has.filter((kind) => !before.seen.includes(kind)) : [];
    state.papers[id] = { checkedAt: now, seen: [...new Set([...(before?.seen ?? []), ...has])] };
    if (fresh.length) {
      const title = (await db.papers.get(id))?.title ?? answer?.paper.title ?? id;
      news.push({ paper: { id, title }, kinds: fresh });
    }
  }
  // Papers no longer saved or watched are forgotten.
  const watched = new Set(ids);
  for (const id of Object.keys(state.papers)) if (!watched.has(id)) delete state.papers[id];
  await db.kv.put({ key: RELEASE_WATCH_KEY, value: { ...state, lastRunAt: now } satisfies ReleaseWatchState });
  return news;
}

/** One notification for a run's news, several papers at once as one; a click opens the first paper on HF. */
export function releaseNotification(news: ReleaseNews[]): PlannedNotification | undefined {
  const [first] = news;
  if (!first) return undefined;
  const what = (kinds: ReleaseKind[]) => {
    const words = kinds.map((kind) => KIND_WORDS[kind]);
    return words.length > 1 ? `${words.slice(0, -1).join(', ')} and ${words.at(-1)}` : words.join('');
  };
  const title = news.length === 1 ? `Now with ${what(first.kinds)}` : `${news.length} watched papers have new releases`;
  const message = news.map(({ paper, kinds }) => (news.length === 1 ? paper.title : `${paper.title}: ${what(kinds)}`)).join('\n');
  return { id: paperNotificationId(first.paper.id), title, message, target: { kind: 'paper', paperId: first.paper.id }, paperIds: [] };
}
