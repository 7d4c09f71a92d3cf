/** URL checks for untrusted strings from the API: only `https:` links ever leave the extension's hands. */

/** Returns the normalised URL if the string is an absolute `https:` URL without credentials. */
export function safeHttpsUrl(input: unknown): string | undefined {
  if (typeof input !== 'string' || input.length > 2048) return undefined;
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username || url.password || !url.hostname) return undefined;
  return url.href;
}

export interface GithubRepo {
  /** `https://github.com/Owner/Repo`, as written by its owner. */
  url: string;
  /** `owner/repo`, lower case: the key papers are matched to repositories by. */
  key: string;
}

const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const RESERVED_OWNERS = new Set(['orgs', 'settings', 'features', 'topics', 'marketplace', 'sponsors', 'login', 'about']);

/**
 * Accepts only a github.com repository URL (any sub-path, `.git`, trailing slashes, query and fragment
 * are tolerated and dropped).
 */
export function parseGithubRepo(input: unknown): GithubRepo | undefined {
  const href = safeHttpsUrl(input);
  if (!href) return undefined;
  const url = new URL(href);
  if (url.hostname !== 'github.com' && url.hostname !== 'www.github.com') return undefined;
  const [owner, rawRepo] = url.pathname.split('/').filter(Boolean);
  if (!owner || !rawRepo) return undefined;
  const repo = rawRepo.replace(/\.git$/i, '');
  if (!NAME.test(owner) || !NAME.test(repo) || repo === '.' || repo === '..') return undefined;
  if (RESERVED_OWNERS.has(owner.toLowerCase())) return undefined;
  return { url: `https://github.com/${owner}/${repo}`, key: `${owner}/${repo}`.toLowerCase() };
}

const REPO_KEY = /^[A-Za-z0-9_.-]{1,100}\/[A-Za-z0-9_.-]{1,100}$/;

/** `owner/repo` (any case, nothing else around it) → the lower-case key papers are matched by. */
export function githubRepoKey(input: string): string | undefined {
  return REPO_KEY.test(input) ? parseGithubRepo(`https://github.com/${input}`)?.key : undefined;
}
