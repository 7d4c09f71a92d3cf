import { useEffect } from 'preact/hooks';
import { dayLabel, isWeekendDay } from '../../lib/shared/day-label';
import { utcDay } from '../../lib/shared/utc-day';
import { OrderToggle } from './OrderToggle';
import { usePopupServices } from './popup-context';
import { PaperList } from './PaperList';
import { orderPapers, usePaperHistory } from './use-paper-history';
import { useStoreQuery } from './use-store-query';
import type { ViewProps } from './view-props';

/**
 * One Daily Papers day: the latest list (Today) or a day asked for; a weekend or a day without a list
 * shows the list before it, and says so.
 */
export function DayView({ store, changes, now, order, onOrder, onNavigate, date, syncing }: ViewProps & { date?: string }) {
  const asked = date ?? utcDay(now);
  const { firstScreen } = usePopupServices();
  const list = useStoreQuery(store, changes, ['days', 'papers'], (s) => s.dayList(asked), [asked], firstScreen.earlyDayList(asked));
  const history = usePaperHistory(store, changes, (list.value?.papers ?? []).map((p) => p.id));
  // What this view shows is what the next opening on this day draws first (lib/popup/kept-first-screen.ts).
  useEffect(() => {
    if (list.value && store) firstScreen.showing({ day: asked, list: list.value });
  }, [list.value, store, asked, firstScreen]);

  if (!list.value) return null;
  const { listDay, papers, previous, next, oldest } = list.value;
  if (!listDay) {
    return (
      <p class="empty" data-testid="empty">
        {date && oldest && date < oldest
          ? `${dayLabel(date)} is older than the synced days (from ${dayLabel(oldest)}).`
          : syncing
            ? 'Fetching the Daily Papers…'
            : 'No Daily Papers stored yet. Refresh to fetch them.'}
      </p>
    );
  }
  const isToday = listDay === utcDay(now);
  const heading = date ? dayLabel(listDay) : isToday ? 'Today' : 'Latest list';
  return (
    <section aria-labelledby="day-heading">
      <div class="view-head">
        <button type="button" class="nav" disabled={!previous} onClick={() => previous && onNavigate({ kind: 'day', date: previous })} aria-label="Previous day">
          ‹
        </button>
        <h2 id="day-heading">
          {heading} <time data-testid="list-day" dateTime={listDay}>{listDay}</time>
        </h2>
        <button type="button" class="nav" disabled={!next} onClick={() => next && onNavigate({ kind: 'day', date: next })} aria-label="Next day">
          ›
        </button>
        <OrderToggle order={order} topLabel="Top" onChange={onOrder} />
      </div>
      {asked !== listDay && date && (
        <p class="note" data-testid="fallback-note">
          {isWeekendDay(asked) ? `No list on weekends: ${dayLabel(asked)}` : `No list for ${dayLabel(asked)} yet`} — showing {dayLabel(listDay)}.
        </p>
      )}
      <PaperList key={listDay} papers={orderPapers(papers, order, history, now)} history={history} label={`Papers of ${listDay}`} />
    </section>
  );
}
