import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import svelte from 'eslint-plugin-svelte';
import boundaries from 'eslint-plugin-boundaries';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import svelteConfig from './svelte.config.js';

// Absolute, so the map holds wherever eslint is started from (a subfolder, an editor).
const root = import.meta.dirname;
const projects = ['tsconfig.node.json', 'tsconfig.web.json'].map((name) => `${root}/${name}`);
const resolverOptions = {
  project: projects,
  noWarnOnMultipleProjects: true,
  extensions: ['.ts', '.js', '.svelte'],
};

// Only the Electron glue may import electron; everything else must run (and be tested) in plain Node.
const electronGlue = ['src/main/index.ts', 'src/main/electron/**', 'src/preload/**'];

// The layer map of docs/architecture.md: which files make up each layer (first match wins)…
const layerFiles = {
  shared: 'src/shared/**',
  log: 'src/main/log/**',
  api: 'src/main/api/**',
  search: 'src/main/search/**',
  db: 'src/main/db/**',
  demo: 'src/main/demo/**',
  secrets: 'src/main/secrets/**',
  'data-folder': ['src/main/paths.ts', 'src/main/data-folder.ts'],
  'static-files': 'src/main/static-files.ts',
  outbox: 'src/main/outbox/**',
  sync: 'src/main/sync/**',
  session: ['src/main/session.ts', 'src/main/cache-reader.ts'],
  service: 'src/main/service/**',
  ipc: 'src/main/ipc/**',
  updates: 'src/main/updates/**',
  threads: 'src/main/threads/**',
  electron: ['src/main/index.ts', 'src/main/electron/**'],
  preload: 'src/preload/**',
  'browser-host': 'src/main/browser-host/**',
  cli: 'src/cli/**',
  renderer: 'src/renderer/**',
};

// …and which layers each one may import besides itself. Doors never import one another.
const base = ['shared', 'log'];
const parts = [...base, 'api', 'search', 'db', 'demo', 'secrets', 'data-folder', 'static-files'];
const core = [...parts, 'outbox', 'sync', 'session', 'service', 'ipc', 'updates', 'threads'];
const mayImport = {
  shared: [],
  log: ['shared'],
  api: base,
  search: base,
  db: [...base, 'search'], // db/ writes the index's tokens (facets, CJK bigrams) that search/ defines
  demo: base,
  secrets: base,
  'data-folder': base,
  'static-files': base,
  outbox: [...base, 'api', 'db', 'search'],
  sync: [...base, 'api', 'db', 'search', 'outbox'], // the push sends the outbox's edits
  session: [...base, 'api', 'db', 'search', 'outbox', 'sync'],
  service: [...parts, 'outbox', 'sync', 'session'],
  ipc: [...parts, 'outbox', 'sync', 'session', 'service'],
  updates: [...base, 'service'],
  // the service on a thread of its own, the reader on another; the door's main thread only relays
  threads: [...parts, 'outbox', 'sync', 'session', 'service', 'ipc'],
  electron: core,
  preload: ['shared'], // a sandboxed preload is bundled alone: the channel list, nothing of main
  'browser-host': core,
  cli: core,
  renderer: ['shared'],
};

const MAP = 'see the layer map in docs/architecture.md';

const noElectron = {
  name: 'electron',
  message: `Only src/main/index.ts, src/main/electron/ and src/preload/ may import electron; keep the core runnable in plain Node (${MAP}).`,
};
const noElectronParts = { group: ['electron/*'], message: `Electron stays in its glue (${MAP}).` };
const sqlLayers = ['src/main/db/**', 'src/main/search/**'];
const sqlMessage = `SQL stays in src/main/db/ and src/main/search/: ask the session, which asks them (${MAP}).`;
const noSql = {
  paths: ['better-sqlite3', 'drizzle-orm'].map((name) => ({ name, message: sqlMessage })),
  patterns: [{ group: ['drizzle-orm/*'], message: sqlMessage }],
};

export default tseslint.config(
  {
    ignores: [
      'node_modules/',
      'out/',
      'dist/',
      '.tools/',
      'test-results/',
      'playwright-report/',
      'drizzle/meta/',
      'src/shared/screendesk-api.gen.ts',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  ...svelte.configs['flat/recommended'],
  prettier,
  ...svelte.configs['flat/prettier'],
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: {
      globals: { ...globals.browser },
      parserOptions: { parser: tseslint.parser, extraFileExtensions: ['.svelte'], svelteConfig },
    },
  },
  {
    files: ['src/renderer/**'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    files: ['**/*.{ts,js,svelte}'],
    // The stand-in Electron (test code) is typed against electron's own type definitions.
    ignores: [...electronGlue, 'test/electron-standin/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [noElectron], patterns: [noElectronParts] }] },
  },
  // SQL stays in db/ and search/ (the outbox's table too, db/outbox-repo.ts): nothing else in src/
  // imports the SQLite driver or drizzle. The glue's src/main/index.ts only loads the driver's addon.
  // (This block's list replaces the one above for these files, so it repeats the electron entries.)
  {
    files: ['src/**/*.{ts,svelte}'],
    ignores: [...electronGlue, ...sqlLayers],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [noElectron, ...noSql.paths], patterns: [noElectronParts, ...noSql.patterns] },
      ],
    },
  },
  // The layer map, enforced on src/ (tests, benchmarks and scripts may import anything from src/).
  {
    files: ['src/**/*.{ts,svelte}'],
    plugins: { boundaries },
    settings: {
      // boundaries resolves imports through eslint-module-utils, which reads import/resolver.
      'import/resolver': { typescript: resolverOptions },
      'boundaries/root-path': root,
      'boundaries/elements': [
        { type: 'src', pattern: 'src', partialMatch: false },
        { type: 'tooling', pattern: ['test', 'bench', 'scripts'], partialMatch: false },
      ],
      // A file of src/ on no layer is 'unmapped': it may import nothing and nothing may import it.
      'boundaries/files': [
        ...Object.entries(layerFiles).map(([category, pattern]) => ({ category, pattern })),
        { category: 'unmapped', pattern: 'src/**' },
      ],
      'boundaries/files-single-match': true,
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'disallow',
          // Imports inside src/ are between files of the one 'src' element: check them too.
          checkInternals: true,
          message: `The {{from.file.categories}} layer may not import the {{to.file.categories}} layer (${MAP}).`,
          policies: [
            ...Object.entries(mayImport).map(([layer, allowed]) => ({
              from: { file: { categories: layer } },
              allow: { to: { file: { categories: { anyOf: [layer, ...allowed] } } } },
            })),
            {
              from: { element: { type: 'src' } },
              disallow: { to: { element: { type: 'tooling' } } },
              message: `src/ never imports test, benchmark or script code (${MAP}).`,
            },
          ],
        },
      ],
    },
  },
  // No import cycles in src/ (type-only imports do not count): a module graph that loops has no order
  // to initialise in, and hides which part depends on which. Cycles run through .ts modules only (a
  // component is never imported by what it imports), so .svelte files are not walked.
  {
    files: ['src/**/*.ts'],
    plugins: { 'import-x': importX },
    settings: {
      'import-x/resolver-next': [createTypeScriptImportResolver(resolverOptions)],
      // Dependencies are parsed as TypeScript, also from a .svelte.ts file (whose parser is Svelte's).
      'import-x/extensions': ['.ts', '.js'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.js'] },
      'import-x/ignore': ['node_modules'],
    },
    rules: { 'import-x/no-cycle': ['error', { ignoreExternal: true }] },
  },
);
