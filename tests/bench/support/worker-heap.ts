/** The extension service worker's JS heap, read over CDP (garbage collected first). */
import type { CDPSession, Page } from '@playwright/test';

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

export async function workerHeapMb(popup: Page): Promise<number> {
  const cdp = await popup.context().newCDPSession(popup);
  const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
  const worker = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith('chrome-extension://'))!;
  const { sessionId } = (await cdp.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as { sessionId: string };
  await workerCommand(cdp, sessionId, 1, 'HeapProfiler.collectGarbage');
  const { usedSize } = await workerCommand(cdp, sessionId, 2, 'Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize! / 1024 / 1024;
}
