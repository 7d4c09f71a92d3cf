import { formatRelativeTime } from '../../lib/popup/relative-time';
import { OrderToggle } from './OrderToggle';
import { PaperList } from './PaperList';
import { orderPapers, usePaperHistory } from './use-paper-history';
import { useStoreQuery } from './use-store-query';
import type { ViewProps } from './view-props';

/** HF's trending list as last synced, in HF's order (trending is not upvotes), or rising. */
export function TrendingView({ store, changes, now, order, onOrder, syncing }: ViewProps) {
  const trending = useStoreQuery(
    store,
    changes,
    ['kv', 'papers'],
    async (s) => {
      const list = await s.trending();
      return list ? { fetchedAt: list.fetchedAt, papers: await s.papers(list.ids) } : undefined;
    },
    [],
  );
  const history = usePaperHistory(store, changes, (trending.value?.papers ?? []).map((p) => p.id));
  if (!trending.ready) return null;
  const list = trending.value;
  return (
    <section aria-labelledby="trending-heading">
      <div class="view-head">
        <h2 id="trending-heading">
          Trending on Hugging Face
          {list && <span class="muted"> · {formatRelativeTime(list.fetchedAt, now)}</span>}
        </h2>
        <OrderToggle order={order} topLabel="Trending" onChange={onOrder} />
      </div>
      {!list || list.papers.length === 0 ? (
        <p class="empty" data-testid="empty">
          {syncing ? 'Fetching the trending list…' : 'The trending list has not been fetched yet.'}
        </p>
      ) : (
        <PaperList papers={orderPapers(list.papers, order, history, now)} history={history} showDay label="Trending papers" />
      )}
    </section>
  );
}
