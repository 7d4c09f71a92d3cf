/** The zod check every message meets on arrival in the background. */
import { SITE_IDS } from './sites';
import { z } from './zod-no-eval';
import { MAX_LINK_BADGE_IDS, MAX_LOOKUP_IDS, MAX_MATCH_TITLES, MAX_MATCHED_TITLE, type Request } from './messages';
import { githubRepoKey } from './safe-url';
import { MAX_SEARCH_QUERY } from './messages';
import { isHfPaperId } from './arxiv-id';

/** Where a month's ids start: `YYMM.`. */
const MONTH_START = z.string().regex(/^\d{4}\.$/);

export const RequestSchema: z.ZodType<Request> = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('lookupPapers'),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
    live: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('papersForRepo'),
    repo: z.string().max(201).refine((repo) => githubRepoKey(repo) !== undefined, 'not an owner/repo name'),
  }),
  z.strictObject({
    type: z.literal('pagePapers'),
    site: z.enum(SITE_IDS),
    ids: z.array(z.string().max(40)).max(MAX_LOOKUP_IDS),
    live: z.boolean().optional(),
  }),
  z.strictObject({
    type: z.literal('badgeIndex'),
    site: z.enum(SITE_IDS),
    // A month's start (`2610.`), as lib/sites/arxiv/listing-span.ts writes it.
    span: z.union([z.literal('newest'), z.literal('none'), z.strictObject({ from: MONTH_START, to: MONTH_START.optional() })]),
  }),
  z.strictObject({
    type: z.literal('linkBadges'),
    site: z.enum(SITE_IDS).optional(),
    ids: z.array(z.string().max(40)).max(MAX_LINK_BADGE_IDS),
    newest: z.literal(true).optional(),
  }),
  z.strictObject({
    type: z.literal('matchTitles'),
    site: z.enum(SITE_IDS),
    titles: z.array(z.string().max(MAX_MATCHED_TITLE)).max(MAX_MATCH_TITLES),
  }),
  z.strictObject({ type: z.literal('turnSiteOn'), site: z.enum(SITE_IDS) }),
  z.strictObject({ type: z.literal('syncNow') }),
  z.strictObject({ type: z.literal('userStateChanged') }),
  z.strictObject({ type: z.literal('searchHf'), q: z.string().trim().min(1).max(MAX_SEARCH_QUERY) }),
  z.strictObject({ type: z.literal('keepPaper'), id: z.string().max(40) }),
  z.strictObject({ type: z.literal('paperLinks'), id: z.string().max(40).refine(isHfPaperId, 'not an arXiv id') }),
  z.strictObject({ type: z.literal('paperComments'), id: z.string().max(40).refine(isHfPaperId, 'not an arXiv id') }),
]);
