import { describe, expect, it } from 'vitest';
import { describeHfError, HfError } from '../../../../lib/background/hf/errors';
import type { HfErrorKind } from '../../../../lib/shared/sync-state';

const KINDS: HfErrorKind[] = ['offline', 'timeout', 'rate-limited', 'server', 'malformed', 'too-large', 'http'];

describe('describeHfError', () => {
  it.each(KINDS)('says %s in a plain sentence', (kind) => {
    const text = describeHfError(kind);
    expect(text).toMatch(/^[A-Z].+\.$/);
    expect(text).toContain('Hugging Face');
    expect(text).not.toMatch(/\b(4\d\d|5\d\d|Error|undefined|null|JSON|fetch)\b/);
  });

  it('gives each kind its own sentence', () => {
    expect(new Set(KINDS.map(describeHfError)).size).toBe(KINDS.length);
  });
});

describe('HfError', () => {
  it('carries its kind, retry time and status', () => {
    const error = new HfError('rate-limited', 'slow down', 1_000, 429);
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ name: 'HfError', kind: 'rate-limited', retryAt: 1_000, status: 429, message: 'slow down' });
  });
});
