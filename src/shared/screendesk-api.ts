// Friendly names for the types generated from resources/screendesk-v2.openapi.json
// (regenerate with `npm run gen:api`; a test fails when the committed file is stale).
import type { components } from './screendesk-api.gen';

type S = components['schemas'];
export type Recording = S['Recording'];
export type RecordingMetadata = S['RecordingMetadata'];
export type HelpdeskInfo = S['HelpdeskInfo'];
export type TechnicalDetails = S['TechnicalDetails'];
export type RecordingUser = S['RecordingUser'];
export type RoomInsights = S['RoomInsights'];
export type ParticipantInsight = S['ParticipantInsight'];
export type Pagination = S['Pagination'];
export type RecordingType = NonNullable<RecordingMetadata['recording_type']>;
export type HelpdeskPlatform = NonNullable<HelpdeskInfo['platform']>;
/** The body of PATCH /recordings/{uuid}: only the fields being changed. */
export type RecordingUpdate = { title?: string; summary?: string | null; description?: string | null };

// The closed value sets of a recording, each declared once, as a record over the generated union: a
// value added to the OpenAPI file fails typecheck here until it has its label, and then reaches every
// list built from these (the search's qualifier values, the chips, the syntax help, the demo data).

/** Each recording type with its name for people. */
export const RECORDING_TYPE_LABELS = {
  Received: 'Received',
  Sent: 'Sent',
  Live: 'Live',
} as const satisfies Record<RecordingType, string>;

/** Each helpdesk platform with its name for people ("Help Scout" for `helpscout`). */
export const PLATFORM_LABELS = {
  zendesk: 'Zendesk',
  intercom: 'Intercom',
  freshdesk: 'Freshdesk',
  freshdesk_chat: 'Freshdesk Chat',
  helpscout: 'Help Scout',
  jira: 'Jira',
  'screendesk app': 'Screendesk app',
} as const satisfies Record<HelpdeskPlatform, string>;

/** Every recording type, in the order the API lists them. */
export const RECORDING_TYPES = Object.keys(RECORDING_TYPE_LABELS) as readonly RecordingType[];
/** Every helpdesk platform, in the order the API lists them. */
export const HELPDESK_PLATFORMS = Object.keys(PLATFORM_LABELS) as readonly HelpdeskPlatform[];

/** Whether `value` is one of the platforms the API names, exactly as it spells them. */
export function isHelpdeskPlatform(value: unknown): value is HelpdeskPlatform {
  return typeof value === 'string' && Object.hasOwn(PLATFORM_LABELS, value);
}
