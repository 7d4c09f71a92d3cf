import { describe, expect, it, vi } from 'vitest';
import { handleRequest, RefusedRequestError, type RequestContext } from '../../../lib/background/request-handler';
import { DEFAULT_SETTINGS } from '../../../lib/shared/settings';
import { makePaper, senders } from '../support/builders';

const from = senders('own');

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    sender: from.popup,
    ownId: 'own',
    ownOrigin: from.ownOrigin,
    lookup: vi.fn(async () => ({ papers: new Map(), unanswered: [] })),
    badgeIndex: vi.fn(async () => ''),
    titleIndex: vi.fn(async () => ''),
    syncNow: vi.fn(async () => ({ ok: true, tasks: 0, done: 0, calls: 0, papers: 0, dropped: 0 })),
    searchHf: vi.fn(async () => ({ ok: true as const, papers: [makePaper()] })),
    keepPaper: vi.fn(async () => ({ kept: true })),
    paperLinks: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
    paperComments: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
    turnSiteOn: vi.fn(async () => true),
    papersForRepo: vi.fn(async () => []),
    cachedLinks: vi.fn(async () => new Map()),
    refreshBadge: vi.fn(async () => 0),
    readSettings: async () => DEFAULT_SETTINGS,
    ...overrides,
  };
}

describe('handleRequest: searchHf and keepPaper', () => {
  it('passes a search query on (trimmed) and answers with the service’s result', async () => {
    const ctx = context();
    const answer = await handleRequest({ type: 'searchHf', q: '  flows  ' }, ctx);
    expect(ctx.searchHf).toHaveBeenCalledWith('flows');
    expect(answer).toEqual({ ok: true, papers: [makePaper()] });
  });

  it.each([
    [{ type: 'searchHf', q: '' }],
    [{ type: 'searchHf', q: '   ' }],
    [{ type: 'searchHf', q: 'x'.repeat(251) }],
    [{ type: 'searchHf', q: 5 }],
    [{ type: 'searchHf', q: 'flows', extra: true }],
    [{ type: 'keepPaper' }],
    [{ type: 'keepPaper', id: 'x'.repeat(41) }],
  ])('refuses the malformed %j without calling anything', async (message) => {
    const ctx = context();
    await expect(handleRequest(message, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.searchHf).not.toHaveBeenCalled();
    expect(ctx.keepPaper).not.toHaveBeenCalled();
  });

  it('refuses a search from outside the extension', async () => {
    const ctx = context({ sender: { ...from.popup, id: 'someone-else' } });
    await expect(handleRequest({ type: 'searchHf', q: 'flows' }, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.searchHf).not.toHaveBeenCalled();
  });

  it('passes keepPaper’s id on', async () => {
    const ctx = context();
    expect(await handleRequest({ type: 'keepPaper', id: '2506.06276' }, ctx)).toEqual({ kept: true });
    expect(ctx.keepPaper).toHaveBeenCalledWith('2506.06276');
  });
});
