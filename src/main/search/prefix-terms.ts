// The terms of the index a word's prefix stands for, so that a word can be asked for by name.
//
// Every word of a query is a prefix ("checkout" also finds "CheckoutForm"), and FTS5 answers a prefix by
// reading the whole doclist of every term it expands to, positions and all, into one list in memory
// before the query can skip through it; terms asked for by name are read only where the query's other
// words leave candidates. Measured on 100,000 demo recordings (count of the matches alone, in one
// process, alternating): `"checkout"* AND "button"* AND facets : …zendesk` 6.8 ms, and 1.7 ms as
// `("checkout" OR "checkoutform") AND …`; `"invoice"* AND "vat"*` 2.2 → 0.7 ms; `"cafe"* AND "lumiere"*`
// 5.7 → 3.6 ms (seven "cafe…" terms). Listing the terms (fts5vocab, which counts each term's documents
// as it goes) costs 0.2-1.6 ms a word, so the lists are kept per connection until the cache changes:
// as you type, the words already typed are listed once.
//
// Only words that are one run of ASCII letters and digits are listed: for those the tokenizer's folding is
// exactly lower case, so the prefix is known here as the index holds it; any other word stays a prefix
// query. So does one whose prefix stands for more than MAX_TERMS terms, and one of one or two characters
// (the index keeps those prefixes as terms of their own, drizzle/0013_recordings_fts_v6.sql).
import type { Database } from 'better-sqlite3';
import { cacheVersion } from './cache-version';
import { cachedStatement } from './statements';

/** A word expands by name only to at most this many terms; beyond, FTS5's own prefix query is cheaper. */
export const MAX_TERMS = 16;
/** Lists kept per connection (least recently used dropped first). */
const MAX_LISTS = 256;
const SIMPLE_WORD = /^[A-Za-z0-9]{3,}$/;
// The per-connection view of the main index's vocabulary (temp: nothing is stored, any connection may
// create it, read-only ones included).
const VOCAB = 'temp.recordings_fts_terms';

/**
 * The terms a word typed as `word` stands for as a prefix, in order (none: no recording holds one); null
 * when it is not to be expanded (see the top of this file).
 */
export type PrefixTerms = (word: string) => readonly string[] | null;

interface Lists {
  /** The cache's version when the lists were made (cache-version.ts). */
  version: string;
  byPrefix: Map<string, readonly string[] | null>;
}

const listsOf = new WeakMap<Database, Lists>();

/** The terms of the main index starting with `prefix`, in order; null when there are more than MAX_TERMS. */
function listTerms(sqlite: Database, prefix: string): readonly string[] | null {
  sqlite.exec(`CREATE VIRTUAL TABLE IF NOT EXISTS ${VOCAB} USING fts5vocab(main, 'recordings_fts', 'row')`);
  // U+10FFFF sorts after every character a term can hold (the tokenizer treats it as a separator).
  const terms = cachedStatement(sqlite, `SELECT term FROM ${VOCAB} WHERE term >= ? AND term < ? LIMIT ?`)
    .pluck()
    .all(prefix, `${prefix}\u{10FFFF}`, MAX_TERMS + 1) as string[];
  const listed = terms.filter((t) => t.startsWith(prefix));
  // A term that is not plain ASCII might not read back as itself once quoted in a query.
  if (listed.length > MAX_TERMS || listed.some((t) => !/^[a-z0-9]+$/.test(t))) return null;
  return listed;
}

/** The prefix lister of a connection: lists are reused until the cache changes. */
export function prefixTerms(sqlite: Database): PrefixTerms {
  const version = cacheVersion(sqlite);
  let lists = listsOf.get(sqlite);
  if (lists?.version !== version) {
    lists = { version, byPrefix: new Map() };
    listsOf.set(sqlite, lists);
  }
  const { byPrefix } = lists;
  return (word) => {
    if (!SIMPLE_WORD.test(word)) return null;
    const prefix = word.toLowerCase();
    let terms = byPrefix.get(prefix);
    if (terms === undefined) {
      terms = listTerms(sqlite, prefix);
      if (byPrefix.size >= MAX_LISTS) byPrefix.delete(byPrefix.keys().next().value!);
    } else byPrefix.delete(prefix); // re-inserted below: Map order = least recently used first
    byPrefix.set(prefix, terms);
    return terms;
  };
}
