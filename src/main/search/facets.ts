// The facet tokens of the search index: type, platform, and whether there are logs and a summary. The
// app writes them with each row (recording_payloads.search_facets, built here by facetTokens) and the
// index reads them from there (drizzle/0012_recordings_fts_v5.sql). Next to words, the
// qualifiers `type:`, `platform:` and `has:` become FTS5 terms on the `facets` column, so FTS5 drops
// the non-matching recordings itself instead of each match's row being read to check them.
import type { FilterNode } from './ast';

/** The private-use character every facet token starts with: no typed word contains it. */
const FACET_MARK = '\uE000';

/** The qualifiers answered by a facet token. */
export type FacetFilter = Extract<FilterNode, { kind: 'type' | 'platform' | 'has' }>;

/** True for a qualifier the facets can answer. */
export function isFacetFilter(f: FilterNode): f is FacetFilter {
  return f.kind === 'type' || f.kind === 'platform' || f.kind === 'has';
}

/**
 * A facet token: the mark, then the name and value in lower case with only letters and digits, so that
 * the tokenizer keeps it whole (a server value with a hyphen must not leave a bare word in the index).
 */
function token(name: string, value = ''): string {
  return `${FACET_MARK}${name}${value.toLowerCase().replace(/[^\p{L}\p{N}]/gu, '')}`;
}

/** The facet token of a qualifier (the same spelling as facetTokens gives the index). */
function facetToken(f: FacetFilter): string {
  return f.kind === 'has' ? token(`has${f.value}`) : token(f.kind, f.value);
}

/** What a recording's facet tokens are made of (its narrow row's values, see src/main/db/extract.ts). */
export interface FacetValues {
  recordingType: string | null;
  platform: string | null;
  hasLogs: boolean;
  hasSummary: boolean;
}

/** The facet tokens the index holds for a recording, space-separated; null when there are none. */
export function facetTokens(v: FacetValues): string | null {
  const tokens = [
    v.recordingType === null ? null : token('type', v.recordingType),
    v.platform === null ? null : token('platform', v.platform),
    v.hasLogs ? token('haslogs') : null,
    v.hasSummary ? token('hassummary') : null,
  ].filter((t) => t !== null);
  return tokens.length > 0 ? tokens.join(' ') : null;
}

/** The qualifier as an FTS5 term limited to the facets column (the token holds no quote to escape). */
export function facetTerm(f: FacetFilter): string {
  return `facets : "${facetToken(f)}"`;
}
