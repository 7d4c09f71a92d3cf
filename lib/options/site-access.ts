/**
 * The options page's side of the sites a person turns on later (lib/shared/sites.ts `access: 'optional'`):
 * the switch asks the browser for the site's hosts (within the click: browsers only prompt then), and
 * saving with the site off gives them back, so a site left off holds no permission. The background
 * registers and unregisters the scripts to match (lib/background/site-scripts.ts).
 */
import { optionalSites, siteOrigins, type SiteEntry, type SiteId, type SitePermissions } from '../shared/sites';

/** After the settings are saved: every optional site now off gives its hosts back; answers those that did. */
export async function releaseSitesOff(sites: Readonly<Record<SiteId, boolean>>, permissions: SitePermissions): Promise<SiteId[]> {
  const released: SiteId[] = [];
  for (const site of optionalSites()) {
    const id = site.id as SiteId;
    if (sites[id]) continue;
    const origins = siteOrigins(site);
    try {
      if (await permissions.contains({ origins })) {
        await permissions.remove({ origins });
        released.push(id);
      }
    } catch {
      // A host the browser will not give back (granted by policy) stays: the switch still keeps the site off.
    }
  }
  return released;
}

/** The switch's hint for a site turned on later: what the browser will ask. */
export function siteAccessHint(site: SiteEntry): string {
  if (site.access !== 'optional') return '';
  const [first, ...others] = site.hosts;
  // Scholar has a host per country: the first names them.
  const hosts = others.length > 2 ? `${first} and its ${others.length} other country sites` : site.hosts.join(', ');
  return ` Off until you turn it on: your browser then asks to allow access to ${hosts}; turning it off gives that back.`;
}
