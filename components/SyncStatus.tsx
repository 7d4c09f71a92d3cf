import type { SyncState } from '../lib/sync/state';
import { formatRelativeTime } from '../lib/relative-time';

interface Props {
  state: SyncState | undefined;
  now: number;
  onRefresh: () => void;
}

/** Where the sync stands, in plain words, with the Refresh button and, after a failure, the reason. */
export function SyncStatus({ state, now, onRefresh }: Props) {
  const running = state?.running ?? false;
  return (
    <section class="sync" aria-label="Sync status">
      <p class="sync-line" role="status" data-testid="sync-status">
        {running
          ? `Syncing${state?.progress ? ` (${state.progress.done}/${state.progress.total})` : ''}…`
          : state?.lastSuccessAt
            ? `Synced ${formatRelativeTime(state.lastSuccessAt, now)}`
            : 'Not synced yet'}
      </p>
      <button type="button" class="refresh" onClick={onRefresh} disabled={running}>
        Refresh
      </button>
      {state?.lastError && !running && (
        <p class="sync-error" role="alert" data-testid="sync-error">
          {state.lastError.message} Your stored papers are kept.{' '}
          <button type="button" class="link-button" onClick={onRefresh}>
            Retry
          </button>
        </p>
      )}
    </section>
  );
}
