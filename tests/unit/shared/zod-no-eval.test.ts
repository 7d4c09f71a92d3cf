import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from '../../../lib/shared/zod-no-eval';

const ROOT = resolve(import.meta.dirname, '../../..');

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sources(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

describe('zod without eval', () => {
  it('is configured jitless', () => {
    expect(z.config().jitless).toBe(true);
  });

  it('is the only way the extension imports zod', () => {
    const direct = ['lib', 'components', 'entrypoints']
      .flatMap((dir) => sources(join(ROOT, dir)))
      .filter((file) => !file.endsWith('zod-no-eval.ts') && /from ['"]zod['"]/.test(readFileSync(file, 'utf8')));
    expect(direct).toEqual([]);
  });
});
