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
  /** More items, known later (their answer came after the page's first frame): each eager one shown now, the others when near the viewport. */
  add(items: readonly T[]): void;
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
  let observer: IntersectionObserver | undefined;
  const watch = (element: Element, item: T) => {
    if (options.signal.aborted) return;
    if (!observer) {
      const margin = `${Math.round((options.marginScreens ?? 2) * 100)}%`;
      const watching = new Observer(
        (records) => {
          for (const record of records) {
            if (!record.isIntersecting) continue;
            const waiting = later.get(record.target);
            if (waiting === undefined) continue;
            later.delete(record.target);
            watching.unobserve(record.target);
            show(waiting);
          }
          // Nothing left to wait for: let go of the page (items added later get an observer of their own).
          if (later.size === 0) {
            watching.disconnect();
            observer = undefined;
          }
        },
        { rootMargin: `${margin} 0px ${margin} 0px` },
      );
      observer = watching;
      options.signal.addEventListener('abort', () => {
        watching.disconnect();
        later.clear();
      });
    }
    later.set(element, item);
    observer.observe(element);
  };
  const place = (item: T): boolean => {
    if (!Observer || eager(item)) {
      show(item);
      return true;
    }
    watch(elementOf(item), item);
    return false;
  };
  let shownAtOnce = 0;
  for (const item of items) if (place(item)) shownAtOnce += 1;
  return {
    shownAtOnce,
    showNow(item) {
      const element = elementOf(item);
      if (!later.delete(element)) return;
      observer?.unobserve(element);
      show(item);
    },
    add(more) {
      for (const item of more) place(item);
    },
  };
}
