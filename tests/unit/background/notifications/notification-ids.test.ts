import { describe, expect, it } from 'vitest';
import { dayNotificationId, paperNotificationId, parseNotificationId } from '../../../../lib/background/notifications/notification-ids';

describe('notification ids', () => {
  it('round-trip, and refuse what is not ours or not valid', () => {
    expect(parseNotificationId(paperNotificationId('2506.06276'))).toEqual({ kind: 'paper', paperId: '2506.06276' });
    expect(parseNotificationId(dayNotificationId('2025-06-10', 'watch-5'))).toEqual({ kind: 'day', date: '2025-06-10' });
    for (const id of ['paper:hep-th/9901001', 'paper:javascript:alert(1)', 'day:2025-02-30:digest', 'day:2025-06-10', 'other', '']) {
      expect(parseNotificationId(id)).toBeUndefined();
    }
  });
});
