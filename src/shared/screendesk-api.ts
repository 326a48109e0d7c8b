// Friendly names for the types generated from resources/screendesk-v2.openapi.json
// (regenerate with `npm run gen:api`; a test fails when the committed file is stale).
import type { components } from './screendesk-api.gen';

type S = components['schemas'];
export type Recording = S['Recording'];
export type RecordingMetadata = S['RecordingMetadata'];
export type HelpdeskInfo = S['HelpdeskInfo'];
export type TechnicalDetails = S['TechnicalDetails'];
export type Customer = S['Customer'];
export type RecordingUser = S['RecordingUser'];
export type RoomInsights = S['RoomInsights'];
export type ParticipantInsight = S['ParticipantInsight'];
export type Pagination = S['Pagination'];
export type RecordingType = NonNullable<RecordingMetadata['recording_type']>;
export type HelpdeskPlatform = NonNullable<HelpdeskInfo['platform']>;
/** The body of PATCH /recordings/{uuid}: only the fields being changed. */
export type RecordingUpdate = { title?: string; summary?: string | null; description?: string | null };
/** A page of GET /recordings as the spec describes it. */
export type RecordingListResponse = { pagination?: Pagination; records?: Recording[] };

export const RECORDING_TYPES: readonly RecordingType[] = ['Received', 'Sent', 'Live'];
export const HELPDESK_PLATFORMS: readonly HelpdeskPlatform[] = [
  'zendesk',
  'intercom',
  'freshdesk',
  'freshdesk_chat',
  'helpscout',
  'jira',
  'screendesk app',
];
