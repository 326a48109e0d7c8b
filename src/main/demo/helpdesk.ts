// Which helpdesk a recording came from, the label Screendesk shows for it, and the ids that helpdesk
// really uses (Zendesk and Freshdesk have tickets, Intercom, Help Scout and Freshdesk Chat have
// conversations, Jira has issues, the Screendesk app has none).
import type { HelpdeskInfo, HelpdeskPlatform, RecordingType } from '../../shared/screendesk-api';
import { HELPDESK_PLATFORMS } from '../../shared/screendesk-api';
import type { Rng } from './prng';

/**
 * Relative frequency of each platform: most customers run Zendesk or Intercom. A record over the API's
 * platforms, so a platform added to the spec fails typecheck here until the demo can produce it.
 */
const WEIGHT_OF = {
  zendesk: 34,
  intercom: 24,
  freshdesk: 10,
  freshdesk_chat: 6,
  helpscout: 10,
  jira: 8,
  'screendesk app': 8,
} as const satisfies Record<HelpdeskPlatform, number>;
const PLATFORM_WEIGHTS = HELPDESK_PLATFORMS.map((p) => [p, WEIGHT_OF[p]] as const);
const TOTAL = PLATFORM_WEIGHTS.reduce((s, [, w]) => s + w, 0);

/** Picks a platform by weight. */
export function pickPlatform(rng: Rng): HelpdeskPlatform {
  let x = rng.next() * TOTAL;
  for (const [platform, weight] of PLATFORM_WEIGHTS) {
    x -= weight;
    if (x < 0) return platform;
  }
  return 'zendesk';
}

/** The human-readable source label the API sends in metadata.recording_source. */
export function recordingSource(platform: HelpdeskPlatform, type: RecordingType, rng: Rng): string {
  switch (platform) {
    case 'zendesk':
      return 'Zendesk Ticket';
    case 'intercom':
      // An operator sends or hosts from the inbox; customers record from the Messenger widget.
      if (type === 'Received') return 'Intercom Messenger';
      return type === 'Sent' || rng.chance(0.7) ? 'Intercom Operator' : 'Intercom Messenger';
    case 'freshdesk':
      return 'Freshdesk Ticket';
    case 'freshdesk_chat':
      return 'Freshdesk Chat';
    case 'helpscout':
      return 'Help Scout Conversation';
    case 'jira':
      return 'Jira Issue';
    case 'screendesk app':
      return 'Screendesk App';
  }
}

function hex(rng: Rng, length: number): string {
  return rng.hex(length);
}

/** The helpdesk ids for one recording; every key is present, the ones that don't apply are null. */
export function helpdeskInfo(platform: HelpdeskPlatform, rng: Rng): HelpdeskInfo {
  const info: HelpdeskInfo = {
    platform,
    conversation_id: null,
    ticket_id: null,
    user_id: null,
    operator_id: null,
    customer_id: null,
    issue_id: null,
  };
  switch (platform) {
    case 'zendesk':
      info.ticket_id = rng.digits(rng.range(4, 6));
      info.user_id = rng.digits(13);
      info.operator_id = rng.chance(0.8) ? rng.digits(13) : null;
      break;
    case 'intercom':
      info.conversation_id = rng.digits(15);
      info.user_id = hex(rng, 24);
      info.operator_id = rng.digits(7);
      break;
    case 'freshdesk':
      info.ticket_id = rng.digits(rng.range(3, 5));
      info.customer_id = rng.digits(11);
      info.operator_id = rng.chance(0.7) ? rng.digits(11) : null;
      break;
    case 'freshdesk_chat':
      info.conversation_id = `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
      info.user_id = `${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
      info.operator_id = rng.chance(0.6) ? hex(rng, 24) : null;
      break;
    case 'helpscout':
      info.conversation_id = rng.digits(10);
      info.customer_id = rng.digits(9);
      break;
    case 'jira':
      info.issue_id = `${rng.pick(['SUP', 'BUG', 'CS', 'OPS'])}-${rng.range(1, 9999)}`;
      info.user_id = `${hex(rng, 6)}:${hex(rng, 8)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 4)}-${hex(rng, 12)}`;
      break;
    case 'screendesk app':
      break;
    default: {
      // A platform new to the spec fails typecheck here: the demo must learn its ids.
      const unknown: never = platform;
      throw new Error(`The demo has no helpdesk ids for ${String(unknown)}`);
    }
  }
  return info;
}
