// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { repoOfPage } from '../../../../lib/sites/github/repo-of-page';
import { fixtureDocument, parse } from './fixture-documents';

const withHead = (head: string) => parse(`<!DOCTYPE html><html><head>${head}</head><body></body></html>`);
const nwo = (value: string) => `<meta name="octolytics-dimension-repository_nwo" content="${value}">`;
const route = (value: string) => `<meta name="route-pattern" content="${value}">`;

describe('repoOfPage', () => {
  it('reads the repository from the fixture pages of a repository', () => {
    expect(repoOfPage('https://github.com/apple/ml-starflow', fixtureDocument('repo-page'))).toEqual({
      url: 'https://github.com/apple/ml-starflow',
      key: 'apple/ml-starflow',
    });
    expect(repoOfPage('https://github.com/apple/ml-starflow/tree/main/src', fixtureDocument('repo-tree-page'))?.key).toBe('apple/ml-starflow');
    expect(repoOfPage('https://github.com/huggingface/transformers/issues/12345', fixtureDocument('issue-page'))?.key).toBe('huggingface/transformers');
    expect(repoOfPage('https://github.com/huggingface/transformers/pull/777', fixtureDocument('pull-page'))?.key).toBe('huggingface/transformers');
  });

  it('finds nothing on pages outside a repository', () => {
    expect(repoOfPage('https://github.com/', fixtureDocument('dashboard-page'))).toBeUndefined();
    expect(repoOfPage('https://github.com/octocat', fixtureDocument('profile-page'))).toBeUndefined();
  });

  it.each([
    'https://github.com/Apple/ML-StarFlow',
    'https://github.com/apple/ml-starflow/',
    'https://github.com/apple/ml-starflow.git',
    'https://github.com/apple/ml-starflow/tree/main/src/models?plain=1#L10',
    'https://www.github.com/apple/ml-starflow/blob/main/README.md',
  ])('is tolerant of how the URL is written: %s', (url) => {
    expect(repoOfPage(url, withHead(nwo('apple/ml-starflow')))?.key).toBe('apple/ml-starflow');
  });

  it('keeps the case GitHub states for the link, and matches in lower case', () => {
    expect(repoOfPage('https://github.com/apple/ml-starflow', withHead(nwo('Apple/ML-StarFlow')))).toEqual({
      url: 'https://github.com/Apple/ML-StarFlow',
      key: 'apple/ml-starflow',
    });
  });

  it('ignores a stale <head> that names another repository than the URL (mid soft navigation)', () => {
    expect(repoOfPage('https://github.com/apple/other-repo/issues', withHead(nwo('apple/ml-starflow')))).toBeUndefined();
  });

  it('falls back to the URL only when the route is a repository route', () => {
    expect(repoOfPage('https://github.com/apple/ml-starflow/issues', withHead(route('/:user_id/:repository/issues(.:format)')))?.key).toBe(
      'apple/ml-starflow',
    );
    expect(repoOfPage('https://github.com/trending/python', withHead(route('/trending/:language')))).toBeUndefined();
    expect(repoOfPage('https://github.com/settings/profile', withHead(''))).toBeUndefined();
  });

  it.each([
    ['http://github.com/apple/ml-starflow', nwo('apple/ml-starflow')],
    ['https://gist.github.com/apple/ml-starflow', nwo('apple/ml-starflow')],
    ['https://github.com/apple/ml-starflow', nwo('apple/ml-starflow/extra')],
    ['https://github.com/apple/ml-starflow', nwo('<img src=x onerror=alert(1)>')],
    ['https://github.com/orgs/apple', nwo('orgs/apple')],
    ['not a url', nwo('apple/ml-starflow')],
  ])('refuses %s with %s', (url, head) => {
    expect(repoOfPage(url, withHead(head))).toBeUndefined();
  });
});
