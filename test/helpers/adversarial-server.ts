// A seeded, adversarial Screendesk account for the sync property test. Per list request it may serve a
// short page, an empty page, records of the previous page again, totals left out or wrong, next_page
// missing or pointing past the end; pages past the end come back as 200-empty, 404 (the API's JSON or a
// proxy's HTML) or 500; new recordings arrive at the top and others are deleted between requests. GET
// of one recording is refused now and then (403, 500, an HTML 404). What it never does is the one lie
// no client can see through: the API's own JSON 404 for a recording that exists.
//
// The same model answers over real HTTP (through raw-http-server's handler) and in process (as the
// client's fetch), so the client's parsing, error bodies and retries run either way.
import { Rng } from '../../src/main/demo/prng';
import type { Reply } from './raw-http-server';

const UUID_PREFIX = '00000000-0000-4000-8000-';
const ONE = /\/recordings\/([^/]+)$/;

/** How a model account behaves: 'quiet' is an honest server whose data holds still. */
export type Mode = 'quiet' | 'adversarial';

export class AdversarialAccount {
  mode: Mode = 'quiet';
  /** Live recordings, newest first (the order the list serves). */
  readonly live: string[] = [];
  /** List answers that were not 5xx (a 5xx is retried: the same request again), since resetCounts(). */
  listAnswers = 0;
  /** The most live recordings at any moment since resetCounts(). */
  maxLive = 0;
  /** The highest page answered with records since resetCounts() (a repeated page can reach past the end). */
  maxPageWithRecords = 0;
  #next = 0;
  #rng: Rng;
  #generation = 0;
  readonly #attempts = new Map<string, number>();

  constructor(
    readonly seed: number,
    readonly pageSize: number,
    initial: number,
  ) {
    this.#rng = new Rng(seed);
    this.#add(initial);
    this.resetCounts();
  }

  /** Starts counting for a new sync. */
  resetCounts(): void {
    this.#generation++;
    this.#attempts.clear();
    this.listAnswers = 0;
    this.maxLive = this.live.length;
    this.maxPageWithRecords = 0;
  }

  /**
   * The real pages since resetCounts(): as many as the live data filled at most, or as far as a page
   * with records was served; at least 1 (an empty account's page 1).
   */
  realPages(): number {
    return Math.max(1, Math.ceil(this.maxLive / this.pageSize), this.maxPageWithRecords);
  }

  /** Answers one request. */
  answer(method: string, path: string, query: URLSearchParams): Reply {
    this.#rng = this.#rngFor(`${method} ${path}?${query.toString()}`);
    const one = ONE.exec(path);
    if (method === 'GET' && one?.[1] !== undefined) return this.#one(decodeURIComponent(one[1]));
    if (method === 'GET' && path.endsWith('/recordings')) {
      const reply = this.#list(Math.max(1, Number.parseInt(query.get('page') ?? '1', 10) || 1));
      if ((reply.status ?? 200) < 500) this.listAnswers++;
      return reply;
    }
    return { status: 404, body: { error: 'Not Found' } };
  }

  /** A fetch that answers from this model in process (no socket). */
  fetch(): typeof fetch {
    return async (input) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      const reply = this.answer('GET', url.pathname, url.searchParams);
      const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body ?? '');
      const headers = { 'Content-Type': 'application/json', ...reply.headers };
      return new Response(text, { status: reply.status ?? 200, headers });
    };
  }

  // Each request draws from a stream of its own (the sync, the request, its attempt), so what a request
  // gets does not depend on the order in which requests in flight happen to arrive.
  #rngFor(request: string): Rng {
    const key = `${this.#generation} ${request}`;
    const attempt = (this.#attempts.get(key) ?? 0) + 1;
    this.#attempts.set(key, attempt);
    let hash = 2166136261;
    for (const ch of `${key} ${attempt}`) hash = Math.imul(hash ^ ch.charCodeAt(0), 16777619);
    return new Rng(this.seed, hash >>> 0);
  }

  #add(n: number): void {
    for (let i = 0; i < n; i++) this.live.unshift(`${UUID_PREFIX}${String(++this.#next).padStart(12, '0')}`);
    this.maxLive = Math.max(this.maxLive, this.live.length);
  }

  #record(uuid: string): Record<string, unknown> {
    return { uuid, title: `Recording ${uuid.slice(-6)}`, recording_type: 'live' };
  }

  #one(uuid: string): Reply {
    const rng = this.#rng;
    if (this.mode === 'adversarial' && rng.chance(0.12)) {
      return rng.pick<Reply>([
        { status: 403, body: { error: 'API access is not enabled for this account' } },
        { status: 500, body: { error: 'Internal Server Error' } },
        { status: 404, body: '<html><h1>Not Found</h1></html>', headers: { 'Content-Type': 'text/html' } },
      ]);
    }
    if (!this.live.includes(uuid)) return { status: 404, body: { error: 'Recording not found' } };
    return { body: this.#record(uuid) };
  }

  #list(page: number): Reply {
    const rng = this.#rng;
    const adversarial = this.mode === 'adversarial';
    if (adversarial) this.#mutate();
    const size = this.pageSize;
    const count = this.live.length;
    const pages = Math.max(1, Math.ceil(count / size));
    if (adversarial && rng.chance(0.05)) return { status: 500, body: { error: 'Internal Server Error' } };
    if (adversarial && page > pages) {
      const past = rng.next();
      if (past < 0.2) return { status: 500, body: { error: 'Internal Server Error' } };
      if (past < 0.3) return { status: 404, body: { error: 'Not Found' } };
      if (past < 0.4)
        return { status: 404, body: '<html>Not Found</html>', headers: { 'Content-Type': 'text/html' } };
    }
    let start = (page - 1) * size;
    if (adversarial && page > 1 && rng.chance(0.1)) start -= rng.range(1, size); // the previous page again
    let records = this.live.slice(start, Math.min(start + size, count)).map((uuid) => this.#record(uuid));
    if (adversarial && rng.chance(0.1)) records = records.filter(() => rng.chance(0.6)); // short
    if (adversarial && rng.chance(0.06)) records = []; // empty

    const pagination: Record<string, unknown> = { count, page, items: size, pages, last_page: pages };
    if (page < pages) pagination['next_page'] = page + 1;
    if (page > 1) pagination['prev_page'] = page - 1;
    if (adversarial) this.#lie(pagination, page, pages);
    if (records.length > 0) this.maxPageWithRecords = Math.max(this.maxPageWithRecords, page);
    return { body: { pagination, records } };
  }

  // Totals left out or wrong, next_page missing or past the end: each independently, per request.
  #lie(pagination: Record<string, unknown>, page: number, pages: number): void {
    const rng = this.#rng;
    if (rng.chance(0.12)) for (const key of ['count', 'pages', 'last_page']) delete pagination[key];
    // A wrong count differs from request to request (a wide range): a count that is wrong the same way
    // on every page of a walk would be indistinguishable from the truth, for any client.
    if (rng.chance(0.12) && typeof pagination['count'] === 'number') {
      const real = pagination['count'] as number;
      const wrong = rng.range(0, real + 999);
      pagination['count'] = wrong >= real ? wrong + 1 : wrong;
    }
    if (rng.chance(0.08)) pagination['items'] = this.pageSize + rng.range(1, this.pageSize);
    if (rng.chance(0.08)) pagination['pages'] = rng.pick([1, 1_000_000, pages + 3]);
    const next = rng.next();
    if (next < 0.1) delete pagination['next_page'];
    else if (next < 0.2) pagination['next_page'] = page + 1;
    else if (next < 0.25) pagination['next_page'] = page + rng.range(2, 5);
  }

  // New recordings at the top, deletions anywhere: between requests, as colleagues work.
  #mutate(): void {
    const rng = this.#rng;
    if (rng.chance(0.15)) this.#add(rng.range(1, 3));
    if (rng.chance(0.15) && this.live.length > 0) {
      for (let i = rng.range(1, 2); i > 0 && this.live.length > 0; i--)
        this.live.splice(rng.int(this.live.length), 1);
    }
  }
}
