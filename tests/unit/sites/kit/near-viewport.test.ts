// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { showNearViewport } from '../../../../lib/sites/kit/near-viewport';

/** A stand-in IntersectionObserver the test drives: `enter(element)` reports it near the viewport. */
function fakeObservers() {
  const observers: FakeObserver[] = [];
  class FakeObserver {
    readonly observed = new Set<Element>();
    disconnected = false;
    constructor(
      private readonly callback: IntersectionObserverCallback,
      readonly options: IntersectionObserverInit,
    ) {
      observers.push(this);
    }
    observe(element: Element) {
      this.observed.add(element);
    }
    unobserve(element: Element) {
      this.observed.delete(element);
    }
    disconnect() {
      this.disconnected = true;
      this.observed.clear();
    }
    report(element: Element, isIntersecting: boolean) {
      if (!this.observed.has(element)) return;
      this.callback([{ target: element, isIntersecting } as IntersectionObserverEntry], this as unknown as IntersectionObserver);
    }
  }
  return { observers, Observer: FakeObserver as unknown as typeof IntersectionObserver };
}

function elements(count: number): HTMLElement[] {
  return Array.from({ length: count }, (_, i) => {
    const element = document.createElement('dt');
    element.id = `e${i}`;
    return element;
  });
}

describe('showNearViewport', () => {
  it('shows the eager items at once and the others only when they come near the viewport, each once', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(6);
    const shown: string[] = [];
    const { shownAtOnce } = showNearViewport(items, (e) => items.indexOf(e) < 2, (e) => e, (e) => shown.push(e.id), {
      signal: new AbortController().signal,
      IntersectionObserver: Observer,
    });
    expect(shownAtOnce).toBe(2);
    expect(shown).toEqual(['e0', 'e1']);
    const [observer] = observers;
    expect(observers).toHaveLength(1);
    expect([...observer!.observed].map((e) => e.id)).toEqual(['e2', 'e3', 'e4', 'e5']);
    expect(observer!.options.rootMargin).toBe('200% 0px 200% 0px');

    observer!.report(items[4]!, false);
    expect(shown).toEqual(['e0', 'e1']);
    observer!.report(items[4]!, true);
    observer!.report(items[4]!, true);
    expect(shown).toEqual(['e0', 'e1', 'e4']);
    for (const item of [items[2]!, items[3]!, items[5]!]) observer!.report(item, true);
    expect(shown).toEqual(['e0', 'e1', 'e4', 'e2', 'e3', 'e5']);
    // Nothing left to wait for: the observer lets go of the page.
    expect(observer!.disconnected).toBe(true);
  });

  it('shows a waiting item at once when asked (entries sorted to the top), never twice', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(4);
    const shown: string[] = [];
    const lazy = showNearViewport(items, (e) => e === items[0], (e) => e, (e) => shown.push(e.id), { signal: new AbortController().signal, IntersectionObserver: Observer });
    lazy.showNow(items[3]!);
    lazy.showNow(items[3]!);
    lazy.showNow(items[0]!);
    expect(shown).toEqual(['e0', 'e3']);
    expect(observers[0]!.observed.has(items[3]!)).toBe(false);
    observers[0]!.report(items[3]!, true);
    expect(shown).toEqual(['e0', 'e3']);
  });

  it('stops showing when its signal aborts (the script invalidated)', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(3);
    const shown: string[] = [];
    const stop = new AbortController();
    showNearViewport(items, () => false, (e) => e, (e) => shown.push(e.id), { signal: stop.signal, IntersectionObserver: Observer, marginScreens: 1 });
    expect(observers[0]!.options.rootMargin).toBe('100% 0px 100% 0px');
    stop.abort();
    expect(observers[0]!.disconnected).toBe(true);
    observers[0]!.report(items[0]!, true);
    expect(shown).toEqual([]);
  });

  it('observes nothing when every item is eager, and shows everything where the window has no IntersectionObserver', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(3);
    const shown: string[] = [];
    showNearViewport(items, () => true, (e) => e, (e) => shown.push(e.id), { signal: new AbortController().signal, IntersectionObserver: Observer });
    expect(observers).toHaveLength(0);
    expect(shown).toHaveLength(3);

    const original = globalThis.IntersectionObserver;
    try {
      (globalThis as { IntersectionObserver?: unknown }).IntersectionObserver = undefined;
      const all: string[] = [];
      expect(showNearViewport(items, () => false, (e) => e, (e) => all.push(e.id), { signal: new AbortController().signal }).shownAtOnce).toBe(3);
      expect(all).toEqual(['e0', 'e1', 'e2']);
    } finally {
      globalThis.IntersectionObserver = original;
    }
  });
});

describe('showNearViewport, items added later (their answer came after the first frame)', () => {
  it('shows an added eager item at once and waits for the others, even after the first ones were all shown', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(5);
    const shown: string[] = [];
    const lazy = showNearViewport(items.slice(0, 2), (e) => items.indexOf(e) < 1, (e) => e, (e) => shown.push(e.id), {
      signal: new AbortController().signal,
      IntersectionObserver: Observer,
    });
    observers[0]!.report(items[1]!, true);
    expect(observers[0]!.disconnected).toBe(true);

    lazy.add([items[2]!, items[3]!]);
    expect(shown).toEqual(['e0', 'e1']);
    expect(observers).toHaveLength(2);
    observers[1]!.report(items[3]!, true);
    expect(shown).toEqual(['e0', 'e1', 'e3']);
    lazy.showNow(items[2]!);
    expect(shown).toEqual(['e0', 'e1', 'e3', 'e2']);
    // An added eager item (at the page's top) needs no observer.
    const eagerOnly = showNearViewport([], () => true, (e: HTMLElement) => e, (e) => shown.push(e.id), { signal: new AbortController().signal, IntersectionObserver: Observer });
    eagerOnly.add([items[4]!]);
    expect(shown.at(-1)).toBe('e4');
    expect(observers).toHaveLength(2);
  });

  it('adds nothing to watch once its signal aborted', () => {
    const { observers, Observer } = fakeObservers();
    const items = elements(2);
    const shown: string[] = [];
    const stop = new AbortController();
    const lazy = showNearViewport([], () => false, (e: HTMLElement) => e, (e) => shown.push(e.id), { signal: stop.signal, IntersectionObserver: Observer });
    stop.abort();
    lazy.add(items);
    expect(observers).toHaveLength(0);
    expect(shown).toEqual([]);
  });
});
