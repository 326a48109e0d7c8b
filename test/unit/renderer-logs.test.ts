import { describe, expect, it } from 'vitest';
import { classifyLog, countLevels, findInLines, ownLevel } from '../../src/renderer/src/logic/logs';

const LOG = [
  '10:00:00.000 [info] Service worker registered',
  "10:00:01.250 [error] Uncaught TypeError: Cannot read properties of undefined (reading 'id')",
  '    at CheckoutForm.submit (https://shop.example.com/assets/index.js:1:2345)',
  '    at HTMLButtonElement.<anonymous> (https://shop.example.com/assets/index.js:1:999)',
  '10:00:02.000 [warn] Warning: Each child in a list should have a unique "key" prop.',
  '10:00:03.000 [log] Rendering comment: <script>alert("xss")</script>',
  '10:00:04.000 [debug] render took 182ms',
].join('\n');

describe('console log classification', () => {
  it('colours a stack trace with the error it belongs to', () => {
    const lines = classifyLog(LOG);
    expect(lines.map((l) => l.level)).toEqual(['info', 'error', 'error', 'error', 'warn', 'log', 'debug']);
  });

  it('counts an error with its stack trace once', () => {
    const counts = countLevels(classifyLog(LOG));
    expect(counts).toEqual({ error: 1, warn: 1, info: 1, debug: 1, log: 1 });
  });

  it('reads levels written without brackets or with browser wording', () => {
    expect(ownLevel('Uncaught (in promise) Error: boom')).toBe('error');
    expect(ownLevel('Failed to load resource: 404')).toBe('error');
    expect(ownLevel('2026-01-01 ERROR something')).toBe('error');
    expect(ownLevel('WARN disk almost full')).toBe('warn');
    expect(ownLevel('[Deprecation] sync XHR')).toBe('warn');
    expect(ownLevel('cart updated {items: 3}')).toBeNull();
  });

  it('keeps markup as the line text', () => {
    expect(classifyLog(LOG)[5]?.text).toContain('<script>alert("xss")</script>');
  });

  it('handles CRLF, a trailing newline and empty input', () => {
    expect(classifyLog('a\r\nb\n').map((l) => l.text)).toEqual(['a', 'b']);
    expect(classifyLog('')).toEqual([]);
    expect(classifyLog(null)).toEqual([]);
  });

  it('finds lines case-insensitively', () => {
    const lines = classifyLog(LOG);
    expect(findInLines(lines, 'CHECKOUTFORM')).toEqual([2]);
    expect(findInLines(lines, '  ')).toEqual([]);
    expect(findInLines(lines, '<script>')).toEqual([5]);
  });
});
