/** The `papersForRepo` request: checked on arrival, answered from the local database only. */
import { describe, expect, it, vi } from 'vitest';
import { RequestSchema } from '../../../lib/message-schema';
import { handleRequest, RefusedRequestError, type RequestContext } from '../../../lib/request-handler';
import { githubRepoKey } from '../../../lib/safe-url';
import { makePaper } from '../builders';

const OWN_ID = 'own-extension';

function context(overrides: Partial<RequestContext> = {}): RequestContext {
  return {
    senderId: OWN_ID,
    ownId: OWN_ID,
    lookup: vi.fn(async () => new Map()),
    papersForRepo: vi.fn(async () => []),
    syncNow: vi.fn(async () => {
      throw new Error('not in this test');
    }),
    ...overrides,
  };
}

describe('papersForRepo request', () => {
  it('answers the stored papers of the repository, without their abstracts', async () => {
    const paper = makePaper({ summary: 'The abstract stays in the background.' });
    const papersForRepo = vi.fn(async () => [paper]);
    const answer = await handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, context({ papersForRepo }));
    expect(papersForRepo).toHaveBeenCalledWith('apple/ml-starflow');
    expect(answer).toEqual({ papers: [expect.objectContaining({ id: paper.id, title: paper.title, upvotes: paper.upvotes })] });
    expect(JSON.stringify(answer)).not.toContain('The abstract stays');
  });

  it('never goes live: only the repository function is asked, never a lookup', async () => {
    const ctx = context();
    await handleRequest({ type: 'papersForRepo', repo: 'Apple/ML-StarFlow' }, ctx);
    expect(ctx.lookup).not.toHaveBeenCalled();
    expect(ctx.papersForRepo).toHaveBeenCalledTimes(1);
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
    const ctx = context();
    expect(RequestSchema.safeParse(message).success).toBe(false);
    await expect(handleRequest(message, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.papersForRepo).not.toHaveBeenCalled();
  });

  it('refuses it from outside the extension', async () => {
    const ctx = context({ senderId: 'someone-else' });
    await expect(handleRequest({ type: 'papersForRepo', repo: 'apple/ml-starflow' }, ctx)).rejects.toBeInstanceOf(RefusedRequestError);
    expect(ctx.papersForRepo).not.toHaveBeenCalled();
  });
});

describe('githubRepoKey', () => {
  it.each([
    ['apple/ml-starflow', 'apple/ml-starflow'],
    ['Apple/ML-StarFlow', 'apple/ml-starflow'],
    ['apple/ml-starflow.git', 'apple/ml-starflow'],
    ['a_b/c.d-e', 'a_b/c.d-e'],
  ])('reads %s as %s', (input, key) => {
    expect(githubRepoKey(input)).toBe(key);
  });

  it.each(['', 'apple', 'apple/', '/x', 'a/b/c', 'a b/c', 'orgs/apple', 'apple/..', 'apple/ml-starflow?x=1', 'apple/ml#x'])(
    'refuses %j',
    (input) => {
      expect(githubRepoKey(input)).toBeUndefined();
    },
  );
});
