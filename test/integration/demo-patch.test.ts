// PATCH /recordings/{uuid}: what changes, what doesn't, and every 422 rule, validated against the spec.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startDemoServer, type DemoServer } from '../../src/main/demo';
import type { Recording } from '../../src/shared/screendesk-api';
import { call, patch } from '../helpers/demo-client';
import { createSpecValidator, type SpecValidator } from '../helpers/demo-spec-validator';

let spec: SpecValidator;
let server: DemoServer;
let next = 0;

beforeAll(async () => {
  spec = await createSpecValidator({ strict: true });
  server = await startDemoServer({ recordings: 120 });
});
afterAll(() => server.close());

/** A recording no other test has touched, with a title, summary and description to change. */
function freshRecording(): Recording {
  const all = server.data.list();
  while (next < all.length) {
    const r = all[next++] as Recording;
    if (r.title && r.summary && r.description) return r;
  }
  throw new Error('ran out of untouched recordings');
}

function without(rec: Recording, ...keys: (keyof Recording)[]): Partial<Recording> {
  const copy: Partial<Recording> = structuredClone(rec);
  for (const k of keys) delete copy[k];
  delete copy.metadata?.updated_at;
  return copy;
}

describe('successful PATCH', () => {
  it('changes only the given field, bumps updated_at, and every read shows the change', async () => {
    const before = freshRecording();
    const answer = await patch<Recording>(server, before.uuid as string, {
      title: 'Checkout broken — Café Ærø 🚀',
    });
    expect(answer.status).toBe(200);
    expect(answer.headers.get('content-type')).toBe('application/json; charset=utf-8');
    spec.assertValid(answer.body, 'updateRecording', 200);
    expect(answer.body.title).toBe('Checkout broken — Café Ærø 🚀');
    expect(without(answer.body, 'title')).toEqual(without(before, 'title'));
    expect(Date.parse(answer.body.metadata?.updated_at ?? '')).toBeGreaterThan(
      Date.parse(before.metadata?.updated_at ?? ''),
    );
    expect(Date.parse(answer.body.metadata?.updated_at ?? '')).toBeGreaterThanOrEqual(
      Date.parse(before.metadata?.created_at ?? ''),
    );
    const read = await call<Recording>(server, `/recordings/${before.uuid}`);
    expect(read.body).toEqual(answer.body);
    const listed = await call<{ records: Recording[] }>(server, '/recordings');
    expect(listed.body.records.find((r) => r.uuid === before.uuid)).toEqual(answer.body);
  });

  it('sets summary and description to null or new text together', async () => {
    const before = freshRecording();
    const answer = await patch<Recording>(server, before.uuid as string, {
      summary: null,
      description: 'Line 1\nLine 2',
    });
    expect(answer.status).toBe(200);
    spec.assertValid(answer.body, 'updateRecording', 200);
    expect(answer.body).toMatchObject({ title: before.title, summary: null, description: 'Line 1\nLine 2' });
  });

  it('gives back-to-back PATCHes strictly increasing updated_at values', async () => {
    const rec = freshRecording();
    const stamps: number[] = [];
    for (let i = 0; i < 5; i++) {
      const answer = await patch<Recording>(server, rec.uuid as string, { title: `Edit ${i}` });
      stamps.push(Date.parse(answer.body.metadata?.updated_at ?? ''));
    }
    for (let i = 1; i < stamps.length; i++) expect(stamps[i]).toBeGreaterThan(stamps[i - 1] as number);
  });

  it('ignores unknown and read-only fields inside recording', async () => {
    const before = freshRecording();
    const answer = await patch<Recording>(server, before.uuid as string, {
      title: 'Renamed',
      uuid: '00000000-0000-4000-8000-000000000000',
      console_logs: 'injected',
      metadata: { impressions_count: 999 },
      user: null,
    });
    expect(answer.status).toBe(200);
    expect(without(answer.body, 'title')).toEqual(without(before, 'title'));
  });

  it('leaves updated_at alone when nothing actually changes (same values, or only unknown fields)', async () => {
    const before = freshRecording();
    const same = await patch<Recording>(server, before.uuid as string, {
      title: before.title,
      summary: before.summary,
    });
    expect(same.status).toBe(200);
    expect(same.body).toEqual(before);
    const unknownOnly = await patch<Recording>(server, before.uuid as string, { colour: 'blue' });
    expect(unknownOnly.status).toBe(200);
    expect(unknownOnly.body).toEqual(before);
  });

  it('accepts a title of exactly 255 characters, counting emoji as one character each', async () => {
    for (const title of ['a'.repeat(255), '😀'.repeat(255)]) {
      const rec = freshRecording();
      const answer = await patch<Recording>(server, rec.uuid as string, { title });
      expect(answer.status).toBe(200);
      expect(answer.body.title).toBe(title);
    }
  });
});

describe('rejected PATCH', () => {
  const invalid: [string, unknown, string][] = [
    ['an empty title', { title: '' }, "Title can't be blank"],
    ['a whitespace title', { title: ' \t\n ' }, "Title can't be blank"],
    ['a null title', { title: null }, "Title can't be blank"],
    ['a numeric title', { title: 42 }, 'Title must be a string'],
    ['a 256-character title', { title: 'b'.repeat(256) }, 'Title is too long (maximum is 255 characters)'],
    ['a 256-emoji title', { title: '😀'.repeat(256) }, 'Title is too long (maximum is 255 characters)'],
    ['a numeric summary', { summary: 5 }, 'Summary must be a string or null'],
    ['an object description', { description: { text: 'x' } }, 'Description must be a string or null'],
    [
      'a bad field next to a good one',
      { title: 'fine', description: [] },
      'Description must be a string or null',
    ],
  ];

  it.each(invalid)('answers 422 for %s and changes nothing', async (_label, fields, message) => {
    const before = freshRecording();
    const answer = await patch(server, before.uuid as string, fields);
    expect(answer.status).toBe(422);
    spec.assertValid(answer.body, 'updateRecording', 422);
    expect(answer.body).toEqual({ error: message });
    expect(server.data.get(before.uuid as string)).toEqual(before);
  });

  it.each([
    ['not JSON', '{"recording": {"title": '],
    ['JSON without recording', '{"title": "x"}'],
    ['an empty recording', '{"recording": {}}'],
    ['recording as a string', '{"recording": "x"}'],
    ['a JSON array', '[]'],
    ['an empty body', ''],
  ])('answers 422 for a body that is %s', async (_label, raw) => {
    const before = freshRecording();
    const answer = await patch(server, before.uuid as string, raw);
    expect(answer.status).toBe(422);
    spec.assertValid(answer.body, 'updateRecording', 422);
    expect(server.data.get(before.uuid as string)).toEqual(before);
  });

  it('answers 404 for an unknown uuid', async () => {
    const answer = await patch(server, '3f0c6a8e-1111-4222-8333-444455556666', { title: 'x' });
    expect(answer.status).toBe(404);
    spec.assertValid(answer.body, 'updateRecording', 404);
    expect(answer.body).toEqual({ error: 'Recording not found' });
  });
});
