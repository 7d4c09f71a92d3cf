import { hfPaperUrl } from '../../lib/shared/paper';
import { PaperList } from './PaperList';
import { usePopupServices } from './popup-context';
import { usePaperHistory } from './use-paper-history';
import { useStoreQuery } from './use-store-query';
import type { ViewProps } from './view-props';

/** The papers the person saved, latest saved first. */
export function SavedView({ store, changes }: ViewProps) {
  const { userStates } = usePopupServices();
  const savedIds = [...userStates.values()]
    .filter((state) => state.savedAt !== undefined)
    .sort((a, b) => b.savedAt! - a.savedAt!)
    .map((state) => state.id);
  const key = savedIds.join(' ');
  const papers = useStoreQuery(store, changes, ['papers'], (s) => s.papers(savedIds), [key]);
  const history = usePaperHistory(store, changes, (papers.value ?? []).map((p) => p.id));
  if (!papers.ready) return null;
  const found = papers.value ?? [];
  const missing = savedIds.filter((id) => !found.some((p) => p.id === id));
  return (
    <section aria-labelledby="saved-heading">
      <div class="view-head">
        <h2 id="saved-heading">Saved</h2>
      </div>
      {savedIds.length === 0 ? (
        <p class="empty" data-testid="empty">
          Nothing saved yet. “☆ Save” on any paper keeps it here, through every sync.
        </p>
      ) : (
        <PaperList papers={found} history={history} showDay label="Saved papers" />
      )}
      {missing.length > 0 && (
        <p class="note">
          Saved, not stored yet (the details come with the next sync or search):{' '}
          {missing.map((id) => (
            <a key={id} class="link" href={hfPaperUrl(id)} target="_blank" rel="noopener noreferrer">
              {id}{' '}
            </a>
          ))}
        </p>
      )}
    </section>
  );
}
