/**
 * Lines sorted by a key, searched in place in the one string a page was sent (the badge and title
 * indexes): a page holding a year of papers' index (40,000 lines) looks up the few hundred it shows by
 * binary search, and never splits the whole string or builds a map of it.
 */

/** A line of the text: where it starts and where it ends (its `\n`, or the end of the text). */
export interface Line {
  start: number;
  end: number;
}

/** The line starting at `start` (a line start, below the text's length). */
export function lineAt(text: string, start: number): Line {
  const end = text.indexOf('\n', start);
  return { start, end: end < 0 ? text.length : end };
}

/** Where a line's first field ends: its first space, or the line's end when it has none. */
export function firstFieldEnd(text: string, { start, end }: Line): number {
  const space = text.indexOf(' ', start);
  return space < 0 || space > end ? end : space;
}

/**
 * Where the first line not below the target starts, or the text's length when there is none: lines
 * sorted so that `below` (whether a line sorts before the target) holds for a first run of them only.
 * Each step reads the line around the middle of what is left, so each step at least halves it. (Keys
 * are best compared as slices, with `<`: a page's script runs cold, and a loop over character codes
 * in the interpreter took twice as long as the engine's own slice and compare.)
 */
export function lowerBound(text: string, below: (line: Line) => boolean): number {
  let low = 0;
  let high = text.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    // `low` starts a line, so the line around the middle starts at `low` or after it (from -1, lastIndexOf would look at 0).
    const line = lineAt(text, middle === 0 ? 0 : text.lastIndexOf('\n', middle - 1) + 1);
    if (below(line)) low = line.end + 1;
    else high = line.start;
  }
  return Math.min(low, text.length);
}

/** The lines from `start` (a line start) to the end, in order: the caller stops when it has what it needs. */
export function* linesFrom(text: string, start: number): Generator<Line> {
  for (let at = start; at < text.length; ) {
    const line = lineAt(text, at);
    yield line;
    at = line.end + 1;
  }
}

/**
 * Two lists of lines, each sorted by `key`, as one sorted list (on equal keys, `a`'s line first): how
 * the background patches a few changed papers' lines into a kept index without sorting it again.
 */
export function mergeSorted(a: readonly string[], b: readonly string[], key: (line: string) => string): string[] {
  const merged: string[] = [];
  let i = 0;
  let j = 0;
  let keyB = j < b.length ? key(b[j]!) : undefined;
  while (i < a.length && keyB !== undefined) {
    if (key(a[i]!) <= keyB) merged.push(a[i++]!);
    else {
      merged.push(b[j++]!);
      keyB = j < b.length ? key(b[j]!) : undefined;
    }
  }
  for (; i < a.length; i++) merged.push(a[i]!);
  for (; j < b.length; j++) merged.push(b[j]!);
  return merged;
}
