import { useEffect, useState } from 'preact/hooks';
import type { PapersDB } from '../lib/db';
import { latestListDay, papersOfDay } from '../lib/daily-lists';
import { sendRequest } from '../lib/messages';
import { readSyncState } from '../lib/sync/state';
import { PaperList } from './PaperList';
import { SyncStatus } from './SyncStatus';
import { useLiveQuery } from './use-live-query';

export function PopupApp({ db }: { db: PapersDB }) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  const syncState = useLiveQuery(() => readSyncState(db), []);
  const latest = useLiveQuery(async () => {
    const day = await latestListDay(db);
    return day ? { day, papers: await papersOfDay(db, day.date) } : null;
  }, []);

  const refresh = () => {
    void sendRequest({ type: 'syncNow' }).catch(() => undefined);
  };

  return (
    <main class="popup">
      <header class="header">
        <h1>Daily Papers Lens</h1>
        {latest.value && <p class="day" data-testid="list-day">{latest.value.day.date}</p>}
      </header>
      <SyncStatus state={syncState.value} now={now} onRefresh={refresh} />
      {latest.value === undefined ? null : latest.value === null ? (
        <p class="empty">
          {syncState.value?.running ? 'Fetching the Daily Papers…' : 'No Daily Papers stored yet.'}
        </p>
      ) : (
        <PaperList papers={latest.value.papers} />
      )}
    </main>
  );
}
