// The one base of every error the app raises on purpose (the API client's, the store's, the keychain's,
// the outbox's, the service's, the CLI's). Each layer declares its own codes; the base carries what the
// doors need to report any of them without knowing the class: the code, a message written for a person
// (never a token or a stack), and the contract code the UI acts on. Pure TypeScript: no Node, no DOM.
// What a subclass adds about reporting is a getter, not a field, so instances keep the own properties
// they always had (what JSON and deep equality see).
import type { ErrorCode } from './contract';

/** How the IPC layer writes an expected error to the log besides showing its message. */
export interface LoggedAs {
  level: 'error' | 'warn';
  /** What the log line calls it, after the call's context ("search:query: local database error"). */
  what: string;
}

/** A failure with a stable code to branch on and a message for people. */
export abstract class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /** The contract code the UI is told (with this error's own message). */
  abstract get uiCode(): ErrorCode;

  /** Whether the IPC layer also logs it; undefined for the expected refusals the UI explains alone. */
  get loggedAs(): LoggedAs | undefined {
    return undefined;
  }
}

/** True when `e` is an instance of `type` (with one of `codes`, when any are given). */
export function isCodedError<E extends CodedError>(
  e: unknown,
  type: abstract new (...args: never[]) => E,
  codes: readonly E['code'][] = [],
): e is E {
  return e instanceof type && (codes.length === 0 || codes.includes(e.code));
}
