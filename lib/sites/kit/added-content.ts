/**
 * New content on pages that keep loading it (X's and Reddit's feeds, comments that load late): one
 * MutationObserver, whose added elements are handed on once per animation frame (or as `schedule`
 * says: at the next microtask, for a page that must ask about them at once), so a burst of a hundred
 * inserted posts costs one read of the new parts, not a hundred, and never one on every mutation. The
 * extension's own elements (`ownTag`) are not news.
 */
export interface AddedContentOptions {
  /** The extension's own host tags (upper or lower case): their insertion is not reported. */
  ownTags: readonly string[];
  /** Defaults to the window's requestAnimationFrame. */
  schedule?: (callback: () => void) => void;
}

/** Calls `onAdded` with the elements added under `root` since the last call (outermost only), once a frame (or as `schedule` says), until `signal` aborts. */
export function watchAddedContent(root: Node, onAdded: (added: Element[]) => void, signal: AbortSignal, options: AddedContentOptions): void {
  const own = new Set(options.ownTags.map((tag) => tag.toUpperCase()));
  const schedule = options.schedule ?? ((callback: () => void) => void requestAnimationFrame(callback));
  let pending: Element[] = [];
  let scheduled = false;
  const flush = () => {
    scheduled = false;
    if (signal.aborted) return;
    const batch = pending;
    pending = [];
    // An element inside another added one is read with it: only the outermost are handed on.
    const added = new Set(batch);
    const roots = [...added].filter((element) => element.isConnected && !hasAncestorIn(element, added));
    if (roots.length) onAdded(roots);
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node.nodeType === 1 && !own.has((node as Element).tagName)) pending.push(node as Element);
      }
    }
    if (pending.length && !scheduled) {
      scheduled = true;
      schedule(flush);
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  signal.addEventListener('abort', () => {
    observer.disconnect();
    pending = [];
  });
}

function hasAncestorIn(element: Element, elements: ReadonlySet<Element>): boolean {
  for (let node = element.parentElement; node; node = node.parentElement) if (elements.has(node)) return true;
  return false;
}
