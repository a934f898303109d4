/**
 * Version-independent part of the validators: turns the generated table of ahead-of-time compiled
 * ajv functions into validate* helpers with readable errors.
 */

/** The shape of an ajv error object (kept local so that nothing of ajv is loaded at run time). */
export interface AjvError {
  instancePath: string;
  schemaPath: string;
  keyword: string;
  params: Record<string, unknown>;
  message?: string;
}

export interface CompiledValidator {
  (data: unknown): boolean;
  errors?: AjvError[] | null;
}

export interface WebEntry {
  request: CompiledValidator | null;
  response: CompiledValidator | null;
  http: 'get' | 'post';
  contentType: 'application/json' | 'multipart/form-data' | 'query';
  wrapper: 'payload' | null;
  query: Record<string, string>;
  pushes: string[];
}

export interface RtmEntry {
  frame: CompiledValidator | null;
  response: CompiledValidator | null;
  requestPayload: CompiledValidator | null;
  responsePayload: CompiledValidator | null;
  payloadRequired: boolean;
  pushes: string[];
}

export interface PushEntry {
  frame: CompiledValidator | null;
  payload: CompiledValidator | null;
}

export interface ValidatorTable {
  version: string;
  definitions: Record<string, CompiledValidator | null>;
  structures: string[];
  web: Record<string, WebEntry>;
  rtm: Record<string, RtmEntry>;
  pushes: Record<string, PushEntry>;
  rtmError: CompiledValidator | null;
  webError: CompiledValidator | null;
}

/** One problem found in a value. */
export interface ValidationIssue {
  /** JSON pointer of the offending value (for a missing property: where it should be). */
  path: string;
  /** What the schema expects there, in words. */
  expected: string;
  /** The value found there (`undefined` when missing). */
  value: unknown;
  /** ajv keyword that failed. */
  keyword: string;
}

export type ValidationResult = { valid: true; errors: [] } | { valid: false; errors: ValidationIssue[]; message: string };

const OK: ValidationResult = Object.freeze({ valid: true, errors: [] }) as ValidationResult;

function pointerGet(root: unknown, pointer: string): unknown {
  if (pointer === '') return root;
  let cur: unknown = root;
  for (const raw of pointer.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    // own properties only: a missing `constructor` or `toString` is missing, not Object's
    if (cur === null || typeof cur !== 'object' || !Object.hasOwn(cur, key)) return undefined;
    cur = (cur as Record<string, unknown>)[key];
  }
  return cur;
}

function esc(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

function expectation(e: AjvError): string {
  const p = e.params;
  switch (e.keyword) {
    case 'required':
      return `required property "${String(p.missingProperty)}"`;
    case 'type':
      return `type ${String(p.type)}`;
    case 'enum':
      return `one of ${JSON.stringify(p.allowedValues)}`;
    case 'const':
      return `the constant ${JSON.stringify(p.allowedValue)}`;
    case 'additionalProperties':
      return `no property "${String(p.additionalProperty)}"`;
    case 'format':
      return `format ${String(p.format)}`;
    case 'oneOf':
      return 'exactly one of the alternatives';
    case 'discriminator':
      // a union dispatched on its tag (codegen adds ajv's discriminator): the tag is missing, not a string, or unknown
      if (p.tagValue === undefined) return `required property "${String(p.tag)}"`;
      return p.error === 'tag' ? 'type string' : `a "${String(p.tag)}" that one of the alternatives has`;
    case 'anyOf':
      return 'one of the alternatives';
    default:
      return e.message ?? e.keyword;
  }
}

/** Drops the noise of union alternatives that were rejected only for their `type` tag. */
function tidy(errors: AjvError[]): AjvError[] {
  let out = errors.slice();
  for (const u of errors.filter((e) => e.keyword === 'oneOf' || e.keyword === 'anyOf')) {
    const base = u.instancePath;
    const branch = out.filter((e) => e !== u && (e.instancePath === base || e.instancePath.startsWith(base + '/')));
    const tagged = branch.filter((e) => (e.keyword === 'const' || e.keyword === 'enum') && e.instancePath === `${base}/type`);
    const real = branch.filter((e) => !tagged.includes(e));
    if (tagged.length > 0 && real.length > 0) out = out.filter((e) => e !== u && !tagged.includes(e));
  }
  return out;
}

/** Converts ajv errors of `data` into readable issues. */
export function describeErrors(errors: AjvError[] | null | undefined, data: unknown, prefix = ''): ValidationIssue[] {
  const seen = new Set<string>();
  const issues: ValidationIssue[] = [];
  for (const e of tidy(errors ?? [])) {
    let path = e.instancePath;
    if (e.keyword === 'required') path += '/' + esc(String(e.params.missingProperty));
    if (e.keyword === 'additionalProperties') path += '/' + esc(String(e.params.additionalProperty));
    if (e.keyword === 'discriminator') path += '/' + esc(String(e.params.tag));
    const issue: ValidationIssue = { path: prefix + path, expected: expectation(e), value: pointerGet(data, path), keyword: e.keyword };
    const key = `${issue.path}|${issue.expected}`;
    if (seen.has(key)) continue;
    seen.add(key);
    issues.push(issue);
  }
  return issues;
}

function show(v: unknown): string {
  if (v === undefined) return 'nothing';
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? s.slice(0, 57) + '...' : s;
}

/** One line per issue: `/payload/chat_id: expected type string, got 12`. */
export function formatIssues(issues: ValidationIssue[]): string {
  return issues.map((i) => `${i.path || '/'}: expected ${i.expected}, got ${show(i.value)}`).join('; ');
}

export function run(fn: CompiledValidator | null, data: unknown, what: string, prefix = ''): ValidationResult {
  if (!fn) {
    const issue: ValidationIssue = { path: prefix || '', expected: `a known ${what}`, value: data, keyword: 'unknown' };
    return { valid: false, errors: [issue], message: `unknown ${what}` };
  }
  if (fn(data)) return OK;
  const errors = describeErrors(fn.errors, data, prefix);
  return { valid: false, errors, message: `invalid ${what}: ${formatIssues(errors)}` };
}

function unknown(kind: string, name: unknown, path: string, known: string[]): ValidationResult {
  const issue: ValidationIssue = { path, expected: `one of ${known.length} known ${kind}s`, value: name, keyword: 'enum' };
  return { valid: false, errors: [issue], message: `unknown ${kind} ${show(name)}` };
}

/** name -> one validator of each entry: a Map, so names like `constructor` find nothing inherited. */
function lookup<E, V>(entries: Record<string, E>, pick: (e: E) => V): Map<string, V> {
  return new Map(Object.entries(entries).map(([k, e]) => [k, pick(e)]));
}

export function createValidators(table: ValidatorTable) {
  const has = (o: object, k: unknown): k is string => typeof k === 'string' && Object.prototype.hasOwnProperty.call(o, k);

  /** Validates `data` against any named schema of the version (structure or payload). */
  function validate(name: string, data: unknown): ValidationResult {
    if (!has(table.definitions, name)) return unknown('schema', name, '', Object.keys(table.definitions));
    return run(table.definitions[name]!, data, name);
  }
  function validateStructure(name: string, data: unknown): ValidationResult {
    if (!table.structures.includes(name)) return unknown('structure', name, '', table.structures);
    return run(table.definitions[name]!, data, name);
  }
  // Hot paths: a Map lookup and one call when the data is valid (the common case); the checks and
  // error description below run only when it is not (the validator then runs a second time).
  const webRequests = lookup(table.web, (e) => e.request);
  const webResponses = lookup(table.web, (e) => e.response);
  const pushPayloads = lookup(table.pushes, (e) => e.payload);
  /** Web request arguments (the JSON body; for v3.0 the content of `payload`; for GET methods the query). */
  function validateWebRequest(method: string, data: unknown): ValidationResult {
    const fn = webRequests.get(method);
    if (fn && fn(data)) return OK;
    if (!has(table.web, method)) return unknown('Web method', method, '', Object.keys(table.web));
    return run(table.web[method]!.request, data, `${method} request`);
  }
  function validateWebResponse(method: string, data: unknown): ValidationResult {
    const fn = webResponses.get(method);
    if (fn && fn(data)) return OK;
    if (!has(table.web, method)) return unknown('Web method', method, '', Object.keys(table.web));
    return run(table.web[method]!.response, data, `${method} response`);
  }
  function validateWebError(data: unknown): ValidationResult {
    return run(table.webError, data, 'Web error body');
  }
  /** RTM request payload of `action`. */
  function validateRtmRequest(action: string, payload: unknown): ValidationResult {
    if (!has(table.rtm, action)) return unknown('RTM action', action, '', Object.keys(table.rtm));
    return run(table.rtm[action]!.requestPayload, payload ?? {}, `${action} request payload`);
  }
  function validateRtmResponse(action: string, payload: unknown): ValidationResult {
    if (!has(table.rtm, action)) return unknown('RTM action', action, '', Object.keys(table.rtm));
    return run(table.rtm[action]!.responsePayload, payload, `${action} response payload`);
  }
  function validatePush(push: string, payload: unknown): ValidationResult {
    const fn = pushPayloads.get(push);
    if (fn && fn(payload)) return OK;
    if (!has(table.pushes, push)) return unknown('push', push, '', Object.keys(table.pushes));
    return run(table.pushes[push]!.payload, payload, `${push} push payload`);
  }
  const pushFrames = lookup(table.pushes, (e) => e.frame);
  const responseFrames = lookup(table.rtm, (e) => e.response);
  /** A frame received from the server: dispatched on `type` and `action`, one schema tried. */
  function validateRtmFrame(frame: unknown): ValidationResult {
    const fast = frame as Record<string, unknown> | null;
    if (fast !== null && typeof fast === 'object') {
      // hot path: a known push or response whose schema accepts it
      const fn = fast.type === 'push' ? pushFrames.get(fast.action as string) : fast.type === 'response' && fast.success === true ? responseFrames.get(fast.action as string) : undefined;
      if (fn && fn(frame)) return OK;
    }
    if (frame === null || typeof frame !== 'object' || Array.isArray(frame)) {
      return { valid: false, errors: [{ path: '', expected: 'type object', value: frame, keyword: 'type' }], message: 'a frame must be a JSON object' };
    }
    const f = frame as Record<string, unknown>;
    if (f.type === 'push') {
      if (!has(table.pushes, f.action)) return unknown('push', f.action, '/action', Object.keys(table.pushes));
      return run(table.pushes[f.action]!.frame, frame, `${f.action} push`);
    }
    if (f.type === 'response') {
      if (f.success === false) return run(table.rtmError, frame, 'error response');
      if (!has(table.rtm, f.action)) return unknown('RTM action', f.action, '/action', Object.keys(table.rtm));
      return run(table.rtm[f.action]!.response, frame, `${f.action} response`);
    }
    if (f.type === undefined) return validateRtmOutgoingFrame(frame);
    return {
      valid: false,
      errors: [{ path: '/type', expected: 'one of ["response","push"]', value: f.type, keyword: 'enum' }],
      message: `unknown frame type ${show(f.type)}`,
    };
  }
  /** A request frame sent by a client: dispatched on `action`. */
  function validateRtmOutgoingFrame(frame: unknown): ValidationResult {
    const f = (frame ?? {}) as Record<string, unknown>;
    if (!has(table.rtm, f.action)) return unknown('RTM action', f.action, '/action', Object.keys(table.rtm));
    return run(table.rtm[f.action]!.frame, frame, `${f.action} request`);
  }
  return {
    table,
    validate,
    validateStructure,
    validateWebRequest,
    validateWebResponse,
    validateWebError,
    validateRtmRequest,
    validateRtmResponse,
    validatePush,
    validateRtmFrame,
    validateRtmOutgoingFrame,
  };
}

export type Validators = ReturnType<typeof createValidators>;
