import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { afterFirstAnswer, START_UP_DELAY_MS } from '../../../lib/background/start-up-chores';

describe('afterFirstAnswer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('runs the chores a tick after the first answer, not before, and once only', async () => {
    const chores = vi.fn();
    const startUp = afterFirstAnswer(chores);
    await vi.advanceTimersByTimeAsync(START_UP_DELAY_MS / 2);
    expect(chores).not.toHaveBeenCalled();
    startUp.answered();
    expect(chores).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(0);
    expect(chores).toHaveBeenCalledTimes(1);
    startUp.answered();
    await vi.advanceTimersByTimeAsync(START_UP_DELAY_MS * 2);
    expect(chores).toHaveBeenCalledTimes(1);
  });

  it('runs them after the longest wait when no question came (an alarm woke the worker) or it is slow', async () => {
    const chores = vi.fn();
    afterFirstAnswer(chores);
    await vi.advanceTimersByTimeAsync(START_UP_DELAY_MS - 1);
    expect(chores).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(chores).toHaveBeenCalledTimes(1);
  });
});
