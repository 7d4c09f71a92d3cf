/**
 * Which repository a GitHub page belongs to. GitHub states it in a `<meta>` on every repository page;
 * the URL is the fallback, trusted only when the page's route says it is a repository page (so
 * `/trending/python` or `/settings/profile` are never taken for `owner/repo`).
 */
import { parseGithubRepo, type GithubRepo } from '../../shared/safe-url';
import { PAGE_META, REPOSITORY_ROUTE_PREFIX } from './page-selectors';

export function repoOfPage(location: string, doc: Document): GithubRepo | undefined {
  const url = parseHttpsGithubUrl(location);
  if (!url) return undefined;
  const nwo = doc.querySelector<HTMLMetaElement>(PAGE_META.repositoryNwo)?.content.trim();
  if (nwo) {
    const fromMeta = /^[^/]+\/[^/]+$/.test(nwo) ? parseGithubRepo(`https://github.com/${nwo}`) : undefined;
    // A soft navigation can leave the previous page's <head> for a moment: the URL must agree.
    return fromMeta && parseGithubRepo(url.href)?.key === fromMeta.key ? fromMeta : undefined;
  }
  const route = doc.querySelector<HTMLMetaElement>(PAGE_META.routePattern)?.content ?? '';
  return route.startsWith(REPOSITORY_ROUTE_PREFIX) ? parseGithubRepo(url.href) : undefined;
}

function parseHttpsGithubUrl(location: string): URL | undefined {
  try {
    const url = new URL(location);
    return url.protocol === 'https:' && (url.hostname === 'github.com' || url.hostname === 'www.github.com') ? url : undefined;
  } catch {
    return undefined;
  }
}
