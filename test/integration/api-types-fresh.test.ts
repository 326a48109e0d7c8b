import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';

const root = resolve(import.meta.dirname, '../..');
const spec = join(root, 'resources/screendesk-v2.openapi.json');
const committed = join(root, 'src/shared/screendesk-api.gen.ts');

describe('API types generated from the OpenAPI document', () => {
  it('are what `npm run gen:api` would write today', async () => {
    // Same generator and formatter as the npm script, into a scratch file.
    const out = join(mkdtempSync(join(tmpdir(), 'sdesk-gen-')), 'gen.ts');
    execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [spec, '-o', out], { stdio: 'pipe' });
    const options = await resolveConfig(committed);
    const fresh = await format(readFileSync(out, 'utf8'), { ...options, filepath: committed });
    expect(
      readFileSync(committed, 'utf8'),
      'src/shared/screendesk-api.gen.ts is stale: run npm run gen:api',
    ).toBe(fresh);
  });

  it('cover the three operations of the contract', () => {
    const doc = JSON.parse(readFileSync(spec, 'utf8')) as { paths: Record<string, Record<string, unknown>> };
    const generated = readFileSync(committed, 'utf8');
    for (const op of ['listRecordings', 'getRecording', 'updateRecording']) {
      expect(generated).toContain(`${op}: {`);
    }
    expect(Object.keys(doc.paths).sort()).toEqual(['/recordings', '/recordings/{uuid}']);
  });
});
