/**
 * What a badges-only page shows, answered by the background: the paper ids it links to (`linkBadges`)
 * and the titles it displays (`matchTitles`, for the sites that name papers by title), looked up there
 * in the badge and title indexes of the retention window. The page sends the few ids and titles it
 * shows, gathered into one message a pass, and gets their badges back, rather than being sent a year
 * of badges (628 KB at 40,000 papers) and titles (3 MB) to search itself, in every such tab. Local
 * only: the messages go to the extension's background, never further.
 *
 * An answer is not known until it is here; when answers name a paper, `arrived` lets the page finish
 * what it left waiting. Each key is asked once: a failed ask counts as no paper, and a "none" holds
 * for NONE_FOR_MS, after which the key is asked again if the page meets it again. The badges of a
 * span of ids (the newest papers', a listing's month) come with the page's first answer, and those ids
 * are never asked (`LinkAnswers`).
 */
import { MAX_LINK_BADGE_IDS, MAX_MATCH_TITLES, MAX_MATCHED_TITLE, type PaperBadge } from '../../shared/messages';
import type { TitleMatcher } from '../../shared/title-index';
import type { SpanBadges } from '../../shared/badge-index';

/** Ids, and titles, one page may ask about: a timeline read for hours stays far below it; a hostile page stops there. */
export const KEYS_PER_PAGE_MAX = 5_000;

/**
 * How long a page holds that an id or a title names no paper it can badge: a feed stays open for hours,
 * and a sync (every 30 minutes by default, 15 at the least) lists new papers. After that, the key is
 * asked about again when the page meets it again (in a post it had not read), so a paper listed while
 * the page was open gets its badge; a failed ask is retried the same way.
 */
export const NONE_FOR_MS = 15 * 60_000;

export interface RemoteLimits {
  /** Keys one message carries (a page's pass sends more in several). */
  perMessage: number;
  /** The longest key worth asking about. */
  longest: number;
}

/** Paper ids' asks (`linkBadges`, GitHub's `lookupPapers`): 500 a message, none longer than an id can be (an old-style id with its archive is about 20 characters). */
export const PAPER_ID_LIMITS: RemoteLimits = { perMessage: MAX_LINK_BADGE_IDS, longest: 40 };

/** Whether a "none" that came at `since` still holds at `now` (NONE_FOR_MS): the one rule both kinds of "none" follow. */
const noneHolds = (since: number, now: number): boolean => now - since < NONE_FOR_MS;

export class RemoteAnswers<V> {
  /** Answered keys: the value, or null for none. */
  private readonly answers = new Map<string, V | null>();
  /** When each "none" came: it holds for NONE_FOR_MS. */
  private readonly noneAt = new Map<string, number>();
  /** Keys to ask about in the next message, and those asked about and not answered yet. */
  private readonly pending = new Set<string>();
  private readonly inFlight = new Set<string>();
  private flushing = false;

  constructor(
    /** One message: the answer of each key, in order (null: none). */
    private readonly ask: (keys: string[]) => Promise<readonly (V | null)[]>,
    /** Answers naming a paper came. */
    private readonly arrived: () => void,
    private readonly limits: RemoteLimits,
    private readonly now: () => number = Date.now,
  ) {}

  /** The answer for `key`: null when there is none, undefined while it is not here yet (then it is asked). */
  get(key: string): V | null | undefined {
    const answer = this.answers.get(key);
    if (answer === null && !noneHolds(this.noneAt.get(key)!, this.now())) {
      // "None" for a while: asked again.
      this.answers.delete(key);
      this.noneAt.delete(key);
    } else if (answer !== undefined) return answer;
    if (this.pending.has(key) || this.inFlight.has(key)) return undefined;
    if (!key.trim() || key.length > this.limits.longest || this.answers.size + this.pending.size + this.inFlight.size >= KEYS_PER_PAGE_MAX) return null;
    this.pending.add(key);
    if (!this.flushing) {
      this.flushing = true;
      // After the reader's pass: everything it met goes in one message.
      queueMicrotask(() => void this.flush());
    }
    return undefined;
  }

  /** The answer for `key` if it is here (null: none), never asked: undefined otherwise. */
  answered(key: string): V | null | undefined {
    return this.answers.get(key);
  }

  /** An answer learned another way (a title's answer names the paper's badge): never asked. */
  learn(key: string, value: V): void {
    this.answers.set(key, value);
    this.noneAt.delete(key);
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size) {
        const keys = [...this.pending].slice(0, this.limits.perMessage);
        for (const key of keys) {
          this.pending.delete(key);
          this.inFlight.add(key);
        }
        const answers = await this.ask(keys).catch(() => [] as (V | null)[]);
        let found = false;
        keys.forEach((key, i) => {
          const value = answers[i] ?? null;
          this.inFlight.delete(key);
          this.answers.set(key, value);
          if (value === null) this.noneAt.set(key, this.now());
          found ||= value !== null;
        });
        if (found) this.arrived();
      }
    } finally {
      this.flushing = false;
    }
  }
}

/**
 * The badges of the paper ids a page links to: those of a span of ids from the lines its first answer
 * brought (a badges-only page's `NewestBadges`: a post about a paper of the last weeks is badged without
 * a message; an arXiv listing's month), the others asked about (`linkBadges`). Ids met before that
 * answer (while the page is parsed) wait for it.
 */
export class LinkAnswers {
  private readonly remote: RemoteAnswers<PaperBadge>;
  private local: SpanBadges | undefined;
  private localAt = 0;
  private early = new Set<string>();

  constructor(
    ask: (ids: string[]) => Promise<readonly (PaperBadge | null)[]>,
    arrived: () => void,
    private readonly now: () => number = Date.now,
  ) {
    this.remote = new RemoteAnswers(ask, arrived, PAPER_ID_LIMITS, now);
  }

  /** The page's first answer came, with the badges of a span of ids: the ids met before it are answered, or asked about, now. */
  begin(local: SpanBadges): void {
    this.local = local;
    this.localAt = this.now();
    const early = this.early;
    this.early = new Set();
    for (const id of early) this.get(id);
  }

  /** The badge of `id`: null when there is none, undefined while that is not known yet (then it is asked). */
  get(id: string): PaperBadge | null | undefined {
    if (!this.local) {
      if (this.early.size < KEYS_PER_PAGE_MAX) this.early.add(id);
      return undefined;
    }
    const local = this.local.get(id);
    // "None" holds for a while only: a paper listed since then is asked about.
    if (local === undefined || (local === null && !noneHolds(this.localAt, this.now()))) return this.remote.get(id);
    return local;
  }

  /**
   * The badge of `id` from the first answer's span alone, never asked: null when the span has none;
   * undefined before that answer, or for an id outside the span.
   */
  inSpan(id: string): PaperBadge | null | undefined {
    return this.local?.get(id);
  }

  /**
   * The badge of `id` if its answer is here, from the span or from an answer, never asked: null when
   * there is none; undefined while it is not known (for a page whose ids are asked another way).
   */
  answered(id: string): PaperBadge | null | undefined {
    const local = this.local?.get(id);
    return local !== undefined ? local : this.remote.answered(id);
  }

  /** A badge learned another way (a title's answer names it): never asked. */
  learn(id: string, badge: PaperBadge): void {
    this.remote.learn(id, badge);
  }
}

/** The titles a page displays, matched to the badge of the paper each names (`matchTitles`). */
export class RemoteTitles implements TitleMatcher {
  private readonly answers: RemoteAnswers<PaperBadge>;

  constructor(ask: (titles: string[]) => Promise<readonly (PaperBadge | null)[]>, arrived: () => void) {
    this.answers = new RemoteAnswers(ask, arrived, { perMessage: MAX_MATCH_TITLES, longest: MAX_MATCHED_TITLE });
  }

  match(displayed: string): string | undefined {
    return this.answers.get(displayed)?.id;
  }
}
