import { describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../lib/paper';
import { handleRequest, RefusedRequestError, type RequestContext } from '../../lib/request-handler';
import { DEFAULT_SETTINGS, type Settings } from '../../lib/settings';
import { MAX_LOOKUP_IDS } from '../../lib/messages';

const PAPER: Paper = {
  id: '2506.06276',
  title: 'STARFlow',
  summary: 'The abstract, which pages never need.',
  authors: ['Jiatao Gu'],
  upvotes: 21,
  fetchedAt: 1,
};

function context(settings: Partial<Settings> = {}): RequestContext & { lookup: ReturnType<typeof vi.fn> } {
  return {
    senderId: 'ours',
    ownId: 'ours',
    lookup: vi.fn(async (ids: string[]) => new Map(ids.filter((id) => id === PAPER.id).map((id) => [id, PAPER]))),
    syncNow: vi.fn(),
    papersForRepo: vi.fn(async () => []),
    refreshBadge: vi.fn(async () => 0),
    searchHf: vi.fn(async () => ({ ok: true as const, papers: [] })),
    keepPaper: vi.fn(async () => ({ kept: false })),
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
  };
}

describe('pagePapers', () => {
  it('answers the papers it finds, without abstracts', async () => {
    const ctx = context();
    const answer = await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276', '2506.00001'], live: true }, ctx);
    expect(answer).toEqual({ enabled: true, papers: { '2506.06276': { id: '2506.06276', title: 'STARFlow', authors: ['Jiatao Gu'], upvotes: 21, fetchedAt: 1 } } });
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276', '2506.00001'], true);
  });

  it('looks nothing up (live or not) when the person turned the site off', async () => {
    const ctx = context({ sites: { arxiv: false, github: true } });
    const answer = await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276'], live: true }, ctx);
    expect(answer).toEqual({ enabled: false, papers: {} });
    expect(ctx.lookup).not.toHaveBeenCalled();
  });

  it('is not live unless asked', async () => {
    const ctx = context();
    await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276'] }, ctx);
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276'], false);
  });

  it('refuses malformed requests and strangers', async () => {
    // pageBadges is never live.
    await expect(handleRequest({ type: 'pageBadges', site: 'arxiv', ids: [], live: true }, context())).rejects.toBeInstanceOf(RefusedRequestError);
    const ctx = context();
    for (const bad of [
      { type: 'pagePapers', site: 'example', ids: [] },
      { type: 'pagePapers', site: 'arxiv', ids: 'x' },
      { type: 'pagePapers', site: 'arxiv', ids: ['x'.repeat(41)] },
      { type: 'pagePapers', site: 'arxiv', ids: Array.from({ length: MAX_LOOKUP_IDS + 1 }, () => '2506.06276') },
      { type: 'pagePapers', site: 'arxiv', ids: [], extra: true },
    ]) {
      await expect(handleRequest(bad, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    }
    await expect(handleRequest({ type: 'pagePapers', site: 'arxiv', ids: [] }, { ...ctx, senderId: 'someone-else' })).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.lookup).not.toHaveBeenCalled();
  });
});

describe('pageBadges', () => {
  it("answers a badge's worth per paper found, never live, and the highlight threshold", async () => {
    const ctx = context({ highlightThreshold: 50 });
    const answer = await handleRequest({ type: 'pageBadges', site: 'arxiv', ids: ['2506.06276', '2506.00001'] }, ctx);
    expect(answer).toEqual({ enabled: true, highlightThreshold: 50, badges: { '2506.06276': { id: '2506.06276', upvotes: 21 } } });
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276', '2506.00001'], false);
  });

  it('keeps the comment count when there is one', async () => {
    const ctx = context();
    ctx.lookup.mockResolvedValue(new Map([[PAPER.id, { ...PAPER, numComments: 3 }]]));
    const answer = await handleRequest({ type: 'pageBadges', site: 'arxiv', ids: [PAPER.id] }, ctx);
    expect(answer).toMatchObject({ badges: { [PAPER.id]: { id: PAPER.id, upvotes: 21, numComments: 3 } } });
  });

  it('looks nothing up when the person turned the site off', async () => {
    const ctx = context({ sites: { arxiv: false, github: true }, highlightThreshold: 7 });
    expect(await handleRequest({ type: 'pageBadges', site: 'arxiv', ids: ['2506.06276'] }, ctx)).toEqual({ enabled: false, highlightThreshold: 7, badges: {} });
    expect(ctx.lookup).not.toHaveBeenCalled();
  });
});
