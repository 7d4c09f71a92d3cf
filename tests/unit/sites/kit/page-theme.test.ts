import { describe, expect, it } from 'vitest';
import { luminance, parseRgb, themeOfBackgrounds } from '../../../../lib/sites/kit/page-theme';

describe('page theme', () => {
  it('parses computed colours', () => {
    expect(parseRgb('rgb(13, 17, 23)')).toEqual({ r: 13, g: 17, b: 23, a: 1 });
    expect(parseRgb('rgba(0, 0, 0, 0)')).toEqual({ r: 0, g: 0, b: 0, a: 0 });
    expect(parseRgb('rgb(255 255 255 / 50%)')).toEqual({ r: 255, g: 255, b: 255, a: 0.5 });
    expect(parseRgb('transparent')).toBeUndefined();
    expect(parseRgb('color(srgb 1 1 1)')).toBeUndefined();
  });

  it('measures luminance', () => {
    expect(luminance({ r: 0, g: 0, b: 0 })).toBe(0);
    expect(luminance({ r: 255, g: 255, b: 255 })).toBeCloseTo(1);
  });

  it('takes the innermost opaque background', () => {
    // arXiv HTML paper, dark theme: body #0d1117 over a transparent article.
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(13, 17, 23)', 'rgb(255, 255, 255)'], false)).toBe('dark');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgb(255, 255, 255)'], true)).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0.1)', 'rgb(30, 30, 30)'], false)).toBe('dark');
  });

  it('falls back to the canvas when every background is transparent', () => {
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)', 'rgba(0, 0, 0, 0)'], false)).toBe('light');
    expect(themeOfBackgrounds(['rgba(0, 0, 0, 0)'], true)).toBe('dark');
  });
});
