/** Whether the reader keeps the paper card collapsed: one choice for every paper, kept in local storage. */
import { browser } from 'wxt/browser';

export const CARD_COLLAPSED_KEY = 'arxivCardCollapsed';

/** Expanded unless the reader collapsed it; anything unreadable counts as expanded. */
export async function readCardCollapsed(): Promise<boolean> {
  try {
    return (await browser.storage.local.get(CARD_COLLAPSED_KEY))[CARD_COLLAPSED_KEY] === true;
  } catch {
    return false;
  }
}

export async function writeCardCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [CARD_COLLAPSED_KEY]: collapsed });
}
