import { describe, expect, it } from 'vitest';
import { plainLine, plainLines } from '../../../lib/shared/plain-text';

/** Every character the edge strips: bidi controls and C0/C1 controls but tab, line feed and carriage return. */
const STRIPPED = [
  ...Array.from({ length: 0x20 }, (_, c) => c).filter((c) => c !== 0x09 && c !== 0x0a && c !== 0x0d),
  ...Array.from({ length: 0x21 }, (_, i) => 0x7f + i),
  0x061c, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2066, 0x2067, 0x2068, 0x2069,
].map((code) => String.fromCharCode(code));

describe('plainLine and plainLines', () => {
  it.each(STRIPPED.map((char) => [`U+${char.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`, char]))('strip %s', (_, char) => {
    expect(plainLine(`a${char}b`)).toBe('ab');
    expect(plainLines(`a${char}b`)).toBe('ab');
  });

  it('turn line breaks and tabs into a space in one-line text, and keep them in text with lines', () => {
    expect(plainLine('Flows\n  at\tscale\r\nfor all')).toBe('Flows   at scale for all');
    expect(plainLines('Flows\n\tat scale\r\nfor all\rof us')).toBe('Flows\n\tat scale\nfor all\nof us');
  });

  it('leave other text exactly as it is (the same string, when nothing is stripped)', () => {
    const text = 'نماذج · מודלים · 👩‍🔬 · naïve — “quoted” <b>&amp;</b> \u00a0\u200b\u200d';
    expect(plainLine(text)).toBe(text);
    expect(plainLines(text)).toBe(text);
  });

  it('keep a reversed title from turning round what follows it', () => {
    expect(`${plainLine('\u202Egnp.exe')} ▲ 12`).toBe('gnp.exe ▲ 12');
  });
});
