// Every shipped migration has its test here: a new one without a `describe('migration TAG')` fails.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MIGRATION_TAGS } from '../../helpers/migrations';

describe('the migration tests', () => {
  it('cover every shipped migration, from 0000_init on', () => {
    const texts = readdirSync(import.meta.dirname)
      .filter((f) => f.endsWith('.test.ts'))
      .map((f) => readFileSync(join(import.meta.dirname, f), 'utf8'))
      .join('\n');
    expect(MIGRATION_TAGS[0]).toBe('0000_init');
    const untested = MIGRATION_TAGS.filter((tag) => !texts.includes(`describe('migration ${tag}'`));
    expect(untested).toEqual([]);
  });
});
