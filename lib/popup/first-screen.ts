/**
 * The popup's opening, from its first script to the first list on screen, all here (README, "The
 * popup"). The page's first module creates it (`openFirstScreen`, from entrypoints/popup/opening.ts),
 * before Preact and the views are evaluated; then:
 *
 * 1. **The database opens** at once. On a fresh install the background may not have made it yet: it is
 *    opened again at the next change notice (./database-changes.ts); the database's creation is one.
 * 2. **The first screen's reads start** as soon as it is open: the list of the day the popup opens on,
 *    the person's marks, the sync state.
 * 3. **The interface is drawn once they answered** (`ready`), or after FIRST_SCREEN_WAIT_MS without them.
 *    Its views draw those answers in their first render (`peek`) and take them for their first read
 *    (`take`), so the list is in the first frame; a change announced meanwhile, or age, drops them.
 *    **With a kept screen** (./kept-first-screen.ts: the last opening's answers for the same day) the
 *    interface is drawn at once: `peek` gives the kept answers until the database's arrive, `take` the
 *    database's. Once they did, the page marks whether the kept screen was right (`dpl:kept screen
 *    confirmed`) or was replaced (`dpl:kept screen replaced`). What the views go on to show from the
 *    database (`showing`: the day's list, the marks, the sync state, as they change) is what the next
 *    opening draws.
 * 4. **A list draws FIRST_FRAME_ENTRIES entries in its first frame**, the rest right after
 *    (`afterListFrame`); the first list on screen is the signal (`whenListPainted`) for work the first
 *    screen does not need (the search index reads every stored paper).
 */
import type { UserPaperState } from '../shared/db';
import type { TableName } from '../shared/db-name';
import type { SyncState } from '../shared/sync-state';
import { listenForDatabaseChanges } from './database-changes';
import { keepFirstScreen, readKeptFirstScreen, sameFirstScreen, type FirstScreenAnswers, type KeptFirstScreen } from './kept-first-screen';
import { PopupStore, type DayList } from './popup-store';
import { firstListedDay, openingUiState, pageStorage, type PopupUiState } from './popup-view';

/**
 * How long the interface waits for the first screen's answers before it draws without them (they then
 * follow): drawing once, with the list, beats drawing an empty frame and then the list on a busy machine.
 */
export const FIRST_SCREEN_WAIT_MS = 150;

/** How long keeping for the next opening waits for this opening's first list (a view with none: kept anyway). */
const KEEP_AFTER_MS = 1_000;
/** How long the views wait for a kept screen's first frame before they get the store (a kept view with no list has none). */
const KEPT_STORE_WAIT_MS = 100;
/** After the first write, changes shown within this are kept in one write. */
const KEEP_DELAY_MS = 250;

/** An early answer older than this is not handed out: the view reads afresh. */
export const EARLY_READ_MAX_AGE_MS = 2_000;

/**
 * Entries a list draws in its first frame, the rest right after it: more than a popup's height (600 px
 * at most: the header and 3–4 entries of 130–160 px, measured at 460 × 600; 6 fill it even with
 * one-line entries of ~90 px).
 */
export const FIRST_FRAME_ENTRIES = 6;

/** A read started for the first screen before its view asked. */
export interface EarlyRead<T> {
  /** Its answer, once arrived and fresh: a first render draws it (no empty frame first). */
  peek(): T | undefined;
  /** The read itself, handed over once: the view's first read takes it instead of reading again. */
  take(): Promise<T> | undefined;
}

export interface FirstScreenDeps {
  /** Opens the database: undefined while it does not exist (`PopupStore.open`). */
  open: () => Promise<PopupStore | undefined>;
  /** Follows the change notices (`listenForDatabaseChanges`). */
  listen: (listener: (tables: ReadonlySet<TableName>) => void) => () => void;
  /** The view the popup opens on (`openingUiState`). */
  ui: PopupUiState;
  now: () => number;
  waitMs?: number;
  /** The kept screen for a day, if any (`readKeptFirstScreen` on the page's localStorage). */
  kept?: (day: string) => KeptFirstScreen | undefined;
  /** Keeps the database's answers for the next opening (`keepFirstScreen`). */
  keep?: (day: string, answers: FirstScreenAnswers) => void;
}

interface Pending {
  read: Promise<unknown>;
  at: number;
  /** Set once the read has answered (before that, for a kept screen: the kept answer). */
  answer?: { value: unknown };
  /** A kept screen's entry: hands the database's read, once started, to whoever took `read`. */
  settle?: (read: Promise<unknown>) => void;
}

export class FirstScreen {
  readonly ui: PopupUiState;
  /** The open database: at once, or once the background has made it (a fresh install). */
  readonly store: Promise<PopupStore>;
  /** The open database once the first screen's reads answered; undefined when it does not exist yet, or after the wait. */
  readonly ready: Promise<PopupStore | undefined>;

  private readonly early = new Map<string, Pending>();
  /**
   * The open database for the interface: at once, or, when a kept screen is drawn, once its first frame
   * is on screen (the views' re-render with it would otherwise hold that frame; the first screen's
   * reads are under way without them).
   */
  readonly storeForViews: Promise<PopupStore>;
  /** The last opening's answers for this day, drawn until the database's arrive. */
  private readonly kept: KeptFirstScreen | undefined;

  /** Whether the views draw a kept screen before the database is open (its view is drawn without a store). */
  get drawsKept(): boolean {
    return this.kept !== undefined;
  }
  /** What the views last showed from the database (`showing`), and the pending write of it. */
  private readonly shown: Partial<FirstScreenAnswers> & { day?: string } = {};
  private keepTimer: Promise<void> | undefined;
  private keptOnce = false;
  private opened: PopupStore | undefined;
  private attempt: Promise<PopupStore | undefined> | undefined;
  /** A change was announced while an attempt to open was under way: one more try if it found nothing. */
  private retry = false;
  private stopListening: (() => void) | undefined;
  private resolveStore!: (store: PopupStore) => void;
  private markPainted!: () => void;
  private readonly painted = new Promise<void>((resolve) => (this.markPainted = resolve));

  constructor(private readonly deps: FirstScreenDeps) {
    // For the benchmark: when the popup's own code starts (the rest is the browser loading the page).
    performance.mark('dpl:popup-script');
    this.ui = deps.ui;
    this.store = new Promise((resolve) => (this.resolveStore = resolve));
    // Listening before the first attempt: no notice can fall between a failed open and the listener.
    this.stopListening = deps.listen(() => {
      this.dropEarlyReads();
      if (!this.opened) void this.open();
    });
    const day = firstListedDay(this.ui, deps.now());
    this.kept = day === undefined ? undefined : deps.kept?.(day);
    if (this.kept) this.startKept(this.kept);
    this.storeForViews = this.kept ? this.store.then(async (store) => (await this.whenListPainted(KEPT_STORE_WAIT_MS), store)) : this.store;
    const firstAttempt = this.open();
    this.ready = this.kept ? Promise.resolve(undefined) : Promise.race([
      firstAttempt.then(async (store) => {
        if (!store) return undefined;
        await Promise.all([...this.early.values()].map(({ read }) => read.catch(() => undefined)));
        return store;
      }),
      new Promise<undefined>((resolve) => setTimeout(resolve, deps.waitMs ?? FIRST_SCREEN_WAIT_MS)),
    ]);
  }

  /** The list of `day`, read early when the popup opened on that day. */
  earlyDayList(day: string): EarlyRead<DayList> {
    return this.earlyRead(`dayList ${day}`);
  }

  earlyUserStates(): EarlyRead<Map<string, UserPaperState>> {
    return this.earlyRead('userStates');
  }

  earlySyncState(): EarlyRead<SyncState> {
    return this.earlyRead('syncState');
  }

  /**
   * Runs `task` once a list's first frame is on screen (a timeout after the frame, not inside it), and
   * marks the first list painted. Returns a cancel function.
   */
  afterListFrame(task: () => void): () => void {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(
      () =>
        (timer = setTimeout(() => {
          task();
          this.markPainted();
        })),
    );
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
    };
  }

  /** Resolves once a list was painted, or after `timeoutMs` (a view with nothing to list). */
  whenListPainted(timeoutMs: number): Promise<void> {
    return Promise.race([this.painted, new Promise<void>((resolve) => setTimeout(resolve, timeoutMs))]);
  }

  /**
   * What a day view and the popup around it show now, from the database: kept for the next opening
   * (after the first list is on screen, changes within KEEP_DELAY_MS in one write). The kept screen's
   * own answers are not kept again.
   */
  showing(shown: Partial<FirstScreenAnswers> & { day?: string }): void {
    const { kept } = this;
    if (kept && (shown.list === kept.list || shown.userStates === kept.userStates || shown.syncState === kept.syncState)) return;
    Object.assign(this.shown, shown);
    if (this.keepTimer !== undefined) return;
    // The first write as soon as the list is on screen (a popup may close at once), later ones gathered.
    const delay = this.keptOnce ? KEEP_DELAY_MS : 0;
    this.keepTimer = this.whenListPainted(KEEP_AFTER_MS)
      .then(() => new Promise((resolve) => setTimeout(resolve, delay)))
      .then(() => {
        this.keepTimer = undefined;
        const { day, list, userStates, syncState } = this.shown;
        if (day === undefined || !list || !userStates || !syncState) return;
        this.keptOnce = true;
        this.deps.keep?.(day, { list, userStates, syncState });
      });
  }

  /** Stops listening (the page's store, once handed over, is the interface's to close). */
  close(): void {
    this.dropEarlyReads();
    this.stopListening?.();
    this.stopListening = undefined;
  }

  private open(): Promise<PopupStore | undefined> {
    if (this.attempt) {
      this.retry = true;
      return this.attempt;
    }
    const attempt = this.deps
      .open()
      .catch(() => undefined)
      .then((store) => {
        this.attempt = undefined;
        if (store) {
          performance.mark('dpl:database open');
          this.opened = store;
          this.readFirstScreen(store);
          this.resolveStore(store);
        } else if (this.retry) {
          this.retry = false;
          void this.open();
        }
        return store;
      });
    this.attempt = attempt;
    return attempt;
  }

  /** Starts the reads the first screen needs, while the page's code is still drawing the frame around them. */
  private readFirstScreen(store: PopupStore): void {
    const at = this.deps.now();
    const start = (key: string, read: Promise<unknown>) => {
      const keptEntry = this.early.get(key);
      if (keptEntry?.settle) {
        // A kept answer on screen: the database's replaces it once arrived; whoever took it gets this read.
        keptEntry.settle(read);
        read.then((value) => (keptEntry.answer = { value }), () => undefined);
        return;
      }
      const pending: Pending = { read, at };
      read.then((value) => (pending.answer = { value }), () => undefined);
      this.early.set(key, pending);
    };
    const day = firstListedDay(this.ui, at);
    const list = day === undefined ? undefined : store.dayList(day);
    const userStates = store.userStates();
    const syncState = store.syncState();
    if (day !== undefined) start(`dayList ${day}`, list!);
    start('userStates', userStates);
    start('syncState', syncState);
    // For the benchmark and tests: when the database has answered every read of the first screen.
    void Promise.allSettled([list, userStates, syncState]).then(() => performance.mark('dpl:first screen read'));
    if (day === undefined) return;
    void Promise.all([list!, userStates, syncState]).then(
      ([list, userStates, syncState]) => {
        const answers = { list, userStates, syncState };
        if (this.kept) performance.mark(sameFirstScreen(this.kept, answers) ? 'dpl:kept screen confirmed' : 'dpl:kept screen replaced');
        this.showing({ day, ...answers });
      },
      () => undefined,
    );
  }

  /** Makes the kept answers the early ones: peeked until the database's arrive; taking waits for those. */
  private startKept(kept: KeptFirstScreen): void {
    const at = this.deps.now();
    const entry = (key: string, value: unknown) => {
      let settle!: (read: Promise<unknown>) => void;
      const read = new Promise<unknown>((resolve) => (settle = resolve));
      this.early.set(key, { read, at, answer: { value }, settle });
    };
    entry(`dayList ${kept.day}`, kept.list);
    entry('userStates', kept.userStates);
    entry('syncState', kept.syncState);
  }

  private earlyRead<T>(key: string): EarlyRead<T> {
    const fresh = (pending: Pending | undefined) => pending !== undefined && this.deps.now() - pending.at < EARLY_READ_MAX_AGE_MS;
    return {
      peek: () => {
        const pending = this.early.get(key);
        return fresh(pending) && pending!.answer ? (pending!.answer.value as T) : undefined;
      },
      take: () => {
        const pending = this.early.get(key);
        this.early.delete(key);
        // Every early answer handed over: nothing left to drop, and the database is open: stop listening.
        if (this.early.size === 0 && this.opened) this.close();
        return fresh(pending) ? (pending!.read as Promise<T>) : undefined;
      },
    };
  }

  private dropEarlyReads(): void {
    this.early.clear();
  }
}

/** The popup's opening, on this page's database, change notices, address and clock. */
export function openFirstScreen(): FirstScreen {
  const localStore = pageStorage();
  return new FirstScreen({
    open: () => PopupStore.open(),
    listen: listenForDatabaseChanges,
    ui: openingUiState(),
    now: Date.now,
    kept: (day) => readKeptFirstScreen(localStore, day, Date.now()),
    keep: (day, answers) => keepFirstScreen(localStore, day, answers, Date.now()),
  });
}
