/** What a site's pages may send (lib/shared/sites.ts `sends`), in the options page's words. */
import type { SiteSends } from '../shared/sites';

export const SITE_SENDS: Record<SiteSends, string> = {
  nothing: 'Its pages send nothing: badges come from the local copy.',
  'opened-paper':
    'A paper page missing from the local copy asks Hugging Face about that one paper (with live lookups on); listings and search results send nothing.',
  'cited-papers':
    'A page citing at most 3 new arXiv papers missing from the local copy may ask Hugging Face about those (with live lookups on); repository names never leave the browser.',
};
