/**
 * Counts as people read them: `12,345`. Written out rather than through `toLocaleString`, which sets up
 * ICU's number formatting (milliseconds on the page's main thread, the first time in a renderer) for the
 * arXiv card's star and download counts. Anything but a safe whole number goes to `toLocaleString`.
 */
export function formatCount(n: number): string {
  if (!Number.isSafeInteger(n)) return n.toLocaleString('en-US');
  const digits = String(Math.abs(n));
  let grouped = '';
  for (let end = digits.length; end > 0; end -= 3) grouped = digits.slice(Math.max(0, end - 3), end) + (grouped ? `,${grouped}` : '');
  return n < 0 ? `-${grouped}` : grouped;
}
