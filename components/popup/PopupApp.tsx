import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../lib/shared/messages';
import { nextPopupOpened } from '../../lib/popup/popup-session';
import type { FirstScreen } from '../../lib/popup/first-screen';
import type { PopupStore } from '../../lib/popup/popup-store';
import { changeUserState, type UserAction } from '../../lib/shared/user-state';
import { DayView } from './DayView';
import { focusFirstEntry } from './PaperList';
import { PopupContext, type PopupServices } from './popup-context';
import { SavedView } from './SavedView';
import { SearchBox } from './SearchBox';
import { SearchView } from './SearchView';
import { SyncStatus } from './SyncStatus';
import { ThisPage } from './ThisPage';
import { TrendingView } from './TrendingView';
import { useHfSearch } from './use-hf-search';
import { usePopupStore } from './use-popup-store';
import { useSearchIndex } from './use-search-index';
import { useStoreQuery } from './use-store-query';
import { useUiState } from './use-ui-state';
import { PANEL_ID, tabId, tabOf, ViewTabs } from './ViewTabs';
import type { ViewProps } from './view-props';
import { WeekView } from './WeekView';
import { runSilentAt, syncStateAt, withUnrecordedFailure, type SyncState } from '../../lib/shared/sync-state';
import { POPUP_OPENED_KEY } from '../../lib/shared/storage-keys';
import type { PopupView } from '../../lib/shared/popup-route';
import { NO_FILTERS, type ListFilters } from '../../lib/popup/paper-filters';

interface Props {
  /** The popup's opening (lib/popup/first-screen.ts): the database, the first screen's reads, the view to open on. */
  firstScreen: FirstScreen;
  /** The database, when the page waited for it to open and answer the first screen's reads: drawn at once. */
  opened?: PopupStore;
}

/** The cached linked lists wait for the first list on screen at most this long. */
const LINKS_AFTER_PAINT_MS = 1_000;

export function PopupApp({ firstScreen, opened }: Props) {
  const { store, changes, touch } = usePopupStore(firstScreen, opened);
  const [ui, patchUi] = useUiState(firstScreen.ui);
  const [now, setNow] = useState(Date.now());
  const [since, setSince] = useState<number>();
  /** A plain-language line when one of the person's own actions could not be done. */
  const [notice, setNotice] = useState<string>();
  const searchInput = useRef<HTMLInputElement>(null);
  const content = useRef<HTMLDivElement>(null);
  const syncState = useStoreQuery(store, changes, ['kv'], (s) => s.syncState(), [], firstScreen.earlySyncState());
  const userStates = useStoreQuery(store, changes, ['userState'], (s) => s.userStates(), [], firstScreen.earlyUserStates());
  // Kept with the day's list for the next opening (lib/popup/kept-first-screen.ts).
  useEffect(() => {
    if (store && syncState.value) firstScreen.showing({ syncState: syncState.value });
  }, [store, syncState.value, firstScreen]);
  useEffect(() => {
    if (store && userStates.value) firstScreen.showing({ userStates: userStates.value });
  }, [store, userStates.value, firstScreen]);
  // The cached linked lists (facts and the code/weights/demo filters) are read once the first list is
  // on screen: their answer would otherwise draw the list a second time before its first frame.
  const [listPainted, setListPainted] = useState(false);
  useEffect(() => {
    let open = true;
    void firstScreen.whenListPainted(LINKS_AFTER_PAINT_MS).then(() => open && setListPainted(true));
    return () => {
      open = false;
    };
  }, [firstScreen]);
  const cachedLinks = useStoreQuery(listPainted ? store : undefined, changes, ['kv'], (s) => s.cachedLinks(), []);
  const [filters, setFilters] = useState<ListFilters>(NO_FILTERS);
  const searching = ui.query.trim() !== '';
  const searchIndex = useSearchIndex(store, changes.searchIndex, ui.query, firstScreen);
  const hf = useHfSearch();

  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  // A run whose worker was stopped falls silent: at that moment the last real outcome shows, and Refresh works.
  const silentAt = runSilentAt(syncState.value);
  useEffect(() => {
    if (silentAt === undefined) return;
    const timer = setTimeout(() => setNow(Date.now()), Math.max(0, silentAt - Date.now()) + 50);
    return () => clearTimeout(timer);
  }, [silentAt]);

  // This opening: papers first seen after the previous session are marked new.
  useEffect(() => {
    if (!store) return;
    void (async () => {
      const opened = nextPopupOpened(await store.readKv(POPUP_OPENED_KEY), Date.now());
      setSince(opened.since);
      await store.writeKv(POPUP_OPENED_KEY, opened);
    })().catch(() => undefined);
  }, [store]);

  // `/` focuses the search box; Esc clears a search wherever the focus is.
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const typing = event.target instanceof HTMLInputElement || event.target instanceof HTMLTextAreaElement;
      if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
        event.preventDefault();
        searchInput.current?.focus();
      } else if (event.key === 'Escape' && searchInput.current?.value) {
        event.preventDefault();
        patchUi({ query: '' });
        searchInput.current.focus();
      }
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [patchUi]);

  const services = useMemo<PopupServices>(
    () => ({
      userStates: userStates.value ?? new Map(),
      userStatesReady: userStates.ready,
      since,
      now,
      act: (paper, action: UserAction) => {
        if (!store) return;
        setNotice(undefined);
        void changeUserState(store, paper.id, action, Date.now())
          .then(() => touch(['userState']))
          .then(async () => {
            // The toolbar badge counts unread papers: tell the background, asleep or not.
            void sendRequest({ type: 'userStateChanged' }).catch(() => undefined);
            // A saved HF search result the sync never stored: the background stores it for Saved.
            if (action !== 'save' || (await store.papers([paper.id])).length > 0) return;
            const { kept } = await sendRequest({ type: 'keepPaper', id: paper.id }).catch(() => ({ kept: false }));
            if (kept) touch(['papers']);
            else setNotice('Saved. Its details will show in Saved once Hugging Face can be reached.');
          })
          .catch(() => setNotice('The browser refused to store that change; nothing else was lost. Try again.'));
      },
      loadAbstract: async (id) => (await store?.papers([id]))?.[0]?.summary,
      firstScreen,
      links: cachedLinks.value ?? new Map(),
      askLinks: async (id) => {
        const answer = await sendRequest({ type: 'paperLinks', id });
        // The background cached the answer in the kv table: read again.
        if (answer.ok) touch(['kv']);
        return answer;
      },
      filters,
      setFilters,
    }),
    [store, userStates.value, userStates.ready, since, now, touch, firstScreen, cachedLinks.value, filters],
  );

  // A failure the run could not record (full disk) still reaches the person, from the run's answer.
  const [unrecorded, setUnrecorded] = useState<SyncState['lastError']>();
  const shownSync = withUnrecordedFailure(syncStateAt(syncState.value, now), unrecorded);
  const refresh = () => {
    setUnrecorded(undefined);
    void sendRequest({ type: 'syncNow' })
      .then((outcome) => setUnrecorded(outcome.ok ? undefined : outcome.error))
      .catch(() => undefined);
  };
  const navigate = (view: PopupView) => patchUi({ view });
  const viewProps: ViewProps = {
    store,
    changes,
    now,
    order: ui.order,
    onOrder: (order) => patchUi({ order }),
    onNavigate: navigate,
    syncing: shownSync?.running ?? false,
  };
  const query = ui.query;

  return (
    <PopupContext.Provider value={services}>
      <div class="popup">
        <header class="top">
          <h1>Daily Papers Lens</h1>
          <button type="button" class="options-link" onClick={() => void browser.runtime.openOptionsPage()}>
            Options
          </button>
          <SyncStatus state={shownSync} now={now} onRefresh={refresh} />
          <SearchBox
            query={query}
            inputRef={searchInput}
            onQuery={(next) => {
              searchIndex.startRead(next);
              patchUi({ query: next });
            }}
            onSubmit={() => searching && hf.run(query)}
            onLeave={() => focusFirstEntry(content.current)}
          />
          {!searching && <ViewTabs view={ui.view} onSelect={(kind) => navigate({ kind } as PopupView)} />}
          {notice && (
            <p class="sync-error" role="alert">
              {notice}
            </p>
          )}
        </header>
        <main class="content">
          <div id={PANEL_ID} ref={content} role={searching ? undefined : 'tabpanel'} aria-labelledby={searching ? undefined : tabId(tabOf(ui.view))}>
            {/* The view's own reads start as soon as the database is open, alongside the marks'; a kept first screen is drawn before. */}
            {searching ? (
              store && (
                <SearchView
                  store={store}
                  changes={changes}
                  query={query}
                  searchIndex={searchIndex}
                  hf={hf.state}
                  hfCached={hf.cached(query)}
                  onSearchHf={() => hf.run(query)}
                />
              )
            ) : !store && !firstScreen.drawsKept ? null : ui.view.kind === 'today' || ui.view.kind === 'day' ? (
              <DayView {...viewProps} date={ui.view.kind === 'day' ? ui.view.date : undefined} />
            ) : ui.view.kind === 'week' ? (
              <WeekView {...viewProps} date={ui.view.date} />
            ) : ui.view.kind === 'trending' ? (
              <TrendingView {...viewProps} />
            ) : (
              <SavedView {...viewProps} />
            )}
            {!store && !firstScreen.drawsKept && <p class="empty">Waiting for the first sync…</p>}
          </div>
        </main>
        <ThisPage />
      </div>
    </PopupContext.Provider>
  );
}
