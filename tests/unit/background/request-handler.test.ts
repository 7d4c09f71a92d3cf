import { describe, expect, it, vi } from 'vitest';
import { MAX_LOOKUP_IDS, type PaperLinks, type ResponseMap } from '../../../lib/shared/messages';
import type { Paper } from '../../../lib/shared/paper';
import { EXTENSION_PAGE_REQUESTS, handleRequest, RefusedRequestError, type RequestContext } from '../../../lib/background/request-handler';
import { DEFAULT_SETTINGS } from '../../../lib/shared/settings';
import { makePaper, SEED_PAPERS, senders, STARFLOW_ID } from '../support/builders';

const OWN_ID = 'daily-papers-lens@daily-papers-lens.dev';
const from = senders(OWN_ID);

function context(overrides: Partial<RequestContext> = {}) {
  const lookup = vi.fn(async (ids: string[], _live: boolean) => ({
    papers: new Map<string, Paper>(ids.filter((id) => id === STARFLOW_ID).map((id) => [id, makePaper({ id })])),
    unanswered: [],
  }));
  const outcome: ResponseMap['syncNow'] = { ok: true, tasks: 3, done: 3, calls: 3, papers: 24, dropped: 0 };
  const syncNow = vi.fn(async () => outcome);
  const refreshBadge = vi.fn(async () => 4);
  const papersForRepo = vi.fn(async (_repo: string): Promise<Paper[]> => []);
  return {
    lookup,
    syncNow,
    refreshBadge,
    papersForRepo,
    outcome,
    ctx: {
      sender: from.popup,
      ownId: OWN_ID,
      ownOrigin: from.ownOrigin,
      lookup,
      badgeIndex: vi.fn(async () => ''),
      titleIndex: vi.fn(async () => ''),
      papersForRepo,
      cachedLinks: vi.fn(async (): Promise<Map<string, PaperLinks>> => new Map()),
      syncNow,
      refreshBadge,
      readSettings: async () => DEFAULT_SETTINGS,
      searchHf: vi.fn(async () => ({ ok: true as const, papers: [] })),
      keepPaper: vi.fn(async () => ({ kept: false })),
      paperLinks: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
      paperComments: vi.fn(async () => ({ ok: false as const, reason: 'not-allowed' as const })),
      turnSiteOn: vi.fn(async () => true),
      ...overrides,
    } satisfies RequestContext,
  };
}

describe('handleRequest', () => {
  it('answers a lookup with overviews: everything but the abstract', async () => {
    const { ctx, lookup } = context();
    const answer = await handleRequest({ type: 'lookupPapers', ids: [STARFLOW_ID, '2506.05209'], live: true }, ctx);
    expect(lookup).toHaveBeenCalledWith([STARFLOW_ID, '2506.05209'], true);
    const papers = (answer as ResponseMap['lookupPapers']).papers;
    expect(Object.keys(papers)).toEqual([STARFLOW_ID]);
    const { summary: _summary, ...overview } = makePaper();
    expect(papers[STARFLOW_ID]).toEqual(overview);
    expect(papers[STARFLOW_ID]).not.toHaveProperty('summary');
    expect(JSON.stringify(answer)).not.toContain(SEED_PAPERS[0]!.summary.slice(0, 40));
  });

  it('looks up without HF unless live is asked for', async () => {
    const { ctx, lookup } = context();
    await handleRequest({ type: 'lookupPapers', ids: [STARFLOW_ID] }, ctx);
    expect(lookup).toHaveBeenCalledWith([STARFLOW_ID], false);
  });

  it('accepts an empty list and the largest allowed list', async () => {
    const { ctx, lookup } = context();
    await expect(handleRequest({ type: 'lookupPapers', ids: [] }, ctx)).resolves.toEqual({ papers: {} });
    const many = Array.from({ length: MAX_LOOKUP_IDS }, (_, i) => `2506.${String(i).padStart(5, '0')}`);
    await handleRequest({ type: 'lookupPapers', ids: many }, ctx);
    expect(lookup).toHaveBeenCalledTimes(2);
  });

  it('starts a sync on syncNow and answers its outcome', async () => {
    const { ctx, syncNow, outcome } = context();
    await expect(handleRequest({ type: 'syncNow' }, ctx)).resolves.toEqual(outcome);
    expect(syncNow).toHaveBeenCalledOnce();
  });

  it('re-counts the toolbar badge on userStateChanged and answers the count', async () => {
    const { ctx, refreshBadge } = context();
    await expect(handleRequest({ type: 'userStateChanged' }, ctx)).resolves.toEqual({ badgeCount: 4 });
    expect(refreshBadge).toHaveBeenCalledOnce();
  });

  it.each([
    ['a web page (no extension id)', undefined],
    ['another extension', 'abcdefghijklmnopabcdefghijklmnop'],
    ['an empty id', ''],
  ])('refuses a message from %s', async (_, senderId) => {
    const { ctx, lookup, syncNow, refreshBadge } = context({ sender: { ...from.popup, id: senderId } });
    await expect(handleRequest({ type: 'syncNow' }, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    await expect(handleRequest({ type: 'userStateChanged' }, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(refreshBadge).not.toHaveBeenCalled();
    await expect(handleRequest({ type: 'lookupPapers', ids: [STARFLOW_ID] }, ctx)).rejects.toThrow(
      'message from outside the extension',
    );
    expect(lookup).not.toHaveBeenCalled();
    expect(syncNow).not.toHaveBeenCalled();
  });

  it.each([
    ['null', null],
    ['undefined', undefined],
    ['a string', 'syncNow'],
    ['a number', 42],
    ['an array', [{ type: 'syncNow' }]],
    ['no type', { ids: [STARFLOW_ID] }],
    ['an unknown type', { type: 'deleteEverything' }],
    ['a type of the wrong case', { type: 'SyncNow' }],
    ['extra keys on syncNow', { type: 'syncNow', force: true }],
    ['extra keys on userStateChanged', { type: 'userStateChanged', badgeCount: 0 }],
    ['extra keys on lookupPapers', { type: 'lookupPapers', ids: [STARFLOW_ID], url: 'https://evil.example' }],
    ['ids missing', { type: 'lookupPapers' }],
    ['ids not an array', { type: 'lookupPapers', ids: STARFLOW_ID }],
    ['ids holding a number', { type: 'lookupPapers', ids: [2506.06276] }],
    ['ids holding null', { type: 'lookupPapers', ids: [null] }],
    ['an id longer than 40 characters', { type: 'lookupPapers', ids: ['2'.repeat(41)] }],
    [
      `more than ${MAX_LOOKUP_IDS} ids`,
      { type: 'lookupPapers', ids: Array.from({ length: MAX_LOOKUP_IDS + 1 }, () => STARFLOW_ID) },
    ],
    ['live not a boolean', { type: 'lookupPapers', ids: [STARFLOW_ID], live: 'yes' }],
  ])('refuses a malformed message: %s', async (_, message) => {
    const { ctx, lookup, syncNow } = context();
    const error: unknown = await handleRequest(message, ctx).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RefusedRequestError);
    expect((error as Error).message).toBe('malformed message');
    expect(lookup).not.toHaveBeenCalled();
    expect(syncNow).not.toHaveBeenCalled();
  });

  it('does not let a __proto__ key through', async () => {
    const { ctx, lookup } = context();
    const message = JSON.parse('{"type":"lookupPapers","ids":[],"__proto__":{"live":true}}') as unknown;
    await expect(handleRequest(message, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(lookup).not.toHaveBeenCalled();
  });
});

describe('handleRequest: what only the extension’s own pages may ask', () => {
  const ownPagesOnly = [{ type: 'syncNow' }, { type: 'searchHf', q: 'flows' }, { type: 'keepPaper', id: STARFLOW_ID }, { type: 'userStateChanged' }, { type: 'turnSiteOn', site: 'hackernews' }];

  it.each([
    ['an arXiv page', from.contentScript(`https://arxiv.org/abs/${STARFLOW_ID}`)],
    ['a GitHub page', from.contentScript('https://github.com/apple/ml-starflow')],
    ['a page whose URL only starts like our origin', { id: OWN_ID, url: `chrome-extension://${OWN_ID}.evil.example/popup.html`, origin: 'https://evil.example' }],
    ['a page in our origin’s clothes but another origin', { id: OWN_ID, url: `${from.ownOrigin}popup.html`, origin: 'https://arxiv.org' }],
    ['a sender without a URL', { id: OWN_ID }],
  ])('refuses syncNow, searchHf, keepPaper, userStateChanged and turnSiteOn from our content script in %s', async (_, sender) => {
    const { ctx, syncNow, refreshBadge } = context({ sender });
    for (const message of ownPagesOnly) {
      await expect(handleRequest(message, ctx)).rejects.toThrow('not from an extension page');
    }
    expect(syncNow).not.toHaveBeenCalled();
    expect(refreshBadge).not.toHaveBeenCalled();
    expect(ctx.searchHf).not.toHaveBeenCalled();
    expect(ctx.keepPaper).not.toHaveBeenCalled();
    expect(ctx.turnSiteOn).not.toHaveBeenCalled();
  });

  it.each([
    ['the popup', from.popup],
    ['the options page in a tab', from.optionsTab],
    ['Firefox’s popup (no origin given)', { id: OWN_ID, url: `moz-extension://${OWN_ID}/popup.html` }],
  ])('answers them from %s', async (_, sender) => {
    const ownOrigin = sender.url.startsWith('moz-') ? `moz-extension://${OWN_ID}/` : from.ownOrigin;
    const { ctx, syncNow, refreshBadge } = context({ sender, ownOrigin });
    for (const message of ownPagesOnly) await handleRequest(message, ctx);
    expect(syncNow).toHaveBeenCalledOnce();
    expect(refreshBadge).toHaveBeenCalledOnce();
    expect(ctx.searchHf).toHaveBeenCalledWith('flows');
    expect(ctx.keepPaper).toHaveBeenCalledWith(STARFLOW_ID);
    expect(ctx.turnSiteOn).toHaveBeenCalledWith('hackernews');
  });

  it('still answers a content script’s own questions', async () => {
    const { ctx, lookup, papersForRepo } = context({ sender: from.contentScript() });
    await handleRequest({ type: 'lookupPapers', ids: [STARFLOW_ID] }, ctx);
    await handleRequest({ type: 'pagePapers', site: 'arxiv', ids: [STARFLOW_ID], live: true }, ctx);
    await handleRequest({ type: 'badgeIndex', site: 'github', span: 'newest' }, ctx);
    await handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx);
    // The script the popup put in a page on the person's click asks about its ids with no site.
    expect(await handleRequest({ type: 'linkBadges', ids: [STARFLOW_ID] }, ctx)).toEqual({ enabled: true, highlightThreshold: DEFAULT_SETTINGS.highlightThreshold, badges: [null] });
    expect(lookup).toHaveBeenCalledTimes(2);
    expect(papersForRepo).toHaveBeenCalledOnce();
  });

  it('names exactly the five requests', () => {
    expect([...EXTENSION_PAGE_REQUESTS].sort()).toEqual(['keepPaper', 'searchHf', 'syncNow', 'turnSiteOn', 'userStateChanged']);
  });
});

describe('handleRequest: papersForRepo', () => {
  it('answers the stored papers of the repository, without their abstracts', async () => {
    const paper = makePaper();
    const { ctx, papersForRepo } = context({ papersForRepo: vi.fn(async () => [paper]) });
    const answer = await handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx);
    expect(ctx.papersForRepo).toHaveBeenCalledWith('apple/ml-starflow');
    expect(papersForRepo).not.toHaveBeenCalled();
    const { summary: _summary, ...overview } = paper;
    expect(answer).toEqual({ papers: [overview] });
    expect(JSON.stringify(answer)).not.toContain(SEED_PAPERS[0]!.summary.slice(0, 40));
  });

  it("adds the linked lists the cache holds, per paper, and nothing for a paper it lacks", async () => {
    const [cached, bare] = [makePaper({ id: '2506.06276' }), makePaper({ id: '2404.02905' })];
    const links: PaperLinks = { totals: { models: 2, datasets: 0, spaces: 1 }, top: { models: [{ id: 'apple/starflow-3b', likes: 4 }], datasets: [], spaces: [{ id: 'apple/starflow-demo' }] } };
    const cachedLinks = vi.fn(async () => new Map([[cached.id, links]]));
    const { ctx } = context({ papersForRepo: vi.fn(async () => [cached, bare]), cachedLinks });
    const answer = (await handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx)) as ResponseMap['papersForRepo'];
    expect(cachedLinks).toHaveBeenCalledWith([cached.id, bare.id]);
    expect(answer.papers.map((paper) => paper.links)).toEqual([links, undefined]);
    expect('links' in answer.papers[1]!).toBe(false);
  });

  it('answers nothing, and reads nothing, while GitHub is off', async () => {
    const cachedLinks = vi.fn(async (): Promise<Map<string, PaperLinks>> => new Map());
    const { ctx, papersForRepo } = context({
      papersForRepo: vi.fn(async () => [makePaper()]),
      cachedLinks,
      readSettings: async () => ({ ...DEFAULT_SETTINGS, sites: { ...DEFAULT_SETTINGS.sites, github: false } }),
    });
    expect(await handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx)).toEqual({ papers: [] });
    expect(ctx.papersForRepo).not.toHaveBeenCalled();
    expect(papersForRepo).not.toHaveBeenCalled();
    expect(cachedLinks).not.toHaveBeenCalled();
  });

  it('never goes live: the lookup is not asked', async () => {
    const { ctx, lookup, papersForRepo } = context();
    await handleRequest({ type: 'papersForRepo', repo: 'Apple/ML-StarFlow' }, ctx);
    expect(lookup).not.toHaveBeenCalled();
    expect(papersForRepo).toHaveBeenCalledTimes(1);
  });

  it.each([
    { type: 'papersForRepo' },
    { type: 'papersForRepo', repo: 42 },
    { type: 'papersForRepo', repo: '' },
    { type: 'papersForRepo', repo: 'apple' },
    { type: 'papersForRepo', repo: 'apple/ml-starflow/tree/main' },
    { type: 'papersForRepo', repo: 'https://github.com/apple/ml-starflow' },
    { type: 'papersForRepo', repo: '<img src=x onerror=alert(1)>/x' },
    { type: 'papersForRepo', repo: `${'a'.repeat(150)}/${'b'.repeat(150)}` },
    { type: 'papersForRepo', repo: 'apple/ml-starflow', extra: true },
  ])('refuses a malformed request %j', async (message) => {
    const { ctx, papersForRepo } = context();
    await expect(handleRequest(message, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(papersForRepo).not.toHaveBeenCalled();
  });

  it('refuses it from outside the extension', async () => {
    const { ctx, papersForRepo } = context({ sender: { ...from.contentScript('https://github.com/apple/ml-starflow'), id: 'someone-else' } });
    await expect(handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(papersForRepo).not.toHaveBeenCalled();
  });
});
