/**
 * The popup's first list on screen: work that is not needed for it (the search index reads every
 * stored paper) waits for it, so the two do not compete for the database and the main thread.
 */
let markPainted: () => void = () => undefined;
const painted = new Promise<void>((resolve) => (markPainted = resolve));

export function markListPainted(): void {
  markPainted();
}

/** Resolves once a list was painted, or after `timeoutMs` (a view with nothing to list). */
export function whenListPainted(timeoutMs: number): Promise<void> {
  return Promise.race([painted, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
}
