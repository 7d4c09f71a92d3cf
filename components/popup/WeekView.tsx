import { compareByUpvotes, weekOf } from '../../lib/shared/daily-lists';
import { weekLabel } from '../../lib/shared/day-label';
import { addDays, utcDay } from '../../lib/shared/utc-day';
import { OrderToggle } from './OrderToggle';
import { PaperList } from './PaperList';
import { orderPapers, usePaperHistory } from './use-paper-history';
import { useStoreQuery } from './use-store-query';
import type { ViewProps } from './view-props';

/** A Monday-to-Sunday week of Daily Papers, ranked together. */
export function WeekView({ store, changes, now, order, onOrder, onNavigate, date, syncing }: ViewProps & { date?: string }) {
  const { start, end } = weekOf(date ?? utcDay(now));
  const papers = useStoreQuery(store, changes, ['papers'], async (s) => (await s.papersOfDays(start, end)).sort(compareByUpvotes), [start, end]);
  const history = usePaperHistory(store, changes, (papers.value ?? []).map((p) => p.id));
  const isCurrent = end >= utcDay(now);

  return (
    <section aria-labelledby="week-heading">
      <div class="view-head">
        <button type="button" class="nav" aria-label="Previous week" onClick={() => onNavigate({ kind: 'week', date: addDays(start, -7) })}>
          ‹
        </button>
        <h2 id="week-heading" data-testid="week-range">
          {weekLabel(start, end)}
        </h2>
        <button type="button" class="nav" aria-label="Next week" disabled={isCurrent} onClick={() => onNavigate({ kind: 'week', date: addDays(start, 7) })}>
          ›
        </button>
        <OrderToggle order={order} topLabel="Top" onChange={onOrder} />
      </div>
      {papers.value && papers.value.length === 0 ? (
        <p class="empty" data-testid="empty">
          {syncing ? 'Fetching the Daily Papers…' : 'No papers stored for this week.'}
        </p>
      ) : (
        papers.value && <PaperList key={start} papers={orderPapers(papers.value, order, history, now)} history={history} showDay label={`Papers of the week ${start} to ${end}`} />
      )}
    </section>
  );
}
