import { describe, expect, it } from 'vitest';
import { HfClient } from '../../../lib/background/hf/client';
import { HfSearchService } from '../../../lib/background/hf-search';
import { HfCallLimits } from '../../../lib/background/hf/call-limits';
import { dailyItem, DAY, fakeTime, jsonResponse, rawPaper, useTestDb } from '../support/builders';
import { fakeHf, type FakeHfOptions } from '../support/fake-hf';

const NOW = '2025-06-11T12:00:00Z';

describe('HfSearchService', () => {
  const db = useTestDb();

  /** `mayAskForPaper`: the live-lookup switch and Firefox's consent, as the background reads them. */
  function setup(options: FakeHfOptions, mayAskForPaper = true) {
    const time = fakeTime(NOW);
    const server = fakeHf(options);
    const service = new HfSearchService({
      db: db(),
      now: time.now,
      client: () => new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, retries: 0, maxInlineWaitMs: 0 }),
      mayAskForPaper: async () => mayAskForPaper,
    });
    return { service, server, time };
  }

  const searchAnswer = (url: URL) =>
    url.pathname === '/api/papers/search' ? jsonResponse([dailyItem({ id: '2401.00001', title: 'Flows at scale' }), rawPaper({ id: '2401.00002' })]) : undefined;

  it('answers with HF’s results and stores nothing', async () => {
    const { service } = setup({ override: searchAnswer });
    const answer = await service.search('flows');
    expect(answer.ok && answer.papers.map((p) => p.id)).toEqual(['2401.00001', '2401.00002']);
    expect(await db().papers.count()).toBe(0);
  });

  it('answers a failure in plain words instead of throwing', async () => {
    const { service } = setup({ override: () => new Response('down', { status: 503 }) });
    expect(await service.search('flows')).toEqual({
      ok: false,
      error: { kind: 'server', message: 'Hugging Face is having trouble (server error).' },
    });
  });

  it('says when HF rate limits, with the time to try again', async () => {
    const { service } = setup({ override: () => new Response('slow', { status: 429, headers: { RateLimit: '"api";r=0;t=60' } }) });
    const answer = await service.search('flows');
    expect(answer.ok).toBe(false);
    if (answer.ok) return;
    expect(answer.error.kind).toBe('rate-limited');
    expect(answer.error.retryAt).toBe(Date.parse(NOW) + 60_000);
  });

  it('keeps a saved search result from the last answer without asking HF again', async () => {
    const { service, server } = setup({ override: searchAnswer });
    await service.search('flows');
    expect(await service.keep('2401.00001')).toEqual({ kept: true });
    expect(server.requests).toHaveLength(1);
    expect(await db().papers.get('2401.00001')).toMatchObject({ title: 'Flows at scale' });
  });

  it('asks HF for a paper it does not remember, and says when HF does not know it', async () => {
    const { service, server } = setup({ papers: { '2401.00009': rawPaper({ id: '2401.00009' }) } });
    expect(await service.keep('2401.00009')).toEqual({ kept: true });
    expect(await service.keep('2401.00008')).toEqual({ kept: false });
    expect(server.requests.map((r) => new URL(r).pathname)).toEqual(['/api/papers/2401.00009', '/api/papers/2401.00008']);
  });

  it('does not keep a paper HF answered for another id', async () => {
    const { service } = setup({ papers: { '2401.00009': rawPaper({ id: '2401.00007' }) } });
    expect(await service.keep('2401.00009')).toEqual({ kept: false });
    expect(await db().papers.count()).toBe(0);
  });

  it('does not ask HF for a paper already stored, nor for an id HF cannot have', async () => {
    const { service, server } = setup({});
    await db().papers.put({ id: '2401.00003', title: 'T', summary: '', authors: [], upvotes: 1, fetchedAt: 0 });
    expect(await service.keep('2401.00003')).toEqual({ kept: true });
    expect(await service.keep('hep-th/9901001')).toEqual({ kept: false });
    expect(server.requests).toEqual([]);
  });

  it('asks for a kept paper with the client for page-caused calls, and searches with the other', async () => {
    const uses: string[] = [];
    const time = fakeTime(NOW);
    const server = fakeHf({ override: searchAnswer, papers: { '2401.00009': rawPaper({ id: '2401.00009' }) } });
    const service = new HfSearchService({
      db: db(),
      now: time.now,
      client: (use) => {
        uses.push(use);
        return new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now });
      },
      mayAskForPaper: async () => true,
    });
    await service.search('flows');
    await service.keep('2401.00009');
    expect(uses).toEqual(['search', 'keep']);
  });

  it('sends no search while HF’s wait from another caller runs, and says until when', async () => {
    const limits = new HfCallLimits();
    const time = fakeTime(NOW);
    await limits.gate.admit(time.now());
    limits.gate.hfSaidWait(time.now() + 90_000);
    const server = fakeHf({ override: searchAnswer });
    const service = new HfSearchService({ db: db(), now: time.now, client: () => new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, guard: limits.gate }), mayAskForPaper: async () => true });
    expect(await service.search('flows')).toMatchObject({ ok: false, error: { kind: 'rate-limited', retryAt: time.now() + 90_000 } });
    expect(server.requests).toEqual([]);
  });

  it('asks HF nothing to keep a paper when live lookups are off (or Firefox has no consent): the save stands, nothing is stored', async () => {
    const { service, server } = setup({ papers: { '2401.00009': rawPaper({ id: '2401.00009' }) } }, false);
    expect(await service.keep('2401.00009')).toEqual({ kept: false });
    expect(server.requests).toEqual([]);
    expect(await db().papers.count()).toBe(0);
  });

  it('still keeps a result of the last search when live lookups are off: nothing is sent for it', async () => {
    const { service, server } = setup({ override: searchAnswer }, false);
    await service.search('flows');
    expect(await service.keep('2401.00002')).toEqual({ kept: true });
    expect(server.requests.map((r) => new URL(r).pathname)).toEqual(['/api/papers/search']);
  });

  it('remembers a paper HF does not know for a day, as a live lookup does: saving it again asks nothing', async () => {
    const { service, server, time } = setup({});
    expect(await service.keep('2401.00008')).toEqual({ kept: false });
    expect(await db().misses.get('2401.00008')).toEqual({ id: '2401.00008', at: Date.parse(NOW) });
    expect(await service.keep('2401.00008')).toEqual({ kept: false });
    expect(server.requests).toHaveLength(1);
    time.advance(DAY + 1);
    await service.keep('2401.00008');
    expect(server.requests).toHaveLength(2);
  });

  it('answers kept: false when HF cannot be reached', async () => {
    const { service } = setup({ override: () => Promise.reject(new TypeError('Failed to fetch')) });
    expect(await service.keep('2401.00004')).toEqual({ kept: false });
  });
});
