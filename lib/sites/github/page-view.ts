/**
 * One GitHub page view, from the moment a page (or a soft navigation) arrives until the next navigation
 * starts: which links and which repository have badges, what was asked and what the answers were.
 * `reconcile()` brings the badges in line with the DOM as it is now, so it can run after any change:
 * each link gets exactly one badge right after it, badges of links that left the page go too, and
 * hosts that are not ours any more (a snapshot GitHub restored on "back") are swept away.
 */
import { MAX_LINK_BADGE_IDS, type PaperBadge, type PaperOverview, type RepoPaper } from '../../shared/messages';
import { findPaperLinks } from './paper-links';
import { repoBadgePlace, type RepoBadgePlacement } from './repo-badge-place';
import { repoOfPage } from './repo-of-page';
import { MAX_LIVE_LOOKUPS } from '../../shared/messages';
import { KEYS_PER_PAGE_MAX } from '../kit/remote-answers';

/** A badge in the page: its host element, and how to take it out again. */
export interface MountedBadge {
  host: Element;
  remove(): void;
}

/** Draws the badges (a shadow root each, in the real page; plain elements in unit tests). */
export interface BadgeUi {
  /** A CSS selector matching every host this UI creates, to find leftovers. */
  hostSelector: string;
  /** Places a badge right after `link`. */
  inline(link: HTMLAnchorElement, paper: PaperBadge): MountedBadge;
  /** Appends the repository's papers to `container`. */
  repo(container: Element, papers: RepoPaper[], placement: RepoBadgePlacement): MountedBadge;
}

/**
 * What the background answers (one message each): first the badge index of the retention window,
 * asked about the page's ids (`linkBadges`: local only, no page is sent the whole index); then, for
 * the ids it does not hold, the local database, live only within limits.
 */
export interface OverlayLookups {
  /** The badge of each id in the background's badge index, in order; null where it holds none. */
  indexed(ids: string[]): Promise<readonly (PaperBadge | null)[]>;
  papers(ids: string[], live: boolean): Promise<Record<string, PaperOverview>>;
  papersForRepo(repoKey: string): Promise<RepoPaper[]>;
}

export interface PageViewDeps {
  doc: Document;
  location: () => string;
  lookups: OverlayLookups;
  ui: BadgeUi;
  /** Called when an answer arrived, so the page is reconciled again. */
  changed: () => void;
}

interface InlineBadge {
  id: string;
  badge: MountedBadge;
}

interface RepoBadge {
  container: Element;
  badge: MountedBadge;
}

export class PageView {
  private closed = false;
  /** Answers so far: a paper, or null when HF does not know the id (or the lookup failed). */
  private readonly known = new Map<string, PaperBadge | null>();
  private readonly asking = new Set<string>();
  /** Ids this view asked about: a page view never asks about more than KEYS_PER_PAGE_MAX (a hostile page stops there). */
  private askedIds = 0;
  /** Live lookups are for a few papers per page, as on arXiv: the whole page view shares this budget of HF calls. */
  private liveBudget = MAX_LIVE_LOOKUPS;
  private readonly inline = new Map<HTMLAnchorElement, InlineBadge>();
  private readonly repoAnswers = new Map<string, RepoPaper[] | 'asking'>();
  private repoBadge: RepoBadge | undefined;

  constructor(private readonly deps: PageViewDeps) {}

  reconcile(): void {
    if (this.closed) return;
    this.sweepStrays();
    this.reconcileLinks();
    this.reconcileRepo();
  }

  /** The navigation moved on: late answers are dropped, and every badge of this view leaves the page. */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    for (const { badge } of this.inline.values()) badge.remove();
    this.inline.clear();
    this.repoBadge?.badge.remove();
    this.repoBadge = undefined;
  }

  private sweepStrays(): void {
    const ours = new Set<Element>([...this.inline.values()].map((entry) => entry.badge.host));
    if (this.repoBadge) ours.add(this.repoBadge.badge.host);
    for (const host of this.deps.doc.querySelectorAll(this.deps.ui.hostSelector)) {
      if (!ours.has(host)) host.remove();
    }
  }

  private reconcileLinks(): void {
    const links = findPaperLinks(this.deps.doc);
    const present = new Set<HTMLAnchorElement>();
    const missing = new Set<string>();
    for (const { link, id } of links) {
      present.add(link);
      const current = this.inline.get(link);
      if (current && current.id === id && current.badge.host.previousSibling === link) continue;
      if (current) {
        current.badge.remove();
        this.inline.delete(link);
      }
      const paper = this.known.get(id);
      if (paper) this.inline.set(link, { id, badge: this.deps.ui.inline(link, paper) });
      else if (paper === undefined && !this.asking.has(id)) missing.add(id);
    }
    for (const [link, entry] of this.inline) {
      if (present.has(link)) continue;
      entry.badge.remove();
      this.inline.delete(link);
    }
    // A page with more ids than a message holds: the rest are asked at the next reconcile.
    const room = Math.min(MAX_LINK_BADGE_IDS, KEYS_PER_PAGE_MAX - this.askedIds);
    if (missing.size && room > 0) this.askIndex([...missing].slice(0, room));
  }

  /** The badge index first: the papers of the window badged from it; the ids it lacks are asked about then (a failed ask: all of them). */
  private askIndex(ids: string[]): void {
    this.askedIds += ids.length;
    for (const id of ids) this.asking.add(id);
    const settle = (badges: readonly (PaperBadge | null)[]) => {
      if (this.closed) return;
      const others: string[] = [];
      ids.forEach((id, i) => {
        this.asking.delete(id);
        const badge = badges[i];
        if (badge) this.known.set(id, badge);
        else others.push(id);
      });
      if (others.length) this.askPapers(others);
      this.deps.changed();
    };
    this.deps.lookups.indexed(ids).then(settle, () => settle([]));
  }

  private askPapers(ids: string[]): void {
    for (const id of ids) this.asking.add(id);
    // The background goes live only when at most MAX_LIVE_LOOKUPS of a request's ids are unknown, so a
    // request can cost up to min(ids, MAX_LIVE_LOOKUPS) live calls: it may go live only if the budget covers that.
    const worstCase = Math.min(ids.length, MAX_LIVE_LOOKUPS);
    const live = worstCase <= this.liveBudget;
    if (live) this.liveBudget -= worstCase;
    const settle = (answer: Record<string, PaperOverview>) => {
      if (this.closed) return;
      for (const id of ids) {
        this.known.set(id, Object.hasOwn(answer, id) ? (answer[id] ?? null) : null);
        this.asking.delete(id);
      }
      this.deps.changed();
    };
    this.deps.lookups.papers(ids, live).then(settle, () => settle({}));
  }

  private reconcileRepo(): void {
    const key = repoOfPage(this.deps.location(), this.deps.doc)?.key;
    const answer = key === undefined ? undefined : this.repoAnswers.get(key);
    if (key !== undefined && answer === undefined) this.askRepo(key);
    const papers = Array.isArray(answer) ? answer : [];
    const place = papers.length ? repoBadgePlace(this.deps.doc) : undefined;
    const current = this.repoBadge;
    if (current && place && current.container === place.container && current.badge.host.parentElement === place.container) return;
    current?.badge.remove();
    this.repoBadge = place
      ? { container: place.container, badge: this.deps.ui.repo(place.container, papers, place.placement) }
      : undefined;
  }

  private askRepo(key: string): void {
    this.repoAnswers.set(key, 'asking');
    const settle = (papers: RepoPaper[]) => {
      if (this.closed) return;
      this.repoAnswers.set(key, papers);
      this.deps.changed();
    };
    this.deps.lookups.papersForRepo(key).then(settle, () => settle([]));
  }
}
