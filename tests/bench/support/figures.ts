/**
 * Benchmark figures: each is the median of several runs, printed as a table and collected into
 * bench-results/figures.json (one file for the whole `npm run bench`).
 */
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cpus } from 'node:os';

export interface Figure {
  measure: string;
  value: number;
  unit: string;
  /** Human-readable target, e.g. "≤ 50 ms". */
  target?: string;
  /** Whether the measured value meets the target (undefined when there is none). */
  met?: boolean;
  runs?: number[];
}

export const RESULTS_FILE = resolve(import.meta.dirname, '../../../bench-results/figures.json');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** How much more `over` is than `under`, in %, median against median (same run). */
export function percentMore(over: number[], under: number[]): number {
  return ((median(over) - median(under)) / median(under)) * 100;
}

/** Each pair's `over` divided by its `under`. */
export function pairedRatios(over: number[], under: number[]): number[] {
  return over.map((value, i) => value / under[i]!);
}

/** Each pair's `over` against its `under`, in %, rounded to a tenth: the spread behind a `percentMore`. */
export function pairedPercents(over: number[], under: number[]): number[] {
  return over.map((value, i) => Math.round(((value - under[i]!) / under[i]!) * 1000) / 10);
}

/** A figure from several runs: their median, with its target (`≤ target unit`) when there is one. */
export function medianFigure(measure: string, runs: number[], unit: string, target?: number): Figure {
  const value = median(runs);
  return { measure, value, unit, runs, ...(target === undefined ? {} : { target: `≤ ${target} ${unit}`, met: value <= target }) };
}

/**
 * A page against its twin in pairs of visits (./baselines.ts `inPairsWithTwin`): the pairs' median of
 * how much more the page is, in %, with its target (`≤ target %`) when there is one; the medians'
 * own `percentMore` beside it, in the unit.
 */
export function pairsFigure(measure: string, { ours, twin }: { ours: number[]; twin: number[] }, target?: number): Figure {
  const runs = pairedPercents(ours, twin);
  const value = median(runs);
  return { measure, value, unit: `% (the medians: ${percentMore(ours, twin).toFixed(1)} %)`, runs, ...(target === undefined ? {} : { target: `≤ ${target} %`, met: value <= target }) };
}

/**
 * A page visited in rounds in turn with its twin and its floor twin (./baselines.ts `cpuInFloorTurns`):
 * `lead`, the pairs' median above the twin (with its target); then above the floor twin, in % and in
 * ms; and the floor twin above the twin, in ms (what an empty content script costs the page).
 */
export function floorTurnsFigures(lead: string, turns: { ours: number[]; floor: number[]; twin: number[] }, target?: number): Figure[] {
  const msMore = (over: number[], under: number[]) => over.map((ms, i) => ms - under[i]!);
  return [
    pairsFigure(lead, turns, target),
    pairsFigure("  … above its floor twin (the same page where only an empty content script runs, of an extension loaded beside ours), the same rounds: the pairs' median", { ours: turns.ours, twin: turns.floor }),
    medianFigure("  … the same in ms: the pairs' median", msMore(turns.ours, turns.floor), 'ms'),
    medianFigure("  the floor twin above the twin (what the empty script costs the page), in ms: the pairs' median", msMore(turns.floor, turns.twin), 'ms'),
  ];
}

export function recordFigures(section: string, figures: Figure[]): void {
  mkdirSync(resolve(RESULTS_FILE, '..'), { recursive: true });
  const all = existsSync(RESULTS_FILE)
    ? (JSON.parse(readFileSync(RESULTS_FILE, 'utf8')) as { machine: unknown; sections: Record<string, Figure[]> })
    : { machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version }, sections: {} };
  all.sections[section] = figures;
  writeFileSync(RESULTS_FILE, JSON.stringify(all, null, 2));
  console.log(`\n${section}`);
  console.table(
    figures.map((f) => ({
      measure: f.measure,
      value: `${Math.round(f.value * 100) / 100} ${f.unit}`,
      target: f.target ?? '',
      met: f.met === undefined ? '' : f.met ? 'yes' : 'NO',
    })),
  );
}
