import type { PopupStore } from '../../lib/popup/popup-store';
import type { ListOrder } from '../../lib/popup/popup-view';
import type { ChangeCounts } from './use-popup-store';
import type { PopupView } from '../../lib/shared/popup-route';

/** What every list view gets from the popup. */
export interface ViewProps {
  store: PopupStore | undefined;
  changes: ChangeCounts;
  now: number;
  order: ListOrder;
  onOrder: (order: ListOrder) => void;
  onNavigate: (view: PopupView) => void;
  /** A sync is running (empty lists say "fetching" rather than "nothing"). */
  syncing: boolean;
}
