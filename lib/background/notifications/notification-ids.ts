/**
 * A notification's id says what clicking it opens, so a click handled by a freshly woken worker needs
 * no memory of what was shown: `paper:<arXiv id>` or `day:<YYYY-MM-DD>:<what>`.
 */
import { isHfPaperId } from '../../shared/arxiv-id';
import { isUtcDay } from '../../shared/utc-day';

export type NotificationTarget = { kind: 'paper'; paperId: string } | { kind: 'day'; date: string };

export function paperNotificationId(paperId: string): string {
  return `paper:${paperId}`;
}

/** `what` keeps two notifications of one day apart (a digest, a watch group of a given time). */
export function dayNotificationId(date: string, what: string): string {
  return `day:${date}:${what}`;
}

export function parseNotificationId(id: string): NotificationTarget | undefined {
  const paper = /^paper:(.+)$/.exec(id);
  if (paper) return isHfPaperId(paper[1]!) ? { kind: 'paper', paperId: paper[1]! } : undefined;
  const day = /^day:(\d{4}-\d{2}-\d{2}):/.exec(id);
  if (day && isUtcDay(day[1]!)) return { kind: 'day', date: day[1]! };
  return undefined;
}
