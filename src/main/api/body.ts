/** A response body read as text, stopping at a byte limit so a hostile server cannot exhaust memory. */
export interface BoundedText {
  text: string;
  /** True when the body was longer than the limit (the rest was not read). */
  truncated: boolean;
}

/** Reads at most `maxBytes` of a body as UTF-8; rejects if the connection breaks mid-body. */
export async function readBoundedText(res: Response, maxBytes: number): Promise<BoundedText> {
  if (res.body === null) return { text: '', truncated: false };
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    const room = maxBytes - size;
    if (value.byteLength > room) {
      text += decoder.decode(value.subarray(0, room));
      // Cancelling tells the server (and the socket) we are done; a failure here changes nothing.
      await reader.cancel().catch(() => undefined);
      return { text, truncated: true };
    }
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  return { text: text + decoder.decode(), truncated: false };
}
