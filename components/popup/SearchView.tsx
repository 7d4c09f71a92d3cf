import { useLayoutEffect, useMemo, useState } from 'preact/hooks';
import type { PopupStore } from '../../lib/popup/popup-store';
import type { SearchResult } from '../../lib/shared/search/local-index';
import { searchKey } from '../../lib/popup/search/remote-search';
import { PaperList } from './PaperList';
import { usePaperHistory } from './use-paper-history';
import type { HfSearchState } from './use-hf-search';
import type { ViewProps } from './view-props';
import type { Paper } from '../../lib/shared/paper';
import type { SearchIndexState } from './use-search-index';

interface Props extends Pick<ViewProps, 'store' | 'changes'> {
  query: string;
  searchIndex: SearchIndexState;
  hf: HfSearchState;
  hfCached: Paper[] | undefined;
  onSearchHf: () => void;
}

/** Results drawn per keystroke: the best ones; "Show more" for the rest. */
const SEARCH_PAGE = 20;

/** Results over every stored paper as the person types, and, on request, Hugging Face's own search. */
export function SearchView({ store, changes, query, searchIndex, hf, hfCached, onSearchHf }: Props) {
  const { index, status, version } = searchIndex;
  const found = useMemo(() => {
    const result = index?.search(query) ?? { docs: [], total: 0 };
    // The benchmark's split of a first keystroke (tests/bench/search-index.bench.ts).
    performance.mark('dpl:search-ranked');
    return result;
  }, [index, query, version]);
  const result = useResultPapers(store, found, changes.papers);
  const history = usePaperHistory(store, changes, result.docs.map((d) => d.id));
  const key = searchKey(query);
  const hfPapers = hf.status === 'done' && hf.key === key ? hf.papers : hfCached;
  // An index read in part answers only the queries whose words' shards it holds.
  const indexing = status !== 'ready' || !index?.covers(query);

  return (
    <section aria-labelledby="search-heading">
      <div class="view-head">
        <h2 id="search-heading" aria-live="polite" data-testid="search-summary">
          {result.total === 0 ? 'No stored paper matches' : `${result.total} stored ${result.total === 1 ? 'paper matches' : 'papers match'}`}
          {result.total > result.docs.length && <span class="muted"> (the best {result.docs.length})</span>}
          {indexing && (
            <span class="muted" data-testid="indexing">
              {status === 'building' ? ' (the search index is being built…)' : ' (reading the search index…)'}
            </span>
          )}
        </h2>
      </div>
      {/* Not keyed by the query: each keystroke updates the entries in place rather than redrawing them. */}
      {result.docs.length > 0 && <PaperList papers={result.docs} history={history} showDay pageSize={SEARCH_PAGE} label="Search results" />}
      <section class="hf-search" aria-labelledby="hf-heading">
        <h2 id="hf-heading" class="sub">All of Hugging Face</h2>
        <button type="button" class="hf-search-button" onClick={onSearchHf} disabled={hf.status === 'loading' && hf.key === key}>
          Search Hugging Face for “{query.trim()}”
        </button>
        <p class="muted small">Sends these words to huggingface.co. Enter does the same.</p>
        {hf.status === 'loading' && hf.key === key && (
          <p class="note" role="status">
            Searching Hugging Face…
          </p>
        )}
        {hf.status === 'error' && hf.key === key && (
          <p class="sync-error" role="alert" data-testid="hf-error">
            {hf.error.message}
          </p>
        )}
        {hfPapers &&
          (hfPapers.length === 0 ? (
            <p class="empty">Hugging Face has no paper matching “{query.trim()}”.</p>
          ) : (
            <PaperList key={`hf:${key}`} papers={hfPapers} showDay label="Hugging Face search results" />
          ))}
      </section>
    </section>
  );
}

/**
 * The rows of the best results, read by id (the index holds only what ranks them), in their order. Until
 * a keystroke's rows are read, the previous results stay: no empty frame between two keystrokes.
 */
function useResultPapers(store: PopupStore | undefined, found: SearchResult, papersChanges: number): { docs: Paper[]; total: number } {
  const [shown, setShown] = useState<{ docs: Paper[]; total: number }>({ docs: [], total: 0 });
  // A layout effect: the rows' read starts in the render that ranked them, not after the next frame.
  useLayoutEffect(() => {
    if (!store || found.docs.length === 0) {
      setShown({ docs: [], total: found.total });
      return;
    }
    let current = true;
    void store
      .papers(found.docs.map((doc) => doc.id))
      .then((docs) => {
        performance.mark('dpl:search-rows');
        if (current) setShown({ docs, total: found.total });
      })
      .catch(() => undefined);
    return () => {
      current = false;
    };
  }, [store, found, papersChanges]);
  return shown;
}
