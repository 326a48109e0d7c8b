import { describe, expect, it } from 'vitest';
import { charCount } from '../../src/shared/edit-rules';
import { changedFields, draftFrom, editRequest, validateDraft } from '../../src/renderer/src/logic/validate';
import { parsePatchBody } from '../../src/main/demo/patch-body';
import { validateEdit } from '../../src/main/outbox/validate';

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
      'Title is too long: 256 characters, at most 255 are allowed',
    );
  });

  it('agrees with the demo server on what a title may be', () => {
    for (const title of ['', ' ', 'ok', 'x'.repeat(255), 'x'.repeat(256), '😀'.repeat(256), '\u2003']) {
      const server = parsePatchBody(JSON.stringify({ recording: { title } }));
      expect(validateDraft(draft(title)).title === undefined, JSON.stringify(title)).toBe(server.ok);
    }
  });

  it('refuses a title with the words main refuses it with (an edit from the CLI, an outbox card)', () => {
    const mainSays = (title: string): string | undefined => {
      try {
        validateEdit({ title });
        return undefined;
      } catch (e) {
        return (e as Error).message;
      }
    };
    for (const title of ['', ' \u2003', 'ok', 'x'.repeat(255), 'x'.repeat(256), '😀'.repeat(300)]) {
      expect(validateDraft(draft(title)).title, JSON.stringify(title.slice(0, 20))).toBe(mainSays(title));
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

describe('the request an editor sends (issue 11: measured against what the user saw)', () => {
  const opened = { title: 'Old', summary: 'Summary I saw', description: null };

  it('carries only the changed fields, and the values the editor opened on', () => {
    expect(editRequest({ ...draftFrom(opened), title: 'New' }, opened)).toEqual({
      fields: { title: 'New' },
      from: opened,
    });
  });

  it('a value synced in while the editor was open is neither sent back nor taken as seen', () => {
    // The recording now shows a colleague's summary; the editor still holds what it opened on.
    const request = editRequest({ ...draftFrom(opened), title: 'New' }, opened);
    expect(request?.fields).not.toHaveProperty('summary');
    expect(request?.from.summary).toBe('Summary I saw');
  });

  it('nothing changed: no request', () => {
    expect(editRequest(draftFrom(opened), opened)).toBeNull();
  });

  it('setting a queued value back is sent, so the outbox can drop it', () => {
    const showingMyEdit = { ...opened, title: 'My queued title' };
    expect(editRequest({ ...draftFrom(showingMyEdit), title: 'Old' }, showingMyEdit)?.fields).toEqual({
      title: 'Old',
    });
  });
});
