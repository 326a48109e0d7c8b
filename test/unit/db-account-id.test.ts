import { describe, expect, it } from 'vitest';
import { accountDbPath, accountIdFor, normalizeApiUrl } from '../../src/main/db';

const URL_A = 'https://screendesk.example/api/v2';
const TOKEN = 'sd_live_4f2a9c1e8b7d6a5f4e3d2c1b0a9f8e7d';

describe('accountIdFor', () => {
  it('is stable for the same URL and token, and a safe folder name', () => {
    expect(accountIdFor(URL_A, TOKEN)).toBe(accountIdFor(URL_A, TOKEN));
    expect(accountIdFor(URL_A, TOKEN)).toMatch(/^[0-9a-f]{20}$/);
  });

  it('differs for another token or another server', () => {
    const id = accountIdFor(URL_A, TOKEN);
    expect(accountIdFor(URL_A, `${TOKEN}x`)).not.toBe(id);
    expect(accountIdFor('https://other.example/api/v2', TOKEN)).not.toBe(id);
  });

  it('treats equivalent spellings of the URL as the same server', () => {
    expect(accountIdFor('HTTPS://Screendesk.Example/api/v2/', TOKEN)).toBe(accountIdFor(URL_A, TOKEN));
    expect(normalizeApiUrl(' https://Screendesk.Example/api/v2// ')).toBe(URL_A);
  });

  it('contains nothing of the token', () => {
    const id = accountIdFor(URL_A, TOKEN);
    for (let i = 0; i + 6 <= TOKEN.length; i++) expect(id).not.toContain(TOKEN.slice(i, i + 6));
  });
});

describe('accountDbPath', () => {
  it('refuses ids that could leave the accounts folder', () => {
    for (const bad of ['../x', 'a/b', '', '.', 'a b', 'x'.repeat(65)]) {
      expect(() => accountDbPath('/data', bad)).toThrow(
        expect.objectContaining({ code: 'db_invalid_account' }),
      );
    }
  });
});
