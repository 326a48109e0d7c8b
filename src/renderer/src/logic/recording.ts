// A recording as the UI reads it. The cache holds the server's JSON as sent (unknown fields included,
// any field possibly missing or of the wrong type), so every value is read defensively here, once,
// and the views only see this typed shape.
import { isRecord, objectOf } from '../../../shared/json-object';
import { parseServerTimestamp } from '../../../shared/server-time';
import type { EditCurrent } from './validate';

/** One participant of a live call. */
export interface Participant {
  id: string;
  name: string | null;
  role: string | null;
  browser: string | null;
  os: string | null;
  device: string | null;
  deviceType: string | null;
  joinedAt: string | null;
  leftAt: string | null;
}

/** Room insights of a live call. */
export interface RoomView {
  startedAt: string | null;
  endedAt: string | null;
  duration: number | null;
  participantMinutes: number | null;
  uniqueParticipants: number | null;
  participants: Participant[];
}

/** Everything the recording view shows. */
export interface RecordingView {
  uuid: string;
  title: string | null;
  summary: string | null;
  description: string | null;
  createdAt: string | null;
  updatedAt: string | null;
  duration: number | null;
  views: number | null;
  type: string | null;
  source: string | null;
  url: string | null;
  helpdeskInfo: unknown;
  customerEmail: string | null;
  agentName: string | null;
  agentEmail: string | null;
  technical: {
    vendor: string | null;
    ip: string | null;
    timezone: string | null;
    network: string | null;
    isp: string | null;
  };
  consoleLogs: string | null;
  room: RoomView | null;
}

/** A string field, or null when missing, not a string, or empty. */
function str(v: unknown): string | null {
  return typeof v === 'string' && v !== '' ? v : null;
}

/** A finite number field (numeric strings accepted), or null. */
function num(v: unknown): number | null {
  if (typeof v === 'number' && Number.isFinite(v)) return v;
  if (typeof v === 'string' && v.trim() !== '' && Number.isFinite(Number(v))) return Number(v);
  return null;
}

function participant(v: unknown, i: number): Participant {
  const p = objectOf(v);
  return {
    id: str(p.participant_id) ?? `participant-${i + 1}`,
    name: str(p.display_name),
    role: str(p.role),
    browser: str(p.browser),
    os: str(p.os),
    device: str(p.device),
    deviceType: str(p.device_type),
    joinedAt: str(p.joined_at),
    leftAt: str(p.left_at),
  };
}

function room(r: unknown): RoomView | null {
  if (!isRecord(r)) return null;
  const list = Array.isArray(r.participants_insights) ? r.participants_insights : [];
  return {
    startedAt: str(r.started_at),
    endedAt: str(r.ended_at),
    duration: num(r.duration),
    participantMinutes: num(r.total_participant_minutes),
    uniqueParticipants: num(r.total_unique_participants),
    participants: list.map(participant),
  };
}

/** Reads a raw recording into the shape the view shows. */
export function readRecording(raw: Record<string, unknown>): RecordingView {
  const meta = objectOf(raw.metadata);
  const tech = objectOf(raw.technical_details);
  const user = objectOf(raw.user);
  return {
    uuid: str(raw.uuid) ?? '',
    title: typeof raw.title === 'string' ? raw.title : null,
    summary: typeof raw.summary === 'string' ? raw.summary : null,
    description: typeof raw.description === 'string' ? raw.description : null,
    createdAt: str(meta.created_at),
    updatedAt: str(meta.updated_at),
    duration: num(meta.duration),
    views: num(meta.impressions_count),
    type: str(meta.recording_type),
    source: str(meta.recording_source),
    url: str(meta.url),
    helpdeskInfo: meta.helpdesk_info,
    customerEmail: str(objectOf(raw.customer).email),
    agentName: str(user.name),
    agentEmail: str(user.email),
    technical: {
      vendor: str(tech.vendor),
      ip: str(tech.ip_address),
      timezone: str(tech.timezone),
      network: str(tech.network_type),
      isp: str(tech.isp),
    },
    consoleLogs: typeof raw.console_logs === 'string' ? raw.console_logs : null,
    room: room(raw.room_insights),
  };
}

/** One bar of the call timeline: where a participant's presence starts and ends, as fractions of the call. */
export interface TimelineBar {
  id: string;
  label: string;
  start: number;
  end: number;
  /** The participant's leave time is unknown: the bar runs to the end of the call. */
  openEnded: boolean;
}

/** Epoch ms of a server timestamp (UTC when it names no zone); NaN when missing or unreadable. */
function instant(value: string | null): number {
  return parseServerTimestamp(value) ?? NaN;
}

/** Timeline bars for a call; empty when the call's start or end is unknown. */
export function timelineBars(r: RoomView): TimelineBar[] {
  const t0 = instant(r.startedAt);
  const t1 = instant(r.endedAt);
  if (!Number.isFinite(t0) || !Number.isFinite(t1) || t1 <= t0) return [];
  const span = t1 - t0;
  const frac = (ms: number): number => Math.min(1, Math.max(0, (ms - t0) / span));
  return r.participants.map((p, i) => {
    const joined = instant(p.joinedAt);
    const left = instant(p.leftAt);
    const start = Number.isFinite(joined) ? frac(joined) : 0;
    const end = Number.isFinite(left) ? frac(left) : 1;
    return {
      id: p.id,
      label: p.name ?? `Participant ${i + 1}`,
      start,
      end: Math.max(start, end),
      openEnded: !Number.isFinite(left),
    };
  });
}

/** The editable fields of a recording as read, the values an editor opens on or measures against. */
export function editValues(rec: Pick<RecordingView, 'title' | 'summary' | 'description'>): EditCurrent {
  return { title: rec.title, summary: rec.summary, description: rec.description };
}
