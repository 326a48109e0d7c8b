import { describe, expect, it } from 'vitest';
import { csvCells, csvLine, CSV_COLUMNS } from '../../src/cli/csv';
import { cleanForTerminal } from '../../src/cli/terminal';

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks (RFC 4180)', () => {
    expect(csvLine(['a,b', 'say "hi"', 'two\nlines', null, 3])).toBe('"a,b","say ""hi""","two\nlines",,3');
  });

  it('defuses customer text a spreadsheet would run as a formula', () => {
    expect(csvLine(['=HYPERLINK("http://evil")', '+1', '-2', '@SUM(A1)'])).toBe(
      `"'=HYPERLINK(""http://evil"")",'+1,'-2,'@SUM(A1)`,
    );
    // Numbers are data, not text typed by a customer.
    expect(csvLine([-5])).toBe('-5');
  });

  it('reads odd or missing fields as empty cells, never throws', () => {
    const cells = csvCells({ uuid: 'u', metadata: 'not an object', user: null });
    expect(cells).toHaveLength(CSV_COLUMNS.length);
    expect(csvLine(cells)).toBe(`u${','.repeat(CSV_COLUMNS.length - 1)}`);
  });
});

describe('text for a terminal', () => {
  it('drops escape sequences from customer-controlled text', () => {
    expect(cleanForTerminal('ok\x1b]0;pwned\x07\x1b[2Jdone')).toBe('ok ]0;pwned  [2Jdone');
    expect(cleanForTerminal('a\nb', { keepNewlines: true })).toBe('a\nb');
    expect(cleanForTerminal('a\nb')).toBe('a b');
  });
});
