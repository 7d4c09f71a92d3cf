/**
 * How long HF asks us to wait: the IETF `RateLimit` header (`"api";r=0;t=SECONDS`) or `Retry-After`
 * (seconds or an HTTP date). Returns milliseconds, or undefined when neither header says.
 */
const HTTP_DATE = /^[A-Z][a-z]{2}, \d{2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

export function retryDelayMs(headers: Headers, now: number): number | undefined {
  const rateLimit = headers.get('ratelimit');
  if (rateLimit) {
    const t = /(?:^|[;,\s])t=(\d+(?:\.\d+)?)/.exec(rateLimit)?.[1];
    if (t !== undefined) return Math.ceil(Number(t) * 1000);
  }
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter) * 1000;
    // Only a real HTTP date (`Wed, 21 Oct 2015 07:28:00 GMT`); Date.parse accepts much nonsense.
    if (HTTP_DATE.test(retryAfter)) return Math.max(0, Date.parse(retryAfter) - now);
  }
  return undefined;
}
