/** The background's answer to each request: validated on arrival, refused when not ours or not known. */
import { RequestSchema } from './message-schema';
import { toOverview, type PaperOverview, type Request, type ResponseMap } from './messages';
import type { Paper } from './paper';

export interface RequestContext {
  /** The id of the extension a message came from (undefined for web pages). */
  senderId: string | undefined;
  ownId: string;
  lookup: (ids: string[], live: boolean) => Promise<Map<string, Paper>>;
  syncNow: () => Promise<ResponseMap['syncNow']>;
  searchHf: (query: string) => Promise<ResponseMap['searchHf']>;
  keepPaper: (id: string) => Promise<ResponseMap['keepPaper']>;
}

export class RefusedRequestError extends Error {
  override name = 'RefusedRequestError';
}

export async function handleRequest(message: unknown, context: RequestContext): Promise<ResponseMap[Request['type']]> {
  if (context.senderId !== context.ownId) throw new RefusedRequestError('message from outside the extension');
  const parsed = RequestSchema.safeParse(message);
  if (!parsed.success) throw new RefusedRequestError('malformed message');
  const request = parsed.data;
  switch (request.type) {
    case 'lookupPapers': {
      const found = await context.lookup(request.ids, request.live ?? false);
      const papers: Record<string, PaperOverview> = {};
      for (const [id, paper] of found) papers[id] = toOverview(paper);
      return { papers };
    }
    case 'syncNow':
      return context.syncNow();
    case 'searchHf':
      return context.searchHf(request.q);
    case 'keepPaper':
      return context.keepPaper(request.id);
  }
}
