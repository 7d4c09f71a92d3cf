/**
 * The badge index (lib/shared/badge-index.ts) on a GitHub tab, asked for only when a page needs it: most
 * GitHub pages have no paper link, and those never send the message. It is asked for as soon as the
 * page being parsed shows it is a repository page that renders Markdown or has a paper link
 * (./paper-page.ts), so a README's answer is on its way before DOMContentLoaded, or else by the
 * first page view that finds a paper link. Later views reuse the answer; one older than `maxAgeMs` is
 * asked for again (upvotes change with every sync) while the old one still serves. A failed ask counts
 * as an empty index: the page view then asks about its ids instead. Local data only, as before.
 */
import { BadgeIndex } from '../../shared/badge-index';

export interface LazyBadgeIndexDeps {
  /** One `badgeIndex` message: the index's text ('' when the site is switched off). */
  fetch: () => Promise<string>;
  now: () => number;
  maxAgeMs: number;
}

export class LazyBadgeIndex {
  private index: BadgeIndex | undefined;
  private loading: Promise<void> | undefined;
  private fetchedAt = 0;

  constructor(private readonly deps: LazyBadgeIndexDeps) {}

  /** A stored paper's badge; undefined until the index arrived, and for papers it does not hold. */
  get(id: string): ReturnType<BadgeIndex['get']> {
    return this.index?.get(id);
  }

  /**
   * The page needs the index: asks for it unless it is here and fresh, or already asked for. Returns
   * the pending answer while there is no index yet, undefined once there is one (even one being renewed).
   */
  want(): Promise<void> | undefined {
    const stale = this.index !== undefined && this.deps.now() - this.fetchedAt > this.deps.maxAgeMs;
    if (!this.loading && (this.index === undefined || stale)) this.load();
    return this.index ? undefined : this.loading;
  }

  private load(): void {
    this.fetchedAt = this.deps.now();
    const settle = (text: string) => {
      this.index = new BadgeIndex(text);
      this.fetchedAt = this.deps.now();
      this.loading = undefined;
    };
    this.loading = this.deps.fetch().then(settle, () => settle(''));
  }
}
