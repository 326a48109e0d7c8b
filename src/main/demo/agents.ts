// The support agents (Screendesk users) who own recordings. One of them is the member whose token the
// demo hands out, so a member sees a realistic subset rather than nothing or everything.
import type { RecordingUser } from '../../shared/screendesk-api';

export interface DemoAgent {
  name: string;
  email: string;
  /** Relative share of recordings this agent owns. */
  weight: number;
}

export const DEMO_MEMBER_EMAIL = 'lea.muller@acme-support.example';

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { name: 'Léa Müller', email: DEMO_MEMBER_EMAIL, weight: 14 },
  { name: 'Marcus Okafor', email: 'marcus.okafor@acme-support.example', weight: 22 },
  { name: 'Zofia Wiśniewska', email: 'zofia.wisniewska@acme-support.example', weight: 18 },
  { name: 'José Ramírez', email: 'jose.ramirez@acme-support.example', weight: 16 },
  { name: '佐藤 美咲', email: 'misaki.sato@acme-support.example', weight: 12 },
  { name: 'Priya Natarajan', email: 'priya.natarajan@acme-support.example', weight: 10 },
  { name: 'Admin Account', email: 'admin@acme-support.example', weight: 5 },
];

const TOTAL_WEIGHT = DEMO_AGENTS.reduce((sum, a) => sum + a.weight, 0);
// Frozen user objects are shared by every recording of the agent: 100,000 copies would waste memory.
const AGENT_USERS: readonly RecordingUser[] = DEMO_AGENTS.map((a) =>
  Object.freeze({ email: a.email, name: a.name }),
);

/** Picks an agent's user object by weight from a uniform number in [0, 1). */
export function agentUserFor(u: number): RecordingUser {
  let x = u * TOTAL_WEIGHT;
  for (let i = 0; i < DEMO_AGENTS.length; i++) {
    x -= DEMO_AGENTS[i]?.weight ?? 0;
    if (x < 0) return AGENT_USERS[i] ?? null;
  }
  return AGENT_USERS[AGENT_USERS.length - 1] ?? null;
}
