/** The committed store and README pictures (npm run screenshots): store sizes, and every one the README shows exists. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const DIR = join(ROOT, 'docs/screenshots');

function pngSize(file: string): { width: number; height: number } {
  const head = readFileSync(file).subarray(0, 24);
  expect(head.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return { width: head.readUInt32BE(16), height: head.readUInt32BE(20) };
}

describe('docs/screenshots', () => {
  it('are at the sizes the stores take: 1280×800 screenshots, the 440×280 promo tile', () => {
    const files = readdirSync(DIR).filter((f) => f.endsWith('.png'));
    expect(files.length).toBeGreaterThan(0);
    for (const file of files) {
      const expected = file.startsWith('promo-small-') ? { width: 440, height: 280 } : { width: 1280, height: 800 };
      expect(pngSize(join(DIR, file)), file).toEqual(expected);
    }
  });

  it('every picture the README shows is there', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const shown = [...readme.matchAll(/\]\((docs\/screenshots\/[^)]+)\)/g)].map((m) => m[1]!);
    expect(shown.length).toBeGreaterThan(5);
    for (const path of shown) expect(existsSync(join(ROOT, path)), path).toBe(true);
  });
});
