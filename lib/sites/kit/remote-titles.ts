/**
 * The titles a page shows (a Scholar result, an OpenReview forum, an X link card), matched by the
 * background against the titles of the papers the badge index holds (`matchTitles`,
 * lib/shared/title-index.ts there): the page sends the few titles it shows, gathered into one message,
 * and gets their ids back, rather than being sent a year of titles to search itself (3 MB at 40,000
 * papers, in every such tab). Local only: the message goes to the extension's background, never further.
 *
 * A title matches nothing until its answer is here; when answers name a paper, `arrived` lets the page
 * be read again. Each title is asked once: a failed ask counts as no match.
 */
import { MAX_MATCH_TITLES, MAX_MATCHED_TITLE } from '../../shared/messages';
import type { TitleMatcher } from '../../shared/title-index';

/** Titles one page may ask about: a timeline read for hours stays far below it; a hostile page stops there. */
export const TITLES_PER_PAGE_MAX = 5_000;

export class RemoteTitles implements TitleMatcher {
  /** Answered titles: the id, or null for none. */
  private readonly answers = new Map<string, string | null>();
  /** Titles to ask about in the next message, and those asked about already. */
  private readonly pending = new Set<string>();
  private readonly asked = new Set<string>();
  private flushing = false;

  constructor(
    /** One `matchTitles` message: the id each title names, in order (null: none). */
    private readonly ask: (titles: string[]) => Promise<(string | null)[]>,
    /** Answers naming a paper came: read the page again. */
    private readonly arrived: () => void,
  ) {}

  match(displayed: string): string | undefined {
    const answer = this.answers.get(displayed);
    if (answer !== undefined || this.asked.has(displayed)) return answer ?? undefined;
    if (!displayed.trim() || displayed.length > MAX_MATCHED_TITLE || this.asked.size + this.pending.size >= TITLES_PER_PAGE_MAX) return undefined;
    this.pending.add(displayed);
    if (!this.flushing) {
      this.flushing = true;
      // After the reader's pass: everything it met goes in one message.
      queueMicrotask(() => void this.flush());
    }
    return undefined;
  }

  private async flush(): Promise<void> {
    try {
      while (this.pending.size) {
        const titles = [...this.pending].slice(0, MAX_MATCH_TITLES);
        for (const title of titles) {
          this.pending.delete(title);
          this.asked.add(title);
        }
        const ids = await this.ask(titles).catch(() => [] as (string | null)[]);
        let found = false;
        titles.forEach((title, i) => {
          const id = typeof ids[i] === 'string' ? ids[i] : null;
          this.answers.set(title, id);
          found ||= id !== null;
        });
        if (found) this.arrived();
      }
    } finally {
      this.flushing = false;
    }
  }
}
