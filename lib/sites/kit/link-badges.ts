/**
 * Badges after the paper links of a page, for the sites that show only badges (Hacker News, Reddit,
 * X…): each link HF knows gets one badge, once, however often the page (or a batch of new posts) is
 * read again; all of them go at once when the site is turned off. The badge's look is the caller's
 * (components/sites/kit/), so this stays logic only.
 */
import type { PaperBadge } from '../../shared/messages';

/** Where a page names a paper: `link` is the element the badge follows (a paper link, or a title naming it). */
export interface PaperMention {
  link: Element;
  id: string;
  /** The badge goes at the end inside `link` (a page's title heading, Hacker News' title line) rather than after it. */
  inside?: boolean;
}

export interface LinkBadgesDeps {
  /** The site's reader: the paper links under a root (a whole document, or a subtree just added). */
  find: (root: ParentNode) => PaperMention[];
  /** The badge of a paper in the local copy; null when it is not there, undefined while that is not known yet (then `retry` when it is). */
  badgeOf: (id: string) => PaperBadge | null | undefined;
  /** Builds the badge for `link` and puts it in the page; returns the element to remove later. */
  mount: (mention: PaperMention, paper: PaperBadge) => Element;
}

export class LinkBadges {
  private badged = new WeakSet<Element>();
  private readonly hosts = new Set<Element>();
  /** Links whose paper's badge is not known yet, badged by `retry` once it is. */
  private waiting = new Map<Element, PaperMention>();

  constructor(private readonly deps: LinkBadgesDeps) {}

  /** Badges every paper link under `root` not badged yet (those `only` takes, if given); answers how many it added. */
  badge(root: ParentNode, only?: (mention: PaperMention) => boolean): number {
    let added = 0;
    for (const mention of this.deps.find(root)) {
      if (!this.badged.has(mention.link) && (!only || only(mention)) && this.place(mention)) added++;
    }
    return added;
  }

  /** Badges the links left waiting for their paper's badge, now known; answers how many it added. */
  retry(): number {
    let added = 0;
    const waiting = [...this.waiting.values()];
    this.waiting.clear();
    for (const mention of waiting) {
      // Gone with its post: nothing to badge.
      if (mention.link.isConnected && !this.badged.has(mention.link) && this.place(mention)) added++;
    }
    return added;
  }

  /** One link: badged when its paper is known, left waiting while that is not known yet. */
  private place(mention: PaperMention): boolean {
    const paper = this.deps.badgeOf(mention.id);
    if (paper === undefined) {
      this.waiting.set(mention.link, mention);
      return false;
    }
    this.badged.add(mention.link);
    if (!paper) return false;
    this.hosts.add(this.deps.mount(mention, paper));
    return true;
  }

  /** The badges in the page now (those the page itself removed with their posts do not count). */
  get count(): number {
    let count = 0;
    for (const host of this.hosts) if (host.isConnected) count++;
    return count;
  }

  /** Takes every badge away; a later `badge` starts afresh. */
  clear(): void {
    for (const host of this.hosts) host.remove();
    this.hosts.clear();
    this.badged = new WeakSet();
    this.waiting = new Map();
  }
}
