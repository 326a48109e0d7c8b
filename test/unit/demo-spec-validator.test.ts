// The spec validator helper must reject what the spec rejects, or every test using it proves nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { generateRecordings } from '../../src/main/demo';
import { createSpecValidator, type SpecValidator } from '../helpers/demo-spec-validator';

let loose: SpecValidator;
let strict: SpecValidator;
beforeAll(async () => {
  [loose, strict] = await Promise.all([createSpecValidator(), createSpecValidator({ strict: true })]);
});

const [sample] = generateRecordings(1);

describe('createSpecValidator', () => {
  it('accepts a generated recording, with null room_insights and null user allowed', () => {
    expect(strict.errors(sample, 'getRecording', 200)).toEqual([]);
    expect(strict.errors({ ...sample, room_insights: null, user: null }, 'getRecording', 200)).toEqual([]);
  });

  it.each([
    ['a non-uuid uuid', { uuid: 'abc' }, '/uuid must match format "uuid"'],
    ['a wrong type', { title: 5 }, '/title must be string'],
    [
      'an unknown recording type',
      { metadata: { recording_type: 'Other' } },
      '/metadata/recording_type must be equal to one of the allowed values',
    ],
    [
      'an unparsable date',
      { metadata: { created_at: 'yesterday' } },
      '/metadata/created_at must match format "date-time"',
    ],
    ['a relative url', { metadata: { url: '/recordings/1' } }, '/metadata/url must match format "uri"'],
    ['a bad email', { customer: { email: 'nobody' } }, '/customer/email must match format "email"'],
    ['a broken room', { room_insights: { duration: 'long' } }, '/room_insights/duration must be integer'],
  ])('reports %s', (_label, body, message) => {
    expect(loose.errors(body, 'getRecording', 200)).toContain(message);
  });

  it('reports an error body without "error" and a status the operation does not document', () => {
    expect(loose.errors({ message: 'x' }, 'getRecording', 404)).toEqual([
      "(root) must have required property 'error'",
    ]);
    expect(loose.errors({ error: 'x' }, 'listRecordings', 404)[0]).toMatch(/status 404 is not documented/);
  });

  it('rejects unlisted properties only in strict mode', () => {
    const body = { pagination: { count: 1, colour: 'red' }, records: [] };
    expect(loose.errors(body, 'listRecordings', 200)).toEqual([]);
    expect(strict.errors(body, 'listRecordings', 200)).toEqual([
      '/pagination must NOT have additional properties',
    ]);
  });

  it('assertValid throws with the problems listed', () => {
    expect(() => loose.assertValid({ uuid: 'abc' }, 'getRecording', 200)).toThrow(
      /getRecording 200[\s\S]*uuid/,
    );
  });
});
