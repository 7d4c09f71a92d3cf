import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readLocalCard, writeCardCollapsed } from '../../../../lib/sites/kit/card-state';
import { CARD_COLLAPSED_KEY } from '../../../../lib/shared/storage-keys';

const collapsed = async () => (await readLocalCard('2506.06276')).collapsed;

describe('card state', () => {
  it('is expanded until the reader collapses it, and remembered', async () => {
    expect(await collapsed()).toBe(false);
    await writeCardCollapsed(true);
    expect(await collapsed()).toBe(true);
    await writeCardCollapsed(false);
    expect(await collapsed()).toBe(false);
  });

  it('reads anything but true as expanded', async () => {
    await fakeBrowser.storage.local.set({ [CARD_COLLAPSED_KEY]: 'yes' });
    expect(await collapsed()).toBe(false);
  });
});
