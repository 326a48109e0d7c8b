// Recordings for the store and search tests: `recording()` builds one complete, spec-shaped record and
// deep-merges overrides, so a test states only what it is about. (The benchmark uses the demo data.)
import type { Recording } from '../../src/shared/screendesk-api';

type Json = Record<string, unknown>;

function isObj(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** Deep-merges `patch` into `base` (objects merged, everything else replaced; undefined deletes). */
export function merge(base: Json, patch: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(patch)) {
    if (v === undefined) delete out[k];
    else out[k] = isObj(v) && isObj(out[k]) ? merge(out[k] as Json, v) : v;
  }
  return out;
}

let counter = 0;

/** A deterministic uuid-shaped string for the n-th fixture. */
export function fixtureUuid(n: number): string {
  const hex = n.toString(16).padStart(12, '0');
  return `00000000-0000-4000-8000-${hex}`;
}

/** One complete recording; `patch` is deep-merged (e.g. `{ metadata: { duration: 5 } }`). */
export function recording(patch: Json = {}): Recording {
  counter++;
  const base: Json = {
    uuid: fixtureUuid(counter),
    title: `Recording ${counter}`,
    summary: null,
    description: null,
    metadata: {
      created_at: '2026-01-10T12:00:00Z',
      updated_at: '2026-01-10T12:05:00Z',
      duration: 30,
      impressions_count: 0,
      recording_type: 'Received',
      recording_source: 'Zendesk Ticket',
      url: `https://app.screendesk.io/recordings/${counter}`,
      helpdesk_info: { platform: 'zendesk', ticket_id: String(1000 + counter), conversation_id: null },
    },
    technical_details: {
      vendor: 'Chrome',
      ip_address: '10.0.0.1',
      timezone: 'Europe/Paris',
      network_type: 'wifi',
      isp: null,
    },
    console_logs: null,
    customer: { email: `customer${counter}@example.com` },
    user: { email: 'agent@support.example', name: 'Alex Agent' },
    room_insights: null,
  };
  return merge(base, patch) as Recording;
}
