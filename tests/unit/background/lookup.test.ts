import { describe, expect, it } from 'vitest';
import { HfClient } from '../../../lib/background/hf/client';
import { FAILURE_TTL_MS, lookupPapers, MISS_TTL_MS } from '../../../lib/background/lookup';
import { HfCallLimits } from '../../../lib/background/hf/call-limits';
import { DAY, fakeTime, HOUR, jsonResponse, makePaper, rawPaper, SEED_PAPERS, STARFLOW_ID, useTestDb } from '../support/builders';
import { fakeHf, type FakeHfOptions } from '../support/fake-hf';
import { MAX_LIVE_LOOKUPS, type PaperLinks } from '../../../lib/shared/messages';
import { STARFLOW_DETAILS } from '../../fixtures/hf-paper-details';

const NOW = Date.parse('2025-06-11T12:00:00Z');
const MISSING = ['2506.05209', '2506.05301', '2506.05432', '2506.05599'];

const db = useTestDb();

function setup(hf: FakeHfOptions = {}) {
  const time = fakeTime(NOW);
  const server = fakeHf(hf);
  const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now });
  return { server, client, time };
}

describe('lookupPapers', () => {
  it('answers from the database first, without asking HF', async () => {
    const { server, client } = setup();
    await db().papers.put(makePaper());
    const found = (await lookupPapers(db(), [STARFLOW_ID], { live: true, client, now: NOW })).papers;
    expect([...found.keys()]).toEqual([STARFLOW_ID]);
    expect(found.get(STARFLOW_ID)?.title).toBe(SEED_PAPERS[0]!.title);
    expect(server.requests).toEqual([]);
  });

  it('finds many stored papers at once and leaves out the unknown ones', async () => {
    const { server, client } = setup();
    await db().papers.bulkPut([makePaper(), makePaper({ id: '2506.04000', title: SEED_PAPERS[1]!.title })]);
    const found = (await lookupPapers(db(), [STARFLOW_ID, '2506.04000', ...MISSING], { live: true, client, now: NOW })).papers;
    expect([...found.keys()].sort()).toEqual(['2506.04000', STARFLOW_ID]);
    // More missing papers than a person opens at once: a listing, so none is asked for.
    expect(MISSING.length).toBeGreaterThan(MAX_LIVE_LOOKUPS);
    expect(server.requests).toEqual([]);
  });

  it('does not ask HF when live lookups are off', async () => {
    const { server, client } = setup({ papers: { '2506.05209': rawPaper({ id: '2506.05209' }) } });
    const found = (await lookupPapers(db(), ['2506.05209'], { live: false, client, now: NOW })).papers;
    expect(found.size).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('asks HF for a paper not stored when live, and caches the answer', async () => {
    const { server, client } = setup({ papers: { '2506.05209': rawPaper({ id: '2506.05209', upvotes: 42 }, 1) } });
    const found = (await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW })).papers;
    expect(server.requests).toEqual(['https://huggingface.co/api/papers/2506.05209']);
    expect(found.get('2506.05209')).toMatchObject({ id: '2506.05209', upvotes: 42, title: SEED_PAPERS[1]!.title });
    expect(await db().papers.get('2506.05209')).toMatchObject({ upvotes: 42 });

    const again = (await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW + HOUR })).papers;
    expect(again.get('2506.05209')?.upvotes).toBe(42);
    expect(server.requests).toHaveLength(1);
  });

  it('asks for up to three missing papers, and for none when more are missing', async () => {
    const papers = Object.fromEntries(MISSING.map((id) => [id, rawPaper({ id })]));
    const three = setup({ papers });
    const found = (await lookupPapers(db(), MISSING.slice(0, 3), { live: true, client: three.client, now: NOW })).papers;
    expect(found.size).toBe(3);
    expect(three.server.requests).toHaveLength(3);

    const four = setup({ papers });
    await db().papers.clear();
    expect((await lookupPapers(db(), MISSING, { live: true, client: four.client, now: NOW })).papers.size).toBe(0);
    expect(four.server.requests).toEqual([]);
  });

  it('asks once for an id given twice', async () => {
    const { server, client } = setup({ papers: { '2506.05209': rawPaper({ id: '2506.05209' }) } });
    await lookupPapers(db(), ['2506.05209', '2506.05209', '2506.05209'], { live: true, client, now: NOW });
    expect(server.requests).toHaveLength(1);
  });

  it('remembers a 404 for a day: no second request within 24 hours, one after', async () => {
    const { server, client } = setup();
    const ask = (now: number) => lookupPapers(db(), ['2506.05209'], { live: true, client, now });

    expect((await ask(NOW)).papers.size).toBe(0);
    expect(server.requests).toHaveLength(1);
    expect(await db().misses.get('2506.05209')).toEqual({ id: '2506.05209', at: NOW });

    await ask(NOW + HOUR);
    await ask(NOW + MISS_TTL_MS - 1);
    expect(server.requests).toHaveLength(1);

    await ask(NOW + DAY);
    expect(server.requests).toHaveLength(2);
    expect(await db().misses.get('2506.05209')).toEqual({ id: '2506.05209', at: NOW + DAY });
  });

  it('refuses an answer about another paper: nothing shown or stored, a miss remembered for the asked id', async () => {
    const { server, client } = setup({ override: (url) => (url.pathname.endsWith('/2506.05209') ? jsonResponse(rawPaper({ id: STARFLOW_ID, upvotes: 999 })) : undefined) });
    const found = (await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW })).papers;
    expect(found.size).toBe(0);
    expect(await db().papers.count()).toBe(0);
    expect(await db().misses.get('2506.05209')).toEqual({ id: '2506.05209', at: NOW });
    await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW + HOUR });
    expect(server.requests).toHaveLength(1);
  });

  it('forgets the miss once HF has the paper', async () => {
    const { client, server } = setup({ papers: { '2506.05209': rawPaper({ id: '2506.05209' }) } });
    await db().misses.put({ id: '2506.05209', at: NOW - 2 * DAY });
    const found = (await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW })).papers;
    expect(found.has('2506.05209')).toBe(true);
    expect(server.requests).toHaveLength(1);
    expect(await db().misses.get('2506.05209')).toBeUndefined();
  });

  it('never sends old-style, versioned or invalid ids to HF', async () => {
    const { server, client } = setup();
    const found = (await lookupPapers(db(), ['hep-th/9901001', 'math.GT/0309136', '2506.06276v2', 'abc', '../../api/whoami', ''], {
      live: true,
      client,
      now: NOW,
    })).papers;
    expect(found.size).toBe(0);
    expect(server.requests).toEqual([]);
  });

  it('remembers a failure for 10 minutes: no card and no "not on HF" then, asked again after', async () => {
    let down = true;
    const { client, server } = setup({
      papers: { '2506.05209': rawPaper({ id: '2506.05209' }) },
      override: () => (down ? new Response('', { status: 502 }) : undefined),
    });
    expect(await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW })).toEqual({ papers: new Map(), unanswered: ['2506.05209'] });
    expect(await db().misses.get('2506.05209')).toEqual({ id: '2506.05209', at: NOW, failed: true });

    down = false;
    const requestsBefore = server.requests.length;
    expect(await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW + FAILURE_TTL_MS - 1 })).toEqual({ papers: new Map(), unanswered: ['2506.05209'] });
    expect(server.requests.length).toBe(requestsBefore);

    const found = (await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW + FAILURE_TTL_MS })).papers;
    expect(found.has('2506.05209')).toBe(true);
    expect(server.requests.length).toBe(requestsBefore + 1);
    expect(await db().misses.get('2506.05209')).toBeUndefined();
  });

  it('remembers a timeout like a server error, but not a network failure (nothing reached HF)', async () => {
    const slow = new HfClient({ fetch: (_input, init) => new Promise<Response>((_resolve, reject) => init?.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')))), sleep: async () => {}, now: () => NOW, timeoutMs: 5, retries: 0 });
    expect((await lookupPapers(db(), ['2506.05209'], { live: true, client: slow, now: NOW })).unanswered).toEqual(['2506.05209']);
    expect(await db().misses.get('2506.05209')).toMatchObject({ failed: true });

    const offline = setup({
      override: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await lookupPapers(db(), ['2506.05301'], { live: true, client: offline.client, now: NOW })).unanswered).toEqual(['2506.05301']);
    expect(await db().misses.get('2506.05301')).toBeUndefined();
  });

  it('answers a lookup the limits refused as unanswered, sending nothing and remembering nothing', async () => {
    const limits = new HfCallLimits();
    limits.gate.hfSaidWait(NOW + HOUR);
    await limits.hfWaitUntil(NOW);
    const time = fakeTime(NOW);
    const server = fakeHf({ papers: { '2506.05209': rawPaper({ id: '2506.05209' }) } });
    const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, guard: limits.forPages });
    expect(await lookupPapers(db(), ['2506.05209'], { live: true, client, now: NOW })).toEqual({ papers: new Map(), unanswered: ['2506.05209'] });
    expect(server.requests).toEqual([]);
    expect(await db().misses.count()).toBe(0);
  });

  it('a tab walked through 60 unknown papers in a minute causes at most 30 HF calls; 12 papers opened at once all get theirs', async () => {
    const time = fakeTime(NOW);
    const ids = Array.from({ length: 60 }, (_, i) => `2507.${String(10_000 + i)}`);
    const server = fakeHf({ papers: Object.fromEntries(ids.map((id) => [id, rawPaper({ id })])) });
    const limits = new HfCallLimits();
    // Each page view makes a client of its own, as the background does: the limits are shared.
    const pageView = () => new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, guard: limits.forPages });
    for (const id of ids) {
      await lookupPapers(db(), [id], { live: true, client: pageView(), now: time.now() });
      time.advance(1_000);
    }
    expect(server.requests.length).toBeLessThanOrEqual(30);
    expect(server.requests.length).toBeGreaterThanOrEqual(15);

    const fresh = new HfCallLimits();
    const twelve = ids.slice(0, 12).map((id) => id.replace('2507.', '2508.'));
    const server12 = fakeHf({ papers: Object.fromEntries(twelve.map((id) => [id, rawPaper({ id })])) });
    const answers = await Promise.all(
      twelve.map((id) => lookupPapers(db(), [id], { live: true, client: new HfClient({ fetch: server12.fetch, now: time.now, guard: fresh.forPages }), now: time.now() })),
    );
    expect(answers.map((answer) => answer.papers.size)).toEqual(Array(12).fill(1));
  });

  it('swallows a network failure and a malformed answer alike', async () => {
    const offline = setup({
      override: () => {
        throw new TypeError('Failed to fetch');
      },
    });
    expect((await lookupPapers(db(), ['2506.05209'], { live: true, client: offline.client, now: NOW })).papers.size).toBe(0);

    const garbled = setup({ override: () => new Response('{"id":', { status: 200 }) });
    expect((await lookupPapers(db(), ['2506.05209'], { live: true, client: garbled.client, now: NOW })).papers.size).toBe(0);
  });

  it('keeps looking up the other ids when one fails', async () => {
    const { client } = setup({
      papers: { '2506.05301': rawPaper({ id: '2506.05301' }) },
      override: (url) => (url.pathname.endsWith('2506.05209') ? new Response('', { status: 403 }) : undefined),
    });
    const found = (await lookupPapers(db(), ['2506.05209', '2506.05301'], { live: true, client, now: NOW })).papers;
    expect([...found.keys()]).toEqual(['2506.05301']);
  });

  it('does not ask HF without a client', async () => {
    const found = (await lookupPapers(db(), ['2506.05209'], { live: true, now: NOW })).papers;
    expect(found.size).toBe(0);
  });
});

describe('lookupPapers keeping linked lists', () => {
  it('keeps what HF links to a paper looked up live, from the same answer (one call)', async () => {
    const time = fakeTime(NOW);
    const server = fakeHf({ papers: { [STARFLOW_DETAILS.id]: STARFLOW_DETAILS as unknown as Record<string, unknown> } });
    const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now });
    const kept: [string, PaperLinks][] = [];
    const found = await lookupPapers(db(), [STARFLOW_DETAILS.id], { live: true, client, now: NOW, keepLinks: async (id, links) => void kept.push([id, links]) });
    expect(found.papers.get(STARFLOW_DETAILS.id)?.upvotes).toBe(STARFLOW_DETAILS.upvotes);
    expect(kept.map(([id, links]) => [id, links.totals])).toEqual([[STARFLOW_DETAILS.id, { models: 5, datasets: 3, spaces: 4 }]]);
    expect(server.requests).toHaveLength(1);
  });
});
