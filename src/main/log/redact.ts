// Every piece of text that reaches an error message or a log passes through here, because a server,
// a proxy or a fetch implementation may echo the Authorization header back at us.

/** Placeholder written wherever the token would have appeared. */
const REDACTED = '[redacted]';

/** A function that removes the given secret (raw, URL-encoded and JSON-escaped forms) from text. */
export type Redactor = (text: string) => string;

/**
 * Builds a redactor for one secret; an empty secret gives the identity function. Matching ignores
 * case, because a server or a proxy may change the case of what it echoes (a lowercased token still
 * gives most of it away).
 */
export function makeRedactor(secret: string): Redactor {
  if (secret.length === 0) return (text) => text;
  const forms = [...new Set([secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)])]
    // Longest first, so a form containing another is replaced whole.
    .sort((a, b) => b.length - a.length)
    .map((form) => form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(forms.join('|'), 'gi');
  return (text) => text.replace(pattern, REDACTED);
}

/**
 * Makes untrusted text fit for one line of a message: control characters and runs of whitespace become
 * one space, and anything past `max` characters is cut. Redact BEFORE calling this, or a cut could
 * leave a prefix of the secret behind.
 */
export function oneLine(text: string, max = 300): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  const flat = text.replace(/[\u0000-\u001f\u007f\s]+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1).trimEnd()}…` : flat;
}
