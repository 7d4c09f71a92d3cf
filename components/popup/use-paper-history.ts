import type { PopupStore } from '../../lib/popup/popup-store';
import { rankRising, type UpvotePoint } from '../../lib/popup/trends';
import type { ListOrder } from '../../lib/popup/popup-view';
import type { SearchDoc } from '../../lib/shared/search/local-index';
import type { ChangeCounts } from './use-popup-store';
import { useStoreQuery } from './use-store-query';

/** The upvote history of the listed papers (for sparklines, "new" marks and the rising order). */
export function usePaperHistory(
  store: PopupStore | undefined,
  changes: ChangeCounts,
  ids: string[],
): ReadonlyMap<string, UpvotePoint[]> | undefined {
  const key = ids.join(' ');
  return useStoreQuery(store, changes, ['upvoteHistory'], (s) => s.history(ids), [key]).value;
}

/** The papers in the order asked for; `top` keeps the order they came in. */
export function orderPapers<T extends SearchDoc>(
  papers: T[],
  order: ListOrder,
  history: ReadonlyMap<string, UpvotePoint[]> | undefined,
  now: number,
): T[] {
  return order === 'rising' && history ? rankRising(papers, history, now) : papers;
}
