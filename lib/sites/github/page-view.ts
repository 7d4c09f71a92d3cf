/**
 * One GitHub page view, from the moment a page (or a soft navigation) arrives until the next navigation
 * starts: which links and which repository have badges, what was asked and what the answers were.
 * `reconcile()` brings the badges in line with the DOM as it is now, so it can run after any change:
 * each link gets exactly one badge right after it, badges of links that left the page go too, and
 * hosts that are not ours any more (a snapshot GitHub restored on "back") are swept away.
 */
import type { PaperBadge, RepoPaper } from '../../shared/messages';
import { PaperAnswers, type PaperLookups } from './paper-answers';
import { findPaperLinks } from './paper-links';
import { repoBadgePlace, type RepoBadgePlacement } from './repo-badge-place';
import { repoOfPage } from './repo-of-page';

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

/** What the background answers (one message each): the papers of the page's links (./paper-answers.ts), and of its repository. */
export interface OverlayLookups extends PaperLookups {
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
  /** The papers of the page's links: asked about as a reconcile meets them; late answers of a closed view are dropped. */
  private readonly papers: PaperAnswers;
  private readonly inline = new Map<HTMLAnchorElement, InlineBadge>();
  private readonly repoAnswers = new Map<string, RepoPaper[] | 'asking'>();
  private repoBadge: RepoBadge | undefined;

  constructor(private readonly deps: PageViewDeps) {
    const closed = () => this.closed;
    this.papers = new PaperAnswers(deps.lookups, () => void (closed() || deps.changed()), closed);
  }

  reconcile(): void {
    if (this.closed) return;
    this.sweepStrays();
    // The repository's question goes first: the links' badges the newest papers' copy knows are put in at
    // once, and the card's answer need not wait for that work.
    this.reconcileRepo();
    this.reconcileLinks();
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
    for (const { link, id } of links) {
      present.add(link);
      const current = this.inline.get(link);
      if (current && current.id === id && current.badge.host.previousSibling === link) continue;
      if (current) {
        current.badge.remove();
        this.inline.delete(link);
      }
      // Not known yet: asked about, with the other ids this pass meets; its answer reconciles again.
      const paper = this.papers.get(id);
      if (paper) this.inline.set(link, { id, badge: this.deps.ui.inline(link, paper) });
    }
    for (const [link, entry] of this.inline) {
      if (present.has(link)) continue;
      entry.badge.remove();
      this.inline.delete(link);
    }
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
