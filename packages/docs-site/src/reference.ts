/**
 * What a reference page shows of one version: methods with their Web and RTM sides, pushes, structures with their
 * fields, and one example per request, response and push. Which operations are methods or pushes, their names,
 * paths, tags, equivalents, renames and `x-pushes` come from `@ccapi/model`'s project view; this file adds what only
 * a page needs (field tables, examples, descriptions), reading the nodes the view points at.
 *
 * This is the only file of the renderer that looks inside the OpenAPI/AsyncAPI documents; the pages are written
 * from `ReferenceVersion` alone (see render.ts), so the source of these facts can change (the project model)
 * without touching the HTML.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apiVersionOf, getPointer, type ApiVersion } from '@ccapi/model';

type Json = Record<string, any>;

export interface FieldView {
  /** Dotted path below the structure or payload (`chat.thread.events`). */
  name: string;
  type: string;
  /** Structure the type refers to (linked on the page). */
  ref?: string;
  required: boolean;
  description: string;
  renamedFrom?: string;
  deprecated?: boolean;
}

export interface ExampleView {
  value: unknown;
  /** Where it comes from: the spec, the official reference, or built from the schema. */
  source: 'spec' | 'reference' | 'schema';
}

export interface WebMethodView {
  name: string;
  title: string;
  tag: string;
  description: string;
  httpMethod: string;
  path: string;
  /** Arguments: body fields (the v3.0 `payload` envelope looked through) or query parameters of a GET method. */
  request: FieldView[];
  requestSchema?: string;
  response: FieldView[];
  responseSchema?: string;
  /** Body as sent (v3.0: with its envelope); for GET the query arguments. */
  requestExample: ExampleView;
  responseExample: ExampleView;
  errors: Array<{ status: string; description: string; example?: unknown }>;
  rtm?: string;
  renamedFrom?: string;
  deprecated: boolean;
}

export interface RtmOpView {
  name: string;
  kind: 'method' | 'push';
  title: string;
  tag: string;
  description: string;
  /** Payload fields of the request frame (methods) or of the push frame. */
  request: FieldView[];
  requestSchema?: string;
  response: FieldView[];
  responseSchema?: string;
  /** Whole frames as they travel on the socket. */
  requestFrame: ExampleView;
  responseFrame?: ExampleView;
  pushes: string[];
  web?: string;
  renamedFrom?: string;
  deprecated: boolean;
}

export interface StructureView {
  name: string;
  description: string;
  fields: FieldView[];
  type: string;
  example?: ExampleView;
  renamedFrom?: string;
}

export interface ReferenceVersion {
  id: string;
  webTitle: string;
  webDescription: string;
  webServers: Array<{ url: string; description: string }>;
  rtmDescription: string;
  rtmServers: Array<{ url: string; description: string }>;
  web: WebMethodView[];
  rtm: RtmOpView[];
  webStructures: StructureView[];
  rtmStructures: StructureView[];
}

/** The official reference's examples (committed copy in packages/spec-check/reference/examples). */
export interface ReferenceExamples {
  get(version: string, protocol: 'web' | 'rtm', name: string, kind: 'request' | 'response' | 'push'): { value: unknown; shape: string } | undefined;
}

export function readReferenceExamples(dir: string | undefined): ReferenceExamples {
  const map = new Map<string, { file: string; shape: string }>();
  const manifestFile = dir ? join(dir, 'manifest.json') : '';
  if (dir && existsSync(manifestFile)) {
    const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
    for (const f of Array.isArray(manifest.files) ? manifest.files : []) {
      if (!f || typeof f.file !== 'string' || f.rendered === false) continue;
      const key = `v${f.version}/${f.protocol}/${f.name}/${f.kind}`;
      if (!map.has(key)) map.set(key, { file: f.file, shape: String(f.shape ?? '') });
    }
  }
  const cache = new Map<string, unknown>();
  return {
    get(version, protocol, name, kind) {
      const hit = map.get(`${version}/${protocol}/${name}/${kind}`);
      if (!hit || !dir) return undefined;
      if (!cache.has(hit.file)) {
        try {
          cache.set(hit.file, JSON.parse(readFileSync(join(dir, hit.file), 'utf8')));
        } catch {
          cache.set(hit.file, undefined);
        }
      }
      const value = cache.get(hit.file);
      return value === undefined ? undefined : { value, shape: hit.shape };
    },
  };
}

const SCHEMA_PREFIX = '#/components/schemas/';

/** A local `$ref` target, through the model's one pointer helper (own properties only, percent-decoded). */
function pointer(doc: Json, ref: string): any {
  return ref.startsWith('#/') ? getPointer(doc, ref) : undefined;
}

/** Follows `$ref`s (at most 20) to the node they name. */
function deref(doc: Json, node: any): any {
  for (let i = 0; i < 20 && node && typeof node === 'object' && typeof node.$ref === 'string'; i++) node = pointer(doc, node.$ref);
  return node;
}

function refName(node: any): string | undefined {
  return node && typeof node.$ref === 'string' && node.$ref.startsWith(SCHEMA_PREFIX) ? node.$ref.slice(SCHEMA_PREFIX.length) : undefined;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** A short type label and the structure it names, if any. */
export function typeLabel(doc: Json, schema: any, depth = 0): { type: string; ref?: string } {
  if (!schema || typeof schema !== 'object' || depth > 6) return { type: 'any' };
  const name = refName(schema);
  if (name) return { type: name, ref: name };
  if (schema.$ref) return typeLabel(doc, deref(doc, schema), depth + 1);
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants)) {
    const parts = variants.map((v: any) => typeLabel(doc, v, depth + 1));
    return { type: parts.map((p) => p.type).join(' | '), ref: parts.length === 1 ? parts[0].ref : undefined };
  }
  if (Array.isArray(schema.allOf) && schema.allOf.length === 1) return typeLabel(doc, schema.allOf[0], depth + 1);
  if ('const' in schema) return { type: `${JSON.stringify(schema.const)}` };
  const t = Array.isArray(schema.type) ? schema.type.join(' | ') : str(schema.type) || (schema.properties ? 'object' : 'any');
  if (t === 'array') {
    const inner = typeLabel(doc, schema.items, depth + 1);
    return { type: `${inner.type.includes(' ') ? `(${inner.type})` : inner.type}[]`, ref: inner.ref };
  }
  let label = t;
  if (schema.format) label += ` (${schema.format})`;
  if (Array.isArray(schema.enum)) label += `: ${schema.enum.map((v: unknown) => JSON.stringify(v)).join(' | ')}`;
  if (t === 'object' && schema.additionalProperties && !schema.properties) label = 'object (map)';
  return { type: label };
}

/** Properties of an object schema, `allOf` parts merged. */
function properties(doc: Json, schema: any): { props: Record<string, any>; required: Set<string> } {
  const props: Record<string, any> = {};
  const required = new Set<string>();
  const visit = (s: any, depth: number) => {
    s = deref(doc, s);
    if (!s || typeof s !== 'object' || depth > 8) return;
    for (const part of Array.isArray(s.allOf) ? s.allOf : []) visit(part, depth + 1);
    for (const [k, v] of Object.entries<any>(s.properties ?? {})) props[k] = v;
    for (const r of Array.isArray(s.required) ? s.required : []) required.add(String(r));
  };
  visit(schema, 0);
  return { props, required };
}

/** The fields of a schema, inline objects expanded as dotted paths (named structures are links, not expanded). */
export function fieldsOf(doc: Json, schema: any, prefix = '', depth = 0, out: FieldView[] = []): FieldView[] {
  if (depth > 3 || out.length > 200) return out;
  const { props, required } = properties(doc, schema);
  for (const key of Object.keys(props).sort()) {
    const raw = props[key];
    const resolved = refName(raw) ? raw : deref(doc, raw);
    const label = typeLabel(doc, raw);
    out.push({
      name: prefix + key,
      type: label.type,
      ref: label.ref,
      required: required.has(key),
      description: str(resolved?.description) || str(deref(doc, raw)?.description),
      renamedFrom: str(resolved?.['x-renamed-from']) || undefined,
      deprecated: resolved?.deprecated === true || undefined,
    });
    if (!label.ref && resolved && typeof resolved === 'object') {
      const inner = resolved.type === 'array' ? deref(doc, resolved.items) : resolved;
      if (inner && !refName(resolved.items) && (inner.properties || inner.allOf)) fieldsOf(doc, inner, `${prefix}${key}${resolved.type === 'array' ? '[]' : ''}.`, depth + 1, out);
    }
  }
  return out;
}

/** A plausible value for a schema, for methods the reference gives no example of (labelled as such on the page). */
export function sampleOf(doc: Json, schema: any, depth = 0, seen: string[] = []): unknown {
  if (!schema || typeof schema !== 'object' || depth > 8) return null;
  const name = refName(schema);
  if (name) {
    if (seen.includes(name)) return {};
    const target = deref(doc, schema);
    return sampleOf(doc, target, depth + 1, [...seen, name]);
  }
  if (schema.$ref) return sampleOf(doc, deref(doc, schema), depth + 1, seen);
  if (Array.isArray(schema.examples) && schema.examples.length) return schema.examples[0];
  if ('example' in schema) return schema.example;
  if ('const' in schema) return schema.const;
  if ('default' in schema) return schema.default;
  if (Array.isArray(schema.enum) && schema.enum.length) return schema.enum[0];
  const variants = schema.oneOf ?? schema.anyOf;
  if (Array.isArray(variants) && variants.length) return sampleOf(doc, variants[0], depth + 1, seen);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (type === 'array') return [sampleOf(doc, schema.items, depth + 1, seen)];
  if (type === 'object' || schema.properties || schema.allOf) {
    const { props, required } = properties(doc, schema);
    const out: Record<string, unknown> = {};
    const keys = Object.keys(props).filter((k) => depth < 4 || required.has(k));
    for (const k of keys.sort()) out[k] = sampleOf(doc, props[k], depth + 1, seen);
    return out;
  }
  if (type === 'integer' || type === 'number') return 0;
  if (type === 'boolean') return true;
  if (type === 'string') return schema.format === 'date-time' ? '2026-01-01T00:00:00.000000Z' : 'string';
  return null;
}

/** The first example an OpenAPI media type or AsyncAPI message carries. */
function specExample(node: any): unknown {
  if (!node || typeof node !== 'object') return undefined;
  if ('example' in node) return node.example;
  const ex = node.examples;
  if (Array.isArray(ex) && ex.length) return ex[0] && typeof ex[0] === 'object' && 'payload' in ex[0] ? ex[0].payload : ex[0];
  if (ex && typeof ex === 'object') {
    const first: any = Object.values(ex)[0];
    if (first && typeof first === 'object' && 'value' in first) return first.value;
  }
  return undefined;
}

function isEnvelope(doc: Json, schema: any): boolean {
  const s = deref(doc, schema);
  return !!s && !refName(schema) && !!s.properties && Object.keys(s.properties).length === 1 && 'payload' in s.properties;
}

function serversOf(doc: Json): Array<{ url: string; description: string }> {
  const servers = doc.servers;
  if (Array.isArray(servers)) return servers.map((s: any) => ({ url: str(s?.url), description: str(s?.description) }));
  if (servers && typeof servers === 'object')
    return Object.values<any>(servers).map((s) => ({ url: `${str(s.protocol)}://${str(s.host)}${str(s.pathname)}`, description: str(s.description) }));
  return [];
}

function structures(doc: Json): StructureView[] {
  const out: StructureView[] = [];
  for (const [name, raw] of Object.entries<any>(doc.components?.schemas ?? {}).sort(([a], [b]) => a.localeCompare(b))) {
    const s = deref(doc, raw) ?? {};
    const ex = specExample(s);
    out.push({
      name,
      description: str(s.description),
      fields: fieldsOf(doc, s),
      type: typeLabel(doc, s).type,
      example: ex !== undefined ? { value: ex, source: 'spec' } : undefined,
      renamedFrom: str(s['x-renamed-from']) || undefined,
    });
  }
  return out;
}

function readWeb(id: string, doc: Json, examples: ReferenceExamples, view: ApiVersion): WebMethodView[] {
  const out: WebMethodView[] = [];
  // Which operations are methods, their names, paths and HTTP methods: the model's project view decides.
  for (const side of view.methods.flatMap((m) => (m.web ? [m.web] : []))) {
    const op = getPointer(doc, side.pointer) as any;
    if (!op || typeof op !== 'object') continue;
    const path = side.path;
    const method = side.http;
    const name = side.name;
    const media = op.requestBody ? deref(doc, op.requestBody)?.content?.['application/json'] ?? Object.values<any>(deref(doc, op.requestBody)?.content ?? {})[0] : undefined;
    const bodySchema = media?.schema;
    const envelope = side.envelope === 'payload' && !!bodySchema && isEnvelope(doc, bodySchema);
    const argsSchema = envelope ? deref(doc, bodySchema).properties.payload : bodySchema;
    const params = (Array.isArray(op.parameters) ? op.parameters : []).map((p: any) => deref(doc, p)).filter((p: any) => p && p.in === 'query' && p.name !== 'license_id');
    let request: FieldView[] = argsSchema ? fieldsOf(doc, argsSchema) : [];
    if (!argsSchema && params.length)
      request = params.map((p: any) => ({ name: String(p.name), ...typeLabel(doc, p.schema), required: p.required === true, description: str(p.description) }));
    const okCode = Object.keys(op.responses ?? {}).find((c) => /^2/.test(c));
    const ok = okCode ? deref(doc, op.responses[okCode]) : undefined;
    const okMedia = ok?.content?.['application/json'] ?? Object.values<any>(ok?.content ?? {})[0];
    const respSchema = okMedia?.schema;
    // Examples: the spec's own, else the official reference's (Web body, else the RTM payload of the same
    // method: the arguments are the same), else built from the schema.
    let requestExample: ExampleView;
    const own = specExample(media);
    const refWeb = examples.get(id, 'web', name, 'request');
    const refRtm = examples.get(id, 'rtm', op['x-rtm-equivalent'] ?? name, 'request');
    if (own !== undefined) requestExample = { value: own, source: 'spec' };
    else if (refWeb) requestExample = { value: refWeb.value, source: 'reference' };
    else if (refRtm) {
      const args = refRtm.shape === 'frame' && refRtm.value && typeof refRtm.value === 'object' ? (refRtm.value as Json).payload ?? {} : refRtm.value;
      requestExample = { value: envelope ? { payload: args } : args, source: 'reference' };
    } else if (bodySchema) requestExample = { value: sampleOf(doc, bodySchema), source: 'schema' };
    else requestExample = { value: Object.fromEntries(params.map((p: any) => [p.name, sampleOf(doc, p.schema)])), source: 'schema' };
    let responseExample: ExampleView;
    const ownResp = specExample(okMedia);
    const refResp = examples.get(id, 'web', name, 'response');
    const refRtmResp = examples.get(id, 'rtm', op['x-rtm-equivalent'] ?? name, 'response');
    if (ownResp !== undefined) responseExample = { value: ownResp, source: 'spec' };
    else if (refResp) responseExample = { value: refResp.value, source: 'reference' };
    else if (refRtmResp) responseExample = { value: refRtmResp.shape === 'frame' && refRtmResp.value && typeof refRtmResp.value === 'object' ? (refRtmResp.value as Json).payload ?? {} : refRtmResp.value, source: 'reference' };
    else responseExample = { value: respSchema ? sampleOf(doc, respSchema) : {}, source: 'schema' };
    const errors = Object.entries<any>(op.responses ?? {})
      .filter(([c]) => !/^2/.test(c))
      .map(([status, r]) => {
        const resp = deref(doc, r);
        const example = specExample(resp?.content?.['application/json']);
        return { status, description: str(resp?.description), ...(example !== undefined ? { example } : {}) };
      });
    out.push({
      name,
      title: side.title || name,
      tag: side.tag,
      description: str(op.description),
      httpMethod: method.toUpperCase(),
      path,
      request,
      requestSchema: refName(argsSchema),
      response: respSchema ? fieldsOf(doc, respSchema) : [],
      responseSchema: refName(respSchema),
      requestExample,
      responseExample,
      errors,
      rtm: side.equivalent,
      renamedFrom: side.renamedFrom,
      deprecated: side.deprecated,
    });
  }
  return out;
}

/** The `payload` property of a frame schema: what the fields table shows. */
function framePayload(doc: Json, message: any): any {
  const frame = deref(doc, message?.payload);
  return frame?.properties?.payload;
}

function frameExample(doc: Json, message: any, kind: 'request' | 'response' | 'push', id: string, name: string, examples: ReferenceExamples, webName?: string): ExampleView {
  const own = specExample(message);
  if (own !== undefined) return { value: own, source: 'spec' };
  // The schema-built frame keeps only what a real frame must carry (its required keys, the payload, a request id).
  const frameSchema = deref(doc, message?.payload);
  const keep = new Set<string>([...(Array.isArray(frameSchema?.required) ? frameSchema.required : []), 'payload', ...(kind === 'push' ? [] : ['request_id'])]);
  const full = sampleOf(doc, message?.payload);
  const frame: Json = full && typeof full === 'object' && !Array.isArray(full) ? Object.fromEntries(Object.entries(full).filter(([k]) => keep.has(k))) : {};
  const ref = examples.get(id, 'rtm', name, kind) ?? (kind !== 'push' && webName ? examples.get(id, 'web', webName, kind) : undefined);
  if (ref) {
    if (ref.shape === 'frame' && ref.value && typeof ref.value === 'object' && 'action' in (ref.value as Json)) return { value: ref.value, source: 'reference' };
    let payload = ref.value;
    // A Web body of v3.0 carries the `payload` envelope; the frame's payload is what is inside.
    if (payload && typeof payload === 'object' && Object.keys(payload as Json).length === 1 && 'payload' in (payload as Json)) payload = (payload as Json).payload;
    const out: Json = { action: name, ...frame };
    if ('request_id' in out) out.request_id = 'r1';
    out.payload = payload;
    return { value: out, source: 'reference' };
  }
  if ('request_id' in frame) frame.request_id = 'r1';
  return { value: frame, source: 'schema' };
}

function readRtm(id: string, doc: Json, examples: ReferenceExamples, view: ApiVersion): RtmOpView[] {
  const out: RtmOpView[] = [];
  // Which operations are methods and which are pushes, their ids, tags, equivalents, x-pushes: the project view.
  const sides = [
    ...view.methods.flatMap((m) => (m.rtm ? [{ name: m.rtm.name, kind: 'method' as const, side: m.rtm, pushes: m.rtm.pushes }] : [])),
    ...view.pushes.map((p) => ({ name: p.operation, kind: 'push' as const, side: p, pushes: [] as string[] })),
  ];
  for (const { name, kind, side, pushes } of sides) {
    const op = getPointer(doc, side.pointer) as any;
    if (!op || typeof op !== 'object') continue;
    const messages = (Array.isArray(op.messages) ? op.messages : []).map((m: any) => deref(doc, m));
    const replies = (Array.isArray(op.reply?.messages) ? op.reply.messages : []).map((m: any) => deref(doc, m));
    const reply = replies.find((m: any) => m && !/^error/.test(str(m.name))) ?? replies[0];
    const reqPayload = framePayload(doc, messages[0]);
    const respPayload = reply ? framePayload(doc, reply) : undefined;
    const web = side.equivalent;
    out.push({
      name,
      kind,
      title: side.title || name,
      tag: side.tag,
      description: str(op.description) || str(messages[0]?.description),
      request: reqPayload ? fieldsOf(doc, reqPayload) : [],
      requestSchema: refName(reqPayload),
      response: respPayload ? fieldsOf(doc, respPayload) : [],
      responseSchema: refName(respPayload),
      requestFrame: frameExample(doc, messages[0], kind === 'push' ? 'push' : 'request', id, name, examples, web ?? name),
      responseFrame: reply ? frameExample(doc, reply, 'response', id, name, examples, web ?? name) : undefined,
      pushes,
      web,
      renamedFrom: side.renamedFrom,
      deprecated: side.deprecated,
    });
  }
  return out;
}

export function readReference(id: string, web: Json, rtm: Json, examples: ReferenceExamples, view: ApiVersion = apiVersionOf(web, rtm, { version: id.replace(/^v/, '') })): ReferenceVersion {
  return {
    id,
    webTitle: str(web.info?.title),
    webDescription: str(web.info?.description),
    webServers: serversOf(web),
    rtmDescription: str(rtm.info?.description),
    rtmServers: serversOf(rtm),
    web: readWeb(id, web, examples, view),
    rtm: readRtm(id, rtm, examples, view),
    webStructures: structures(web),
    rtmStructures: structures(rtm),
  };
}
