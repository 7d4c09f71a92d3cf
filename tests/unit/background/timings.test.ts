import { describe, expect, it } from 'vitest';
import { timed, timedAsync, type TimingName } from '../../../lib/background/timings';

function sink() {
  const told: [TimingName, number][] = [];
  return { told, source: () => ({ add: (name: TimingName, ms: number) => told.push([name, ms]) }) };
}

describe('timings', () => {
  it('tells the sink how long work took, settled work once it settles, failed work too', async () => {
    const { told, source } = sink();
    expect(timed(source, 'parse', () => 1)).toBe(1);
    let settle!: () => void;
    const pending = timedAsync(source, 'backup', () => new Promise<string>((resolve) => (settle = () => resolve('done'))));
    expect(told.map(([name]) => name)).toEqual(['parse']);
    settle();
    await expect(pending).resolves.toBe('done');
    await expect(timedAsync(source, 'backup', () => Promise.reject(new Error('disk full')))).rejects.toThrow('disk full');
    expect(told.map(([name]) => name)).toEqual(['parse', 'backup', 'backup']);
    expect(told.every(([, ms]) => ms >= 0)).toBe(true);
  });

  it('only runs the work when no sink is installed (a person’s runs)', async () => {
    expect(timed(() => undefined, 'store', () => 2)).toBe(2);
    await expect(timedAsync(undefined, 'backup', async () => 3)).resolves.toBe(3);
  });
});
