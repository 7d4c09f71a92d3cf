/**
 * The content scripts of the sites a person turns on (lib/shared/sites.ts `access: 'optional'`): not in
 * the manifest, registered at run time while the site's switch is on AND its host permission granted,
 * and unregistered as soon as either stops. One rule, applied whenever something it depends on may
 * have changed (start-up, the settings, a permission granted or revoked): the registered scripts are
 * made exactly those that should be.
 */
import type { Settings } from '../shared/settings';
import { optionalSites, siteOrigins, type SiteEntry, type SiteId } from '../shared/sites';

/** A script as `scripting.registerContentScripts` takes it (the fields this extension uses). */
export interface SiteScript {
  id: string;
  matches: string[];
  js: string[];
  runAt: 'document_start';
  persistAcrossSessions?: boolean;
}

export interface SiteScriptsApi {
  getRegisteredContentScripts(): Promise<{ id: string; matches?: string[] }[]>;
  registerContentScripts(scripts: SiteScript[]): Promise<void>;
  unregisterContentScripts(filter: { ids: string[] }): Promise<void>;
}

export interface SiteScriptsDeps {
  scripting: SiteScriptsApi;
  /** Whether every one of `origins` is granted. */
  granted: (origins: string[]) => Promise<boolean>;
  readSettings: () => Promise<Settings>;
  /** Chrome keeps registered scripts across browser restarts; Firefox does not (they are registered again at start). */
  persist: boolean;
}

/** The scripts of one site, as registered. */
export function siteScripts(site: SiteEntry, persist: boolean): SiteScript[] {
  return Object.entries(site.scripts).map(([name, matches]) => ({
    id: name,
    matches: [...matches],
    js: [`content-scripts/${name}.js`],
    runAt: 'document_start',
    ...(persist ? { persistAcrossSessions: true } : {}),
  }));
}

/** The optional sites whose scripts should run: switched on, with their hosts granted. */
export async function sitesToRun(settings: Settings, granted: SiteScriptsDeps['granted']): Promise<SiteEntry[]> {
  const on = optionalSites().filter((site) => settings.sites[site.id as SiteId]);
  const allowed = await Promise.all(on.map((site) => granted(siteOrigins(site)).catch(() => false)));
  return on.filter((_, i) => allowed[i]);
}

const sameMatches = (a: readonly string[] | undefined, b: readonly string[]) => a !== undefined && a.length === b.length && [...a].sort().join() === [...b].sort().join();

/** Makes the registered optional-site scripts exactly those that should run; answers what changed. */
export async function reconcileSiteScripts(deps: SiteScriptsDeps): Promise<{ registered: string[]; unregistered: string[] }> {
  const wanted = (await sitesToRun(await deps.readSettings(), deps.granted)).flatMap((site) => siteScripts(site, deps.persist));
  const ours = new Set(optionalSites().flatMap((site) => Object.keys(site.scripts)));
  const present = (await deps.scripting.getRegisteredContentScripts()).filter((script) => ours.has(script.id));
  // A script whose pages changed (an update of the extension) is registered again with the new ones.
  const stale = present.filter((script) => !wanted.some((want) => want.id === script.id && sameMatches(script.matches, want.matches))).map((script) => script.id);
  const kept = new Set(present.map((script) => script.id).filter((id) => !stale.includes(id)));
  const missing = wanted.filter((script) => !kept.has(script.id));
  if (stale.length) await deps.scripting.unregisterContentScripts({ ids: stale });
  if (missing.length) await deps.scripting.registerContentScripts(missing);
  return { registered: missing.map((script) => script.id), unregistered: stale.filter((id) => !missing.some((script) => script.id === id)) };
}

/** The optional sites any of whose hosts are among `origins` (a permission the person revoked). */
export function sitesOfOrigins(origins: readonly string[]): SiteId[] {
  const removed = new Set(origins);
  return optionalSites()
    .filter((site) => siteOrigins(site).some((origin) => removed.has(origin)))
    .map((site) => site.id as SiteId);
}

/** Runs `task` one at a time: a reconcile asked for while one runs starts after it (each reads the state afresh). */
export function serialised(task: () => Promise<unknown>): () => Promise<void> {
  let last: Promise<unknown> = Promise.resolve();
  return () => {
    const next = last.then(task, task).then(
      () => undefined,
      () => undefined,
    );
    last = next;
    return next;
  };
}
