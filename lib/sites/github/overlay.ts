/**
 * The GitHub overlay's life on one tab: a page view per page, a new one after every soft navigation
 * (the old one's badges leave first, and its late answers are dropped), and a reconcile after every DOM
 * change that is not our own, so parts React renders late (hydration replaces whole subtrees) still get
 * their badges. Before all that, on a repository's home page, its papers go into the About box while
 * the page is parsed (`earlyRepo`), and the first page view takes them over. Everything stops with
 * `stop()` (the site switch turned off, or the script unloaded).
 */
import { PageView, type BadgeUi, type EarlyRepo, type OverlayLookups } from './page-view';
import { watchParsedAboutBox } from './repo-badge-place';
import { listenForSoftNavigation } from './soft-navigation';

/** Coalesces the bursts of mutations a render makes into one reconcile. */
export const MUTATION_SETTLE_MS = 50;
/** A navigation that never announces its end (a cancelled visit) does not leave the page bare. */
export const NAVIGATION_TIMEOUT_MS = 5_000;

export interface OverlayTimers {
  setTimeout(handler: () => void, ms: number): number;
  clearTimeout(id: number): void;
}

export interface OverlayDeps {
  doc: Document;
  location: () => string;
  lookups: OverlayLookups;
  ui: BadgeUi;
  timers: OverlayTimers;
  /** Runs `callback` before the next frame's paint; defaults to the window's requestAnimationFrame. */
  frame?: (callback: () => void) => void;
  /** Nothing is ever thrown into the page: failures end here. */
  onError: (error: unknown) => void;
}

export class GithubOverlay {
  private running: AbortController | undefined;
  private view: PageView | undefined;
  private navigating = false;
  private reconcileTimer: number | undefined;
  private reconcileDue = 0;
  private navigationTimer: number | undefined;
  /** The home page's repository answer (and badge) from while it was parsed, until the first view takes it. */
  private early: EarlyRepo | undefined;
  private earlyWatch: AbortController | undefined;

  constructor(private readonly deps: OverlayDeps) {}

  /**
   * A repository's home page, at document_start (`key` from its URL): its papers are asked about at
   * once, beside the question that tells whether the site is on (the background answers none while it
   * is off), and, if the site is on and the answer comes while the page is parsed, go into the About box
   * as soon as the parser has closed it, before the box is painted, so nothing below it moves when they
   * come (at DOMContentLoaded, a long page has been painted in part). The first page view takes the
   * question (answered or not) and the badge over, so the page asks once; a page whose `<head>` names
   * another repository drops them then. When `signal` aborts (the switch moved, or the script left)
   * before a view took them, they are dropped.
   */
  earlyRepo(key: string, enabled: Promise<boolean>, signal: AbortSignal): void {
    if (this.running || this.early || signal.aborted) return;
    const { lookups, doc, ui, frame, onError } = this.deps;
    const early: EarlyRepo = { key, answer: lookups.papersForRepo(key) };
    this.early = early;
    const watch = new AbortController();
    this.earlyWatch = watch;
    const drop = () => {
      watch.abort();
      if (this.early !== early) return;
      early.badge?.badge.remove();
      this.early = undefined;
    };
    signal.addEventListener('abort', drop, { once: true });
    void Promise.all([enabled, early.answer]).then(([on, papers]) => {
      early.papers = papers;
      if (!on || !papers.length || this.early !== early) return;
      const put = (about: Element) => void (early.badge = { container: about, badge: ui.repo(about, papers, 'about') });
      watchParsedAboutBox(doc, put, watch.signal, frame);
    }, onError);
  }

  start(): void {
    if (this.running) return;
    const running = new AbortController();
    this.running = running;
    this.earlyWatch?.abort();
    const { doc, ui } = this.deps;
    listenForSoftNavigation(doc, { started: () => this.leave(), ended: () => this.arrive() }, running.signal);
    const observer = new MutationObserver((records) => {
      // Mid-navigation the page is half old, half new: the navigation's end reconciles it.
      if (!this.navigating && records.some((record) => changesThePage(record, ui.hostSelector))) this.schedule(MUTATION_SETTLE_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    running.signal.addEventListener('abort', () => observer.disconnect());
    this.navigating = false;
    this.view = this.newView(this.early);
    this.early = undefined;
    this.reconcile();
  }

  /** Takes every badge off the page and stops watching it. */
  stop(): void {
    this.running?.abort();
    this.running = undefined;
    this.earlyWatch?.abort();
    this.early?.badge?.badge.remove();
    this.early = undefined;
    this.view?.close();
    this.view = undefined;
    this.clearTimers();
  }

  private leave(): void {
    this.view?.close();
    this.view = undefined;
    this.navigating = true;
    if (this.navigationTimer !== undefined) this.deps.timers.clearTimeout(this.navigationTimer);
    this.navigationTimer = this.deps.timers.setTimeout(() => this.arrive(), NAVIGATION_TIMEOUT_MS);
  }

  private arrive(): void {
    if (!this.running) return;
    if (this.navigationTimer !== undefined) this.deps.timers.clearTimeout(this.navigationTimer);
    this.navigationTimer = undefined;
    this.navigating = false;
    this.view ??= this.newView();
    this.schedule(0);
  }

  private newView(early?: EarlyRepo): PageView {
    const { doc, location, lookups, ui } = this.deps;
    return new PageView({ doc, location, lookups, ui, changed: () => this.schedule(0), ...(early ? { early } : {}) });
  }

  /** Runs one reconcile `ms` from now, or sooner if one is already due sooner: bursts collapse into one. */
  private schedule(ms: number): void {
    if (!this.running) return;
    const due = performance.now() + ms;
    if (this.reconcileTimer !== undefined) {
      if (this.reconcileDue <= due) return;
      this.deps.timers.clearTimeout(this.reconcileTimer);
    }
    this.reconcileDue = due;
    this.reconcileTimer = this.deps.timers.setTimeout(() => {
      this.reconcileTimer = undefined;
      this.reconcile();
    }, ms);
  }

  private reconcile(): void {
    if (this.navigating || !this.view) return;
    try {
      this.view.reconcile();
    } catch (error) {
      this.deps.onError(error);
    }
  }

  private clearTimers(): void {
    for (const id of [this.reconcileTimer, this.navigationTimer]) if (id !== undefined) this.deps.timers.clearTimeout(id);
    this.reconcileTimer = undefined;
    this.navigationTimer = undefined;
  }
}

/** True unless the mutation only added or removed our own badges (which must not wake us again). */
function changesThePage(record: MutationRecord, hostSelector: string): boolean {
  if (record.type !== 'childList') return true;
  const isOurs = (node: Node) => node.nodeType === Node.ELEMENT_NODE && (node as Element).matches(hostSelector);
  for (const node of record.addedNodes) if (!isOurs(node)) return true;
  for (const node of record.removedNodes) if (!isOurs(node)) return true;
  return false;
}
