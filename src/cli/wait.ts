// Telling people when a server that asked to wait (Retry-After) allows them back: the wait in words and
// the time on this machine's clock (its time zone; TZ changes it).

/** "45 s", "5 min", "2 h", "1 h 30 min". */
function describeWait(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} s`;
  const minutes = Math.round(ms / 60_000);
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  if (h === 0) return `${m} min`;
  return m === 0 ? `${h} h` : `${h} h ${m} min`;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "14:05" in the machine's zone, "2026-01-16 14:05" when that is not today there. */
function localClock(at: number, now: number): string {
  const d = new Date(at);
  const today = new Date(now);
  const time = `${pad(d.getHours())}:${pad(d.getMinutes())}`;
  const sameDay =
    d.getFullYear() === today.getFullYear() &&
    d.getMonth() === today.getMonth() &&
    d.getDate() === today.getDate();
  return sameDay ? time : `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${time}`;
}

/** "The server asks to wait 2 h (until 14:05); try again then." */
export function tryAgainLine(retryAt: number, now: number = Date.now()): string {
  return `The server asks to wait ${describeWait(retryAt - now)} (until ${localClock(retryAt, now)}); try again then.`;
}
