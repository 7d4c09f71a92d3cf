/**
 * Host permissions granted before a test, without the browser's prompt.
 *
 * The options page's switch of a site turned on later (Hacker News…) calls `permissions.request`. In
 * headless Chromium that shows a prompt nothing can accept (tried on Chromium 156: no flag accepts it —
 * `--apps-gallery-install-auto-confirm-for-tests=accept` covers web-store installs only; CDP's
 * `Browser.grantPermissions` covers web permissions, not extension hosts; chrome://extensions'
 * `developerPrivate.addHostPermission` changes withheld required hosts, not optional ones). What works:
 * Chromium keeps an unpacked extension's permissions in the profile's `Default/Preferences`
 * (`extensions.settings.<id>.active_permissions` / `granted_permissions`, no integrity MAC on Linux).
 * The profile is started once so the extension is installed, closed, given the hosts there, and started
 * again: the extension then holds them as if the person had allowed them, `permissions.contains` says
 * so, and `permissions.request` for them resolves true at once without a prompt — so the e2e clicks the
 * real switch, and what follows (registration, badges, release on off) is the real path.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface PermissionSet {
  api?: string[];
  explicit_host?: string[];
  manifest_permissions?: string[];
  scriptable_host?: string[];
}

/** Adds `origins` to the extension's granted and active host permissions in a closed profile. */
export function grantHostsInProfile(profile: string, extensionId: string, origins: readonly string[]): void {
  const file = join(profile, 'Default', 'Preferences');
  const prefs = JSON.parse(readFileSync(file, 'utf8')) as { extensions?: { settings?: Record<string, Record<string, PermissionSet>> } };
  const settings = prefs.extensions?.settings?.[extensionId];
  if (!settings) throw new Error(`The profile has no settings for extension ${extensionId}: was it installed?`);
  for (const key of ['granted_permissions', 'active_permissions']) {
    const set = (settings[key] ??= { api: [], explicit_host: [], manifest_permissions: [], scriptable_host: [] });
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ...origins])];
  }
  writeFileSync(file, JSON.stringify(prefs));
}
