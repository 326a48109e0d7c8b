import { objectOf } from '../shared/json-object';

/** Columns of `sdesk export --format csv`: what a spreadsheet user filters on. */
export const CSV_COLUMNS = [
  'uuid',
  'title',
  'summary',
  'description',
  'recording_type',
  'recording_source',
  'platform',
  'ticket_id',
  'conversation_id',
  'issue_id',
  'created_at',
  'updated_at',
  'duration',
  'impressions_count',
  'customer_email',
  'user_name',
  'user_email',
  'url',
] as const;

/** The CSV cells of one recording, in CSV_COLUMNS order (missing or odd values become empty cells). */
export function csvCells(recording: Record<string, unknown>): unknown[] {
  const metadata = objectOf(recording['metadata']);
  const helpdesk = objectOf(metadata['helpdesk_info']);
  const user = objectOf(recording['user']);
  return [
    recording['uuid'],
    recording['title'],
    recording['summary'],
    recording['description'],
    metadata['recording_type'],
    metadata['recording_source'],
    helpdesk['platform'],
    helpdesk['ticket_id'],
    helpdesk['conversation_id'],
    helpdesk['issue_id'],
    metadata['created_at'],
    metadata['updated_at'],
    metadata['duration'],
    metadata['impressions_count'],
    objectOf(recording['customer'])['email'],
    user['name'],
    user['email'],
    metadata['url'],
  ];
}

/**
 * One CSV line (RFC 4180). Text that a spreadsheet would run as a formula (=, +, -, @, tab, CR at the
 * start) gets a leading apostrophe: titles and summaries are customer-controlled.
 */
export function csvLine(cells: readonly unknown[]): string {
  return cells
    .map((cell) => {
      if (cell === null || cell === undefined) return '';
      let text =
        typeof cell === 'string' ? cell : typeof cell === 'object' ? JSON.stringify(cell) : String(cell);
      if (typeof cell === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
      return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    })
    .join(',');
}
