// Errors cross the IPC boundary as {code, message} values the UI can act on; unexpected ones become a
// generic message with the details in the log; and the log never holds a token.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ApiError } from '../../src/main/api';
import { DbError } from '../../src/main/db';
import { INTERNAL_MESSAGE, toIpcError } from '../../src/main/ipc';
import { OutboxError } from '../../src/main/outbox';
import { SecretStoreError } from '../../src/main/secrets';
import { ServiceError } from '../../src/main/service/errors';
import { createFileLogger, nullLogger } from '../../src/main/log/logger';
import type { Logger } from '../../src/main/log/logger';
import { CliError, EXIT } from '../../src/cli/errors';
import { CodedError, type Reported } from '../../src/shared/coded-error';
import type { ErrorCode } from '../../src/shared/contract';

describe('errors as values', () => {
  it('keeps the code and message of the errors the app raises on purpose', () => {
    expect(toIpcError(new ApiError({ code: 'rate_limited', message: 'Slow down' }), nullLogger, 't')).toEqual(
      {
        code: 'rate_limited',
        message: 'Slow down',
      },
    );
    expect(toIpcError(new DbError('db_too_new', 'Update the app'), nullLogger, 't')).toEqual({
      code: 'db',
      message: 'Update the app',
    });
    expect(toIpcError(new SecretStoreError('keychain_timeout', 'Locked?'), nullLogger, 't')).toEqual({
      code: 'keychain',
      message: 'Locked?',
    });
    expect(toIpcError(new ServiceError('not_signed_in', 'Sign in'), nullLogger, 't')).toEqual({
      code: 'not_signed_in',
      message: 'Sign in',
    });
    const outbox = new OutboxError('validation', 'Title is too long');
    expect(toIpcError(outbox, nullLogger, 't')).toEqual({ code: 'validation', message: 'Title is too long' });
    const zodError = z.object({ id: z.number() }).safeParse({ id: 'x' }).error;
    expect(toIpcError(zodError, nullLogger, 't').code).toBe('invalid_arguments');
  });

  it('maps any coded error by what it declares, and logs only the failures worth a look', () => {
    const lines: string[] = [];
    const log: Logger = {
      ...nullLogger,
      error: (m) => lines.push(`error ${m}`),
      warn: (m) => lines.push(`warn ${m}`),
    };
    // A layer the IPC layer has never heard of: nothing to add there for it to reach the UI as it says.
    class ExportError extends CodedError<'disk_full'> {
      get reported(): Reported {
        return { uiCode: 'busy' };
      }
    }
    expect(toIpcError(new ExportError('disk_full', 'The disk is full'), log, 'x')).toEqual({
      code: 'busy',
      message: 'The disk is full',
    });
    toIpcError(new OutboxError('not_found', 'No queued edit #4'), log, 'outbox:retry');
    toIpcError(new DbError('db_corrupt', 'Damaged'), log, 'account:open');
    toIpcError(new SecretStoreError('keychain_unavailable', 'No keychain'), log, 'account:signIn');
    expect(lines).toEqual([
      'error account:open: local database error',
      'warn account:signIn: keychain error',
    ]);
    // A code cast past the types is not trusted: it is an unexpected error.
    const forged = new ServiceError('no_such_code' as ErrorCode, 'forged');
    expect(toIpcError(forged, log, 'y')).toEqual({ code: 'internal', message: INTERNAL_MESSAGE });
  });

  it('gives every error raised on purpose one base, whatever its layer', () => {
    const errors = [
      new ApiError({ code: 'auth', message: 'a' }),
      new DbError('db_too_new', 'b'),
      new OutboxError('validation', 'c'),
      new ServiceError('busy', 'd'),
      new SecretStoreError('keychain_timeout', 'e'),
      new CliError(EXIT.usage, 'f'),
    ];
    expect(errors.map((e) => e instanceof CodedError && e.code)).toEqual([
      'auth',
      'db_too_new',
      'validation',
      'busy',
      'keychain_timeout',
      'usage',
    ]);
    expect(errors.map((e) => e.name)).toEqual([
      'ApiError',
      'DbError',
      'OutboxError',
      'ServiceError',
      'SecretStoreError',
      'CliError',
    ]);
  });

  it('hides the details of anything unexpected from the UI and writes them to the log', () => {
    const lines: string[] = [];
    const log: Logger = { ...nullLogger, error: (m, d) => lines.push(`${m} ${String(d)}`) };
    const result = toIpcError(
      new TypeError('cannot read x of undefined at /home/me/secret'),
      log,
      'search:query',
    );
    expect(result).toEqual({ code: 'internal', message: INTERNAL_MESSAGE });
    expect(lines.join('\n')).toContain('cannot read x of undefined');
  });
});

describe('log file', () => {
  it('never writes a token, in whatever form it appears', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdesk-log-'));
    const path = join(dir, 'logs', 'main.log');
    const log = createFileLogger({ path });
    const token = 'sdk_live_9f8e7d6c5b4a3210';
    log.addSecret(token);
    log.info(`Signed in with ${token}`);
    log.warn('Request failed', new Error(`401 for Authorization: Bearer ${token.toUpperCase()}`));
    log.error('Echoed', { headers: { authorization: `Bearer ${encodeURIComponent(token)}` } });
    // Never registered, but shaped like one: still redacted.
    log.info('Proxy said: authorization: Bearer unknown-token-abcdef and ?token=qwerty123456');
    const text = readFileSync(path, 'utf8');
    expect(text.toLowerCase()).not.toContain(token.toLowerCase());
    expect(text).not.toContain('unknown-token-abcdef');
    expect(text).not.toContain('qwerty123456');
    expect(text).toContain('[redacted]');
    expect(text.split('\n').filter(Boolean).length).toBeGreaterThanOrEqual(4);
    rmSync(dir, { recursive: true, force: true });
  });

  it('rotates instead of growing without bound', () => {
    const dir = mkdtempSync(join(tmpdir(), 'sdesk-log-'));
    const path = join(dir, 'main.log');
    const log = createFileLogger({ path, maxBytes: 2_000 });
    for (let i = 0; i < 100; i++) log.info(`line ${i} ${'x'.repeat(50)}`);
    expect(readFileSync(path, 'utf8').length).toBeLessThanOrEqual(2_000);
    expect(readFileSync(`${path}.1`, 'utf8')).toContain('line');
    expect(readFileSync(path, 'utf8')).toContain('line 99');
    rmSync(dir, { recursive: true, force: true });
  });
});
