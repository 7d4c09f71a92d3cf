/**
 * Running code inside the extension's content-script world of a page (the isolated world its content
 * scripts run in, with their `chrome.runtime`), as a subverted content script would: through DevTools'
 * Runtime domain, which lists each frame's worlds.
 */
import type { Page } from '@playwright/test';

interface ExecutionContext {
  id: number;
  origin: string;
  name: string;
  auxData?: { type?: string; isDefault?: boolean };
}

/**
 * Evaluates `expression` (an async function's source, called with `arg`) in the extension's
 * content-script world of the page's main frame, and answers its value (JSON).
 */
export async function evaluateInContentScript<T>(page: Page, extensionId: string, fn: (arg: unknown) => Promise<T>, arg?: unknown): Promise<T> {
  const cdp = await page.context().newCDPSession(page);
  try {
    const contexts: ExecutionContext[] = [];
    cdp.on('Runtime.executionContextCreated', ({ context }) => contexts.push(context as ExecutionContext));
    await cdp.send('Runtime.enable');
    // The worlds already there are announced on enable; ours is the isolated one whose chrome.runtime.id is the extension's.
    for (const context of contexts.filter((c) => c.auxData?.type === 'isolated')) {
      const probe = await cdp.send('Runtime.evaluate', { expression: 'globalThis.chrome?.runtime?.id', contextId: context.id, returnByValue: true });
      if (probe.result.value !== extensionId) continue;
      const answer = await cdp.send('Runtime.evaluate', {
        expression: `(${fn.toString()})(${JSON.stringify(arg ?? null)})`,
        contextId: context.id,
        awaitPromise: true,
        returnByValue: true,
      });
      if (answer.exceptionDetails) throw new Error(`in the content script's world: ${answer.exceptionDetails.exception?.description ?? answer.exceptionDetails.text}`);
      return answer.result.value as T;
    }
    throw new Error(`no content-script world of ${extensionId} in ${page.url()}`);
  } finally {
    await cdp.detach();
  }
}
