import { describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { sendRequest } from '../../../lib/shared/messages';

describe('sendRequest', () => {
  it('answers what the background answers', async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ ok: false, reason: 'failed' } as never);
    await expect(sendRequest({ type: 'paperLinks', id: '2506.06276' })).resolves.toEqual({ ok: false, reason: 'failed' });
  });

  it("throws a refusal the worker's polyfill sent as a value (content scripts run without the polyfill)", async () => {
    vi.spyOn(browser.runtime, 'sendMessage').mockResolvedValue({ __mozWebExtensionPolyfillReject__: true, message: 'not from an extension page' } as never);
    await expect(sendRequest({ type: 'paperLinks', id: '2506.06276' })).rejects.toThrow('not from an extension page');
  });
});
