import type { ListOrder } from '../../lib/popup/popup-view';

/** Top (by upvotes, or HF's trending order) or Rising (fastest-growing first). */
export function OrderToggle({ order, topLabel, onChange }: { order: ListOrder; topLabel: string; onChange: (order: ListOrder) => void }) {
  const option = (value: ListOrder, text: string) => (
    <button type="button" class="order-option" aria-pressed={order === value} onClick={() => onChange(value)}>
      {text}
    </button>
  );
  return (
    <div class="order" role="group" aria-label="Order">
      {option('top', topLabel)}
      {option('rising', 'Rising')}
    </div>
  );
}
