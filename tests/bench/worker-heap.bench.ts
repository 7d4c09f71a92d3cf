/** The background worker's heap after the first sync (30 days × 100 papers), read over CDP. */
import { expect, test } from '../e2e/support/extension-test';
import { median, recordFigures } from './support/figures';
import { workerHeapMb } from './support/worker-heap';

test.describe('worker heap', () => {
  test.describe.configure({ mode: 'serial' });
  test.use({ dailyPapers: { days: 30, perDay: 100 } });
  const heaps: number[] = [];
  for (let run = 0; run < 3; run++) {
    test(`run ${run + 1}`, async ({ openPopup }) => {
      const popup = await openPopup();
      await expect(popup.getByTestId('sync-status')).toHaveText(/^Synced/, { timeout: 120_000 });
      heaps.push(await workerHeapMb(popup));
      recordFigures('Background worker after the first sync, 30 days × 100 papers', [
        { measure: 'JS heap used (after GC)', value: median(heaps), unit: 'MB', runs: heaps },
      ]);
    });
  }
});
