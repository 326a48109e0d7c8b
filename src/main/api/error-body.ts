// What a failed response's body tells us. Three shapes are seen in the wild: the spec's
// {"error": "msg"}, Screendesk's public docs' {"error": {"message", "code"}}, and pages that are not
// JSON at all (a proxy's HTML). Rails-style {"errors": …} and {"message": …} are cheap to accept too.
import { isRecord } from '../../shared/json-object';

/** What kind of body a response carried, as far as messages are concerned. */
export type BodyKind = 'empty' | 'json' | 'text' | 'html' | 'other';

/** The useful parts of an error body (unredacted, unbounded: the caller cleans them). */
export interface ErrorBodyInfo {
  kind: BodyKind;
  message?: string;
  code?: string;
  /**
   * True when the body is the API's own error document: a JSON object with an "error" member (the spec's
   * {"error": "msg"} or the docs' {"error": {"message"}}). A proxy's or a load balancer's page is not.
   */
  fromApi?: boolean;
}

/** The media type of a Content-Type header ("text/html; charset=utf-8" → "text/html"), or ''. */
export function mediaTypeOf(contentType: string | null): string {
  return (contentType ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/** Reads an error body of any shape without throwing. */
export function parseErrorBody(text: string, contentType: string | null): ErrorBodyInfo {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'empty' };
  const media = mediaTypeOf(contentType);
  // A body is HTML when it says so or looks so; its text is never shown (it is markup, not a message).
  if (media.includes('html') || trimmed.startsWith('<')) return { kind: 'html' };
  const json = tryParseJson(trimmed);
  if (json !== undefined) {
    const info: ErrorBodyInfo = { kind: 'json', ...fromJson(json) };
    if (isRecord(json) && (typeof json.error === 'string' || isRecord(json.error))) info.fromApi = true;
    return info;
  }
  // Plain text (e.g. rack-attack's "Retry later") is a message; other binary-ish types are not.
  if (media === '' || media.startsWith('text/')) return { kind: 'text', message: trimmed };
  return { kind: 'other' };
}

function tryParseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function asText(v: unknown): string | undefined {
  if (typeof v === 'string' && v.trim() !== '') return v;
  if (typeof v === 'number' && Number.isFinite(v)) return String(v);
  return undefined;
}

function fromJson(json: unknown): Omit<ErrorBodyInfo, 'kind'> {
  if (typeof json === 'string') return { message: asText(json) };
  if (!isRecord(json)) return {};
  const { error, errors } = json;
  if (isRecord(error)) {
    return {
      message: asText(error.message) ?? asText(error.detail) ?? asText(error.error),
      code: asText(error.code) ?? asText(json.code),
    };
  }
  return {
    message: asText(error) ?? listMessages(errors) ?? asText(json.message) ?? asText(json.detail),
    code: asText(json.code),
  };
}

/** Rails-style validation errors: ["Title can't be blank"] or {"title": ["can't be blank"]}. */
function listMessages(errors: unknown): string | undefined {
  const parts: string[] = [];
  if (Array.isArray(errors)) {
    for (const e of errors) {
      const text = asText(e) ?? (isRecord(e) ? asText(e.message) : undefined);
      if (text !== undefined) parts.push(text);
    }
  } else if (isRecord(errors)) {
    for (const [field, value] of Object.entries(errors)) {
      for (const e of Array.isArray(value) ? value : [value]) {
        const text = asText(e);
        if (text !== undefined) parts.push(`${field} ${text}`);
      }
    }
  }
  return parts.length > 0 ? parts.join('; ') : undefined;
}
