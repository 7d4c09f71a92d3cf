/**
 * What one GitHub page view knows of the paper ids its links name, in two steps, each the kit's
 * `RemoteAnswers` (each id asked once, the ids a reconcile meets in one message, at most
 * KEYS_PER_PAGE_MAX ids, a "none" held for NONE_FOR_MS): first the background's badge index of the
 * retention window (`linkBadges`: local only; no page is sent the whole index); the ids it does not
 * hold (or all of them, when that ask fails) then the local database, live only within the view's
 * budget (`lookupPapers`). A badge of the newest papers' copy is known before either (`known`: no
 * message). A badge the index holds is shown at once, not after the database's answer
 * for the others, which may have gone to HF.
 */
import { MAX_LIVE_LOOKUPS, type PaperBadge, type PaperOverview } from '../../shared/messages';
import { PAPER_ID_LIMITS, RemoteAnswers } from '../kit/remote-answers';

/** The background's answers (one message each), and those the page holds. */
export interface PaperLookups {
  /**
   * A badge known in the page without a message (the newest papers' copy, lib/background/newest-copy.ts):
   * the same the badge index would answer; undefined when the page cannot tell (then it is asked).
   */
  known?(id: string): PaperBadge | undefined;
  /** The badge of each id in the background's badge index, in order; null where it holds none. */
  indexed(ids: string[]): Promise<readonly (PaperBadge | null)[]>;
  papers(ids: string[], live: boolean): Promise<Record<string, PaperOverview>>;
}

export class PaperAnswers {
  private readonly index: RemoteAnswers<PaperBadge>;
  private readonly database: RemoteAnswers<PaperBadge>;
  /** Live lookups are for a few papers per page, as on arXiv: the whole page view shares this budget of HF calls. */
  private liveBudget = MAX_LIVE_LOOKUPS;

  constructor(
    private readonly lookups: PaperLookups,
    /** Answers naming a paper came. */
    arrived: () => void,
    /** The page view was left: nothing more is asked. */
    closed: () => boolean,
  ) {
    this.index = new RemoteAnswers(
      async (ids) => {
        if (closed()) return [];
        const badges = await lookups.indexed(ids).catch(() => []);
        // The ids the index lacks go to the database in the next message, unless the view was left meanwhile.
        if (!closed()) for (const [i, id] of ids.entries()) if (!badges[i]) this.database.get(id);
        return badges;
      },
      arrived,
      PAPER_ID_LIMITS,
    );
    this.database = new RemoteAnswers(
      async (ids) => {
        if (closed()) return [];
        // The background goes live only when at most MAX_LIVE_LOOKUPS of a request's ids are unknown, so a
        // request can cost up to min(ids, MAX_LIVE_LOOKUPS) live calls: it may go live only if the budget covers that.
        const worstCase = Math.min(ids.length, MAX_LIVE_LOOKUPS);
        const live = worstCase <= this.liveBudget;
        if (live) this.liveBudget -= worstCase;
        const papers = await lookups.papers(ids, live);
        return ids.map((id) => (Object.hasOwn(papers, id) ? (papers[id] ?? null) : null));
      },
      arrived,
      PAPER_ID_LIMITS,
    );
  }

  /** The badge of `id`: null when there is none, undefined while that is not known yet (then it is asked). */
  get(id: string): PaperBadge | null | undefined {
    const known = this.lookups.known?.(id);
    if (known) return known;
    const badge = this.index.get(id);
    return badge === null ? this.database.get(id) : badge;
  }
}
