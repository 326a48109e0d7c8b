// The Content-Security-Policy of the renderer, as a header (the app's dev server responses, the browser
// host). src/renderer/index.html carries the same policy in a <meta> for file:// loads, minus
// frame-ancestors, which only works as a header; a test keeps the two in step.
//
// Only our own bundle runs: no inline or eval'd script, no plugins, no <base>, no form posts. Inline
// styles are allowed because Svelte sets style attributes; styles cannot run code. connect-src 'self'
// covers the browser host's same-origin WebSocket (CSP3; Chromium honours it); the app itself talks
// over IPC only.

/** Directive → sources. */
const CSP_DIRECTIVES: Readonly<Record<string, string>> = {
  'default-src': "'self'",
  'script-src': "'self'",
  'style-src': "'self' 'unsafe-inline'",
  'img-src': "'self' data:",
  'connect-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-ancestors': "'none'",
};

/** The policy as one header value. */
export const CONTENT_SECURITY_POLICY = Object.entries(CSP_DIRECTIVES)
  .map(([directive, sources]) => `${directive} ${sources}`)
  .join('; ');

/** Parses a policy string into directive → sources (for tests and checks). */
export function parseCsp(policy: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of policy.split(';')) {
    const [directive, ...sources] = part.trim().split(/\s+/);
    if (directive) out[directive.toLowerCase()] = sources.join(' ');
  }
  return out;
}
