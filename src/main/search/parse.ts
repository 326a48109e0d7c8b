// The query language, from text to tree. Grammar (informal):
//   query     := token*                      every token must hold (AND)
//   token     := ['-'] (word | "phrase" | key ':' value | key ':' "value")
// Words are prefix-matched, phrases matched as exact token sequences, both case- and accent-insensitive.
// Known keys: see QUALIFIER_KEYS. An unknown key, or a known key with a value that cannot be read, makes
// the token plain text (`foo:bar` searches for "foo bar"). Parsing never fails. `created:` days are the
// days of the time zone given (the app's), else of this process (TZ for sdesk).
import { resolveTimeZone } from '../../shared/time-zone';
import type { AndNode, FilterNode, LeafNode, NotNode } from './ast';
import type { Token } from '../../shared/query-lex';
import { lex } from '../../shared/query-lex';
import { parseDateRange, parseDurationRange, parsePlatform, parseRecordingType } from './values';

function nonEmpty(v: string): string | null {
  const t = v.trim();
  return t === '' ? null : t;
}

/** How to read a query: `timeZone` (IANA) gives `created:` its days; default: this process's zone. */
export interface ParseOptions {
  timeZone?: string;
}

/** The filter a key:value token stands for, or null when the key is unknown or the value unreadable. */
function parseQualifier(key: string, value: string, opts: ParseOptions = {}): FilterNode | null {
  const v = value.trim().toLowerCase();
  switch (key) {
    case 'type': {
      const t = parseRecordingType(v);
      return t && { kind: 'type', value: t };
    }
    case 'platform': {
      const p = parsePlatform(v);
      return p && { kind: 'platform', value: p };
    }
    case 'source':
    case 'customer':
    case 'user': {
      const text = nonEmpty(value);
      return text === null ? null : { kind: key, value: text };
    }
    case 'ticket': {
      const text = nonEmpty(value);
      return text === null ? null : { kind: 'ticket', value: text.toLowerCase() };
    }
    case 'created': {
      const range = parseDateRange(v, resolveTimeZone(opts.timeZone));
      return range && { kind: 'created', range };
    }
    case 'duration': {
      const range = parseDurationRange(v);
      return range && { kind: 'duration', range };
    }
    case 'has':
      if (v === 'logs' || v === 'log' || v === 'console_logs') return { kind: 'has', value: 'logs' };
      if (v === 'summary' || v === 'summaries') return { kind: 'has', value: 'summary' };
      return null;
    case 'is':
      return v === 'edited' ? { kind: 'is', value: 'edited' } : null;
    default:
      return null;
  }
}

function leafFor(token: Token, opts: ParseOptions): LeafNode {
  if (token.key !== undefined) {
    const filter = parseQualifier(token.key, token.value, opts);
    if (filter) return filter;
    return { kind: 'text', text: token.raw, phrase: false };
  }
  return { kind: 'text', text: token.value, phrase: token.quoted };
}

/** Parses a search box query into its tree. Total: any string gives a tree. */
export function parseQuery(query: string, opts: ParseOptions = {}): AndNode {
  const children: (LeafNode | NotNode)[] = lex(query).map((token) => {
    const leaf = leafFor(token, opts);
    return token.negated ? { kind: 'not', child: leaf } : leaf;
  });
  return { kind: 'and', children };
}
