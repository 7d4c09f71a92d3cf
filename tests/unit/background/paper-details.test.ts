import { describe, expect, it } from 'vitest';
import { HfClient } from '../../../lib/background/hf/client';
import { cachedPaperLinks, COMMENTS_TTL_MS, LINKS_TTL_MS, paperComments, paperLinks, type PaperDetailsDeps } from '../../../lib/background/paper-details';
import { clearCache } from '../../../lib/options/clear-cache';
import { fakeTime, useTestDb } from '../support/builders';
import { fakeHf } from '../support/fake-hf';
import { STARFLOW_COMMENTS_ANSWER, STARFLOW_DETAILS } from '../../fixtures/hf-paper-details';
import { DATABASE_ID_KEY } from '../../../lib/shared/storage-keys';

const NOW = Date.parse('2025-06-11T12:00:00Z');
const ID = STARFLOW_DETAILS.id;
const db = useTestDb();
/** The cached rows: every kv row but the database's id (lib/shared/db.ts). */
const cachedCount = () => db().kv.where('key').notEqual(DATABASE_ID_KEY).count();

function setup(options: { allowed?: boolean; fail?: boolean } = {}) {
  const time = fakeTime(NOW);
  const hf = fakeHf({
    override: (url) => {
      if (options.fail) return new Response('oops', { status: 503 });
      if (url.pathname !== `/api/papers/${ID}`) return undefined;
      const body = url.searchParams.get('field') === 'comments' ? STARFLOW_COMMENTS_ANSWER : STARFLOW_DETAILS;
      return new Response(JSON.stringify(body), { status: 200 });
    },
  });
  const deps: PaperDetailsDeps = {
    db: db(),
    now: time.now,
    allowed: async () => options.allowed ?? true,
    client: () => new HfClient({ fetch: hf.fetch, sleep: time.sleep, now: time.now, retries: 0 }),
  };
  return { hf, time, deps };
}

describe('paper details', () => {
  it('asks HF once for the linked lists and keeps them a day', async () => {
    const { hf, time, deps } = setup();
    const first = await paperLinks(deps, ID);
    expect(first.ok && first.links.totals).toEqual({ models: 5, datasets: 3, spaces: 4 });
    time.advance(LINKS_TTL_MS - 1);
    expect(await paperLinks(deps, ID)).toEqual(first);
    expect(hf.requests).toEqual([`https://huggingface.co/api/papers/${ID}`]);
    time.advance(1);
    await paperLinks(deps, ID);
    expect(hf.requests).toHaveLength(2);
  });

  it('asks for the discussion with ?field=comments and keeps it an hour', async () => {
    const { hf, time, deps } = setup();
    const first = await paperComments(deps, ID);
    expect(first.ok && first.discussion.totalThreads).toBe(2);
    time.advance(COMMENTS_TTL_MS - 1);
    await paperComments(deps, ID);
    time.advance(1);
    await paperComments(deps, ID);
    expect(hf.requests).toEqual([`https://huggingface.co/api/papers/${ID}?field=comments`, `https://huggingface.co/api/papers/${ID}?field=comments`]);
  });

  it('reads the cached lists for GitHub and the popup without asking HF, whatever their age', async () => {
    const { hf, time, deps } = setup();
    expect(await cachedPaperLinks(deps.db, [ID])).toEqual(new Map());
    const first = await paperLinks(deps, ID);
    time.advance(3 * LINKS_TTL_MS);
    const requests = hf.requests.length;
    const cached = await cachedPaperLinks(deps.db, [ID, '2404.02905']);
    expect([...cached.keys()]).toEqual([ID]);
    expect(first.ok && cached.get(ID)).toEqual(first.ok && first.links);
    expect(hf.requests.length).toBe(requests);
  });

  it('sends nothing when not allowed, even with a cached answer', async () => {
    const { hf, deps } = setup({ allowed: false });
    expect(await paperLinks(deps, ID)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(await paperComments(deps, ID)).toEqual({ ok: false, reason: 'not-allowed' });
    expect(hf.requests).toEqual([]);
  });

  it('reports a failure without caching it, and a paper HF has no page for as nothing linked', async () => {
    const failing = setup({ fail: true });
    expect(await paperLinks(failing.deps, ID)).toEqual({ ok: false, reason: 'failed' });
    expect(await cachedCount()).toBe(0);
    const { deps } = setup();
    const unknown = await paperLinks(deps, '2507.00404');
    expect(unknown.ok && unknown.links.totals).toEqual({ models: 0, datasets: 0, spaces: 0 });
  });

  it('"Clear the cache" forgets them', async () => {
    const { deps } = setup();
    await paperLinks(deps, ID);
    await paperComments(deps, ID);
    expect(await cachedCount()).toBe(2);
    await clearCache(db(), { keepSaved: true });
    expect(await cachedCount()).toBe(0);
  });
});
