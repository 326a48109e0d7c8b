// Builds one realistic recording. Probabilities are rough guesses at a busy support team: most
// recordings come from customers, a few are live calls; many fields are null as the spec allows.
import type {
  HelpdeskPlatform,
  Recording,
  RecordingType,
  RecordingUser,
  TechnicalDetails,
} from '../../shared/screendesk-api';
import { agentUserFor } from './agents';
import { consoleLog, type ConsoleLogSource, type LogSize } from './console-logs';
import { DEMO_RECORDING_URL_PREFIX } from './constants';
import { helpdeskInfo, pickPlatform, recordingSource } from './helpdesk';
import { isoTime } from './iso-time';
import type { Rng } from './prng';
import { roomInsights } from './room-insights';
import { uuidV4 } from './uuid';
import {
  CUSTOMER_DOMAINS,
  CUSTOMER_FIRST,
  CUSTOMER_LAST,
  DESCRIPTION_LINES,
  ISPS,
  NASTY_TITLES,
  NETWORK_TYPES,
  SUMMARY_SENTENCES,
  TIMEZONES,
  TITLE_CONTEXTS,
  TITLE_PROBLEMS,
  VENDORS,
} from './vocabulary';

const DAY_MS = 86_400_000;

/** Choices the caller can force, so small data sets still show every variety. */
export interface RecordingTraits {
  type?: RecordingType;
  platform?: HelpdeskPlatform;
  logSize?: LogSize | null;
  nasty?: boolean;
  noUser?: boolean;
}

function pickType(rng: Rng): RecordingType {
  const x = rng.next();
  return x < 0.55 ? 'Received' : x < 0.85 ? 'Sent' : 'Live';
}

function pickLogSize(rng: Rng, type: RecordingType): LogSize | null {
  // Agents' own recordings rarely carry a customer's console; customers' recordings often do.
  const nullChance = type === 'Sent' ? 0.85 : type === 'Live' ? 0.6 : 0.3;
  if (rng.chance(nullChance)) return null;
  const x = rng.next();
  return x < 0.75 ? 'short' : x < 0.985 ? 'medium' : 'long';
}

function title(rng: Rng): string | null {
  if (rng.chance(0.07)) return null;
  const problem = rng.pick(TITLE_PROBLEMS);
  return rng.chance(0.4) ? `${problem} ${rng.pick(TITLE_CONTEXTS)}` : problem;
}

function paragraph(rng: Rng, pool: readonly string[], min: number, max: number, sep: string): string {
  const parts: string[] = [];
  const n = rng.range(min, max);
  for (let i = 0; i < n; i++) parts.push(rng.pick(pool));
  return parts.join(sep);
}

function ipAddress(rng: Rng): string {
  if (rng.chance(0.15)) return `2001:db8:${rng.int(0xffff).toString(16)}::${rng.int(0xffff).toString(16)}`;
  // Documentation ranges (RFC 5737): realistic shape, nobody's real address.
  return `${rng.pick(['192.0.2', '198.51.100', '203.0.113'])}.${rng.range(1, 254)}`;
}

function technicalDetails(rng: Rng, type: RecordingType): TechnicalDetails {
  if (type === 'Sent' && rng.chance(0.5)) {
    return { vendor: null, ip_address: null, timezone: null, network_type: null, isp: null };
  }
  // Each detail goes missing now and then: blocked lookups, privacy settings, old widget versions.
  return {
    vendor: rng.chance(0.1) ? null : rng.pick(VENDORS),
    ip_address: rng.chance(0.1) ? null : ipAddress(rng),
    timezone: rng.chance(0.1) ? null : rng.pick(TIMEZONES),
    network_type: rng.chance(0.1) ? null : rng.pick(NETWORK_TYPES),
    isp: rng.chance(0.1) ? null : rng.pick(ISPS),
  };
}

function customerEmail(rng: Rng, type: RecordingType): string | null {
  const present = type === 'Received' ? 0.9 : type === 'Sent' ? 0.8 : 0.7;
  if (!rng.chance(present)) return null;
  return `${rng.pick(CUSTOMER_FIRST)}.${rng.pick(CUSTOMER_LAST)}@${rng.pick(CUSTOMER_DOMAINS)}`;
}

function durationSeconds(rng: Rng, type: RecordingType): number {
  if (type === 'Live') return rng.range(120, 3600);
  return type === 'Sent' ? rng.range(10, 300) : rng.range(5, 600);
}

/** What every recording of one data set shares. */
export interface FactoryContext {
  /** No recording is updated after this instant. */
  nowMs: number;
  logs: ConsoleLogSource;
}

/** The part of a recording decided up front: enough to index, sort and filter it without building it. */
export interface RecordingPlan {
  uuid: string;
  type: RecordingType;
  platform: HelpdeskPlatform;
  user: RecordingUser;
}

/** Draws the plan; must be the first use of a recording's random stream so building can replay it. */
export function planRecording(rng: Rng, traits: RecordingTraits = {}): RecordingPlan {
  const uuid = uuidV4(rng);
  const type = traits.type ?? pickType(rng);
  const platform = traits.platform ?? pickPlatform(rng);
  // Some customer recordings arrive through a widget link before any agent owns them.
  const unowned = traits.noUser === true || (type === 'Received' && rng.chance(0.05));
  const user = unowned ? null : agentUserFor(rng.next());
  return { uuid, type, platform, user };
}

function logsFor(
  rng: Rng,
  createdMs: number,
  size: LogSize | null,
  nasty: boolean,
  ctx: FactoryContext,
): string | null {
  if (size === null) return null;
  return nasty ? consoleLog(rng, createdMs, size, true) : ctx.logs.next(rng, createdMs, size);
}

/** Builds the recording: `rng` must be the stream `plan` was drawn from, right after planRecording. */
export function buildRecording(
  rng: Rng,
  plan: RecordingPlan,
  createdMs: number,
  ctx: FactoryContext,
  traits: RecordingTraits = {},
): Recording {
  const { uuid, type, platform, user } = plan;
  const length = durationSeconds(rng, type);
  // Most recordings are touched once by processing right after upload; some are edited much later.
  const editWindow = Math.max(1, Math.min(60 * DAY_MS, ctx.nowMs - createdMs));
  const updatedMs = rng.chance(0.55)
    ? Math.min(ctx.nowMs, createdMs + rng.range(5, 120) * 1000)
    : createdMs + rng.int(editWindow);
  const logSize = traits.logSize !== undefined ? traits.logSize : pickLogSize(rng, type);
  return {
    uuid,
    title: traits.nasty ? rng.pick(NASTY_TITLES) : title(rng),
    summary: rng.chance(0.45) ? null : paragraph(rng, SUMMARY_SENTENCES, 1, 2, ' '),
    description: rng.chance(0.55) ? null : paragraph(rng, DESCRIPTION_LINES, 2, 5, '\n'),
    metadata: {
      created_at: isoTime(createdMs),
      updated_at: isoTime(Math.max(createdMs, updatedMs)),
      duration: rng.chance(0.04) ? null : length,
      impressions_count: Math.floor(-Math.log(1 - rng.next()) * (type === 'Sent' ? 6 : 2)),
      recording_type: type,
      recording_source: recordingSource(platform, type, rng),
      url: DEMO_RECORDING_URL_PREFIX + uuid,
      helpdesk_info: helpdeskInfo(platform, rng),
    },
    technical_details: technicalDetails(rng, type),
    console_logs: logsFor(rng, createdMs, logSize, traits.nasty === true, ctx),
    customer: { email: customerEmail(rng, type) },
    user,
    // A live recording is saved when the call ends.
    room_insights:
      type === 'Live' ? roomInsights(rng, createdMs - length * 1000, length, user?.name ?? null) : null,
  };
}
