/**
 * A click on the extension's toolbar button, as Chrome's DevTools protocol does it
 * (`Extensions.triggerAction`, allowed with `--enable-unsafe-extension-debugging` over the pipe
 * Playwright drives the browser by): the action runs for that tab — its popup opens and Chrome grants
 * `activeTab` for the tab, exactly as a person's click would. Headless Chromium has no toolbar to click.
 */
import type { BrowserContext, Page } from '@playwright/test';

export async function clickToolbarButton(context: BrowserContext, extensionId: string, page: Page): Promise<void> {
  const browser = context.browser();
  if (!browser) throw new Error('No browser to talk to');
  const cdp = await browser.newBrowserCDPSession();
  // The page's tab target (not its frame's): the one the action acts on. Marked by a unique title meanwhile.
  const mark = `dpl-tab-${Math.random().toString(36).slice(2)}`;
  const title = await page.title();
  await page.evaluate((value) => (document.title = value), mark);
  try {
    const { targetInfos } = (await cdp.send('Target.getTargets', { filter: [{ type: 'tab', exclude: false }] } as never)) as { targetInfos: { type: string; title: string; targetId: string }[] };
    const tab = targetInfos.find((target) => target.type === 'tab' && target.title === mark);
    if (!tab) throw new Error('The page has no tab target');
    await cdp.send('Extensions.triggerAction' as never, { id: extensionId, targetId: tab.targetId } as never);
  } finally {
    await page.evaluate((value) => (document.title = value), title);
    await cdp.detach();
  }
}
