// Session insights of a live video call: who joined, from which browser/OS/device, and when. Some
// fields are null as the real service leaves them when the video provider did not report them.
import type { ParticipantInsight, RoomInsights } from '../../shared/screendesk-api';
import { isoTime } from './iso-time';
import type { Rng } from './prng';
import { CLIENT_PROFILES, PARTICIPANT_NAMES } from './vocabulary';

/** Insights for a call that started at `startMs` and lasted `durationS` seconds, hosted by `hostName`. */
export function roomInsights(
  rng: Rng,
  startMs: number,
  durationS: number,
  hostName: string | null,
): RoomInsights {
  const count = rng.range(2, 6);
  const endMs = startMs + durationS * 1000;
  const participants: ParticipantInsight[] = [];
  let participantSeconds = 0;
  for (let i = 0; i < count; i++) {
    const host = i === 0;
    // The host is there from the start; guests drift in and some leave early.
    const joined = host ? startMs : startMs + rng.int(Math.max(1, Math.floor(durationS * 0.4))) * 1000;
    const left =
      host || rng.chance(0.6) ? endMs : joined + rng.int(Math.max(1, (endMs - joined) / 1000)) * 1000;
    const unknownLeave = !host && rng.chance(0.08);
    participantSeconds += (left - joined) / 1000;
    const profile = rng.pick(CLIENT_PROFILES);
    const reported = rng.chance(0.9);
    participants.push({
      participant_id: `prt_${rng.digits(6)}${i}`,
      display_name: host ? hostName : rng.chance(0.9) ? rng.pick(PARTICIPANT_NAMES) : null,
      role: host ? 'host' : rng.chance(0.85) ? 'guest' : null,
      browser: reported ? profile.browser : null,
      os: reported ? profile.os : null,
      device: reported ? profile.device : null,
      device_type: reported ? profile.deviceType : null,
      user_agent: reported ? profile.userAgent : null,
      joined_at: isoTime(joined),
      left_at: unknownLeave ? null : isoTime(left),
    });
  }
  return {
    started_at: isoTime(startMs),
    ended_at: isoTime(endMs),
    duration: durationS,
    total_participant_minutes: Math.round((participantSeconds / 60) * 100) / 100,
    total_unique_participants: count,
    participants_insights: participants,
  };
}
