import { describe, expect, it, vi } from 'vitest';
import type { Paper } from '../../../lib/shared/paper';
import { handleRequest, RefusedRequestError, type RequestContext } from '../../../lib/background/request-handler';
import { DEFAULT_SITE_SWITCHES } from '../../../lib/shared/sites';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/shared/settings';
import { MAX_LINK_BADGE_IDS, MAX_LOOKUP_IDS, MAX_MATCH_TITLES, MAX_MATCHED_TITLE } from '../../../lib/shared/messages';
import { encodeTitleIndex } from '../../../lib/shared/title-index';
import { encodeBadgeIndex } from '../../../lib/shared/badge-index';
import { senders } from '../support/builders';

/** Page requests come from our content scripts, in web pages. */
const from = senders('ours');

const PAPER: Paper = {
  id: '2506.06276',
  title: 'STARFlow',
  summary: 'The abstract, which pages never need.',
  authors: ['Jiatao Gu'],
  upvotes: 21,
  fetchedAt: 1,
};

function context(settings: Partial<Settings> = {}): RequestContext & { lookup: ReturnType<typeof vi.fn>; badgeIndex: ReturnType<typeof vi.fn>; titleIndex: ReturnType<typeof vi.fn> } {
  return {
    sender: from.contentScript(),
    ownId: 'ours',
    ownOrigin: from.ownOrigin,
    lookup: vi.fn(async (ids: string[]) => ({ papers: new Map(ids.filter((id) => id === PAPER.id).map((id) => [id, PAPER])), unanswered: [] })),
    badgeIndex: vi.fn(async () => encodeBadgeIndex([PAPER])),
    titleIndex: vi.fn(async () => '2506.06276 starflow'),
    syncNow: vi.fn(),
    papersForRepo: vi.fn(async () => []),
    cachedLinks: vi.fn(async () => new Map()),
    refreshBadge: vi.fn(async () => 0),
    searchHf: vi.fn(async () => ({ ok: true as const, papers: [] })),
    keepPaper: vi.fn(async () => ({ kept: false })),
    paperLinks: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
    paperComments: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
    turnSiteOn: vi.fn(async () => true),
    readSettings: async () => ({ ...DEFAULT_SETTINGS, ...settings }),
  };
}

describe('pagePapers', () => {
  it('answers the papers it finds, without abstracts', async () => {
    const ctx = context();
    const answer = await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276', '2506.00001'], live: true }, ctx);
    expect(answer).toEqual({ enabled: true, papers: { '2506.06276': { id: '2506.06276', title: 'STARFlow', authors: ['Jiatao Gu'], upvotes: 21, fetchedAt: 1 } } });
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276', '2506.00001'], true, DEFAULT_SETTINGS);
  });

  it('says which ids HF could not be asked about now, so the page shows nothing rather than "not on HF"', async () => {
    const ctx = context();
    ctx.lookup.mockResolvedValueOnce({ papers: new Map(), unanswered: ['2506.00001'] });
    const answer = await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.00001'], live: true }, ctx);
    expect(answer).toEqual({ enabled: true, papers: {}, unanswered: ['2506.00001'] });
  });

  it('reads the settings once: the lookup gets the ones just read (a cold worker answers sooner)', async () => {
    const ctx = context({ liveLookups: false });
    const readSettings = vi.fn(ctx.readSettings);
    await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276'], live: true }, { ...ctx, readSettings });
    expect(readSettings).toHaveBeenCalledTimes(1);
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276'], true, { ...DEFAULT_SETTINGS, liveLookups: false });
  });

  it('looks nothing up (live or not) when the person turned the site off', async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: false, github: true } });
    const answer = await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276'], live: true }, ctx);
    expect(answer).toEqual({ enabled: false, papers: {} });
    expect(ctx.lookup).not.toHaveBeenCalled();
  });

  it('is live only for a site whose paper pages may ask HF: the alphaXiv card may, a badges-only site never (#17)', async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, alphaxiv: true, hackernews: true } });
    await handleRequest({ type: 'pagePapers', site: 'alphaxiv', ids: ['2506.06276'], live: true }, ctx);
    expect(ctx.lookup).toHaveBeenLastCalledWith(['2506.06276'], true, expect.anything());
    await handleRequest({ type: 'pagePapers', site: 'hackernews', ids: ['2506.06276'], live: true }, ctx);
    expect(ctx.lookup).toHaveBeenLastCalledWith(['2506.06276'], false, expect.anything());
  });

  it('is not live unless asked', async () => {
    const ctx = context();
    await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: ['2506.06276'] }, ctx);
    expect(ctx.lookup).toHaveBeenCalledWith(['2506.06276'], false, DEFAULT_SETTINGS);
  });

  it('refuses malformed requests and strangers', async () => {
    // badgeIndex is never live, and names no ids.
    await expect(handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'newest', live: true }, context())).rejects.toBeInstanceOf(RefusedRequestError);
    await expect(handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'newest', ids: ['2506.06276'] }, context())).rejects.toBeInstanceOf(RefusedRequestError);
    await expect(handleRequest({ type: 'badgeIndex', site: 'example', span: 'newest' }, context())).rejects.toBeInstanceOf(RefusedRequestError);
    // A span is months' starts only, as a listing's URL names them.
    for (const span of [undefined, 'all', { from: '2506' }, { from: '2506.', to: '2507.0' }, { from: '2506.', extra: 1 }, { to: '2507.' }]) {
      await expect(handleRequest({ type: 'badgeIndex', site: 'arxiv', span }, context())).rejects.toBeInstanceOf(RefusedRequestError);
    }
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
    await expect(handleRequest({ type: 'pagePapers', site: 'arxiv', ids: [] }, { ...ctx, sender: { ...from.contentScript(), id: 'someone-else' } })).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.lookup).not.toHaveBeenCalled();
  });
});

describe('badgeIndex', () => {
  it('answers the local badge index and the highlight threshold, looking nothing up', async () => {
    const ctx = context({ highlightThreshold: 50 });
    const answer = await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'newest' }, ctx);
    expect(answer).toEqual({ enabled: true, highlightThreshold: 50, index: '2506.06276 21', covers: { from: '2505.' } });
    expect(ctx.badgeIndex).toHaveBeenCalledTimes(1);
    expect(ctx.lookup).not.toHaveBeenCalled();
  });

  it("answers a listing the lines of the span its URL names (a month's, the newest months'), and none for search results", async () => {
    const ctx = context();
    ctx.badgeIndex.mockResolvedValue(['2410.00001 3', '2410.99999 4 1', '2411.00001 5', '2504.00009 6', '2505.00001 7', '2506.00002 8'].join('\n'));
    expect(await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: { from: '2410.', to: '2411.' } }, ctx)).toEqual({
      enabled: true,
      highlightThreshold: 0,
      index: '2410.00001 3\n2410.99999 4 1',
      covers: { from: '2410.', to: '2411.' },
    });
    // The month of the newest id and the one before, with no end.
    expect(await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'newest' }, ctx)).toEqual({
      enabled: true,
      highlightThreshold: 0,
      index: '2505.00001 7\n2506.00002 8',
      covers: { from: '2505.' },
    });
    expect(await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'none' }, ctx)).toEqual({ enabled: true, highlightThreshold: 0, index: '' });
    const off = context({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: false } });
    expect(await handleRequest({ type: 'badgeIndex', site: 'arxiv', span: 'newest' }, off)).toEqual({ enabled: false, highlightThreshold: 0, index: '' });
    expect(off.badgeIndex).not.toHaveBeenCalled();
  });

  it("answers a badges-only page the badges of the ids it asks about, from the local badge index, in order; nothing when its site is off", async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, hackernews: true }, highlightThreshold: 9 });
    expect(await handleRequest({ type: 'linkBadges', site: 'hackernews', ids: [] }, ctx)).toEqual({ enabled: true, highlightThreshold: 9, badges: [] });
    expect(await handleRequest({ type: 'linkBadges', site: 'hackernews', ids: ['2501.00077', '2506.06276'] }, ctx)).toEqual({
      enabled: true,
      highlightThreshold: 9,
      badges: [null, { id: '2506.06276', upvotes: 21 }],
    });
    // Its first question brings the newest papers' badges: the index's last lines.
    expect(await handleRequest({ type: 'linkBadges', site: 'hackernews', ids: [], newest: true }, ctx)).toEqual({ enabled: true, highlightThreshold: 9, badges: [], newest: '2506.06276 21' });
    // A page the popup was asked to badge: no site, no switch.
    expect(await handleRequest({ type: 'linkBadges', ids: ['2506.06276'] }, context())).toEqual({ enabled: true, highlightThreshold: 0, badges: [{ id: '2506.06276', upvotes: 21 }] });
    expect(ctx.lookup).not.toHaveBeenCalled();
    const off = context({ sites: { ...DEFAULT_SITE_SWITCHES, reddit: false } });
    expect(await handleRequest({ type: 'linkBadges', site: 'reddit', ids: ['2506.06276'] }, off)).toEqual({ enabled: false, highlightThreshold: 0, badges: [null] });
    expect(await handleRequest({ type: 'linkBadges', site: 'reddit', ids: [], newest: true }, off)).toEqual({ enabled: false, highlightThreshold: 0, badges: [] });
    expect(off.badgeIndex).not.toHaveBeenCalled();
    for (const bad of [
      { type: 'linkBadges', site: 'hackernews', ids: Array.from({ length: MAX_LINK_BADGE_IDS + 1 }, () => '2506.06276') },
      { type: 'linkBadges', site: 'hackernews', ids: ['x'.repeat(41)] },
      { type: 'linkBadges', site: 'hackernews' },
      { type: 'linkBadges', site: 'example', ids: [] },
      { type: 'linkBadges', site: 'hackernews', ids: [], live: true },
      { type: 'linkBadges', site: 'hackernews', ids: [], newest: false },
      { type: 'linkBadges', site: 'hackernews', ids: [], newest: 1000 },
    ]) {
      await expect(handleRequest(bad, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    }
  });

  it('tells the sites that name papers by title to ask about their titles, sending none; for those whose every page does, the title index is made ready first', async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, scholar: true, hackernews: true, x: true } });
    expect(await handleRequest({ type: 'linkBadges', site: 'scholar', ids: [] }, ctx)).toEqual({ enabled: true, highlightThreshold: 0, badges: [], byTitle: true });
    // Titles made ready first: a worker that reads the window reads both in one pass.
    expect(ctx.titleIndex.mock.invocationCallOrder[0]).toBeLessThan(ctx.badgeIndex.mock.invocationCallOrder[0]!);
    expect(await handleRequest({ type: 'linkBadges', site: 'hackernews', ids: [] }, ctx)).toEqual({ enabled: true, highlightThreshold: 0, badges: [] });
    // X's pages seldom show a title to match: its titles are read when one is asked about.
    expect(await handleRequest({ type: 'linkBadges', site: 'x', ids: [] }, ctx)).toEqual({ enabled: true, highlightThreshold: 0, badges: [], byTitle: true });
    expect(ctx.titleIndex).toHaveBeenCalledTimes(1);
    const off = context();
    expect(await handleRequest({ type: 'linkBadges', site: 'scholar', ids: [] }, off)).toEqual({ enabled: false, highlightThreshold: 0, badges: [] });
    expect(off.titleIndex).not.toHaveBeenCalled();
  });

  it('matches the titles a page shows against the title index, answering the badge of each paper named, in order, for a site on that names papers by title; bounded', async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, x: true, hackernews: true } });
    ctx.titleIndex.mockResolvedValue(encodeTitleIndex([{ id: '2506.06276', title: 'STARFlow: Scaling Latent Normalizing Flows' }]));
    const titles = ['Not a paper', 'STARFlow: Scaling Latent Normalizing Flows', 'STARFlow: Scaling Latent Normaliz…'];
    expect(await handleRequest({ type: 'matchTitles', site: 'x', titles }, ctx)).toEqual({ badges: [null, { id: '2506.06276', upvotes: 21 }, null] });
    // Not for a site that names no paper by title, nor for one turned off: nothing read.
    expect(await handleRequest({ type: 'matchTitles', site: 'hackernews', titles }, ctx)).toEqual({ badges: [null, null, null] });
    expect(await handleRequest({ type: 'matchTitles', site: 'openreview', titles }, ctx)).toEqual({ badges: [null, null, null] });
    expect(ctx.titleIndex).toHaveBeenCalledTimes(1);
    // Bounded: as many titles as a message may hold, each no longer than a title may be.
    const many = Array.from({ length: MAX_MATCH_TITLES + 1 }, (_, i) => `Title ${i}`);
    for (const bad of [
      { type: 'matchTitles', site: 'x', titles: many },
      { type: 'matchTitles', site: 'x', titles: ['x'.repeat(MAX_MATCHED_TITLE + 1)] },
      { type: 'matchTitles', site: 'x', titles: [7] },
      { type: 'matchTitles', site: 'example', titles: [] },
      { type: 'matchTitles', titles: [] },
    ]) {
      await expect(handleRequest(bad, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    }
  });

  it('sends nothing when the person turned the site off', async () => {
    const ctx = context({ sites: { ...DEFAULT_SITE_SWITCHES, arxiv: true, github: false }, highlightThreshold: 7 });
    expect(await handleRequest({ type: 'badgeIndex', site: 'github', span: 'newest' }, ctx)).toEqual({ enabled: false, highlightThreshold: 7, index: '' });
    expect(ctx.badgeIndex).not.toHaveBeenCalled();
  });
});
