// The unit project's guard (test/helpers/unit-guard.ts) bites: each of these would make a unit test
// impure, and each is refused with a message saying where the test belongs.
import { execFileSync, spawn } from 'node:child_process';
import { mkdirSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { takeViolations } from '../helpers/unit-guard';

const nowhere = join(tmpdir(), 'sdesk-unit-guard-must-not-exist');
const refusal = /must not .*move this test to test\/integration/s;

afterEach(() => {
  // Each case below made exactly one call the guard refused; the guard's own afterEach would fail the
  // test for it otherwise.
  expect(takeViolations()).toHaveLength(1);
});

describe('the unit-test guard', () => {
  it('refuses writing a file', () => {
    expect(() => writeFileSync(nowhere, 'x')).toThrow(refusal);
  });

  it('refuses writing a file through the promise API', async () => {
    await expect(writeFile(nowhere, 'x')).rejects.toThrow(refusal);
  });

  it('refuses opening a file for writing, not for reading', () => {
    expect(() => openSync(nowhere, 'w')).toThrow(refusal);
    // Reading stays allowed: fixtures and the OpenAPI document are read by pure tests.
    expect(readFileSync(resolve(import.meta.dirname, '../../package.json'), 'utf8')).toContain('"name"');
  });

  it('refuses making a folder', () => {
    expect(() => mkdirSync(nowhere)).toThrow(/fs\.mkdirSync/);
  });

  it('refuses starting a server', () => {
    expect(() => createServer().listen(0, '127.0.0.1')).toThrow(/open a server/);
  });

  it('refuses opening a socket', () => {
    expect(() => connect(9, '127.0.0.1')).toThrow(/open a socket/);
  });

  it('refuses fetching', async () => {
    await expect(fetch('http://127.0.0.1:9/')).rejects.toThrow(/fetch over the network/);
  });

  it('refuses starting a process', () => {
    expect(() => spawn('true')).toThrow(/child_process\.spawn/);
  });

  it('refuses starting a process synchronously', () => {
    expect(() => execFileSync('true')).toThrow(/child_process\.execFileSync/);
  });

  it('refuses starting a worker thread', () => {
    expect(() => new Worker('process.exit(0)', { eval: true })).toThrow(/worker thread/);
  });

  it('refuses opening SQLite, even in memory', () => {
    expect(() => new Database(':memory:')).toThrow(/open SQLite/);
  });

  it('fails a test that catches the refusal and carries on', () => {
    try {
      writeFileSync(nowhere, 'x');
    } catch {
      // a test swallowing the error must not pass: afterEach sees the violation
    }
    expect(takeViolations()).toHaveLength(1);
    // What the guard's afterEach would have seen: put it back for this file's afterEach to count.
    expect(() => writeFileSync(nowhere, 'x')).toThrow(refusal);
  });
});
