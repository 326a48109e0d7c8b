// Telling a JSON object from everything else JSON.parse can return. One declaration for every reader of
// parsed JSON (the server's answers, the stored recordings, IPC and wire frames, the app's own files).
// Pure TypeScript: no Node, no DOM.

type JsonObject = Readonly<Record<string, unknown>>;

const EMPTY: JsonObject = Object.freeze({});

/** True for a JSON object (not null, not an array). */
export function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** `v` when it is an object, else an empty one: a missing or odd part reads as absent fields. */
export function objectOf(v: unknown): JsonObject {
  return isRecord(v) ? v : EMPTY;
}
