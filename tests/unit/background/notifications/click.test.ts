import { describe, expect, it } from 'vitest';
import { handleNotificationClick, markRead } from '../../../../lib/background/notifications/click';
import { useTestDb } from '../../support/builders';

const getDb = useTestDb();

function clickDeps() {
  const opened: string[] = [];
  const cleared: string[] = [];
  return {
    opened,
    cleared,
    deps: {
      db: getDb(),
      now: 1000,
      openTab: async (url: string) => opened.push(url),
      popupDayUrl: (date: string) => `chrome-extension://abc/popup.html#day=${date}`,
      clear: async (id: string) => cleared.push(id),
    },
  };
}

describe('handleNotificationClick', () => {
  it('a paper opens on its HF page and is marked read, keeping its other marks', async () => {
    const { deps, opened, cleared } = clickDeps();
    await deps.db.userState.put({ id: '2506.06276', savedAt: 7, notifiedAt: 9 });
    expect(await handleNotificationClick('paper:2506.06276', deps)).toBe(true);
    expect(opened).toEqual(['https://huggingface.co/papers/2506.06276']);
    expect(cleared).toEqual(['paper:2506.06276']);
    expect(await deps.db.userState.get('2506.06276')).toEqual({ id: '2506.06276', savedAt: 7, notifiedAt: 9, readAt: 1000 });
  });

  it('a digest or a group opens the popup view of its day', async () => {
    const { deps, opened } = clickDeps();
    await handleNotificationClick('day:2025-06-10:digest', deps);
    expect(opened).toEqual(['chrome-extension://abc/popup.html#day=2025-06-10']);
    expect(await deps.db.userState.count()).toBe(0);
  });

  it('leaves other ids alone', async () => {
    const { deps, opened, cleared } = clickDeps();
    expect(await handleNotificationClick('someone-else', deps)).toBe(false);
    expect(opened).toEqual([]);
    expect(cleared).toEqual([]);
  });
});

describe('markRead', () => {
  it('keeps the first read time', async () => {
    const db = getDb();
    await markRead(db, '2506.06276', 5);
    await markRead(db, '2506.06276', 9);
    expect(await db.userState.get('2506.06276')).toEqual({ id: '2506.06276', readAt: 5 });
  });
});
