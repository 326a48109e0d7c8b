import { z } from 'zod';
import type { Recording } from '../../shared/screendesk-api';

// A lenient reading of the spec's Recording. Every field `.catch`es: a value of the wrong type becomes
// null where the spec allows null and disappears otherwise, so one odd field never costs the record.
// looseObject keeps fields the spec does not know yet. Enum values we do not know are dropped from
// this typed view only: the raw JSON, which the cache stores, keeps them.

const str = z.string().optional().catch(undefined);
const nullableStr = z.string().nullable().optional().catch(null);
const num = z.number().optional().catch(undefined);
const nullableNum = z.number().nullable().optional().catch(null);

const helpdeskInfo = z.looseObject({
  platform: z
    .enum(['zendesk', 'intercom', 'freshdesk', 'freshdesk_chat', 'helpscout', 'jira', 'screendesk app'])
    .optional()
    .catch(undefined),
  conversation_id: nullableStr,
  ticket_id: nullableStr,
  user_id: nullableStr,
  operator_id: nullableStr,
  customer_id: nullableStr,
  issue_id: nullableStr,
});

const metadata = z.looseObject({
  created_at: str,
  updated_at: str,
  duration: nullableNum,
  impressions_count: num,
  recording_type: z.enum(['Received', 'Sent', 'Live']).optional().catch(undefined),
  recording_source: str,
  url: str,
  helpdesk_info: helpdeskInfo.optional().catch(undefined),
});

const technicalDetails = z.looseObject({
  vendor: nullableStr,
  ip_address: nullableStr,
  timezone: nullableStr,
  network_type: nullableStr,
  isp: nullableStr,
});

const participant = z.looseObject({
  participant_id: str,
  display_name: nullableStr,
  role: nullableStr,
  browser: nullableStr,
  os: nullableStr,
  device: nullableStr,
  device_type: nullableStr,
  user_agent: nullableStr,
  joined_at: nullableStr,
  left_at: nullableStr,
});

const roomInsights = z.looseObject({
  started_at: nullableStr,
  ended_at: nullableStr,
  duration: nullableNum,
  total_participant_minutes: nullableNum,
  total_unique_participants: nullableNum,
  // One malformed participant is dropped, not the whole list.
  participants_insights: z
    .array(z.unknown())
    .transform((items) => {
      const kept: z.output<typeof participant>[] = [];
      for (const item of items) {
        const parsed = participant.safeParse(item);
        if (parsed.success) kept.push(parsed.data);
      }
      return kept;
    })
    .nullable()
    .optional()
    .catch(null),
});

/** The lenient Recording schema; `uuid` is checked by the caller before parsing. */
export const recordingSchema = z.looseObject({
  uuid: z.string(),
  title: nullableStr,
  summary: nullableStr,
  description: nullableStr,
  metadata: metadata.optional().catch(undefined),
  technical_details: technicalDetails.optional().catch(undefined),
  console_logs: nullableStr,
  customer: z.looseObject({ email: nullableStr }).optional().catch(undefined),
  user: z.looseObject({ email: str, name: str }).nullable().optional().catch(null),
  room_insights: roomInsights.nullable().optional().catch(null),
});

// Compile-time proof that what the schema yields is a spec Recording.
type Parsed = z.output<typeof recordingSchema>;
const _isRecording = (p: Parsed): Recording => p;
void _isRecording;
