// What a query of the fixed set (queries.ts) asks, in terms the alternatives to our index can answer:
// words that must all match, phrases, and filters on the recordings' columns. It understands exactly
// the qualifiers the set uses and refuses anything else, so a new query cannot be timed as something
// it is not. (The app's own parser, src/main/search/parse.ts, answers for the app: this one only has to
// make MiniSearch and the LIKE scan do the same work.)
import { hasCjk } from '../../src/main/search/cjk';

export type Filter =
  | { kind: 'equals'; column: 'recording_type' | 'platform'; value: string; negate: boolean }
  | { kind: 'contains'; columns: ('customer_email' | 'user_name' | 'user_email')[]; value: string }
  | { kind: 'ticket'; value: string }
  | { kind: 'range'; column: 'created_at' | 'duration'; op: '>' | '<'; value: number }
  | { kind: 'hasLogs' };

export interface Plan {
  /** Words every match holds, each as a prefix of a word in any text field. */
  words: string[];
  /** CJK words: found inside longer text (by bigrams in the index, by substring in a scan). */
  cjk: string[];
  /** Quoted phrases, as their words. */
  phrases: string[][];
  filters: Filter[];
}

const TOKEN = /-?[\w]+:"[^"]*"|"[^"]*"|\S+/gu;

/** Midnight of a YYYY-MM-DD day in this machine's time zone (the app's `created:` days), in ms. */
function dayStart(day: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) throw new Error(`Not a day: ${day}`);
  return new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])).getTime();
}

function qualifier(key: string, value: string, negate: boolean): Filter {
  const positive = (f: Filter): Filter => {
    if (negate) throw new Error(`-${key}: is not in the benchmark's plans`);
    return f;
  };
  switch (key) {
    case 'type':
      return { kind: 'equals', column: 'recording_type', value: value.toLowerCase(), negate };
    case 'platform':
      return { kind: 'equals', column: 'platform', value: value.toLowerCase(), negate };
    case 'customer':
      return positive({ kind: 'contains', columns: ['customer_email'], value: value.toLowerCase() });
    case 'user':
      return positive({ kind: 'contains', columns: ['user_name', 'user_email'], value: value.toLowerCase() });
    case 'ticket':
      return positive({ kind: 'ticket', value: value.toLowerCase() });
    case 'has':
      if (value !== 'logs') throw new Error(`has:${value} is not in the benchmark's plans`);
      return positive({ kind: 'hasLogs' });
    case 'created':
    case 'duration': {
      const op = value[0];
      if (op !== '>' && op !== '<') throw new Error(`${key}:${value}: only > and < are in the plans`);
      const rest = value.slice(1);
      const bound = key === 'created' ? dayStart(rest) : Number(rest);
      if (!Number.isFinite(bound)) throw new Error(`${key}:${value}: not a number`);
      return positive({
        kind: 'range',
        column: key === 'created' ? 'created_at' : 'duration',
        op,
        value: bound,
      });
    }
    default:
      throw new Error(`The qualifier ${key}: is not in the benchmark's plans`);
  }
}

/** The plan of `query`; throws on anything the fixed set does not use. */
export function planQuery(query: string): Plan {
  const plan: Plan = { words: [], cjk: [], phrases: [], filters: [] };
  for (const [token] of query.matchAll(TOKEN)) {
    const q = /^(-?)(\w+):(.+)$/u.exec(token);
    if (q?.[2] && q[3]) {
      plan.filters.push(qualifier(q[2].toLowerCase(), q[3], q[1] === '-'));
    } else if (token.startsWith('"')) {
      plan.phrases.push(token.slice(1, -1).toLowerCase().split(/\s+/u).filter(Boolean));
    } else if (token.startsWith('-')) {
      throw new Error(`Excluded words (${token}) are not in the benchmark's plans`);
    } else if (hasCjk(token)) {
      plan.cjk.push(token);
    } else {
      plan.words.push(token.toLowerCase());
    }
  }
  return plan;
}
