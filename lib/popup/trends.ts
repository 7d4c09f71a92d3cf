/**
 * Upvote trends from the stored history: the series a sparkline draws, and the "rising" order,
 * fastest-growing first. A paper's first point is kept on the paper (`firstSeen`); a history row is
 * written whenever a later sync sees its count change.
 */
import type { Paper, UpvotePoint } from '../shared/paper';

export type { UpvotePoint } from '../shared/paper';

const HOUR = 3_600_000;
/** Growth is measured over the last day. */
export const RISING_WINDOW_MS = 24 * HOUR;

/**
 * A paper's trend points: its first sighting, then its history rows. Papers stored by earlier versions
 * have no `firstSeen` (their first point is a row); a row at the same time stands for it.
 */
export function paperPoints(paper: Pick<Paper, 'firstSeen'>, samples: readonly UpvotePoint[]): UpvotePoint[] {
  const first = paper.firstSeen;
  if (!first || samples.some((sample) => sample.at <= first.at)) return [...samples];
  return [{ at: first.at, upvotes: first.upvotes }, ...samples];
}

/** The samples oldest first, ending with the current count (at `now` when it moved since the last sample). */
export function upvoteSeries(samples: readonly UpvotePoint[], current: number, now: number): UpvotePoint[] {
  const series = [...samples].sort((a, b) => a.at - b.at).map(({ at, upvotes }) => ({ at, upvotes }));
  const last = series[series.length - 1];
  if (!last || last.upvotes !== current) series.push({ at: Math.max(now, last?.at ?? now), upvotes: current });
  return series;
}

/** When the extension first saw the paper: its oldest sample (undefined without history). */
export function firstSeenAt(samples: readonly UpvotePoint[]): number | undefined {
  let first: number | undefined;
  for (const sample of samples) if (first === undefined || sample.at < first) first = sample.at;
  return first;
}

/**
 * Upvotes gained per hour over the window: from the last sample at or before its start (or from the
 * first sample, for a paper seen more recently) to the current count. 0 without growth or history.
 */
export function risingRate(series: readonly UpvotePoint[], now: number, windowMs = RISING_WINDOW_MS): number {
  if (series.length < 2) return 0;
  const start = now - windowMs;
  let base = series[0]!;
  for (const point of series) if (point.at <= start) base = point;
  const current = series[series.length - 1]!;
  const hours = Math.max(1, (now - base.at) / HOUR);
  return Math.max(0, current.upvotes - base.upvotes) / hours;
}

/** Orders papers fastest-growing first; equal growth falls back to more upvotes. `history`: rows by paper. */
export function rankRising<T extends { id: string; upvotes: number; firstSeen?: UpvotePoint }>(
  papers: readonly T[],
  history: ReadonlyMap<string, readonly UpvotePoint[]>,
  now: number,
): T[] {
  const rate = new Map(papers.map((p) => [p.id, risingRate(upvoteSeries(paperPoints(p, history.get(p.id) ?? []), p.upvotes, now), now)]));
  return [...papers].sort((a, b) => rate.get(b.id)! - rate.get(a.id)! || b.upvotes - a.upvotes);
}

/**
 * The points of a sparkline polyline in a `width`×`height` box (y grows downwards), over the time from
 * the first sample to `now`; the count holds between samples. A single value is a flat line.
 */
export function sparklinePoints(series: readonly UpvotePoint[], now: number, width: number, height: number): string {
  if (series.length === 0) return '';
  const t0 = series[0]!.at;
  const t1 = Math.max(now, series[series.length - 1]!.at);
  let low = Infinity;
  let high = -Infinity;
  for (const p of series) {
    low = Math.min(low, p.upvotes);
    high = Math.max(high, p.upvotes);
  }
  const x = (at: number) => (t1 === t0 ? 0 : ((at - t0) / (t1 - t0)) * width);
  const y = (upvotes: number) => (high === low ? height / 2 : height - ((upvotes - low) / (high - low)) * height);
  const round = (n: number) => Math.round(n * 10) / 10;
  const points: string[] = [];
  series.forEach((p, i) => {
    // Steps: the previous count holds until this sample.
    if (i > 0) points.push(`${round(x(p.at))},${round(y(series[i - 1]!.upvotes))}`);
    points.push(`${round(x(p.at))},${round(y(p.upvotes))}`);
  });
  points.push(`${round(width)},${round(y(series[series.length - 1]!.upvotes))}`);
  return points.join(' ');
}
