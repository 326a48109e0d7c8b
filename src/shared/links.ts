// The one rule for links that leave the app for the system browser ("Open in Screendesk", a helpdesk
// ticket, the sign-in page's site link): an absolute https URL with no user name or password in it.
// The renderer offers a link only when this rule holds, and main (the service's shell:openExternal, the
// window's own link handling) opens it only when it holds, so the UI never offers a link main refuses.
// Pure: no Node, no DOM beyond the URL parser both sides have.

/** `text` parsed as an absolute URL, or null when it is not one. */
export function parseUrl(text: string): URL | null {
  try {
    return new URL(text);
  } catch {
    return null;
  }
}

/**
 * Whether a URL carries a user name or password. Credentials in a link would reach the browser and the
 * server's logs; in the API URL they would be sent beside the token, so neither accepts them.
 */
export function hasCredentials(url: URL): boolean {
  return url.username !== '' || url.password !== '';
}

/** Why `url` must not be opened outside the app, in one sentence; null when it may be. */
export function externalLinkProblem(url: string): string | null {
  const parsed = parseUrl(url);
  if (parsed === null) return 'Not a valid link.';
  // Only web pages: file:, javascript:, custom schemes and plain http are refused outright.
  if (parsed.protocol !== 'https:' || hasCredentials(parsed)) return 'Only https links can be opened.';
  return null;
}

/** True for a link the app opens in the system browser (see externalLinkProblem). */
export function isExternalLink(value: unknown): value is string {
  return typeof value === 'string' && externalLinkProblem(value) === null;
}
