/**
 * Whether the reader keeps the paper card collapsed: one choice for every paper, kept in local storage;
 * and, read with it, the paper's card from the local copy (lib/background/card-mirror.ts).
 */
import { browser } from 'wxt/browser';
import type { PaperCardData } from '../../shared/messages';
import { CARD_COLLAPSED_KEY, CARD_LINKS_OPEN_KEY } from '../../shared/storage-keys';
import { cardMirrorKey, readMirroredCard } from '../../shared/card-copy';


/**
 * The paper's card from the local copy (undefined when the copy lacks it) and the collapsed choice, in
 * one read of local storage: no message, so a stopped background worker stays stopped.
 */
export async function readLocalCard(id: string): Promise<{ card?: PaperCardData; collapsed: boolean; linksOpen: boolean }> {
  try {
    const key = cardMirrorKey(id);
    const stored = await browser.storage.local.get([key, CARD_COLLAPSED_KEY, CARD_LINKS_OPEN_KEY]);
    return { card: readMirroredCard(stored[key], id), collapsed: stored[CARD_COLLAPSED_KEY] === true, linksOpen: stored[CARD_LINKS_OPEN_KEY] === true };
  } catch {
    return { collapsed: false, linksOpen: false };
  }
}

/** Whether the list of linked models, datasets and Spaces is open: one choice for every paper. */
export async function writeCardLinksOpen(open: boolean): Promise<void> {
  await browser.storage.local.set({ [CARD_LINKS_OPEN_KEY]: open });
}

export async function writeCardCollapsed(collapsed: boolean): Promise<void> {
  await browser.storage.local.set({ [CARD_COLLAPSED_KEY]: collapsed });
}
