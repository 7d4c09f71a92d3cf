import { describe, expect, it } from 'vitest';
import { HfClient, MAX_ANSWER_BYTES, MAX_ANSWER_ITEMS, type HfClientOptions } from '../../../../lib/background/hf/client';
import { HfError } from '../../../../lib/background/hf/errors';
import { HfCallLimits } from '../../../../lib/background/hf/call-limits';
import { dailyItem, dayItems, fakeTime, jsonResponse, rawPaper, STARFLOW_ID } from '../../support/builders';
import { fakeHf, type FakeHfOptions } from '../../support/fake-hf';

const NOW = '2025-06-11T12:00:00Z';
const DAY = '2025-06-09';
const API = 'https://huggingface.co/api';

/** A client on a fake HF, with a fake clock and a sleep that only records its waits. */
function setup(hf: FakeHfOptions = {}, options: HfClientOptions = {}) {
  const time = fakeTime(NOW);
  const server = fakeHf(hf);
  const client = new HfClient({ fetch: server.fetch, sleep: time.sleep, now: time.now, ...options });
  return { client, server, time };
}

/** A fake HF whose every answer comes from `answer`, called with the 0-based request number. */
function scripted(answer: (n: number, url: URL) => Response | Promise<Response>): FakeHfOptions {
  let n = 0;
  return { override: (url) => answer(n++, url) };
}

async function hfError(promise: Promise<unknown>): Promise<HfError> {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(HfError);
  return error as HfError;
}

describe('HfClient.dailyPapers', () => {
  it('asks for the day with limit=100 and returns its papers', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 12) } });
    const answer = await client.dailyPapers(DAY);
    expect(server.requests).toEqual([`${API}/daily_papers?date=2025-06-09&limit=100`]);
    expect(answer.status).toBe('ok');
    if (answer.status !== 'ok') return;
    expect(answer.papers).toHaveLength(12);
    expect(answer.dropped).toBe(0);
    expect(answer.papers[0]?.title).toBe('STARFlow: Scaling Latent Normalizing Flows for High-resolution Image Synthesis');
    expect(client.calls).toBe(1);
  });

  it('pages with p while a page is full, and stops at the first short page', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 250) } });
    const answer = await client.dailyPapers(DAY);
    expect(server.requests).toEqual([
      `${API}/daily_papers?date=2025-06-09&limit=100`,
      `${API}/daily_papers?date=2025-06-09&limit=100&p=1`,
      `${API}/daily_papers?date=2025-06-09&limit=100&p=2`,
    ]);
    expect(answer.status === 'ok' && new Set(answer.papers.map((p) => p.id)).size).toBe(250);
    expect(client.calls).toBe(3);
  });

  it('asks for the next page when a page has exactly 100 items, and stops on the empty one', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 100) } });
    const answer = await client.dailyPapers(DAY);
    expect(server.requests).toHaveLength(2);
    expect(server.requests[1]).toBe(`${API}/daily_papers?date=2025-06-09&limit=100&p=1`);
    expect(answer.status === 'ok' && answer.papers.length).toBe(100);
  });

  it('with maxPages stops after that many pages and says a full last page may have more', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 250) } });
    const answer = await client.dailyPapers(DAY, { maxPages: 1 });
    expect(server.requests).toEqual([`${API}/daily_papers?date=2025-06-09&limit=100`]);
    expect(answer).toMatchObject({ status: 'ok', complete: false });
    expect(answer.status === 'ok' && answer.papers).toHaveLength(100);
  });

  it('with maxPages says a short last page ends the day', async () => {
    const { client } = setup({ days: { [DAY]: dayItems(DAY, 40) } });
    expect(await client.dailyPapers(DAY, { maxPages: 1 })).toMatchObject({ status: 'ok', complete: true });
    expect((await client.dailyPapers(DAY)) as unknown).toMatchObject({ status: 'ok', complete: true });
  });

  it('goes on from a later page, knowing the ids already read', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 250) } });
    const first = await client.dailyPapers(DAY, { maxPages: 1 });
    const seen = first.status === 'ok' ? first.papers.map((p) => p.id) : [];
    const rest = await client.dailyPapers(DAY, { fromPage: 1, maxPages: 5, seen });
    expect(server.requests.slice(1)).toEqual([
      `${API}/daily_papers?date=2025-06-09&limit=100&p=1`,
      `${API}/daily_papers?date=2025-06-09&limit=100&p=2`,
    ]);
    expect(rest).toMatchObject({ status: 'ok', complete: true });
    expect(rest.status === 'ok' && new Set([...seen, ...rest.papers.map((p) => p.id)]).size).toBe(250);
  });

  it('going on from a later page, notices at once a server that ignores p', async () => {
    const items = dayItems(DAY, 100);
    const { client, server } = setup({ override: (url) => (url.searchParams.get('date') === DAY ? jsonResponse(items) : undefined) });
    const first = await client.dailyPapers(DAY, { maxPages: 1 });
    const seen = first.status === 'ok' ? first.papers.map((p) => p.id) : [];
    const rest = await client.dailyPapers(DAY, { fromPage: 1, seen });
    expect(server.requests).toHaveLength(2);
    expect(rest).toEqual({ status: 'ok', papers: [], dropped: 0, complete: true });
  });

  it('does not ask for a second page after 99 items', async () => {
    const { client, server } = setup({ days: { [DAY]: dayItems(DAY, 99) } });
    await client.dailyPapers(DAY);
    expect(server.requests).toHaveLength(1);
  });

  it('counts a page as full by its items, dropped ones included', async () => {
    const items = dayItems(DAY, 130);
    items[5] = { paper: { id: 'abc' } };
    items[50] = null as unknown as Record<string, unknown>;
    const { client, server } = setup({ days: { [DAY]: items } });
    const answer = await client.dailyPapers(DAY);
    expect(server.requests).toHaveLength(2);
    expect(answer).toMatchObject({ status: 'ok', dropped: 2 });
    expect(answer.status === 'ok' && answer.papers.length).toBe(128);
  });

  it('answers not-open when HF says 400 for the date', async () => {
    const { client, server } = setup({ today: () => '2025-06-11' });
    expect(await client.dailyPapers('2025-06-12')).toEqual({ status: 'not-open' });
    expect(server.requests).toHaveLength(1);
    expect(client.calls).toBe(1);
  });

  it('keeps the pages it has when a later page answers 400', async () => {
    const { client } = setup(
      scripted((n) => (n === 0 ? jsonResponse(dayItems(DAY, 100)) : new Response('{"error":"bad page"}', { status: 400 }))),
    );
    const answer = await client.dailyPapers(DAY);
    expect(answer.status === 'ok' && answer.papers.length).toBe(100);
  });

  it('stops after 20 pages when the server never stops sending full pages of new papers', async () => {
    const page = (n: number) =>
      Array.from({ length: 100 }, (_, i) => dailyItem({ id: `2511.${String(10_000 + n * 100 + i)}` }));
    const { client } = setup(scripted((n) => jsonResponse(page(n))));
    await client.dailyPapers(DAY);
    expect(client.calls).toBe(20);
  });

  it('stops when a page brings nothing new (a server that ignores `p`), without duplicates', async () => {
    const { client } = setup(scripted(() => jsonResponse(dayItems(DAY, 100))));
    const answer = await client.dailyPapers(DAY);
    expect(client.calls).toBe(2);
    expect(answer.status === 'ok' && answer.papers).toHaveLength(100);
  });

  it('sends no cookies and asks for JSON', async () => {
    const inits: (RequestInit | undefined)[] = [];
    const client = new HfClient({
      fetch: async (_input, init) => {
        inits.push(init);
        return jsonResponse([]);
      },
      sleep: async () => {},
    });
    await client.dailyPapers(DAY);
    expect(inits[0]?.credentials).toBe('omit');
    expect(inits[0]?.headers).toEqual({ accept: 'application/json' });
    expect(inits[0]?.signal).toBeInstanceOf(AbortSignal);
  });

  it('stamps papers with the time of the clock it was given', async () => {
    const { client } = setup({ days: { [DAY]: dayItems(DAY, 1) } });
    const answer = await client.dailyPapers(DAY);
    expect(answer.status === 'ok' && answer.papers[0]?.fetchedAt).toBe(Date.parse(NOW));
  });
});

describe('HfClient.trending and HfClient.paper', () => {
  it('asks for the trending list as hf-api.md says and keeps its order', async () => {
    const trending = [dailyItem({ id: '2506.05209', upvotes: 3 }, {}, 1), dailyItem({ id: STARFLOW_ID, upvotes: 90 })];
    const { client, server } = setup({ trending });
    const list = await client.trending();
    expect(server.requests).toEqual([`${API}/daily_papers?sort=trending&limit=100`]);
    expect(list.papers.map((p) => p.id)).toEqual(['2506.05209', STARFLOW_ID]);
  });

  it('asks for one paper at /api/papers/{id}', async () => {
    const { client, server } = setup({ papers: { [STARFLOW_ID]: rawPaper({ upvotes: 64 }) } });
    const paper = await client.paper(STARFLOW_ID);
    expect(server.requests).toEqual([`${API}/papers/2506.06276`]);
    expect(paper?.upvotes).toBe(64);
    expect(paper?.githubRepoKey).toBe('apple/ml-starflow');
  });

  it('answers undefined when HF has no page for the paper (404), without retrying', async () => {
    const { client, time } = setup();
    expect(await client.paper('2506.99999')).toBeUndefined();
    expect(client.calls).toBe(1);
    expect(time.waits).toEqual([]);
  });

  it('answers undefined when HF answers with another paper than the one asked', async () => {
    const { client } = setup(scripted(() => jsonResponse(rawPaper({ id: '2506.05209' }))));
    expect(await client.paper(STARFLOW_ID)).toBeUndefined();
  });

  it('reports a paper object that fails validation as malformed', async () => {
    const { client } = setup({ papers: { [STARFLOW_ID]: rawPaper({ upvotes: 'many' }) } });
    expect((await hfError(client.paper(STARFLOW_ID))).kind).toBe('malformed');
  });
});

describe('HfClient: rate limits', () => {
  it('waits the t seconds of a 429 RateLimit header, then retries', async () => {
    const { client, time } = setup(
      scripted((n) =>
        n === 0
          ? new Response('rate limited', { status: 429, headers: { RateLimit: '"api";r=0;t=7', 'RateLimit-Policy': '"fixed window";q=500;w=300' } })
          : jsonResponse(dayItems(DAY, 3)),
      ),
    );
    const answer = await client.dailyPapers(DAY);
    expect(time.waits).toEqual([7_000]);
    expect(answer.status === 'ok' && answer.papers.length).toBe(3);
    expect(client.calls).toBe(2);
  });

  it('waits the seconds of Retry-After', async () => {
    const { client, time } = setup(
      scripted((n) => (n === 0 ? new Response('', { status: 429, headers: { 'Retry-After': '12' } }) : jsonResponse([]))),
    );
    await client.trending();
    expect(time.waits).toEqual([12_000]);
  });

  it('backs off on its own when a 429 says nothing about how long', async () => {
    const { client, time } = setup(scripted((n) => (n < 2 ? new Response('', { status: 429 }) : jsonResponse([]))));
    await client.trending();
    expect(time.waits).toEqual([1_000, 2_000]);
  });

  it('does not wait out a 429 longer than maxInlineWaitMs: it throws rate-limited with retryAt', async () => {
    const { client, time } = setup(
      scripted(() => new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=300' } })),
      { maxInlineWaitMs: 20_000 },
    );
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('rate-limited');
    expect(error.status).toBe(429);
    expect(error.retryAt).toBe(Date.parse(NOW) + 300_000);
    expect(time.waits).toEqual([]);
    expect(client.calls).toBe(1);
  });

  it('gives up with rate-limited after its retries when HF keeps answering 429', async () => {
    const { client, time } = setup(
      scripted(() => new Response('', { status: 429, headers: { RateLimit: '"api";r=0;t=2' } })),
      { retries: 3 },
    );
    const error = await hfError(client.trending());
    expect(error.kind).toBe('rate-limited');
    expect(error.retryAt).toBe(Date.parse(NOW) + 2_000);
    expect(time.waits).toEqual([2_000, 2_000, 2_000]);
    expect(client.calls).toBe(4);
  });
});

describe('HfClient: failures', () => {
  it('retries a 5xx with exponential backoff, then throws server', async () => {
    const { client, time } = setup(scripted(() => new Response('<html>Bad gateway</html>', { status: 502 })), {
      retries: 3,
      backoffMs: 1_000,
    });
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('server');
    expect(error.status).toBe(502);
    expect(time.waits).toEqual([1_000, 2_000, 4_000]);
    expect(client.calls).toBe(4);
  });

  it('recovers when a 5xx is followed by a good answer', async () => {
    const { client, time } = setup(scripted((n) => (n < 2 ? new Response('', { status: 503 }) : jsonResponse(dayItems(DAY, 2)))));
    const answer = await client.dailyPapers(DAY);
    expect(answer.status === 'ok' && answer.papers.length).toBe(2);
    expect(time.waits).toEqual([1_000, 2_000]);
    expect(client.calls).toBe(3);
  });

  it('reports a network error as offline after its retries', async () => {
    const { client, time } = setup(
      scripted(() => {
        throw new TypeError('Failed to fetch');
      }),
      { retries: 2, backoffMs: 500 },
    );
    const error = await hfError(client.trending());
    expect(error.kind).toBe('offline');
    expect(time.waits).toEqual([500, 1_000]);
    expect(client.calls).toBe(3);
  });

  it('aborts a request that never answers after timeoutMs and reports timeout', async () => {
    const signals: AbortSignal[] = [];
    const neverAnswers: typeof fetch = (_input, init) =>
      new Promise<Response>((_resolve, reject) => {
        const signal = init?.signal;
        if (!signal) return;
        signals.push(signal);
        signal.addEventListener('abort', () => reject(new DOMException('The operation was aborted.', 'AbortError')));
      });
    const time = fakeTime(NOW);
    const client = new HfClient({ fetch: neverAnswers, sleep: time.sleep, now: time.now, timeoutMs: 20, retries: 1 });
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('timeout');
    expect(client.calls).toBe(2);
    expect(signals.every((s) => s.aborted)).toBe(true);
  });

  it('times out a body that never ends, too', async () => {
    const stalledBody: typeof fetch = async (_input, init) => {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('[{"paper":'));
          init?.signal?.addEventListener('abort', () => controller.error(new DOMException('aborted', 'AbortError')));
        },
      });
      return new Response(body, { status: 200 });
    };
    const client = new HfClient({ fetch: stalledBody, sleep: async () => {}, timeoutMs: 20, retries: 0 });
    expect((await hfError(client.trending())).kind).toBe('timeout');
  });

  it.each([
    ['truncated JSON', '[{"paper":{"id":"2506.06276","title":"STARFlow"'],
    ['an empty body', ''],
    ['an HTML page', '<!doctype html><title>Hugging Face</title>'],
    ['an object instead of a list', '{"error":"Internal"}'],
    ['null', 'null'],
  ])('reports %s as malformed, without retrying', async (_, body) => {
    const { client, time } = setup(scripted(() => new Response(body, { status: 200 })));
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('malformed');
    expect(client.calls).toBe(1);
    expect(time.waits).toEqual([]);
  });

  it.each([401, 403, 404, 410])('reports %i for a day as http, without retrying', async (status) => {
    const { client } = setup(scripted(() => new Response('', { status })));
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('http');
    expect(error.status).toBe(status);
    expect(client.calls).toBe(1);
  });
});

describe('HfClient.calls', () => {
  it('counts every request, retries and pages included, across calls', async () => {
    let failuresLeft = 2;
    const { client } = setup({
      days: { [DAY]: dayItems(DAY, 150) },
      trending: dayItems(DAY, 5),
      override: (url) => {
        if (url.searchParams.get('sort') === 'trending' && failuresLeft > 0) {
          failuresLeft--;
          return new Response('', { status: 500 });
        }
        return undefined;
      },
    });
    await client.dailyPapers(DAY); // 2 pages
    await client.trending(); // 2 failures + 1 answer
    await client.paper('2506.99999'); // 404
    expect(client.calls).toBe(6);
  });
});

describe('HfClient.searchPapers', () => {
  it('asks /api/papers/search with q and limit, and reads wrapped and flat items', async () => {
    const { client, server } = setup(
      scripted((_, url) =>
        url.pathname === '/api/papers/search'
          ? jsonResponse([dailyItem({ id: '2401.00001' }), rawPaper({ id: '2401.00002' })])
          : new Response('no', { status: 404 }),
      ),
    );
    const answer = await client.searchPapers('  normalizing flows ', 30);
    expect(server.requests).toEqual([`${API}/papers/search?q=normalizing+flows&limit=30`]);
    expect(answer.papers.map((p) => p.id)).toEqual(['2401.00001', '2401.00002']);
  });

  it('cuts the query to HF’s 250 characters and the limit to 1–120', async () => {
    const { client, server } = setup(scripted(() => jsonResponse([])));
    await client.searchPapers('x'.repeat(400), 500);
    const url = new URL(server.requests[0]!);
    expect(url.searchParams.get('q')).toHaveLength(250);
    expect(url.searchParams.get('limit')).toBe('120');
  });

  it('asks nothing for an empty query', async () => {
    const { client, server } = setup(scripted(() => jsonResponse([])));
    expect(await client.searchPapers('   ')).toEqual({ papers: [], dropped: 0 });
    expect(server.requests).toEqual([]);
  });

  it('turns a 429 into a rate-limited HfError when the wait is longer than the caller allows', async () => {
    const { client } = setup(
      scripted(() => new Response('slow down', { status: 429, headers: { RateLimit: '"api";r=0;t=120' } })),
      { maxInlineWaitMs: 0 },
    );
    const error = await hfError(client.searchPapers('flows'));
    expect(error.kind).toBe('rate-limited');
  });

  it('reports a non-list answer as malformed', async () => {
    const { client } = setup(scripted(() => jsonResponse({ error: 'x' })));
    expect((await hfError(client.searchPapers('flows'))).kind).toBe('malformed');
  });
});

/** `count` distinct minimal daily items (valid ids across months, as compact as HF's shape allows). */
function manyItems(count: number): string {
  const items: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = `25${String(1 + Math.floor(i / 99_999)).padStart(2, '0')}.${String(1 + (i % 99_999)).padStart(5, '0')}`;
    items.push(`{"paper":{"id":"${id}","title":"t","upvotes":0}}`);
  }
  return `[${items.join(',')}]`;
}

describe('HfClient: answers too large to read', () => {
  it('stops reading an answer past 8 MB, refuses it as too large, and does not ask again', async () => {
    let sent = 0;
    // 20 MB of whitespace before a valid `[]`: read whole, it would pass.
    const chunk = new TextEncoder().encode(' '.repeat(64 * 1024));
    const huge = (): Response =>
      new Response(
        new ReadableStream<Uint8Array>({
          pull(controller) {
            if (sent >= 20 * 1024 * 1024) {
              controller.enqueue(new TextEncoder().encode('[]'));
              controller.close();
              return;
            }
            sent += chunk.byteLength;
            controller.enqueue(chunk);
          },
        }),
        { status: 200 },
      );
    const { client } = setup(scripted(huge));
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('too-large');
    expect(sent).toBeLessThanOrEqual(MAX_ANSWER_BYTES + 2 * chunk.byteLength);
    expect(client.calls).toBe(1);
  });

  it('refuses an answer whose Content-Length is past the limit without reading it', async () => {
    let pulls = 0;
    const { client } = setup(
      scripted(
        () =>
          new Response(
            new ReadableStream<Uint8Array>({
              pull(controller) {
                pulls++;
                controller.enqueue(new TextEncoder().encode(pulls < 3 ? ' ' : '[]'));
                if (pulls >= 3) controller.close();
              },
            }),
            { status: 200, headers: { 'content-length': String(MAX_ANSWER_BYTES + 1) } },
          ),
      ),
    );
    expect((await hfError(client.trending())).kind).toBe('too-large');
    // The stream may be asked for its first chunk when it is made, never read on.
    expect(pulls).toBeLessThanOrEqual(1);
  });

  it('refuses a list of more than 1,000 items', async () => {
    const { client } = setup(scripted(() => new Response(manyItems(MAX_ANSWER_ITEMS + 1), { status: 200 })));
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('too-large');
    expect(MAX_ANSWER_ITEMS).toBe(1_000);
  });

  it('reads a list of 1,000 items', async () => {
    const { client } = setup(scripted((n) => new Response(n === 0 ? manyItems(MAX_ANSWER_ITEMS) : '[]', { status: 200 })));
    const answer = await client.dailyPapers(DAY, { maxPages: 1 });
    expect(answer.status === 'ok' && answer.papers.length).toBe(MAX_ANSWER_ITEMS);
  });

  it('refuses a list of 150,000 items as too large instead of failing on it', async () => {
    const body = manyItems(150_000);
    expect(body.length).toBeLessThan(MAX_ANSWER_BYTES);
    const { client } = setup(scripted(() => new Response(body, { status: 200 })));
    const error = await hfError(client.dailyPapers(DAY));
    expect(error.kind).toBe('too-large');
  });
});

describe('HfClient: the background’s call limits', () => {
  it('asks its guard before every request, retries included', async () => {
    const admitted: number[] = [];
    const guard = { admit: async (now: number) => void admitted.push(now), hfSaidWait: () => undefined };
    const { client } = setup(scripted((n) => (n < 2 ? new Response('', { status: 503 }) : jsonResponse([]))), { guard });
    await client.trending();
    expect(admitted).toHaveLength(3);
    expect(client.calls).toBe(3);
  });

  it('sends nothing when its guard refuses, and says when calls may resume', async () => {
    const guard = {
      admit: async () => {
        throw new HfError('rate-limited', 'wait', 12_345);
      },
      hfSaidWait: () => undefined,
    };
    const { client, server } = setup({}, { guard });
    const error = await hfError(client.paper(STARFLOW_ID));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAt: 12_345 });
    expect(server.requests).toEqual([]);
    expect(client.calls).toBe(0);
  });

  it('tells every other caller of a 429: their clients send nothing until HF’s time, this one retries after waiting it out', async () => {
    const limits = new HfCallLimits();
    let answers = 0;
    const rateLimitedOnce = () => (answers++ === 0 ? new Response('slow down', { status: 429, headers: { 'retry-after': '10' } }) : undefined);
    const sync = setup({ override: rateLimitedOnce }, { guard: limits.gate });
    const lookups = setup({}, { guard: limits.forPages });

    // The sync's client waits the 10 s in place and retries (its fake clock does not move: only its own
    // retry is let through, the gate stays closed for the others).
    expect((await sync.client.trending()).papers).toEqual([]);
    expect(sync.time.waits).toEqual([10_000]);
    expect(sync.client.calls).toBe(2);

    const error = await hfError(lookups.client.paper(STARFLOW_ID));
    expect(error).toMatchObject({ kind: 'rate-limited', retryAt: Date.parse(NOW) + 10_000 });
    expect(lookups.server.requests).toEqual([]);
    lookups.time.advance(10_000);
    expect(await lookups.client.paper(STARFLOW_ID)).toBeUndefined();
    expect(lookups.server.requests).toHaveLength(1);
  });
});
