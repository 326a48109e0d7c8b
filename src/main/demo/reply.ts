// What a handler decides to answer, before it is written to the socket.
import { STATUS_CODES } from 'node:http';

export const JSON_CONTENT_TYPE = 'application/json; charset=utf-8';

export interface Reply {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** A JSON answer. */
export function jsonReply(status: number, value: unknown, headers: Record<string, string> = {}): Reply {
  return { status, headers: { 'Content-Type': JSON_CONTENT_TYPE, ...headers }, body: JSON.stringify(value) };
}

/** The spec's error shape: {"error": "message"}. */
export function errorReply(status: number, message: string, headers: Record<string, string> = {}): Reply {
  return jsonReply(status, { error: message }, headers);
}

/** The reason phrase of a status code, e.g. "Bad Gateway", for default error messages. */
export function reasonPhrase(status: number): string {
  return STATUS_CODES[status] ?? 'Error';
}
