import { useRef, useState } from 'preact/hooks';
import { RemoteSearch, searchKey } from '../../lib/popup/search/remote-search';
import type { Paper } from '../../lib/shared/paper';
import { sendRequest } from '../../lib/shared/messages';
import { browserDataConsent, SEARCH_NOT_ALLOWED } from '../../lib/shared/data-consent';
import type { SearchFailure } from '../../lib/shared/messages';

export type HfSearchState =
  | { status: 'idle' }
  | { status: 'loading'; key: string }
  | { status: 'done'; key: string; papers: Paper[] }
  | { status: 'error'; key: string; error: SearchFailure };

function pageStorage(): Storage | undefined {
  try {
    return globalThis.localStorage;
  } catch {
    return undefined;
  }
}

/** "Search all of Hugging Face": asked of the background on an explicit action only. */
export function useHfSearch(): { state: HfSearchState; run: (query: string) => void; cached: (query: string) => Paper[] | undefined } {
  const remote = useRef<RemoteSearch | undefined>(undefined);
  remote.current ??= new RemoteSearch({
    send: (q) => sendRequest({ type: 'searchHf', q }),
    now: Date.now,
    storage: pageStorage(),
  });
  const [state, setState] = useState<HfSearchState>({ status: 'idle' });

  const run = (query: string) => {
    const key = searchKey(query);
    if (!key) return;
    setState({ status: 'loading', key });
    // Firefox asks the person before words are sent (called within the click or key press, as it must be).
    void browserDataConsent()
      .request('searchTerms')
      .then((allowed) => (allowed ? remote.current!.search(query) : SEARCH_NOT_ALLOWED))
      .then((answer) => {
        if (answer.ok) setState({ status: 'done', key, papers: answer.papers });
        else if ('error' in answer) setState({ status: 'error', key, error: answer.error });
      });
  };
  return { state, run, cached: (query) => remote.current!.cached(query) };
}
