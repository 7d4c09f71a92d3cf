import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { listenForDatabaseChanges } from '../../../lib/popup/database-changes';

describe('listenForDatabaseChanges', () => {
  it('hears the tables of each databaseChanged notice, until it stops', async () => {
    const heard = vi.fn();
    const stop = listenForDatabaseChanges(heard);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'databaseChanged', tables: ['papers', 'days'] }, {}, () => undefined);
    expect(heard).toHaveBeenCalledWith(new Set(['papers', 'days']));
    stop();
    await fakeBrowser.runtime.onMessage.trigger({ type: 'databaseChanged', tables: ['kv'] }, {}, () => undefined);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('leaves every other message alone and unanswered (another page’s request is the background’s)', async () => {
    const heard = vi.fn();
    listenForDatabaseChanges(heard);
    const answers = await Promise.all(
      [{ type: 'syncNow' }, { type: 'databaseChanged', tables: ['nonsense'] }, { type: 'databaseChanged' }, 'databaseChanged', null].map((message) =>
        fakeBrowser.runtime.onMessage.trigger(message, {}, () => undefined),
      ),
    );
    expect(heard).not.toHaveBeenCalled();
    expect(answers.flat()).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });
});
