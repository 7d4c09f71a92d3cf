import { sparklinePoints, type UpvotePoint } from '../../lib/popup/trends';
import { formatRelativeTime } from '../../lib/popup/relative-time';

const WIDTH = 56;
const HEIGHT = 14;

/** A paper's upvotes over time, from the stored samples; nothing while there is only one value. */
export function Sparkline({ series, now }: { series: UpvotePoint[]; now: number }) {
  if (series.length < 2) return null;
  const first = series[0]!;
  const last = series[series.length - 1]!;
  const label = `Upvotes ${first.upvotes} → ${last.upvotes} since ${formatRelativeTime(first.at, now)}`;
  return (
    <svg class="sparkline" width={WIDTH} height={HEIGHT} viewBox={`-1 -1 ${WIDTH + 2} ${HEIGHT + 2}`} role="img" aria-label={label}>
      <title>{label}</title>
      <polyline points={sparklinePoints(series, now, WIDTH, HEIGHT)} fill="none" stroke="currentColor" stroke-width="1.5" />
    </svg>
  );
}
