/**
 * The popup's addresses (`popup.html#day=2025-06-09`, `#week=…`, `#trending`, `#saved`): the popup reads
 * them, and the background opens them from a notification's click, so both write them the same way.
 */
import { isUtcDay } from './utc-day';

export type PopupView =
  | { kind: 'today' }
  | { kind: 'day'; date: string }
  /** The Monday-to-Sunday week holding `date`. */
  | { kind: 'week'; date: string }
  | { kind: 'trending' }
  | { kind: 'saved' };

/** The view an address names, or undefined for none (or nonsense). */
export function parseRoute(hash: string): PopupView | undefined {
  const route = hash.replace(/^#/, '');
  if (route === 'today') return { kind: 'today' };
  if (route === 'trending') return { kind: 'trending' };
  if (route === 'saved') return { kind: 'saved' };
  const dated = /^(day|week)=(\d{4}-\d{2}-\d{2})$/.exec(route);
  if (dated && isUtcDay(dated[2]!)) return { kind: dated[1] as 'day' | 'week', date: dated[2]! };
  return undefined;
}

export function formatRoute(view: PopupView): string {
  return view.kind === 'day' || view.kind === 'week' ? `#${view.kind}=${view.date}` : `#${view.kind}`;
}
