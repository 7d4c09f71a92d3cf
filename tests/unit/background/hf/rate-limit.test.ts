import { describe, expect, it } from 'vitest';
import { retryDelayMs } from '../../../../lib/background/hf/rate-limit';

const NOW = Date.parse('2025-06-09T12:00:00Z');
const wait = (headers: Record<string, string>) => retryDelayMs(new Headers(headers), NOW);

describe('retryDelayMs', () => {
  it('reads t from the RateLimit header HF sends', () => {
    expect(wait({ RateLimit: '"api";r=0;t=7' })).toBe(7_000);
    expect(wait({ ratelimit: '"api";r=0;t=173' })).toBe(173_000);
    expect(wait({ RateLimit: '"api";r=0;t=0' })).toBe(0);
  });

  it('accepts fractional seconds, rounding up to a whole millisecond', () => {
    expect(wait({ RateLimit: '"api";r=0;t=1.5' })).toBe(1_500);
    expect(wait({ RateLimit: '"api";r=0;t=0.0004' })).toBe(1);
  });

  it('finds t wherever it sits among the parameters', () => {
    expect(wait({ RateLimit: 't=12;r=0' })).toBe(12_000);
    expect(wait({ RateLimit: '"api"; r=0; t=9' })).toBe(9_000);
  });

  it('does not read t from inside a policy name', () => {
    expect(wait({ RateLimit: '"t=99";r=0;t=4' })).toBe(4_000);
  });

  it('prefers RateLimit over Retry-After', () => {
    expect(wait({ RateLimit: '"api";r=0;t=7', 'Retry-After': '60' })).toBe(7_000);
  });

  it('falls back to Retry-After in seconds', () => {
    expect(wait({ 'Retry-After': '30' })).toBe(30_000);
    expect(wait({ 'Retry-After': ' 5 ' })).toBe(5_000);
    expect(wait({ RateLimit: '"api";r=0', 'Retry-After': '3' })).toBe(3_000);
  });

  it('reads Retry-After as an HTTP date against now', () => {
    expect(wait({ 'Retry-After': new Date(NOW + 90_000).toUTCString() })).toBe(90_000);
    expect(wait({ 'Retry-After': new Date(NOW - 90_000).toUTCString() })).toBe(0);
  });

  it('says nothing when no header says how long', () => {
    expect(wait({})).toBeUndefined();
    expect(wait({ RateLimit: '"api";r=0' })).toBeUndefined();
    expect(wait({ 'Retry-After': 'soon' })).toBeUndefined();
    expect(wait({ 'RateLimit-Policy': '"fixed window";q=500;w=300' })).toBeUndefined();
  });

  it('ignores a Retry-After that is neither seconds nor an HTTP date', () => {
    for (const value of ['-5', 'later 3', '2025-06-09', 'soon']) expect(wait({ 'Retry-After': value }), value).toBeUndefined();
    expect(wait({ 'Retry-After': 'Mon, 09 Jun 2025 12:00:30 GMT' })).toBe(30_000);
  });
});
