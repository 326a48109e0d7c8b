// The one base of every error the app raises on purpose (the API client's, the store's, the keychain's,
// the outbox's, the service's, the CLI's). Each layer declares its own codes; the base carries what the
// doors need to report any of them without knowing the class: the code, a message written for a person
// (never a token or a stack), and how the UI is told (`reported`). Pure TypeScript: no Node, no DOM.
// `reported` is a getter, not a field, so instances keep the own properties they always had (what JSON
// and deep equality see).
import type { ErrorCode } from './contract';

/** How an error reaches the UI: the contract code it is told, and whether the IPC layer also logs it. */
export interface Reported {
  uiCode: ErrorCode;
  /** For failures worth a line in the log though the UI explains them: how, and what the line calls it. */
  logged?: { level: 'error' | 'warn'; what: string };
}

/** A failure with a stable code to branch on and a message for people. */
export abstract class CodedError<Code extends string = string> extends Error {
  readonly code: Code;

  constructor(code: Code, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
  }

  /** How the IPC layer reports it (src/main/ipc/errors.ts), with this error's own message. */
  abstract get reported(): Reported;
}

/** True when `e` is an instance of `type` (with one of `codes`, when any are given). */
export function isCodedError<E extends CodedError>(
  e: unknown,
  type: abstract new (...args: never[]) => E,
  codes: readonly E['code'][] = [],
): e is E {
  return e instanceof type && (codes.length === 0 || codes.includes(e.code));
}
