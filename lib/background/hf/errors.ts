import type { HfErrorKind } from '../../shared/sync-state';


export class HfError extends Error {
  override name = 'HfError';
  constructor(
    readonly kind: HfErrorKind,
    message: string,
    /** For `rate-limited`: when HF said calls may resume (ms since epoch). */
    readonly retryAt?: number,
    readonly status?: number,
  ) {
    super(message);
  }
}

/** Plain-language text for the popup. */
export function describeHfError(kind: HfErrorKind): string {
  switch (kind) {
    case 'offline':
      return 'Could not reach Hugging Face: you may be offline.';
    case 'timeout':
      return 'Hugging Face took too long to answer.';
    case 'rate-limited':
      return 'Hugging Face asked us to slow down (rate limited).';
    case 'server':
      return 'Hugging Face is having trouble (server error).';
    case 'malformed':
      return 'Hugging Face sent an answer we could not read.';
    case 'too-large':
      return 'Hugging Face sent an answer too large to read.';
    case 'http':
      return 'Hugging Face refused the request.';
  }
}
