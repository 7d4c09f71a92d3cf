/**
 * Limits on calls to Hugging Face that no page can reset, kept by the background for every caller:
 *
 * - **HF said wait.** A 429's `retryAt`, from any caller, closes one gate: until then no caller calls
 *   (the sync, live lookups, "search all of Hugging Face", keeping a search result).
 * - **What pages may cause.** Calls a page can cause (live lookups, keeping a search result) spend a
 *   token bucket — a burst of 15, one more every 4 s (so at most 30 in a minute), at most 120 an
 *   hour — however often pages are opened, reloaded or soft-navigated.
 *
 * The state lives in `storage.session` (memory only, gone with the browser; content scripts cannot
 * read it), so a worker the browser stopped and started again keeps counting where it was.
 */
import { HfError } from './errors';

export interface PageCallLimits {
  /** Calls a burst may make at once. */
  burst: number;
  /** One more call every this many ms. */
  refillMs: number;
  /** Calls in any hour. */
  perHour: number;
}

export const PAGE_CALL_LIMITS: PageCallLimits = { burst: 15, refillMs: 4_000, perHour: 120 };

const HOUR_MS = 60 * 60 * 1000;

/** Checked before each request to HF (HfClient's `guard`). */
export interface CallGuard {
  /** Resolves when a call may go now (and counts it); throws `HfError('rate-limited', …, retryAt)` otherwise. */
  admit(now: number): Promise<void>;
  /** HF answered 429 asking to wait until `retryAt` (ms since epoch): no caller calls before then. */
  hfSaidWait(retryAt: number): void;
}

/** What is kept between worker starts. */
export interface CallLimitsState {
  /** No call to HF before this time (ms since epoch): HF's last 429. */
  hfWaitUntil: number;
  /** Tokens the page budget had at `tokensAt`. */
  tokens: number;
  tokensAt: number;
  /** When the page-caused calls of the last hour were made, oldest first. */
  recent: number[];
}

/** Where the state is kept (`storage.session` in the extension; memory in tests). */
export interface CallLimitsStore {
  load(): Promise<Partial<CallLimitsState> | undefined>;
  save(state: CallLimitsState): Promise<void>;
}

export class HfCallLimits {
  private state: CallLimitsState | undefined;
  private loading: Promise<CallLimitsState> | undefined;

  /** For every caller: only HF's own "wait". */
  readonly gate: CallGuard = {
    admit: async (now) => {
      this.checkGate(await this.loaded(), now);
    },
    hfSaidWait: (retryAt) => this.hfSaidWait(retryAt),
  };

  /** For calls a page can cause: HF's "wait", then the page budget. */
  readonly forPages: CallGuard = {
    admit: async (now) => {
      const state = await this.loaded();
      this.checkGate(state, now);
      this.spendPageCall(state, now);
    },
    hfSaidWait: (retryAt) => this.hfSaidWait(retryAt),
  };

  constructor(
    private readonly store?: CallLimitsStore,
    private readonly limits: PageCallLimits = PAGE_CALL_LIMITS,
  ) {}

  /** When HF lets calls resume (ms since epoch), or undefined when it does now. */
  async hfWaitUntil(now: number): Promise<number | undefined> {
    const { hfWaitUntil } = await this.loaded();
    return hfWaitUntil > now ? hfWaitUntil : undefined;
  }

  private hfSaidWait(retryAt: number): void {
    const apply = (state: CallLimitsState) => {
      if (retryAt <= state.hfWaitUntil) return;
      state.hfWaitUntil = retryAt;
      this.save(state);
    };
    // Before the first load (never in practice: a call was admitted first), on top of what was stored.
    if (this.state) apply(this.state);
    else void this.loaded().then(apply);
  }

  private checkGate(state: CallLimitsState, now: number): void {
    if (now < state.hfWaitUntil) throw new HfError('rate-limited', 'Hugging Face asked us to wait', state.hfWaitUntil);
  }

  private spendPageCall(state: CallLimitsState, now: number): void {
    const { burst, refillMs, perHour } = this.limits;
    // A clock set back never makes tokens: time only counts forward.
    const elapsed = Math.max(0, now - state.tokensAt);
    state.tokens = Math.min(burst, state.tokens + elapsed / refillMs);
    state.tokensAt = Math.max(state.tokensAt, now);
    while (state.recent.length && state.recent[0]! <= now - HOUR_MS) state.recent.shift();
    if (state.tokens < 1 || state.recent.length >= perHour) {
      const nextToken = now + Math.ceil((1 - state.tokens) * refillMs);
      const hourFrees = state.recent.length >= perHour ? state.recent[0]! + HOUR_MS : now;
      throw new HfError('rate-limited', 'too many calls to Hugging Face caused by pages', Math.max(nextToken, hourFrees));
    }
    state.tokens -= 1;
    state.recent.push(now);
    this.save(state);
  }

  private loaded(): Promise<CallLimitsState> {
    if (this.state) return Promise.resolve(this.state);
    this.loading ??= (async () => {
      const stored = await this.store?.load().catch(() => undefined);
      this.state = {
        hfWaitUntil: finite(stored?.hfWaitUntil) ?? 0,
        tokens: Math.min(this.limits.burst, Math.max(0, finite(stored?.tokens) ?? this.limits.burst)),
        tokensAt: finite(stored?.tokensAt) ?? 0,
        recent: Array.isArray(stored?.recent) ? stored.recent.filter((at) => Number.isFinite(at)).slice(-this.limits.perHour) : [],
      };
      return this.state;
    })();
    return this.loading;
  }

  private save(state: CallLimitsState): void {
    // Best effort: without the stored copy a restarted worker starts from a full budget, no worse.
    void this.store?.save({ ...state, recent: [...state.recent] }).catch(() => undefined);
  }
}

function finite(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) ? value : undefined;
}

/** The store in an extension storage area (`storage.session`), under one key. */
export function storageAreaStore(
  area: { get(key: string): Promise<Record<string, unknown>>; set(items: Record<string, unknown>): Promise<void> } | undefined,
  key: string,
): CallLimitsStore | undefined {
  if (!area) return undefined;
  return {
    load: async () => (await area.get(key))[key] as Partial<CallLimitsState> | undefined,
    save: (state) => area.set({ [key]: state }),
  };
}
