/** Where the arXiv content scripts run: the three hosts arXiv serves pages from. */
const HOSTS = ['arxiv.org', 'www.arxiv.org', 'export.arxiv.org'];

const on = (paths: string[]) => HOSTS.flatMap((host) => paths.map((path) => `https://${host}${path}`));

/** Abstract pages and HTML papers. */
export const PAPER_PAGE_MATCHES = on(['/abs/*', '/html/*']);

/** Listings (/list/…: new, recent, pastweek, month lists), /catchup and search results. */
export const LISTING_PAGE_MATCHES = on(['/list/*', '/catchup*', '/search*']);
