/**
 * The rooms of the code, by where it runs (README, "How it works"):
 *   lib/shared, components/shared   the model every context may use (paper, ids, URLs, messages, keys, sites)
 *   background                      lib/background, entrypoints/background.ts
 *   popup                           lib/popup, components/popup, entrypoints/popup
 *   options                         lib/options, components/options, entrypoints/options
 *   page overlays                   lib/sites/kit, components/sites/kit (shared by every site), and one
 *                                   folder per site: lib/sites/<id>, components/sites/<id>, entrypoints/<id>*.content
 * Each context imports only itself and shared; a site also the kit; no context imports another.
 * Type-only imports count too: a type is part of the contract between rooms, so it lives in shared.
 * `npm run lint:rooms` checks it (part of `npm test`).
 */
const CODE = '^(lib|components|entrypoints)/';
const SHARED = '^(lib|components)/shared/';

/** A context's rule: from its folders, nothing in lib/components/entrypoints outside it and shared. */
function room(name, from, own) {
  return {
    name: `${name}-imports-only-itself-and-shared`,
    comment: `${name} code may import only ${name} code and lib/shared (components/shared): no context imports another.`,
    severity: 'error',
    from: { path: from },
    to: { path: CODE, pathNot: [own, SHARED] },
  };
}

module.exports = {
  forbidden: [
    {
      name: 'shared-imports-only-shared',
      comment: 'lib/shared is the common model: it imports nothing from any context.',
      severity: 'error',
      from: { path: SHARED },
      to: { path: CODE, pathNot: SHARED },
    },
    room('background', '^(lib/background/|entrypoints/background)', '^(lib/background/|entrypoints/background)'),
    room('popup', '^(lib|components|entrypoints)/popup/', '^(lib|components|entrypoints)/popup/'),
    room('options', '^(lib|components|entrypoints)/options/', '^(lib|components|entrypoints)/options/'),
    room('sites-kit', '^(lib|components)/sites/kit/', '^(lib|components)/sites/kit/'),
    {
      name: 'site-imports-only-itself-the-kit-and-shared',
      comment: 'A site folder may import only its own folder, the sites kit and shared: no site imports another site or context.',
      severity: 'error',
      from: { path: '^(?:lib|components)/sites/([^/]+)/', pathNot: '^(lib|components)/sites/kit/' },
      to: { path: CODE, pathNot: ['^(lib|components)/sites/(kit|$1)/', SHARED] },
    },
    {
      name: 'site-entrypoint-imports-only-its-site-the-kit-and-shared',
      comment: 'entrypoints/<site>[-page].content/ wires its own site: lib/sites/<site>, components/sites/<site>, the kit and shared.',
      severity: 'error',
      from: { path: '^entrypoints/([a-z0-9]+)[^/]*[.]content/' },
      to: { path: CODE, pathNot: ['^(lib|components)/sites/(kit|$1)/', SHARED, '^entrypoints/$1[^/]*[.]content/'] },
    },
    {
      name: 'lib-does-not-import-components',
      comment: 'Logic (lib/) never imports UI (components/): components import lib, not the other way.',
      severity: 'error',
      from: { path: '^lib/' },
      to: { path: '^components/' },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: { path: CODE },
      to: { circular: true },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '^(node_modules|\\.output|\\.wxt)/' },
    // TypeScript 7 has no JavaScript API yet, so dependency-cruiser parses with swc (type-only imports included).
    parser: 'swc',
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { exportsFields: ['exports'], conditionNames: ['import', 'require', 'node', 'default'], extensions: ['.ts', '.tsx', '.js', '.mjs', '.css'] },
  },
};
