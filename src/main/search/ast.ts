// The parsed form of a search query: a flat AND of leaves, each possibly negated. Kept JSON-serialisable
// so it can cross IPC (the UI may show qualifiers as chips).
import type { HelpdeskPlatform, RecordingType } from '../../shared/screendesk-api';

/** Free text: a word (prefix-matched) or a quoted phrase (exact token sequence). */
export interface TextNode {
  kind: 'text';
  text: string;
  phrase: boolean;
}

/** A numeric interval; absent bounds are open. Dates are epoch ms (UTC), durations seconds. */
export interface Range {
  gt?: number;
  gte?: number;
  lt?: number;
  lte?: number;
}

/** A qualifier such as `type:live` or `created:>2026-01-01`, with its value already validated. */
export type FilterNode =
  | { kind: 'type'; value: RecordingType }
  | { kind: 'platform'; value: HelpdeskPlatform }
  | { kind: 'source'; value: string }
  | { kind: 'customer'; value: string }
  | { kind: 'user'; value: string }
  | { kind: 'ticket'; value: string }
  | { kind: 'created'; range: Range }
  | { kind: 'duration'; range: Range }
  | { kind: 'has'; value: 'logs' | 'summary' }
  | { kind: 'is'; value: 'edited' };

/** A single condition. */
export type LeafNode = TextNode | FilterNode;

/** `-leaf`: recordings that do not satisfy the leaf. */
export interface NotNode {
  kind: 'not';
  child: LeafNode;
}

/** The whole query: every child must hold. An empty AND matches every recording. */
export interface AndNode {
  kind: 'and';
  children: (LeafNode | NotNode)[];
}
