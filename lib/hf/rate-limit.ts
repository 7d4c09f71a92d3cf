/**
 * How long HF asks us to wait: the IETF `RateLimit` header (`"api";r=0;t=SECONDS`) or `Retry-After`
 * (seconds or an HTTP date). Returns milliseconds, or undefined when neither header says.
 */
export function retryDelayMs(headers: Headers, now: number): number | undefined {
  const rateLimit = headers.get('ratelimit');
  if (rateLimit) {
    const t = /(?:^|[;,\s])t=(\d+(?:\.\d+)?)/.exec(rateLimit)?.[1];
    if (t !== undefined) return Math.ceil(Number(t) * 1000);
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    const at = Date.parse(retryAfter);
    if (!Number.isNaN(at)) return Math.max(0, at - now);
  }
  return undefined;
}
