/** The background worker's heap after the first sync (30 days × 100 papers), read over CDP. */
import type { CDPSession, Page } from '@playwright/test';
import { expect, test } from '../e2e/support/extension-test';
import { median, recordFigures } from './support/figures';

/** Sends one CDP command to the extension's service worker through the popup page's session. */
async function workerCommand(cdp: CDPSession, sessionId: string, id: number, method: string): Promise<Record<string, number>> {
  const answer = new Promise<Record<string, number>>((resolve) => {
    const onMessage = (event: { message: string }) => {
      const message = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
      if (message.id !== id) return;
      cdp.off('Target.receivedMessageFromTarget', onMessage);
      resolve(message.result ?? {});
    };
    cdp.on('Target.receivedMessageFromTarget', onMessage);
  });
  await cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
  return answer;
}

async function workerHeapMb(popup: Page): Promise<number> {
  const cdp = await popup.context().newCDPSession(popup);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))!;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  await workerCommand(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
  const { usedSize } = await workerCommand(cdp, sessionId, 2, 'Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize! / 1024 / 1024;
}

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
