// The import rules of src/ (see docs/architecture.md), checked by `npm run lint` with
// dependency-cruiser: no import cycle, and every import points down the layers or into a shared
// leaf. Type-only imports count: a type is a dependency too.
//
//   action/  cli/            adapters: wire the stages for the runner and the terminal
//   github/  report/         sinks shared or kept apart from the adapters
//   core/                    config, check, signals, verdict, engine
//   postiz/                  the Postiz API: client, response shapes, errors
//   http/                    one GET through undici, proxy choice, retry timing
//   shared/                  leaves: sanitising, version, hosts
//
// Each folder may import itself and the folders listed for it below, nothing else in src/.

/** Folder → the other src/ folders it may import. */
const MAY_IMPORT = {
  shared: [],
  http: ['shared'],
  postiz: ['http', 'shared'],
  core: ['postiz', 'shared'],
  report: ['core', 'shared'],
  github: ['core', 'shared'],
  action: ['core', 'postiz', 'report', 'github', 'shared'],
  cli: ['core', 'postiz', 'report', 'shared']
}

/** npm packages that only some folders may load: the runner's toolkit and the I/O libraries. */
const PACKAGES = [
  { pattern: '@actions/core', folders: ['action'], why: 'the runner contract is the action adapter’s; the CLI bundle must not load it' },
  { pattern: '@actions/github', folders: ['github'], why: 'the GitHub API is the tracking issue’s, loaded lazily' },
  { pattern: 'undici', folders: ['http'], why: 'HTTP, proxies and TLS go through http/transport.ts' },
  { pattern: 'string-width', folders: ['cli'], why: 'terminal layout is the CLI’s' }
]

const layerRules = Object.entries(MAY_IMPORT).map(([folder, may]) => ({
  name: `${folder}-imports`,
  severity: 'error',
  comment: `src/${folder}/ may import only ${[folder, ...may].map(f => `src/${f}/`).join(', ')} (docs/architecture.md).`,
  from: { path: `^src/${folder}/` },
  to: { path: '^src/', pathNot: `^src/(${[folder, ...may].join('|')})/` }
}))

const packageRules = PACKAGES.map(({ pattern, folders, why }) => ({
  name: `${pattern.replace(/\W+/g, '-').replace(/^-/, '')}-only-in-${folders.join('-')}`,
  severity: 'error',
  comment: `${pattern} only in ${folders.map(f => `src/${f}/`).join(', ')}: ${why}.`,
  from: { path: '^src/', pathNot: `^src/(${folders.join('|')})/` },
  to: { path: `node_modules/${pattern}/` }
}))

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      severity: 'error',
      comment: 'An import cycle: the modules depend on each other, so no layer order holds. Move the shared part into its own module.',
      from: {},
      to: { circular: true }
    },
    {
      name: 'demo-is-standalone',
      severity: 'error',
      comment: 'src/cli/demo/ is plain JavaScript that scripts load without a build: it imports only Node built-ins.',
      from: { path: '^src/cli/demo/' },
      to: { dependencyTypesNot: ['core'] }
    },
    {
      name: 'src-not-to-tests-or-scripts',
      severity: 'error',
      comment: 'Production code never imports tests, test doubles or scripts.',
      from: { path: '^src/' },
      to: { path: '^(__tests__|scripts)/' }
    },
    { name: 'not-to-unresolvable', severity: 'error', comment: 'An import that resolves to nothing.', from: {}, to: { couldNotResolve: true } },
    ...layerRules,
    ...packageRules
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js', '.json'] }
  }
}
