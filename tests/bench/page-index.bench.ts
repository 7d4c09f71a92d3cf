/**
 * What is done with the indexes (#18), at 1,000 / 20,000 / 40,000 papers in the window: a 2000-entry
 * listing's 2000 look-ups in the badge index it is sent (200 of them stored), and a Google Scholar results
 * page's 20 titles in the title index (matched in the background since 2026-12-05; pages were sent the
 * index before). The indexes' lines are sorted and an id or a title is looked up by binary search in the
 * string (lib/shared/sorted-lines.ts); the reference, in the same run, is how pages read them until
 * 2026-12-04: every line into a map first (written out below).
 * Time (median of fresh readers; this process's JIT is warm, a page's is not: the listing visits of
 * ./year.bench.ts give a page's own time) and the memory a reader holds once its look-ups are done.
 * Runs in Node, no browser.
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { test } from '@playwright/test';
import { BadgeIndex, encodeBadgeIndex } from '../../lib/shared/badge-index';
import { encodeTitleIndex, normaliseTitle, TitleIndex } from '../../lib/shared/title-index';
import { medianFigure, recordFigures, type Figure } from './support/figures';
import { syntheticPapers } from './support/synthetic-papers';

const SIZES = [1_000, 20_000, 40_000];
const RUNS = 15;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** The reference: a map of every line, built up front (the readers' way before the lines were sorted). */
class WholeMap<T> {
  readonly lines = new Map<string, T>();
  constructor(text: string, read: (line: string, space: number) => [string, T] | undefined) {
    for (const line of text.split('\n')) {
      const space = line.indexOf(' ');
      const entry = space > 0 ? read(line, space) : undefined;
      if (entry) this.lines.set(entry[0], entry[1]);
    }
  }
}

/** Time of `read` (a fresh reader and its look-ups) in ms, and the heap it holds after, in MB. */
function measure(read: () => unknown): { ms: number[]; mb: number } {
  const ms: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    read();
    ms.push(performance.now() - start);
  }
  gc();
  const before = process.memoryUsage().heapUsed;
  const held = read();
  gc();
  const mb = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  if (!held) throw new Error('nothing read');
  return { ms, mb };
}

test('what a page does with the indexes it is sent', () => {
  test.setTimeout(300_000);
  for (const size of SIZES) {
    const papers = syntheticPapers(size, { firstDay: '2025-12-01', perDay: 110, now: Date.now() });
    const badges = encodeBadgeIndex(papers);
    const titles = encodeTitleIndex(papers);
    // A listing: one entry in ten stored, the others unknown ids of the same month.
    const ids = Array.from({ length: 2000 }, (_, i) => (i % 10 === 0 ? papers[(i * 7) % size]!.id : `2512.${String(20_000 + i)}`));
    const shown = Array.from({ length: 20 }, (_, i) => (i % 2 ? papers[(i * 13) % size]!.title : `A result Hugging Face never listed, number ${i}`));
    const sorted = measure(() => {
      const index = new BadgeIndex(badges);
      return ids.filter((id) => index.has(id)).length && index;
    });
    const whole = measure(() => {
      const index = new WholeMap(badges, (line, space) => [line.slice(0, space), line.slice(space + 1)]);
      return ids.filter((id) => index.lines.has(id)).length && index;
    });
    const sortedTitles = measure(() => {
      const index = new TitleIndex(titles);
      return shown.map((title) => index.match(title)).filter(Boolean).length && index;
    });
    const wholeTitles = measure(() => {
      const index = new WholeMap(titles, (line, space) => [line.slice(space + 1), line.slice(0, space)]);
      return shown.map((title) => index.lines.get(normaliseTitle(title))).filter(Boolean).length && index;
    });
    const figures: Figure[] = [
      { measure: `badge index sent (${size} lines)`, value: badges.length / 1024, unit: 'KB' },
      medianFigure('listing, 2000 look-ups: sorted lines, binary search', sorted.ms, 'ms'),
      medianFigure('  … reference: a map of every line first', whole.ms, 'ms'),
      { measure: '  held by the page after: sorted lines', value: sorted.mb, unit: 'MB' },
      { measure: '  held by the page after: a map of every line', value: whole.mb, unit: 'MB' },
      { measure: `title index held by the background, never sent (${size} lines)`, value: titles.length / 1024, unit: 'KB' },
      medianFigure("Scholar results, 20 titles matched in the background: sorted lines, binary search", sortedTitles.ms, 'ms'),
      medianFigure('  … reference: a map of every line first', wholeTitles.ms, 'ms'),
      { measure: '  held after the matching: sorted lines', value: sortedTitles.mb, unit: 'MB' },
      { measure: '  held after the matching: a map of every line', value: wholeTitles.mb, unit: 'MB' },
    ];
    recordFigures(`a page's indexes, ${size} papers in the window (Node ${process.version}, warm JIT)`, figures);
  }
});
