// The layer map of docs/architecture.md is enforced by `npm run lint`: these fixture sources, linted
// with the project's own eslint.config.js as if they sat in the tree, show that an import against the
// map or an import cycle is reported, and that an import the map allows is not. (Real ESLint, real
// resolver, real files for the cycle: nothing is mocked.)
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { ESLint } from 'eslint';
import type { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = resolve(import.meta.dirname, '../..');
const configFile = join(repo, 'eslint.config.js');
const eslint = new ESLint({ cwd: repo, overrideConfigFile: configFile });

/** The problems ESLint reports for `code` as if it were the file at `path` (relative to the repo). */
async function lint(path: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath: join(repo, path) });
  if (result === undefined) throw new Error(`ESLint returned no result for ${path}`);
  return result.messages;
}

const rules = (messages: Linter.LintMessage[]): (string | null)[] => messages.map((m) => m.ruleId);

// Linting loads the config and parses every module an import leads to (for the cycle rule): on a busy
// two-core machine the first file alone can take tens of seconds.
const slow = { timeout: 180_000 };

// Imports against the map: where the fixture sits, its source, and what lint must say about it.
const against: { what: string; path: string; code: string; rule: string; says: string }[] = [
  {
    what: 'src/shared importing src/main/db',
    path: 'src/shared/lint-fixture.ts',
    code: "export { META_KEYS } from '../main/db';\n",
    rule: 'boundaries/dependencies',
    says: 'The shared layer may not import the db layer',
  },
  {
    what: 'the service importing the IPC layer',
    path: 'src/main/service/lint-fixture.ts',
    code: "export { toIpcError } from '../ipc/errors';\n",
    rule: 'boundaries/dependencies',
    says: 'The service layer may not import the ipc layer',
  },
  {
    what: 'a renderer component importing src/main',
    path: 'src/renderer/src/components/LintFixture.svelte',
    code: '<script lang="ts">\n  import { META_KEYS } from \'../../../main/db\';\n  const key = META_KEYS.lastSyncCompletedAt;\n</script>\n\n<p>{key}</p>\n',
    rule: 'boundaries/dependencies',
    says: 'The renderer layer may not import the db layer',
  },
  {
    what: 'a renderer module importing src/main',
    path: 'src/renderer/src/lib/lint-fixture.ts',
    code: "export { AccountSession } from '../../../main/session';\n",
    rule: 'boundaries/dependencies',
    says: 'The renderer layer may not import the session layer',
  },
  {
    what: 'a file on no layer (it must be put on the map first)',
    path: 'src/main/lint-fixture.ts',
    code: "export { APP_NAME } from '../shared/app';\n",
    rule: 'boundaries/dependencies',
    says: 'The unmapped layer may not import the shared layer',
  },
  {
    what: 'src/ importing test code',
    path: 'src/main/db/lint-fixture.ts',
    code: "export { tempDataDir } from '../../../test/helpers/db-temp';\n",
    rule: 'boundaries/dependencies',
    says: 'src/ never imports test, benchmark or script code',
  },
  {
    what: 'electron outside its glue',
    path: 'src/main/service/lint-fixture.ts',
    code: "export { app } from 'electron';\n",
    rule: 'no-restricted-imports',
    says: 'Only src/main/index.ts, src/main/electron/ and src/preload/ may import electron',
  },
  {
    what: 'the SQLite driver outside db/ and search/',
    path: 'src/main/service/lint-fixture.ts',
    code: "import type { Database } from 'better-sqlite3';\n\nexport type Db = Database;\n",
    rule: 'no-restricted-imports',
    says: 'SQL stays in src/main/db/ and src/main/search/',
  },
  {
    what: 'drizzle outside db/ and search/',
    path: 'src/main/sync/lint-fixture.ts',
    code: "export { sqliteTable } from 'drizzle-orm/sqlite-core';\n",
    rule: 'no-restricted-imports',
    says: 'SQL stays in src/main/db/ and src/main/search/',
  },
];

// Imports the map allows: none may be reported.
const allowed: { what: string; path: string; code: string }[] = [
  {
    what: 'the service importing shared, session, db and log',
    path: 'src/main/service/lint-fixture.ts',
    code: "import { APP_NAME } from '../../shared/app';\nimport type { PushSummary } from '../session';\nimport { META_KEYS } from '../db';\nimport { nullLogger } from '../log/logger';\n\nexport type Pushed = PushSummary;\nexport const names = [APP_NAME, META_KEYS.lastSyncCompletedAt, nullLogger];\n",
  },
  {
    what: 'a renderer component importing @shared and the renderer',
    path: 'src/renderer/src/components/LintFixture.svelte',
    code: "<script lang=\"ts\">\n  import { APP_NAME } from '@shared/app';\n  import { api } from '../lib/api';\n  const name = api ? APP_NAME : '';\n</script>\n\n<p>{name}</p>\n",
  },
  {
    what: 'a door importing ipc and the session',
    path: 'src/cli/lint-fixture.ts',
    code: "import { toIpcError } from '../main/ipc';\nimport { AccountSession } from '../main/session';\n\nexport const parts = [toIpcError, AccountSession];\n",
  },
  {
    what: 'db/ importing the SQLite driver and drizzle',
    path: 'src/main/db/lint-fixture.ts',
    code: "import type { Database } from 'better-sqlite3';\nimport { sql } from 'drizzle-orm';\n\nexport const parts = [sql];\nexport type Db = Database;\n",
  },
];

describe('the layer map, enforced by lint', slow, () => {
  it.each(against)('reports $what', async ({ path, code, rule, says }) => {
    const messages = await lint(path, code);
    expect(rules(messages)).toEqual([rule]);
    expect(messages[0]?.message).toContain(says);
    expect(messages[0]?.message).toContain('docs/architecture.md');
  });

  it.each(allowed)('lets through $what', async ({ path, code }) => {
    expect(await lint(path, code)).toEqual([]);
  });
});

describe('import cycles, reported by lint', slow, () => {
  // Two modules that import each other, written to a tree laid out like the repo's: the cycle rule
  // follows imports on disk, so they must exist as files.
  let tree = '';
  const write = (path: string, code: string): void => {
    mkdirSync(dirname(join(tree, path)), { recursive: true });
    writeFileSync(join(tree, path), code);
  };
  beforeAll(() => {
    tree = mkdtempSync(join(tmpdir(), 'sdesk-lint-'));
    write(
      'src/main/sync/fixture-a.ts',
      "import { b } from './fixture-b';\n\nexport const a = (): number => b() + 1;\n",
    );
    write(
      'src/main/sync/fixture-b.ts',
      "import { a } from './fixture-a';\n\nexport const b = (): number => a() - 1;\n",
    );
    write(
      'src/main/sync/fixture-c.ts',
      "import { b } from './fixture-b';\n\nexport const c = (): number => b();\n",
    );
    write('src/main/sync/fixture-types.ts', "import type { t } from './fixture-t';\n\nexport type u = t;\n");
    write(
      'src/main/sync/fixture-t.ts',
      "import type { u } from './fixture-types';\n\nexport type t = u | 1;\n",
    );
  });
  afterAll(() => {
    if (tree !== '') rmSync(tree, { recursive: true, force: true });
  });

  it('reports both modules of a cycle, and neither a module that only uses one nor a type-only loop', async () => {
    const inTree = new ESLint({ cwd: tree, overrideConfigFile: configFile });
    const results = await inTree.lintFiles(['src/main/sync/*.ts']);
    const byFile = Object.fromEntries(
      results.map((r) => [r.filePath.slice(tree.length + 1), r.messages.map((m) => m.ruleId)]),
    );
    expect(byFile).toEqual({
      'src/main/sync/fixture-a.ts': ['import-x/no-cycle'],
      'src/main/sync/fixture-b.ts': ['import-x/no-cycle'],
      'src/main/sync/fixture-c.ts': [],
      'src/main/sync/fixture-t.ts': [],
      'src/main/sync/fixture-types.ts': [],
    });
  });
});
