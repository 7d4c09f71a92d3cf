import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readCardCollapsed, writeCardCollapsed } from '../../../../lib/sites/arxiv/card-state';
import { CARD_COLLAPSED_KEY } from '../../../../lib/shared/storage-keys';

describe('card state', () => {
  it('is expanded until the reader collapses it, and remembered', async () => {
    expect(await readCardCollapsed()).toBe(false);
    await writeCardCollapsed(true);
    expect(await readCardCollapsed()).toBe(true);
    await writeCardCollapsed(false);
    expect(await readCardCollapsed()).toBe(false);
  });

  it('reads anything but true as expanded', async () => {
    await fakeBrowser.storage.local.set({ [CARD_COLLAPSED_KEY]: 'yes' });
    expect(await readCardCollapsed()).toBe(false);
  });
});
