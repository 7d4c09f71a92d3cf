/**
 * Which stored papers a GitHub repository belongs to: the papers table's `githubRepoKey` index, and
 * nothing else. No repository name ever leaves the browser.
 */
import type { PapersDB } from '../shared/db';
import type { Paper } from '../shared/paper';
import { githubRepoKey } from '../shared/safe-url';

/** A repository badge lists this many papers at most (a big framework can be cited by dozens). */
export const MAX_REPO_PAPERS = 20;

export function byUpvotesThenNewest(a: Paper, b: Paper): number {
  return b.upvotes - a.upvotes || (b.dailyDate ?? '').localeCompare(a.dailyDate ?? '') || a.id.localeCompare(b.id);
}

/** The stored papers whose code is `repo` (`owner/repo`, any case), most upvoted first. */
export async function papersOfRepo(db: PapersDB, repo: string): Promise<Paper[]> {
  const key = githubRepoKey(repo);
  if (!key) return [];
  const papers = await db.papers.where('githubRepoKey').equals(key).toArray();
  return papers.sort(byUpvotesThenNewest).slice(0, MAX_REPO_PAPERS);
}
