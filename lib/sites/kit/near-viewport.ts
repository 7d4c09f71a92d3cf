/**
 * Work for page elements done only when they come near the viewport: a long list (an arXiv listing of
 * 2000 entries) pays in its first layout for every element we add to it, even an empty one (measured:
 * 2000 empty inline elements cost the page +15 % of its main-thread time, our badges +35–40 %), and a
 * person sees a screen of it at a time.
 *
 * The items the caller marks `eager` (the first screens of the page, which a person sees before any
 * scroll) are shown at once, in the caller's task, so they are there for the page's first frame. The rest
 * are shown by one IntersectionObserver when they come within `marginScreens` screens of the viewport:
 * scrolling, jumping to an anchor, or the page's entries reordered. Each item is shown once.
 */
export interface NearViewportOptions {
  /** How far from the viewport, in viewport heights above and below, an item is shown. Default 2. */
  marginScreens?: number;
  /** Stops observing (the page's script invalidated, the badges removed). */
  signal: AbortSignal;
  /** Tests hand in their own; where the window has none, every item is shown at once. */
  IntersectionObserver?: typeof IntersectionObserver;
}

export interface NearViewportHandle<T> {
  /** How many items were shown at once (the eager ones). */
  readonly shownAtOnce: number;
  /** Shows an item now if it is still waiting (the page reordered it to the top, say). */
  showNow(item: T): void;
}

/**
 * Calls `show(item)` now for each eager item, and for every other item once `elementOf(item)` is near
 * the viewport.
 */
export function showNearViewport<T>(
  items: readonly T[],
  eager: (item: T) => boolean,
  elementOf: (item: T) => Element,
  show: (item: T) => void,
  options: NearViewportOptions,
): NearViewportHandle<T> {
  const Observer = options.IntersectionObserver ?? globalThis.IntersectionObserver;
  const later = new Map<Element, T>();
  let shownNow = 0;
  for (const item of items) {
    if (!Observer || eager(item)) {
      show(item);
      shownNow += 1;
    } else {
      later.set(elementOf(item), item);
    }
  }
  const handle = (observer?: IntersectionObserver): NearViewportHandle<T> => ({
    shownAtOnce: shownNow,
    showNow(item) {
      const element = elementOf(item);
      if (!later.delete(element)) return;
      observer?.unobserve(element);
      show(item);
    },
  });
  if (later.size === 0 || options.signal.aborted) return handle();
  const margin = `${Math.round((options.marginScreens ?? 2) * 100)}%`;
  const observer = new Observer(
    (records) => {
      for (const record of records) {
        if (!record.isIntersecting) continue;
        const item = later.get(record.target);
        if (item === undefined) continue;
        later.delete(record.target);
        observer.unobserve(record.target);
        show(item);
      }
      if (later.size === 0) observer.disconnect();
    },
    { rootMargin: `${margin} 0px ${margin} 0px` },
  );
  for (const element of later.keys()) observer.observe(element);
  options.signal.addEventListener('abort', () => {
    observer.disconnect();
    later.clear();
  });
  return handle(observer);
}
