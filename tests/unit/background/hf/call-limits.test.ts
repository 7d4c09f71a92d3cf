import { describe, expect, it } from 'vitest';
import { HfCallLimits, PAGE_CALL_LIMITS, type CallGuard, type CallLimitsState, type CallLimitsStore } from '../../../../lib/background/hf/call-limits';
import { HfError } from '../../../../lib/background/hf/errors';
import { HOUR, MINUTE } from '../../support/builders';

const T0 = Date.parse('2025-06-11T12:00:00Z');
const SECOND = 1_000;

/** Whether `guard` admits a call at `now`; the refusal's HfError when it does not. */
async function tryCall(guard: CallGuard, now: number): Promise<true | HfError> {
  try {
    await guard.admit(now);
    return true;
  } catch (error) {
    expect(error).toBeInstanceOf(HfError);
    return error as HfError;
  }
}

/** Asks every `everyMs` from `from` for `forMs`; answers the times admitted. */
async function askSteadily(guard: CallGuard, from: number, forMs: number, everyMs: number): Promise<number[]> {
  const admitted: number[] = [];
  for (let now = from; now < from + forMs; now += everyMs) if ((await tryCall(guard, now)) === true) admitted.push(now);
  return admitted;
}

function memoryStore(initial?: Partial<CallLimitsState>): CallLimitsStore & { saved: CallLimitsState | undefined } {
  const store = {
    saved: initial as CallLimitsState | undefined,
    load: async () => store.saved,
    save: async (state: CallLimitsState) => {
      store.saved = state;
    },
  };
  return store;
}

describe('HfCallLimits: the budget of calls pages cause', () => {
  it('has the limits of the target: a burst of 15, one more every 4 s, 120 an hour', () => {
    expect(PAGE_CALL_LIMITS).toEqual({ burst: 15, refillMs: 4_000, perHour: 120 });
  });

  it('lets a burst of 15 through at once, then refuses, saying when the next call may go', async () => {
    const { forPages } = new HfCallLimits();
    for (let i = 0; i < 15; i++) expect(await tryCall(forPages, T0)).toBe(true);
    const refused = await tryCall(forPages, T0);
    expect(refused).toMatchObject({ kind: 'rate-limited', retryAt: T0 + 4 * SECOND });
    expect(await tryCall(forPages, T0 + 4 * SECOND - 1)).not.toBe(true);
    expect(await tryCall(forPages, T0 + 4 * SECOND)).toBe(true);
  });

  it('a script asking twice a second for a minute gets at most 30 calls; a person opening 12 papers at once gets all 12', async () => {
    const script = await askSteadily(new HfCallLimits().forPages, T0, MINUTE, 500);
    expect(script.length).toBeLessThanOrEqual(30);
    expect(script.length).toBeGreaterThanOrEqual(29);

    const person = new HfCallLimits().forPages;
    const twelve = await Promise.all(Array.from({ length: 12 }, () => tryCall(person, T0)));
    expect(twelve.every((admitted) => admitted === true)).toBe(true);
  });

  it('never passes 120 calls in any hour, however long it is asked', async () => {
    const admitted = await askSteadily(new HfCallLimits().forPages, T0, 3 * HOUR, SECOND);
    const inAnyHour = Math.max(...admitted.map((at) => admitted.filter((t) => t >= at && t < at + HOUR).length));
    expect(inAnyHour).toBe(120);
    expect(admitted.length).toBeLessThanOrEqual(3 * 120);
    expect(admitted.length).toBeGreaterThanOrEqual(3 * 120 - 15);
  });

  it('says when the hourly cap frees a call', async () => {
    const { forPages } = new HfCallLimits(undefined, { burst: 2, refillMs: 1, perHour: 2 });
    expect(await tryCall(forPages, T0)).toBe(true);
    expect(await tryCall(forPages, T0 + 10)).toBe(true);
    expect(await tryCall(forPages, T0 + 20)).toMatchObject({ retryAt: T0 + HOUR });
    expect(await tryCall(forPages, T0 + HOUR)).toBe(true);
  });

  it('makes no tokens out of a clock set back', async () => {
    const { forPages } = new HfCallLimits();
    for (let i = 0; i < 15; i++) await tryCall(forPages, T0);
    expect(await tryCall(forPages, T0 - HOUR)).not.toBe(true);
    expect(await tryCall(forPages, T0 + SECOND)).not.toBe(true);
  });

  it('keeps counting across a worker restart (the state is in the store)', async () => {
    const store = memoryStore();
    const first = new HfCallLimits(store);
    for (let i = 0; i < 15; i++) await tryCall(first.forPages, T0);
    await Promise.resolve();
    const restarted = new HfCallLimits(store);
    expect(await tryCall(restarted.forPages, T0 + SECOND)).toMatchObject({ kind: 'rate-limited' });
    expect(await tryCall(restarted.forPages, T0 + 4 * SECOND)).toBe(true);
  });

  it('starts from a full budget when the stored state is missing or garbled', async () => {
    const garbled = memoryStore({ tokens: Number.NaN, tokensAt: 'soon', recent: 'all' } as unknown as Partial<CallLimitsState>);
    const admitted = await askSteadily(new HfCallLimits(garbled).forPages, T0, 1, 1);
    expect(admitted).toHaveLength(1);
    const failing: CallLimitsStore = { load: () => Promise.reject(new Error('no session storage')), save: () => Promise.reject(new Error('full')) };
    expect(await tryCall(new HfCallLimits(failing).forPages, T0)).toBe(true);
  });
});

describe('HfCallLimits: HF said wait', () => {
  it('closes the gate for every caller until HF’s time, without spending the page budget', async () => {
    const limits = new HfCallLimits();
    await tryCall(limits.gate, T0);
    limits.gate.hfSaidWait(T0 + MINUTE);
    for (const guard of [limits.gate, limits.forPages]) {
      expect(await tryCall(guard, T0 + 1)).toMatchObject({ kind: 'rate-limited', retryAt: T0 + MINUTE });
    }
    expect(await limits.hfWaitUntil(T0)).toBe(T0 + MINUTE);
    expect(await tryCall(limits.gate, T0 + MINUTE)).toBe(true);
    // The refusals above spent nothing: the whole burst is still there.
    for (let i = 0; i < 15; i++) expect(await tryCall(limits.forPages, T0 + MINUTE)).toBe(true);
  });

  it('never shortens a wait: a later 429 asking less keeps the longer one', async () => {
    const limits = new HfCallLimits();
    await tryCall(limits.gate, T0);
    limits.forPages.hfSaidWait(T0 + 10 * MINUTE);
    limits.gate.hfSaidWait(T0 + MINUTE);
    expect(await tryCall(limits.gate, T0 + 2 * MINUTE)).toMatchObject({ retryAt: T0 + 10 * MINUTE });
  });

  it('keeps HF’s wait across a worker restart', async () => {
    const store = memoryStore();
    const first = new HfCallLimits(store);
    await tryCall(first.gate, T0);
    first.gate.hfSaidWait(T0 + MINUTE);
    await Promise.resolve();
    expect(await tryCall(new HfCallLimits(store).gate, T0 + SECOND)).toMatchObject({ retryAt: T0 + MINUTE });
  });
});
