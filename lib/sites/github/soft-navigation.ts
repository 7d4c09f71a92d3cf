/**
 * GitHub changes pages without reloading: Turbo for its Rails pages, its own React router for the
 * React ones. Both announce it with events on `document`, which content scripts hear too. A navigation
 * starts with `turbo:visit` (links and back/forward alike) or `soft-nav:start`, and Turbo fires
 * `turbo:before-cache` just before it snapshots the page for "back" (the page must be clean by then).
 * It ends when the new page is on screen: `turbo:render` (also for a snapshot restored on "back", and
 * a second time when a preview is replaced by the fresh page), `turbo:load`, `turbo:frame-render` (a
 * turbo-frame such as the repository's content frame), `soft-nav:end`, `soft-nav:react-done` (React
 * has rendered), or `soft-nav:error` (React gave up; the old page stays).
 */
export const NAVIGATION_STARTS = ['turbo:visit', 'turbo:before-cache', 'soft-nav:start'] as const;
export const NAVIGATION_ENDS = [
  'turbo:render',
  'turbo:load',
  'turbo:frame-render',
  'soft-nav:end',
  'soft-nav:react-done',
  'soft-nav:error',
] as const;

export interface NavigationListener {
  started(): void;
  ended(): void;
}

/** Calls `started`/`ended` around every soft navigation until `signal` aborts. */
export function listenForSoftNavigation(doc: Document, listener: NavigationListener, signal: AbortSignal): void {
  for (const type of NAVIGATION_STARTS) doc.addEventListener(type, () => listener.started(), { signal });
  for (const type of NAVIGATION_ENDS) doc.addEventListener(type, () => listener.ended(), { signal });
}
