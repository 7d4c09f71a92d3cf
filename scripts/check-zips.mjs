#!/usr/bin/env node
/**
 * Checks what `npm run zip` made, before anyone takes it to a store: the three archives named with
 * package.json's version; store manifests of that version with nothing for development in them; a
 * sources archive that holds what the build needs and none of what it makes or downloads.
 * Reads the zips itself (central directory + raw deflate): no dependency.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { join } from 'node:path';

const root = join(import.meta.dirname, '..');
const { name, version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** name → () => contents, for every entry of a zip. */
function readZip(path) {
  const zip = readFileSync(path);
  let end = zip.length - 22;
  while (end >= 0 && zip.readUInt32LE(end) !== 0x06054b50) end--;
  if (end < 0) throw new Error(`${path}: not a zip`);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const entryName = zip.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(entryName, () => {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return method === 8 ? inflateRawSync(data) : data;
    });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

const problems = [];
const check = (ok, message) => {
  if (!ok) problems.push(message);
};

const zips = Object.fromEntries(
  ['chrome', 'firefox', 'sources'].map((kind) => {
    const file = join(root, '.output', `${name}-${version}-${kind}.zip`);
    try {
      return [kind, readZip(file)];
    } catch (error) {
      problems.push(`${file}: ${error.message}`);
      return [kind, new Map()];
    }
  }),
);

for (const browser of ['chrome', 'firefox']) {
  const entries = zips[browser];
  if (!entries.has('manifest.json')) {
    check(false, `${browser}: no manifest.json at the top of the zip`);
    continue;
  }
  const manifest = JSON.parse(entries.get('manifest.json')().toString('utf8'));
  check(manifest.version === version, `${browser}: manifest version ${manifest.version}, package.json ${version}`);
  for (const key of ['key', 'update_url']) check(!(key in manifest), `${browser}: manifest has "${key}"`);
  check(![...entries.keys()].some((e) => e.endsWith('.map')), `${browser}: source maps in the package`);
  const csp = JSON.stringify(manifest.content_security_policy ?? '');
  check(!/localhost|ws:|unsafe-eval/.test(csp), `${browser}: development content security policy (${csp})`);
  if (browser === 'chrome') {
    check(manifest.manifest_version === 3, 'chrome: not Manifest V3');
    check(!('browser_specific_settings' in manifest), 'chrome: has Firefox settings');
  } else {
    const gecko = manifest.browser_specific_settings?.gecko ?? {};
    check(typeof gecko.id === 'string', 'firefox: no add-on id');
    check(Array.isArray(gecko.data_collection_permissions?.required), 'firefox: no data_collection_permissions');
  }
}

const sources = [...zips.sources.keys()];
for (const needed of ['package.json', 'package-lock.json', 'wxt.config.ts', 'tsconfig.json', '.ci/with-node22', 'entrypoints/background.ts', 'README.md']) {
  check(sources.includes(needed), `sources: ${needed} is missing`);
}
for (const made of ['node_modules/', '.output/', '.wxt/', '.git/', 'bench-results/', 'test-results/', 'playwright-report/']) {
  check(!sources.some((e) => e.startsWith(made) || e.includes(`/${made}`)), `sources: holds ${made}`);
}

if (problems.length) {
  console.error(`The store packages are not ready:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`Store packages ${version} checked: .output/${name}-${version}-{chrome,firefox,sources}.zip`);
