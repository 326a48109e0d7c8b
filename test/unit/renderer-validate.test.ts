import { describe, expect, it } from 'vitest';
import { changedFields, charCount, draftFrom, validateDraft } from '../../src/renderer/src/logic/validate';
import { parsePatchBody } from '../../src/main/demo/patch-body';

const draft = (title: string, summary = '', description = ''): Parameters<typeof validateDraft>[0] => ({
  title,
  summary,
  description,
});

describe('edit rules', () => {
  it('refuses a blank title with the server wording', () => {
    expect(validateDraft(draft('')).title).toBe("Title can't be blank");
    expect(validateDraft(draft(' \u00a0\t')).title).toBe("Title can't be blank");
  });

  it('counts characters as the server does (code points), so 255 emoji are fine', () => {
    const emoji = '😀'.repeat(255);
    expect(charCount(emoji)).toBe(255);
    expect(validateDraft(draft(emoji))).toEqual({});
    expect(validateDraft(draft('😀'.repeat(256))).title).toBe(
      'Title is too long (maximum is 255 characters)',
    );
  });

  it('agrees with the demo server on what a title may be', () => {
    for (const title of ['', ' ', 'ok', 'x'.repeat(255), 'x'.repeat(256), '😀'.repeat(256), '\u2003']) {
      const server = parsePatchBody(JSON.stringify({ recording: { title } }));
      expect(validateDraft(draft(title)).title === undefined, JSON.stringify(title)).toBe(server.ok);
    }
  });
});

describe('what an edit sends', () => {
  const current = { title: 'Old', summary: 'Sum', description: null };

  it('sends only the fields that changed', () => {
    expect(changedFields({ ...draftFrom(current), title: 'New' }, current)).toEqual({ title: 'New' });
    expect(changedFields(draftFrom(current), current)).toEqual({});
  });

  it('sends null for an emptied summary or description, never ""', () => {
    expect(changedFields({ ...draftFrom(current), summary: '  ' }, current)).toEqual({ summary: null });
    expect(changedFields({ ...draftFrom(current), description: 'Now set' }, current)).toEqual({
      description: 'Now set',
    });
  });
});
