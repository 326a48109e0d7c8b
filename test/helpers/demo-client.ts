// Small fetch helpers for talking to the demo server in tests: real HTTP, no mocks.
import type { DemoServer } from '../../src/main/demo';
import type { Pagination, Recording } from '../../src/shared/screendesk-api';

export interface JsonAnswer<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

export interface ListBody {
  pagination: Pagination;
  records: Recording[];
}

/** Sends a request to `server.url + path` and parses the JSON answer. */
export async function call<T = unknown>(
  server: DemoServer,
  path: string,
  init: { method?: string; token?: string | null; body?: string; signal?: AbortSignal } = {},
): Promise<JsonAnswer<T>> {
  const token = init.token === undefined ? server.adminToken : init.token;
  const headers: Record<string, string> = {};
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (init.body !== undefined) headers['Content-Type'] = 'application/json';
  const res = await fetch(server.url + path, {
    method: init.method ?? 'GET',
    headers,
    body: init.body,
    signal: init.signal,
  });
  const text = await res.text();
  return {
    status: res.status,
    headers: res.headers,
    body: (text === '' ? undefined : JSON.parse(text)) as T,
  };
}

/** PATCHes a recording with `{recording: fields}` (or a raw body string). */
export function patch<T = unknown>(
  server: DemoServer,
  uuid: string,
  fields: unknown,
  token?: string,
): Promise<JsonAnswer<T>> {
  const body = typeof fields === 'string' ? fields : JSON.stringify({ recording: fields });
  return call<T>(server, `/recordings/${uuid}`, { method: 'PATCH', body, token });
}

/** Walks the list by following next_page from page 1; returns every page body in order. */
export async function walkPages(server: DemoServer, token?: string): Promise<ListBody[]> {
  const pages: ListBody[] = [];
  let page: number | undefined = 1;
  while (page !== undefined) {
    const answer: JsonAnswer<ListBody> = await call<ListBody>(server, `/recordings?page=${page}`, { token });
    if (answer.status !== 200) throw new Error(`page ${page} answered ${answer.status}`);
    pages.push(answer.body);
    page = answer.body.pagination.next_page ?? undefined;
    if (pages.length > 100_000) throw new Error('walk does not end');
  }
  return pages;
}
