import { beforeAll, describe, expect, it } from 'vitest';
import type { AccountDb } from '../../src/main/db';
import type { SearchRequest } from '../../src/main/search';
import { SNIPPET_MARK_END, SNIPPET_MARK_START, searchRecordings, splitSnippet } from '../../src/main/search';
import { recording } from '../helpers/db-fixtures';
import { freshAccountDb } from '../helpers/db-temp';

let adb: AccountDb;

// A small cache where each recording is there to be found (or not) by one construct.
const RECORDINGS = [
  recording({
    uuid: 'cafe',
    title: 'Erreur lors du paiement — Café Lumière',
    summary: 'Payment fails with error 500',
    metadata: {
      created_at: '2026-01-15T09:00:00Z',
      duration: 45,
      recording_type: 'Received',
      recording_source: 'Zendesk Ticket',
      helpdesk_info: { platform: 'zendesk', ticket_id: 'ZD-4711' },
    },
    customer: { email: 'zoë.martin@acme.com' },
    user: { email: 'sato@support.example', name: 'Misaki Sato' },
    console_logs: '[error] Uncaught TypeError: Cannot read properties of undefined',
  }),
  recording({
    uuid: 'checkout',
    title: 'Checkout button does nothing',
    description: 'The blank page appears after clicking pay.',
    metadata: {
      created_at: '2026-02-01T10:00:00Z',
      duration: 600,
      recording_type: 'Sent',
      recording_source: 'Intercom Operator',
      helpdesk_info: { platform: 'intercom', ticket_id: null, conversation_id: '998877' },
    },
    customer: { email: 'bob@globex.io' },
    user: { email: 'ines@support.example', name: 'Inès Dubois' },
  }),
  recording({
    uuid: 'live',
    title: 'Live call about the checkout flow',
    metadata: {
      created_at: '2025-12-31T23:59:59Z',
      duration: null,
      recording_type: 'Live',
      recording_source: 'Screendesk App',
      helpdesk_info: { platform: 'screendesk app', ticket_id: null },
    },
    customer: { email: null },
    user: { email: 'sato@support.example', name: 'Misaki Sato' },
    room_insights: { participants_insights: [{ display_name: 'Björn Johansson' }] },
  }),
  recording({
    uuid: 'jira',
    title: 'Export cuts off at 1,000 rows',
    summary: 'Only the first page of the CSV is exported.',
    metadata: {
      created_at: '2026-03-01T00:00:00Z',
      duration: 120,
      recording_type: 'Received',
      recording_source: 'Jira Issue',
      helpdesk_info: { platform: 'jira', ticket_id: null, issue_id: 'SUP-12' },
    },
    customer: { email: 'carol@acme.com' },
    user: { email: 'ines@support.example', name: 'Inès Dubois' },
    console_logs: '[warn] Slow network is detected. [error] ChunkLoadError: Loading chunk 732 failed.',
  }),
  recording({
    uuid: 'logs-only',
    title: 'Dashboard charts are blank',
    metadata: {
      created_at: '2026-02-15T00:00:00Z',
      duration: 30,
      recording_type: 'Sent',
      recording_source: 'Freshdesk Ticket',
      helpdesk_info: { platform: 'freshdesk' },
    },
    console_logs: 'checkout checkout checkout (the word appears only in the logs here)',
  }),
];

// UTC days, so the expectations hold on any machine; the zone's own tests are below.
const uuids = (req: SearchRequest | string): string[] =>
  searchRecordings(
    adb,
    typeof req === 'string' ? { query: req, sort: 'oldest', timeZone: 'UTC' } : req,
  ).results.map((r) => r.uuid);

beforeAll(() => {
  adb = freshAccountDb();
  adb.recordings.upsertPage(RECORDINGS);
  adb.sqlite
    .prepare(
      "INSERT INTO outbox (uuid, fields, base_values, status, created_at, updated_at) VALUES ('jira', '{}', '{}', 'pending', 1, 1), ('cafe', '{}', '{}', 'done', 1, 1)",
    )
    .run();
});

describe('words', () => {
  it('requires every word', () => {
    expect(uuids('checkout button')).toEqual(['checkout']);
    expect(uuids('checkout')).toEqual(['live', 'checkout', 'logs-only']);
  });

  it('matches prefixes', () => {
    expect(uuids('chec butt')).toEqual(['checkout']);
  });

  it('ignores case and accents both ways', () => {
    expect(uuids('cafe LUMIERE')).toEqual(['cafe']);
    expect(uuids('Bjorn')).toEqual(['live']);
    expect(uuids('dubóis')).toEqual(['checkout', 'jira']);
  });

  it('matches quoted phrases as consecutive words only', () => {
    expect(uuids('"blank page"')).toEqual(['checkout']);
    expect(uuids('"page blank"')).toEqual([]);
  });

  it('excludes words and phrases', () => {
    expect(uuids('checkout -button')).toEqual(['live', 'logs-only']);
    expect(uuids('-checkout')).toEqual(['cafe', 'jira']);
    expect(uuids('-"chunk 732"')).toEqual(['live', 'cafe', 'checkout', 'logs-only']);
  });

  it('searches summary, description, people, helpdesk ids, technical details and console logs', () => {
    expect(uuids('csv')).toEqual(['jira']);
    expect(uuids('pay')).toEqual(['cafe', 'checkout']);
    expect(uuids('globex')).toEqual(['checkout']);
    expect(uuids('misaki')).toEqual(['live', 'cafe']);
    expect(uuids('998877')).toEqual(['checkout']);
    expect(uuids('SUP-12')).toEqual(['jira']);
    expect(uuids('"Intercom Operator"')).toEqual(['checkout']);
    expect(uuids('typeerror')).toEqual(['cafe']);
    expect(uuids('europe/paris')).toHaveLength(RECORDINGS.length);
  });
});

describe('qualifiers', () => {
  it('type:', () => {
    expect(uuids('type:received')).toEqual(['cafe', 'jira']);
    expect(uuids('-type:live')).toEqual(['cafe', 'checkout', 'logs-only', 'jira']);
  });

  it('platform:', () => {
    expect(uuids('platform:zendesk')).toEqual(['cafe']);
    expect(uuids('platform:"screendesk app"')).toEqual(['live']);
    expect(uuids('-platform:jira type:received')).toEqual(['cafe']);
  });

  it('source: (start of the label, any case)', () => {
    expect(uuids('source:"zendesk ticket"')).toEqual(['cafe']);
    expect(uuids('source:jira')).toEqual(['jira']);
  });

  it('customer: (words of the customer email, accents ignored)', () => {
    expect(uuids('customer:acme.com')).toEqual(['cafe', 'jira']);
    expect(uuids('customer:zoe')).toEqual(['cafe']);
    expect(uuids('customer:sato')).toEqual([]);
  });

  it('user: (agent name or email)', () => {
    expect(uuids('user:sato')).toEqual(['live', 'cafe']);
    expect(uuids('user:ines@support')).toEqual(['checkout', 'jira']);
    expect(uuids('user:zoe')).toEqual([]);
  });

  it('ticket: (any helpdesk id, whole and any case)', () => {
    expect(uuids('ticket:zd-4711')).toEqual(['cafe']);
    expect(uuids('ticket:998877')).toEqual(['checkout']);
    expect(uuids('ticket:SUP-12')).toEqual(['jira']);
    expect(uuids('ticket:SUP-1')).toEqual([]);
  });

  it('created: (days of the zone given, here UTC; inclusive ranges)', () => {
    expect(uuids('created:2026-01-15')).toEqual(['cafe']);
    expect(uuids('created:>2026-02-01')).toEqual(['logs-only', 'jira']);
    expect(uuids('created:>=2026-02-01')).toEqual(['checkout', 'logs-only', 'jira']);
    expect(uuids('created:<2026-01-01')).toEqual(['live']);
    expect(uuids('created:<=2025-12-31')).toEqual(['live']);
    expect(uuids('created:2026-01-15..2026-02-01')).toEqual(['cafe', 'checkout']);
  });

  it('duration: (seconds; unknown durations match no comparison)', () => {
    expect(uuids('duration:>60')).toEqual(['checkout', 'jira']);
    expect(uuids('duration:<60')).toEqual(['cafe', 'logs-only']);
    expect(uuids('duration:>=120')).toEqual(['checkout', 'jira']);
    expect(uuids('duration:30..45')).toEqual(['cafe', 'logs-only']);
    expect(uuids('-duration:>60')).toEqual(['live', 'cafe', 'logs-only']);
  });

  it('has:logs, has:summary, is:edited', () => {
    expect(uuids('has:logs')).toEqual(['cafe', 'logs-only', 'jira']);
    expect(uuids('has:summary')).toEqual(['cafe', 'jira']);
    expect(uuids('is:edited')).toEqual(['jira']);
    expect(uuids('-is:edited type:received')).toEqual(['cafe']);
  });

  it('combines qualifiers with words', () => {
    expect(uuids('checkout type:sent -has:logs')).toEqual(['checkout']);
  });

  it('filters the same next to words (index facets) as alone (SQL)', () => {
    // "europe/paris" is in every recording's technical details: with it, the qualifier narrows a match.
    const qualifiers = [
      'type:received',
      'type:sent',
      'type:live',
      '-type:live',
      'platform:zendesk',
      'platform:intercom',
      'platform:"screendesk app"',
      'platform:jira',
      'platform:freshdesk',
      '-platform:jira',
      'has:logs',
      '-has:logs',
      'has:summary',
      '-has:summary',
      'type:received -has:summary',
    ];
    for (const q of qualifiers) expect(uuids(`europe/paris ${q}`), q).toEqual(uuids(q));
    expect(uuids('europe/paris platform:zendesk')).toEqual(['cafe']);
  });

  it('never lets a typed word match a facet of the index', () => {
    expect(uuids('typesent')).toEqual([]);
    expect(uuids('platformzendesk')).toEqual([]);
    expect(uuids('haslogs')).toEqual([]);
  });

  it('searches an unknown qualifier or unreadable value as words instead of failing', () => {
    expect(uuids('foo:bar')).toEqual([]);
    expect(uuids('created:>notadate')).toEqual([]);
  });
});

describe('order, paging, count', () => {
  it('ranks by relevance when there are words: a title hit before a console-log hit', () => {
    const res = searchRecordings(adb, { query: 'checkout' });
    expect(res.sort).toBe('relevance');
    expect(res.results.map((r) => r.uuid).at(-1)).toBe('logs-only');
    expect(
      res.results
        .map((r) => r.uuid)
        .slice(0, 2)
        .sort(),
    ).toEqual(['checkout', 'live']);
  });

  it('ranks a title hit first whatever its accents: "cafe" raises "Café"', () => {
    const accents = freshAccountDb();
    accents.recordings.upsertPage([
      recording({
        uuid: 'title-hit',
        title: 'Café Lumière crashes',
        metadata: { created_at: '2026-01-01T00:00:00Z' },
      }),
      recording({
        uuid: 'log-hit',
        title: 'Other',
        console_logs: 'cafe',
        metadata: { created_at: '2026-06-01T00:00:00Z' },
      }),
    ]);
    const ranked = (query: string): string[] =>
      searchRecordings(accents, { query }).results.map((r) => r.uuid);
    expect(ranked('cafe')).toEqual(['title-hit', 'log-hit']);
    expect(ranked('CAFÉ')).toEqual(['title-hit', 'log-hit']);
  });

  it('sorts by newest without words, by oldest or longest on request', () => {
    expect(uuids({ query: '' })).toEqual(['jira', 'logs-only', 'checkout', 'cafe', 'live']);
    expect(searchRecordings(adb, { query: 'type:sent' }).sort).toBe('newest');
    expect(uuids({ query: '', sort: 'oldest' })).toEqual(['live', 'cafe', 'checkout', 'logs-only', 'jira']);
    expect(uuids({ query: '', sort: 'longest' })).toEqual(['checkout', 'jira', 'cafe', 'logs-only', 'live']);
    expect(uuids({ query: 'checkout', sort: 'newest' })).toEqual(['logs-only', 'checkout', 'live']);
  });

  it('pages with limit and offset, and counts every match', () => {
    const page1 = searchRecordings(adb, { query: '', limit: 2 });
    const page2 = searchRecordings(adb, { query: '', limit: 2, offset: 2 });
    const page3 = searchRecordings(adb, { query: '', limit: 2, offset: 4 });
    expect([page1, page2, page3].map((p) => p.total)).toEqual([5, 5, 5]);
    expect([...page1.results, ...page2.results, ...page3.results].map((r) => r.uuid)).toEqual(
      uuids({ query: '' }),
    );
    expect(searchRecordings(adb, { query: 'checkout', limit: 1 }).total).toBe(3);
    expect(searchRecordings(adb, { query: 'type:received', limit: 1, offset: 1 }).total).toBe(2);
    expect(searchRecordings(adb, { query: '', offset: 50 })).toMatchObject({ total: 5, results: [] });
  });

  it('clamps silly limits and offsets instead of failing', () => {
    expect(searchRecordings(adb, { query: '', limit: -5 }).results).toHaveLength(0);
    expect(searchRecordings(adb, { query: '', limit: Number.NaN }).results).toHaveLength(5);
    expect(searchRecordings(adb, { query: '', limit: 1e9, offset: -3 }).results).toHaveLength(5);
  });
});

describe('results', () => {
  it('carry the list columns as a list row shows them', () => {
    const [hit] = searchRecordings(adb, { query: 'ticket:zd-4711' }).results;
    expect(hit).toEqual({
      uuid: 'cafe',
      title: 'Erreur lors du paiement — Café Lumière',
      summary: 'Payment fails with error 500',
      recording_type: 'Received',
      platform: 'zendesk',
      source: 'Zendesk Ticket',
      created_at: '2026-01-15T09:00:00.000Z',
      updated_at: '2026-01-10T12:05:00.000Z',
      duration: 45,
      customer_email: 'zoë.martin@acme.com',
      user_email: 'sato@support.example',
      user_name: 'Misaki Sato',
      has_logs: true,
      has_summary: true,
      edited: false,
      snippet: null,
    });
    expect(searchRecordings(adb, { query: 'is:edited' }).results[0]?.edited).toBe(true);
  });

  it('highlight matches in a plain-text snippet with the private markers', () => {
    const [hit] = searchRecordings(adb, { query: 'cafe' }).results;
    expect(hit?.snippet).toBe(
      `Erreur lors du paiement — ${SNIPPET_MARK_START}Café${SNIPPET_MARK_END} Lumière`,
    );
    expect(splitSnippet(hit?.snippet ?? '')).toEqual([
      { text: 'Erreur lors du paiement — ', match: false },
      { text: 'Café', match: true },
      { text: ' Lumière', match: false },
    ]);
  });

  it('takes the snippet from where the match is, console logs included', () => {
    const hit = searchRecordings(adb, { query: 'chunkloaderror', sort: 'newest' }).results[0];
    expect(hit?.snippet).toContain(`${SNIPPET_MARK_START}ChunkLoadError${SNIPPET_MARK_END}`);
  });

  it('still finds a recording whose stored record was damaged on disk, without a snippet from it', () => {
    const damaged = freshAccountDb();
    damaged.recordings.upsertPage([
      recording({ uuid: 'd', title: 'Nothing here', description: 'The quartz clock stopped' }),
    ]);
    // Damaged in place, its indexed values unchanged (so no trigger reads it again): the index and the
    // list row still have it, the record itself is no longer JSON.
    damaged.sqlite.prepare(`UPDATE recording_payloads SET raw = '{"title": "Noth'`).run();
    const r = searchRecordings(damaged, { query: 'quartz' });
    expect(r.results.map((h) => [h.uuid, h.snippet])).toEqual([['d', null]]);
  });

  it('never lets recording text forge a highlight marker', () => {
    const forged = freshAccountDb();
    forged.recordings.upsertPage([
      recording({ uuid: 'f', title: `Fake \u0002bold\u0003 title`, console_logs: 'x\u0002y\u0003z' }),
    ]);
    const [hit] = searchRecordings(forged, { query: 'title' }).results;
    expect(hit?.snippet).toBe(`Fake  bold  ${SNIPPET_MARK_START}title${SNIPPET_MARK_END}`);
  });

  it('counts every match, however many, so a long result list can be scrolled to its end', () => {
    const many = freshAccountDb();
    const n = 2_345;
    many.recordings.upsertPage(
      Array.from({ length: n }, (_, i) => recording({ uuid: `m${i}`, title: `Common ${i}` })),
    );
    expect(searchRecordings(many, { query: 'common', limit: 10 }).total).toBe(n);
    expect(searchRecordings(many, { query: 'common', limit: 10, sort: 'newest' }).total).toBe(n);
    const last = searchRecordings(many, { query: 'common', limit: 10, offset: n - 3 });
    expect(last.total).toBe(n);
    expect(last.results).toHaveLength(3);
    expect(searchRecordings(many, { query: '', limit: 10 }).total).toBe(n);
  });
});

describe("created: in the user's time zone, on a real cache", () => {
  // 22:00 on 15 January in New York, and 22:00 on the 14th.
  const late = recording({ uuid: 'ny-late-15th', metadata: { created_at: '2026-01-16T03:00:00Z' } });
  const early = recording({ uuid: 'ny-late-14th', metadata: { created_at: '2026-01-15T03:00:00Z' } });
  let zoned: AccountDb;
  const original = process.env.TZ;

  beforeAll(() => {
    zoned = freshAccountDb();
    zoned.recordings.upsertPage([late, early]);
    return () => {
      if (original === undefined) delete process.env.TZ;
      else process.env.TZ = original;
    };
  });

  const found = (req: SearchRequest): string[] =>
    searchRecordings(zoned, { sort: 'oldest', ...req }).results.map((r) => r.uuid);

  it("without a zone, the days are the machine's (TZ=America/New_York)", () => {
    process.env.TZ = 'America/New_York';
    expect(found({ query: 'created:2026-01-15' })).toEqual(['ny-late-15th']);
    expect(found({ query: 'created:2026-01-14' })).toEqual(['ny-late-14th']);
    expect(found({ query: 'created:>=2026-01-15' })).toEqual(['ny-late-15th']);
  });

  it("with a zone, the days are that zone's, whatever the machine's", () => {
    process.env.TZ = 'Asia/Tokyo';
    expect(found({ query: 'created:2026-01-15', timeZone: 'America/New_York' })).toEqual(['ny-late-15th']);
    expect(found({ query: 'created:2026-01-15..2026-01-15', timeZone: 'America/New_York' })).toEqual([
      'ny-late-15th',
    ]);
    // In Tokyo itself they fall on the 16th and the 15th.
    expect(found({ query: 'created:2026-01-15' })).toEqual(['ny-late-14th']);
  });
});
