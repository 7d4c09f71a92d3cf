/**
 * A copy of the newest papers' badges (the last NEWEST_BADGES lines of the background's badge index,
 * ../shared/badge-index.ts), in `storage.local` (`newestBadges`): a badges-only site's page (Hacker News,
 * Reddit, X…) reads it at document_start with the site's switch, and has its first answer without a
 * message (lib/sites/kit/local-start.ts). A stopped worker stays stopped for a page that names only
 * those papers, and the badges of a page shown in part before the answer (a long thread's first
 * comments) no longer wait for the worker to start (38 ms at 40,000 papers, more on a busy machine).
 *
 * Local only, and public: the badges of the papers of the newest Daily Papers days and the trending
 * list, as the worker would answer any page (no mark, nothing the person opened). The copy is what the
 * background's index is: written when an index is built or taken (`follow(index)`), and removed when
 * the index is dropped (`follow(undefined)`: a sync step, a pruning run, a change of settings), until
 * the next index is built (after a sync, or at the next page's question), so a page never reads upvotes
 * older than the database's. Pages that find no copy ask the worker, as before.
 */
import { NEWEST_BADGES, newestBadgeLines } from '../shared/badge-index';
import { NEWEST_BADGES_KEY } from '../shared/storage-keys';

export interface NewestCopyStorage {
  get(keys: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string): Promise<void>;
}

export class NewestBadgesCopy {
  /** What the stored copy holds as far as this worker knows: its lines, null for none, undefined until read. */
  private stored: string | null | undefined;
  /** The steps in order: a removal and a write that follows it are never swapped. */
  private last: Promise<void> = Promise.resolve();
  /** Steps that failed (the copy then counts as unknown: the next index rewrites it). */
  failures = 0;

  constructor(private readonly area: NewestCopyStorage) {}

  /** The background's badge index, built or taken; undefined: dropped. */
  follow(index: string | undefined): Promise<void> {
    const lines = index === undefined ? '' : newestBadgeLines(index, NEWEST_BADGES);
    return this.step(async () => {
      this.stored ??= await this.read();
      if (this.stored === (lines || null)) return;
      this.stored = undefined;
      if (lines) await this.area.set({ [NEWEST_BADGES_KEY]: lines });
      else await this.area.remove(NEWEST_BADGES_KEY);
      this.stored = lines || null;
    });
  }

  /** Once a wake: the copy as stored (a string of lines, or none). */
  private async read(): Promise<string | null> {
    const value = (await this.area.get(NEWEST_BADGES_KEY))[NEWEST_BADGES_KEY];
    return typeof value === 'string' && value ? value : null;
  }

  private step(run: () => Promise<void>): Promise<void> {
    this.last = this.last.then(run).catch((error: unknown) => {
      this.failures++;
      this.stored = undefined;
      console.debug('[Daily Papers Lens] copy of the newest badges not written', error);
    });
    return this.last;
  }
}
