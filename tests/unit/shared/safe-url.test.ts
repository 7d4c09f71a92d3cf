import { describe, expect, it } from 'vitest';
import { githubRepoKey, parseGithubRepo, safeHttpsUrl } from '../../../lib/shared/safe-url';

describe('safeHttpsUrl', () => {
  it.each([
    ['https://starflow.github.io', 'https://starflow.github.io/'],
    ['https://huggingface.co/papers/2506.06276?x=1#y', 'https://huggingface.co/papers/2506.06276?x=1#y'],
    ['  https://Example.ORG/a b  ', 'https://example.org/a%20b'],
    ['HTTPS://example.org/', 'https://example.org/'],
  ])('keeps %s as %s', (input, expected) => {
    expect(safeHttpsUrl(input)).toBe(expected);
  });

  it.each([
    'http://example.org/',
    'javascript:alert(1)',
    ' javascript:alert(1)',
    'JAVASCRIPT:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/',
    'chrome-extension://abcdefghijklmnop/popup.html',
    'blob:https://example.org/1234',
    '//example.org/',
    '/relative/path',
    'example.org',
    'https://user:secret@example.org/',
    'https://user@example.org/',
    '',
    'https://',
    `https://example.org/${'a'.repeat(2100)}`,
  ])('drops %s', (input) => {
    expect(safeHttpsUrl(input)).toBeUndefined();
  });

  it('drops what is not a string', () => {
    for (const input of [undefined, null, 42, {}, ['https://example.org/'], new URL('https://example.org/')]) {
      expect(safeHttpsUrl(input)).toBeUndefined();
    }
  });
});

describe('parseGithubRepo', () => {
  it.each([
    ['https://github.com/apple/ml-starflow', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/Apple/ML-StarFlow', 'https://github.com/Apple/ML-StarFlow', 'apple/ml-starflow'],
    ['https://GITHUB.COM/apple/ml-starflow', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://www.github.com/apple/ml-starflow', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow.git', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow.GIT', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow///', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow/blob/main/README.md', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/apple/ml-starflow?tab=readme-ov-file#readme', 'https://github.com/apple/ml-starflow', 'apple/ml-starflow'],
    ['https://github.com/FoundationVision/VAR', 'https://github.com/FoundationVision/VAR', 'foundationvision/var'],
    ['https://github.com/user_1/repo.name_2', 'https://github.com/user_1/repo.name_2', 'user_1/repo.name_2'],
  ])('accepts %s', (input, url, key) => {
    expect(parseGithubRepo(input)).toEqual({ url, key });
  });

  it.each([
    'https://gitlab.com/apple/ml-starflow',
    'https://gist.github.com/apple/1234',
    'https://raw.githubusercontent.com/apple/ml-starflow/main/README.md',
    'http://github.com/apple/ml-starflow',
    'javascript:alert(1)',
    'javascript://github.com/apple/ml-starflow',
    'data:text/html,https://github.com/apple/ml-starflow',
    'https://github.com',
    'https://github.com/apple',
    'https://github.com/apple/.git',
    'https://github.com/orgs/apple',
    'https://github.com/settings/profile',
    'https://github.com/apple/ml<starflow',
    'https://github.com.evil.example/apple/ml-starflow',
    'https://evil.example/https://github.com/apple/ml-starflow',
    'https://token@github.com/apple/ml-starflow',
    'github.com/apple/ml-starflow',
    'apple/ml-starflow',
    'git@github.com:apple/ml-starflow.git',
    'https://github.com/apple/ml starflow',
  ])('rejects %s', (input) => {
    expect(parseGithubRepo(input)).toBeUndefined();
  });

  it('rejects what is not a string', () => {
    expect(parseGithubRepo(undefined)).toBeUndefined();
    expect(parseGithubRepo({ url: 'https://github.com/apple/ml-starflow' })).toBeUndefined();
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

  it.each(['', 'apple', 'apple/', '/x', 'a/b/c', 'a b/c', 'orgs/apple', 'apple/..', 'apple/ml-starflow?x=1', 'apple/ml#x'])('refuses %j', (input) => {
    expect(githubRepoKey(input)).toBeUndefined();
  });
});
