// The facet tokens of the search index (drizzle/0009_recordings_fts_v4.sql builds them in SQL from the
// recording's narrow row): type, platform, and whether there are logs and a summary. Next to words, the
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

/** The facet token of a qualifier, the way the SQL view spells it (lower case, no spaces or underscores). */
function facetToken(f: FacetFilter): string {
  const value = f.kind === 'has' ? `has${f.value}` : `${f.kind}${f.value.toLowerCase().replace(/[ _]/g, '')}`;
  return `${FACET_MARK}${value}`;
}

/** The qualifier as an FTS5 term limited to the facets column (the token holds no quote to escape). */
export function facetTerm(f: FacetFilter): string {
  return `facets : "${facetToken(f)}"`;
}
