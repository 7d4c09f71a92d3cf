import { describe, expect, it } from 'vitest';
import { handleRequest, RefusedRequestError, type RequestContext } from '../../lib/request-handler';

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    senderId: 'ours',
    ownId: 'ours',
    lookup: async () => new Map(),
    syncNow: async () => ({ ok: true, tasks: 0, done: 0, calls: 0, papers: 0, dropped: 0 }),
    refreshBadge: async () => 4,
    ...overrides,
  };
}

describe('userStateChanged', () => {
  it('re-counts the toolbar badge and answers the count', async () => {
    let refreshed = 0;
    const answer = await handleRequest({ type: 'userStateChanged' }, context({ refreshBadge: async () => ++refreshed }));
    expect(answer).toEqual({ badgeCount: 1 });
    expect(refreshed).toBe(1);
  });

  it('is refused from outside the extension or with extra fields', async () => {
    await expect(handleRequest({ type: 'userStateChanged' }, context({ senderId: 'other' }))).rejects.toBeInstanceOf(RefusedRequestError);
    await expect(handleRequest({ type: 'userStateChanged', count: 3 }, context())).rejects.toBeInstanceOf(RefusedRequestError);
  });
});
