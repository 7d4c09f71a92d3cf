/** Links to Hugging Face repositories, built only from a checked `owner/name` id (ids come from HF, untrusted). */

export type RepoKind = 'models' | 'datasets' | 'spaces';

const REPO_ID = /^[A-Za-z0-9][\w.-]*\/[\w.-]+$/;

/** `owner/name` as the Hub spells repositories: no scheme, no spaces, no `..`, not too long. */
export function isHfRepoId(id: unknown): id is string {
  return typeof id === 'string' && id.length <= 200 && REPO_ID.test(id) && !id.includes('..');
}

/** The repository's page on huggingface.co; undefined for an id that is not a plain `owner/name`. */
export function hfRepoUrl(kind: RepoKind, id: string): string | undefined {
  if (!isHfRepoId(id)) return undefined;
  return `https://huggingface.co/${kind === 'models' ? '' : `${kind}/`}${id}`;
}
