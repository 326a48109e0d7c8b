// Validates response bodies against resources/screendesk-v2.openapi.json with openapi-backend (Ajv
// underneath), for the demo server's tests and anyone else who wants to check a body against the spec.
//
// Two adjustments, both explicit:
// - Ajv refuses `nullable: true` without a `type` (Recording.room_insights is `{nullable, allOf:[$ref]}`)
//   and OpenAPI 3.0.3 says such a nullable has no effect, yet the description says "Null for non-live
//   recordings". We read the intent: such schemas become `anyOf: [schema, {type: 'null'}]`.
// - openapi-backend ignores string formats; we check uuid, date-time, email and uri ourselves.
// `strict: true` additionally forbids properties the spec does not list, to catch misspelt fields.
import { readFileSync } from 'node:fs';
import { OpenAPIBackend, type AjvCustomizer } from 'openapi-backend';

export type OperationId = 'listRecordings' | 'getRecording' | 'updateRecording';

export interface SpecValidator {
  /** Readable problems with `body` as the `status` answer of `operationId`; empty when it conforms. */
  errors(body: unknown, operationId: OperationId, status: number): string[];
  /** Throws an Error listing the problems unless `body` conforms. */
  assertValid(body: unknown, operationId: OperationId, status: number): void;
}

const SPEC_PATH = new URL('../../resources/screendesk-v2.openapi.json', import.meta.url);

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rewrites the document in place (see the header comment). */
function adjust(node: unknown, strict: boolean): unknown {
  if (Array.isArray(node)) return node.map((n) => adjust(n, strict));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [k, v] of Object.entries(node)) out[k] = adjust(v, strict);
  if (strict && out.type === 'object' && isObject(out.properties) && !('additionalProperties' in out)) {
    out.additionalProperties = false;
  }
  if (out.nullable === true && !('type' in out)) {
    const { nullable: _nullable, description, ...schema } = out;
    return { description, anyOf: [schema, { type: 'null' }] };
  }
  return out;
}

const FORMATS: Record<string, (s: string) => boolean> = {
  uuid: (s) => /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(s),
  'date-time': (s) =>
    /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/i.test(s) &&
    !Number.isNaN(Date.parse(s)),
  email: (s) => /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s),
  uri: (s) => {
    if (!/^[a-z][a-z0-9+.-]*:/i.test(s)) return false;
    try {
      new URL(s);
      return true;
    } catch {
      return false;
    }
  },
};

const addFormats: AjvCustomizer = (ajv) => {
  for (const [name, validate] of Object.entries(FORMATS)) ajv.addFormat(name, { type: 'string', validate });
  return ajv;
};

function documentedStatuses(spec: Json): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const item of Object.values(isObject(spec.paths) ? spec.paths : {})) {
    for (const op of Object.values(isObject(item) ? item : {})) {
      if (isObject(op) && typeof op.operationId === 'string' && isObject(op.responses)) {
        out.set(op.operationId, Object.keys(op.responses));
      }
    }
  }
  return out;
}

/** Loads the spec and compiles validators; `strict` rejects properties the spec does not list. */
export async function createSpecValidator(opts: { strict?: boolean } = {}): Promise<SpecValidator> {
  const raw = JSON.parse(readFileSync(SPEC_PATH, 'utf8')) as Json;
  const statuses = documentedStatuses(raw);
  const definition = adjust(raw, opts.strict ?? false) as ConstructorParameters<
    typeof OpenAPIBackend
  >[0]['definition'];
  const api = new OpenAPIBackend({ definition, customizeAjv: addFormats, ajvOpts: { allErrors: true } });
  await api.init();

  const errors = (body: unknown, operationId: OperationId, status: number): string[] => {
    const declared = statuses.get(operationId) ?? [];
    if (!declared.includes(String(status)) && !declared.includes('default')) {
      return [`status ${status} is not documented for ${operationId} (documented: ${declared.join(', ')})`];
    }
    const result = api.validator.validateResponse(body, operationId, status);
    return (result.errors ?? []).map((e) => `${e.instancePath || '(root)'} ${e.message ?? 'is invalid'}`);
  };

  return {
    errors,
    assertValid(body, operationId, status) {
      const problems = errors(body, operationId, status);
      if (problems.length > 0) {
        throw new Error(
          `${operationId} ${status} does not match the spec:\n  ${problems.slice(0, 20).join('\n  ')}`,
        );
      }
    },
  };
}
