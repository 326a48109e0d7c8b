import { describe, expect, it } from 'vitest';
import { isOutboxError, validateEdit } from '../../src/main/outbox';
import { TITLE_MAX_LENGTH } from '../../src/shared/edit-rules';
import { PUSH_BACKOFF_BASE_MS, PUSH_BACKOFF_MAX_MS, pushBackoffMs } from '../../src/main/sync';

describe('edit validation', () => {
  it('accepts what the spec allows and leaves undefined fields out', () => {
    expect(validateEdit({ title: 'T', summary: null, description: undefined })).toEqual({
      title: 'T',
      summary: null,
    });
    expect(validateEdit({ title: 'a'.repeat(TITLE_MAX_LENGTH) }).title).toHaveLength(255);
    expect(validateEdit({ description: '' })).toEqual({ description: '' });
  });

  it('refuses with code validation', () => {
    for (const bad of [{ title: '  ' }, { title: 'a'.repeat(256) }, { summary: 1 }, { other: 'x' }, null]) {
      let error: unknown;
      try {
        validateEdit(bad);
      } catch (e) {
        error = e;
      }
      expect(isOutboxError(error, 'validation'), JSON.stringify(bad)).toBe(true);
    }
  });
});

describe('backoff of pending edits after a transient failure', () => {
  it('doubles from the base up to the ceiling, jittered within the upper half', () => {
    expect(pushBackoffMs(1, () => 0)).toBe(PUSH_BACKOFF_BASE_MS / 2);
    expect(pushBackoffMs(1, () => 0.999999)).toBeLessThanOrEqual(PUSH_BACKOFF_BASE_MS);
    expect(pushBackoffMs(3, () => 0)).toBe(2 * PUSH_BACKOFF_BASE_MS);
    expect(pushBackoffMs(40, () => 1)).toBe(PUSH_BACKOFF_MAX_MS);
    // A broken random never gives a negative or NaN wait.
    expect(pushBackoffMs(2, () => Number.NaN)).toBe(PUSH_BACKOFF_BASE_MS);
  });

  it('honours a longer Retry-After, however long: the server said when to come back', () => {
    expect(pushBackoffMs(1, () => 0, 600_000)).toBe(600_000);
    expect(pushBackoffMs(1, () => 0, 10 * 3_600_000)).toBe(10 * 3_600_000);
    expect(pushBackoffMs(40, () => 1, 1_000)).toBe(PUSH_BACKOFF_MAX_MS);
  });
});
