// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { githubColorScheme } from '../../../../lib/sites/github/color-mode';
import { parse } from './fixture-documents';

const page = (mode?: string) => parse(`<html ${mode === undefined ? '' : `data-color-mode="${mode}"`} data-light-theme="light" data-dark-theme="dark"><body></body></html>`);

describe('githubColorScheme', () => {
  it('follows a fixed light or dark choice whatever the system says', () => {
    expect(githubColorScheme(page('dark'), false)).toBe('dark');
    expect(githubColorScheme(page('light'), true)).toBe('light');
  });

  it('follows the system in auto mode, or when the page says nothing', () => {
    expect(githubColorScheme(page('auto'), true)).toBe('dark');
    expect(githubColorScheme(page('auto'), false)).toBe('light');
    expect(githubColorScheme(page(), true)).toBe('dark');
    expect(githubColorScheme(page('sepia'), false)).toBe('light');
  });
});
