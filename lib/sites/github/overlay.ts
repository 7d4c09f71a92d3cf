/**
 * The GitHub overlay's life on one tab: a page view per page, a new one after every soft navigation
 * (the old one's badges leave first, and its late answers are dropped), and a reconcile after every DOM
 * change that is not our own, so parts React renders late (hydration replaces whole subtrees) still get
 * their badges. Everything stops with `stop()` (the site switch turned off, or the script unloaded).
 */
import { PageView, type BadgeUi, type OverlayLookups } from './page-view';
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

  constructor(private readonly deps: OverlayDeps) {}

  start(): void {
    if (this.running) return;
    const running = new AbortController();
    this.running = running;
    const { doc, ui } = this.deps;
    listenForSoftNavigation(doc, { started: () => this.leave(), ended: () => this.arrive() }, running.signal);
    const observer = new MutationObserver((records) => {
      // Mid-navigation the page is half old, half new: the navigation's end reconciles it.
      if (!this.navigating && records.some((record) => changesThePage(record, ui.hostSelector))) this.schedule(MUTATION_SETTLE_MS);
    });
    observer.observe(doc.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: ['href'] });
    running.signal.addEventListener('abort', () => observer.disconnect());
    this.navigating = false;
    this.view = this.newView();
    this.reconcile();
  }

  /** Takes every badge off the page and stops watching it. */
  stop(): void {
    this.running?.abort();
    this.running = undefined;
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

  private newView(): PageView {
    const { doc, location, lookups, ui } = this.deps;
    return new PageView({ doc, location, lookups, ui, changed: () => this.schedule(0) });
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
