/** The zod check every message meets on arrival in the background. */
import { z } from 'zod';
import { MAX_SEARCH_QUERY } from './hf/client';
import { MAX_LOOKUP_IDS, type Request } from './messages';

export const RequestSchema: z.ZodType<Request> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('lookupPapers'),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
    live: z.boolean().optional(),
  }),
  z.strictObject({ type: z.literal('syncNow') }),
  z.strictObject({ type: z.literal('searchHf'), q: z.string().trim().min(1).max(MAX_SEARCH_QUERY) }),
  z.strictObject({ type: z.literal('keepPaper'), id: z.string().max(40) }),
]);
