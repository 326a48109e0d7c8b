// The three operations of the spec (list, get, update) plus authentication, answering from the data
// store. Pure request → Reply logic; sockets, delays and faults live in server.ts.
import type { DemoDataStore } from './data-store';
import type { DemoEntry } from './entries';
import { applyListFaults, type FaultQueue } from './faults';
import { paginate } from './pagination';
import { parsePatchBody } from './patch-body';
import { errorReply, jsonReply, type Reply } from './reply';
import { ALLOWED_METHODS, type Route } from './routes';

const MESSAGES = {
  unauthorized: 'Invalid API token',
  forbidden: 'You are not authorized to perform this action',
  recordingNotFound: 'Recording not found',
  notFound: 'Not Found',
  methodNotAllowed: 'Method Not Allowed',
} as const;

/** Who is asking: an admin sees everything, a member only recordings they own. */
export type Viewer = { role: 'admin' } | { role: 'member'; email: string };

export interface ApiContext {
  data: DemoDataStore;
  faults: FaultQueue;
  adminToken: string;
  memberToken: string;
  memberEmail: string;
  pageSize: number;
}

export interface ApiRequest {
  method: string;
  path: string;
  route: Route;
  /** The normalised page for list requests. */
  page: number;
  authorization: string | undefined;
  body: string;
}

/** The viewer a bearer token belongs to, or undefined when it is missing or unknown. */
function authenticate(header: string | undefined, ctx: ApiContext): Viewer | undefined {
  const m = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  if (!m) return undefined;
  if (m[1] === ctx.adminToken) return { role: 'admin' };
  if (m[1] === ctx.memberToken) return { role: 'member', email: ctx.memberEmail };
  return undefined;
}

function ownerFilter(viewer: Viewer): string | undefined {
  return viewer.role === 'member' ? viewer.email : undefined;
}

function listRecordings(req: ApiRequest, viewer: Viewer, ctx: ApiContext): Reply {
  const entries = ctx.data.visibleEntries(ownerFilter(viewer));
  const { pagination, start, end } = paginate(entries.length, req.page, ctx.pageSize);
  const body = {
    pagination: pagination as Record<string, unknown>,
    records: entries.slice(start, end).map((e) => ctx.data.build(e)) as unknown[],
  };
  applyListFaults(body, ctx.faults.takeListFaults(req.path, req.page));
  return jsonReply(200, body);
}

function visibleEntry(uuid: string, viewer: Viewer, ctx: ApiContext): DemoEntry | undefined {
  const entry = ctx.data.findEntry(uuid);
  // Another agent's recording is hidden from a member as if it did not exist (a Pundit scope → 404).
  if (!entry || (viewer.role === 'member' && entry.user?.email !== viewer.email)) return undefined;
  return entry;
}

function getRecording(uuid: string, viewer: Viewer, ctx: ApiContext): Reply {
  const entry = visibleEntry(uuid, viewer, ctx);
  if (!entry) return errorReply(404, MESSAGES.recordingNotFound);
  return jsonReply(200, ctx.data.build(entry));
}

function updateRecording(uuid: string, req: ApiRequest, viewer: Viewer, ctx: ApiContext): Reply {
  // Updating is admin-only whatever the recording: members get 403 before anything is looked up.
  if (viewer.role !== 'admin') return errorReply(403, MESSAGES.forbidden);
  if (!ctx.data.findEntry(uuid)) return errorReply(404, MESSAGES.recordingNotFound);
  const parsed = parsePatchBody(req.body);
  if (!parsed.ok) return errorReply(422, parsed.error);
  return jsonReply(200, ctx.data.update(uuid, parsed.update));
}

/** Answers one API request (routing, method check, authentication, operation). */
export function handleApiRequest(req: ApiRequest, ctx: ApiContext): Reply {
  const { route } = req;
  if (route.kind === 'none') return errorReply(404, MESSAGES.notFound);
  const allowed = ALLOWED_METHODS[route.kind];
  if (!allowed.includes(req.method)) {
    return errorReply(405, MESSAGES.methodNotAllowed, { Allow: allowed.join(', ') });
  }
  const viewer = authenticate(req.authorization, ctx);
  if (!viewer) return errorReply(401, MESSAGES.unauthorized);
  if (route.kind === 'list') return listRecordings(req, viewer, ctx);
  if (req.method === 'PATCH') return updateRecording(route.uuid, req, viewer, ctx);
  return getRecording(route.uuid, viewer, ctx);
}
