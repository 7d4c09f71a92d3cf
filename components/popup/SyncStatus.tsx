import { formatRelativeTime } from '../../lib/popup/relative-time';
import type { SyncState } from '../../lib/shared/sync-state';

interface Props {
  state: SyncState | undefined;
  now: number;
  onRefresh: () => void;
}

/** Where the sync stands, in plain words, with the Refresh button and, after a failure, the reason. */
export function SyncStatus({ state, now, onRefresh }: Props) {
  const running = state?.running ?? false;
  const progress = running ? state?.progress : undefined;
  const error = !running ? state?.lastError : undefined;
  return (
    <section class="sync" aria-label="Sync status">
      <p class="sync-line" role="status" data-testid="sync-status">
        {running
          ? `Syncing${progress ? ` (${progress.done}/${progress.total})` : ''}…`
          : state?.lastSuccessAt
            ? `Synced ${formatRelativeTime(state.lastSuccessAt, now)}`
            : 'Not synced yet'}
      </p>
      <button type="button" class="refresh" onClick={onRefresh} disabled={running}>
        Refresh
      </button>
      {progress && progress.total > 1 && (
        <progress
          class="sync-progress"
          data-testid="sync-progress"
          max={progress.total}
          value={progress.done}
          aria-label={`Fetching Daily Papers: ${progress.done} of ${progress.total} lists`}
        />
      )}
      {error && (
        <p class="sync-error" role="alert" data-testid="sync-error">
          {error.message} Your stored papers are kept.
          {state?.nextRunAt && state.nextRunAt > now && ` Next try ${formatClock(state.nextRunAt)}.`}{' '}
          <button type="button" class="link-button" onClick={onRefresh}>
            Retry
          </button>
        </p>
      )}
    </section>
  );
}

function formatClock(time: number): string {
  return new Date(time).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
}
