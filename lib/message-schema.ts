/** The zod check every message meets on arrival in the background. */
import { z } from 'zod';
import { MAX_LOOKUP_IDS, type Request } from './messages';

export const RequestSchema: z.ZodType<Request> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('lookupPapers'),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
    live: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('pagePapers'),
    site: z.enum(['arxiv', 'github']),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
    live: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('pageBadges'),
    site: z.enum(['arxiv', 'github']),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
  }),
  z.strictObject({ type: z.literal('syncNow') }),
]);
