// Browser console output as Screendesk captures it during a recording: one "[level]" line per call,
// stack traces spread over several lines, now and then a huge JSON dump. Built from fragments with
// plain string joins because 100,000 recordings must be generated in about a second.
import { isoClock as clock } from './iso-time';
import { deriveSeed, Rng } from './prng';

export type LogSize = 'short' | 'medium' | 'long';

const ASSET = 'https://shop.example.com/assets/index-4f2a9c1e.js';
const FUNCTIONS: readonly string[] = [
  'CheckoutForm.submit',
  'HTMLButtonElement.<anonymous>',
  'useCart',
  'renderWithHooks',
  'commitRoot',
  'fetchJson',
  'async Promise.all (index 1)',
  'Object.dispatch',
  'InvoiceTable.render',
  'loginRedirect',
];
const ERRORS: readonly string[] = [
  "Uncaught TypeError: Cannot read properties of undefined (reading 'id')",
  'Uncaught (in promise) Error: Request failed with status code 500',
  'Failed to load resource: the server responded with a status of 404 (Not Found)',
  'Refused to execute inline script because it violates the Content Security Policy directive: "script-src \'self\'"',
  'Uncaught RangeError: Maximum call stack size exceeded',
  "Access to fetch at 'https://api.example.com/v1/cart' from origin 'https://shop.example.com' has been blocked by CORS policy",
  'ChunkLoadError: Loading chunk 732 failed.',
];
const WARNINGS: readonly string[] = [
  'Warning: Each child in a list should have a unique "key" prop.',
  '[Deprecation] Synchronous XMLHttpRequest on the main thread is deprecated.',
  'Slow network is detected. Fallback font will be used while loading.',
  'The resource was preloaded using link preload but not used within a few seconds.',
  'Cookie "session" will be soon rejected because it has the "SameSite" attribute set to "None".',
  'Form field "Straße" exceeds maxlength (35)',
];
const INFOS: readonly string[] = [
  'Service worker registered with scope: https://shop.example.com/',
  'Feature flags loaded: new-checkout=on, dark-mode=off',
  'Locale detected: fr-FR (Café Lumière storefront)',
  'WebSocket connection established',
  'Session restored for user 48213',
  'Download the React DevTools for a better development experience',
];
const LOGS: readonly string[] = [
  'cart updated {items: 3, total: 129.90}',
  'route change /account -> /billing',
  'clicked #update-card',
  'retrying request (attempt 2 of 3)',
  'Użytkownik: Łódź — zamówienie 1042',
  'ユーザー操作: 保存ボタン',
  'render took 182ms',
  'polling /api/status',
];
/** Customer-controlled strings: the UI must render these as text, never as markup. */
const NASTY: readonly string[] = [
  '[log] Rendering comment: <script>alert("xss")</script>',
  '[warn] Unsafe HTML in profile bio: <img src=x onerror=alert(1)>',
];

function stackTrace(rng: Rng): string {
  let trace = '';
  const depth = rng.range(2, 7);
  for (let i = 0; i < depth; i++) {
    trace += `\n    at ${rng.pick(FUNCTIONS)} (${ASSET}:1:${rng.range(100, 99_999)})`;
  }
  return trace;
}

function jsonDump(rng: Rng): string {
  const items: string[] = [];
  const n = rng.range(5, 30);
  for (let i = 0; i < n; i++) {
    items.push(
      `{"sku":"SKU-${rng.digits(6)}","name":"Item ${i} — Crème brûlée set","qty":${rng.range(1, 9)}}`,
    );
  }
  return `state snapshot {"cart":{"items":[${items.join(',')}]}}`;
}

function line(rng: Rng, at: number, size: LogSize): string {
  const roll = rng.next();
  const time = clock(at);
  if (roll < 0.18) return `${time} [error] ${rng.pick(ERRORS)}${rng.chance(0.7) ? stackTrace(rng) : ''}`;
  if (roll < 0.38) return `${time} [warn] ${rng.pick(WARNINGS)}`;
  if (roll < 0.6) return `${time} [info] ${rng.pick(INFOS)}`;
  if (size === 'long' && roll < 0.64) return `${time} [log] ${jsonDump(rng)}`;
  return `${time} [log] ${rng.pick(LOGS)}`;
}

const LINE_COUNTS: Record<LogSize, readonly [number, number]> = {
  short: [1, 8],
  medium: [10, 30],
  long: [250, 650],
};
// Medium and long logs are drawn from a fixed set of variants: a fresh 40 KB log for each of 100,000
// recordings would cost gigabytes and seconds; sharing one string per variant costs nothing.
const POOL_SIZE: Record<LogSize, number> = { short: 0, medium: 96, long: 24 };
const VARIANT_EPOCH_MS = Date.UTC(2026, 0, 1, 8);

/** Console output starting at `startMs`; `nasty` mixes in script/img injection attempts. */
export function consoleLog(rng: Rng, startMs: number, size: LogSize, nasty = false): string {
  const [min, max] = LINE_COUNTS[size];
  const count = rng.range(min, max);
  const lines: string[] = [];
  let at = startMs;
  for (let i = 0; i < count; i++) {
    at += rng.range(1, 4000);
    lines.push(line(rng, at, size));
  }
  if (nasty) {
    for (const bad of NASTY) lines.splice(rng.int(lines.length + 1), 0, `${clock(at)} ${bad}`);
  }
  return lines.join('\n');
}

/** Hands out console logs: short ones fresh per recording, medium and long ones from shared variants. */
export class ConsoleLogSource {
  private readonly variants = new Map<string, string>();
  private readonly seed: number;

  constructor(seed: number) {
    this.seed = seed;
  }

  /** A log of the given size for a recording made at `startMs`. */
  next(rng: Rng, startMs: number, size: LogSize): string {
    const poolSize = POOL_SIZE[size];
    if (poolSize === 0) return consoleLog(rng, startMs, size);
    const slot = rng.int(poolSize);
    const key = `${size}:${slot}`;
    let text = this.variants.get(key);
    if (text === undefined) {
      // Each variant has its own random stream and start time, so its text never depends on which
      // recording happened to ask for it first (recordings are built lazily, in any order).
      const variantRng = new Rng(deriveSeed(this.seed, size === 'long' ? 2 : 1, slot));
      text = consoleLog(variantRng, VARIANT_EPOCH_MS + slot * 3_600_000, size);
      this.variants.set(key, text);
    }
    return text;
  }
}
