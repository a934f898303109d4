/**
 * Compares one version's reference index with its bundled Web (OpenAPI 3.1) and RTM (AsyncAPI 3.0) documents,
 * following docs/modelling.md: Web methods are `POST|GET /action/<method>` with `operationId`, RTM methods and
 * pushes are operations by id whose messages carry the whole frame (payload = `properties.payload`), data
 * structures are `components/schemas/<Name>`.
 */
import { deref, enumOf, examplesOf, itemsOf, lookup, typesOf, views, type Json } from './schema.js';
import type { CheckResult, Finding, FindingKind, Protocol, RefField, RefIndex, RefProtocol, Stats } from './types.js';

export interface Documents {
  web: Json;
  rtm: Json;
}

interface Ctx {
  version: string;
  protocol: Protocol;
  doc: Json;
  findings: Finding[];
  stats: Stats;
}

function add(ctx: Ctx, kind: FindingKind, subject: string, message: string, path?: string): void {
  const f: Finding = { version: ctx.version, protocol: ctx.protocol, kind, subject, message };
  if (path !== undefined) f.path = path;
  ctx.findings.push(f);
}

/** Expected JSON types for a reference data type; null when the reference type says nothing checkable. */
export function expectedTypes(refType: string | null): { types: string[]; items?: string[] } | null {
  if (!refType) return null;
  const t = refType.replace(/`/g, '').trim().toLowerCase();
  const scalar = (x: string): string[] | null => {
    if (x === 'string') return ['string'];
    if (x === 'number' || x === 'float') return ['number', 'integer'];
    if (x === 'int' || x === 'integer') return ['integer', 'number'];
    if (x === 'bool' || x === 'boolean') return ['boolean'];
    if (x === 'object' || x === 'objects') return ['object'];
    return null;
  };
  const arr = /^\[\](\w+)$/.exec(t) ?? /^array of (\w+?)s?$/.exec(t);
  if (arr) {
    const items = scalar(arr[1]);
    return items ? { types: ['array'], items } : { types: ['array'] };
  }
  if (t === 'array') return { types: ['array'] };
  const s = scalar(t);
  return s ? { types: s } : null;
}

/** Checks one documented field against the schema it should live in. */
function checkField(ctx: Ctx, root: Json, field: RefField, subject: string, side: string, missingKind: FindingKind): void {
  const path = `${side}${field.path}`;
  const hits = root === undefined ? [] : lookup(ctx.doc, root, field.path.split('.'));
  if (!hits.length) {
    add(ctx, missingKind, subject, `documented ${missingKind === 'parameter-missing' ? 'parameter' : 'field'} \`${field.path}\` is not in the schema`, path);
    return;
  }
  if (field.source !== 'table') return;
  const last = field.path.split('.').pop() ?? '';
  // a placeholder key (`pushes.<version>`) names the entries of a map, which no `required` list can hold
  if (field.required !== null && !last.includes('<')) {
    const anyReq = hits.some((h) => h.required);
    const allReq = hits.every((h) => h.required);
    if (field.required && !anyReq)
      add(ctx, 'required-mismatch', subject, `\`${field.path}\` is documented as required (${field.requiredText ?? 'yes'}) but is not in \`required\``, path);
    if (!field.required && allReq)
      add(ctx, 'required-mismatch', subject, `\`${field.path}\` is documented as optional (${field.requiredText ?? 'no'}) but is in \`required\``, path);
  }
  const exp = expectedTypes(field.type);
  if (exp) {
    const ok = hits.some((h) => {
      const ts = typesOf(ctx.doc, h.schema);
      if (ts.size && !exp.types.some((t) => ts.has(t))) return false;
      if (exp.items) {
        const items = itemsOf(ctx.doc, h.schema);
        for (const it of items) {
          const its = typesOf(ctx.doc, it);
          if (its.size && !exp.items.some((t) => its.has(t))) return false;
        }
      }
      return true;
    });
    if (!ok) {
      const actual = [...new Set(hits.flatMap((h) => [...typesOf(ctx.doc, h.schema)]))].join('|');
      add(ctx, 'type-mismatch', subject, `\`${field.path}\` is documented as \`${field.type}\` but the schema says \`${actual}\``, path);
    }
  }
  if (field.default !== undefined) {
    const defaults = hits.flatMap((h) => keywordValues(ctx.doc, h.schema, 'default'));
    if (!defaults.some((d) => d === field.default))
      add(ctx, 'default-mismatch', subject, `\`${field.path}\` defaults to \`${field.default}\` in the reference, the schema's default is \`${defaults.length ? defaults.join('|') : '(none)'}\``, path);
  }
  for (const [kw, arrayKw] of [['maximum', 'maxItems'], ['minimum', 'minItems']] as const) {
    const want = field[kw];
    if (want === undefined) continue;
    const got = hits.flatMap((h) => [...keywordValues(ctx.doc, h.schema, kw), ...keywordValues(ctx.doc, h.schema, arrayKw)]);
    if (!got.some((g) => g === want))
      add(ctx, 'limit-mismatch', subject, `\`${field.path}\` has ${kw} ${want} in the reference, the schema says \`${got.length ? got.join('|') : '(none)'}\``, `${path}:${kw}`);
  }
  if (field.enum?.length && !field.enum.every((v) => v === 'true' || v === 'false')) {
    const values = new Set<string>();
    let hasEnum = false;
    const examples = new Set<string>();
    for (const h of hits) {
      const e = enumOf(ctx.doc, h.schema);
      if (e) {
        hasEnum = true;
        e.forEach((v) => values.add(String(v)));
      }
      examplesOf(ctx.doc, h.schema).forEach((v) => examples.add(String(v)));
    }
    if (!hasEnum) {
      // an open value list (docs/modelling.md, v3.4) is a plain string whose `examples` carry the listed values
      if (!field.enum.every((v) => examples.has(v)))
        add(ctx, 'enum-missing', subject, `\`${field.path}\` lists possible values (${field.enum.join(', ')}) but the schema has no enum`, path);
    } else {
      for (const v of field.enum)
        if (!values.has(v)) add(ctx, 'enum-value-missing', subject, `possible value \`${v}\` of \`${field.path}\` is not in the schema's enum`, `${path}=${v}`);
    }
  }
}

/** Values of one keyword on a schema and its allOf/oneOf/anyOf branches. */
function keywordValues(doc: Json, schema: Json, kw: string, depth = 0): unknown[] {
  const s = deref(doc, schema);
  if (!s || typeof s !== 'object' || depth > 20) return [];
  const out: unknown[] = kw in s ? [s[kw]] : [];
  for (const b of [...(s.allOf ?? []), ...(s.oneOf ?? []), ...(s.anyOf ?? [])]) out.push(...keywordValues(doc, b, kw, depth + 1));
  return out;
}

/** v3.0 Web bodies wrap the payload: `{payload: {...}}`. Descend into it when the reference paths do not. */
function unwrapPayload(doc: Json, schema: Json, fields: RefField[]): Json {
  if (schema === undefined) return schema;
  if (fields.some((f) => f.path === 'payload' || f.path.startsWith('payload.'))) return schema;
  for (const v of views(doc, schema)) if (v.props.payload && Object.keys(v.props).length === 1) return v.props.payload;
  return schema;
}

function jsonSchemaOf(doc: Json, content: Json): Json {
  const c = deref(doc, content);
  if (!c || typeof c !== 'object') return undefined;
  const media = c['application/json'] ?? c['multipart/form-data'] ?? Object.values(c)[0];
  return (media as Json)?.schema;
}

/** Web request root: the JSON/multipart body schema, or the query parameters of a GET method as one object. */
function webRequest(doc: Json, op: Json): Json {
  const body = deref(doc, op.requestBody);
  if (body?.content) return jsonSchemaOf(doc, body.content);
  const params = (op.parameters ?? []).map((p: Json) => deref(doc, p)).filter((p: Json) => p?.in === 'query');
  const properties: Record<string, Json> = {};
  const required: string[] = [];
  for (const p of params) {
    properties[p.name] = p.schema ?? {};
    if (p.required) required.push(p.name);
  }
  return { type: 'object', properties, required };
}

function webResponse(doc: Json, op: Json): Json {
  const r = deref(doc, op.responses?.['200']);
  return r?.content ? jsonSchemaOf(doc, r.content) : undefined;
}

function webOperation(doc: Json, name: string): Json {
  const item = doc.paths?.[`/action/${name}`];
  if (item) return item.post ?? item.get;
  for (const it of Object.values(doc.paths ?? {}) as Json[])
    for (const m of ['post', 'get']) if (it?.[m]?.operationId === name) return it[m];
  return undefined;
}

/** RTM: the `payload` property of the frame schema of a message. */
function framePayload(doc: Json, message: Json): Json {
  const m = deref(doc, message);
  if (!m?.payload) return undefined;
  for (const v of views(doc, m.payload)) if (v.props.payload) return v.props.payload;
  return undefined;
}

function rtmMessages(doc: Json, list: Json[] | undefined): Json[] {
  return (list ?? []).map((m) => deref(doc, m));
}

function isErrorMessage(doc: Json, m: Json): boolean {
  if (m?.name === 'error_response') return true;
  const payload = deref(doc, m?.payload);
  const success = payload?.properties?.success;
  return success?.const === false;
}

/** `summary` = the reference heading, one tag = the reference area (when the page has areas). */
function checkLabels(ctx: Ctx, op: Json, subject: string, title: string | null, area: string | null): void {
  if (title && op.summary !== undefined && String(op.summary).trim() !== title)
    add(ctx, 'title-mismatch', subject, `summary is "${op.summary}", the reference heading is "${title}"`);
  if (area) {
    const tags = (op.tags ?? []).map((t: Json) => (typeof t === 'string' ? t : deref(ctx.doc, t)?.name));
    if (!tags.includes(area)) add(ctx, 'area-mismatch', subject, `tags are [${tags.join(', ')}], the reference area is "${area}"`);
  }
}

function checkProtocol(ctx: Ctx, ref: RefProtocol): void {
  const { doc } = ctx;
  const isWeb = ctx.protocol === 'web';
  for (const m of ref.methods) {
    const subject = `method:${m.name}`;
    ctx.stats.methods++;
    let req: Json;
    let res: Json;
    let equivalent: unknown;
    let op: Json;
    if (isWeb) {
      op = webOperation(doc, m.name);
      if (!op) {
        add(ctx, 'method-missing', subject, `documented method \`${m.name}\` (${m.title}) has no \`/action/${m.name}\` operation`);
        continue;
      }
      const item = doc.paths?.[`/action/${m.name}`];
      const verb = item?.get === op ? 'GET' : 'POST';
      if (m.httpMethod && item && m.httpMethod !== verb)
        add(ctx, 'http-method-mismatch', subject, `the reference calls \`${m.name}\` with ${m.httpMethod}, the spec with ${verb}`);
      req = unwrapPayload(doc, webRequest(doc, op), m.request);
      res = unwrapPayload(doc, webResponse(doc, op), m.response);
      equivalent = op['x-rtm-equivalent'];
    } else {
      op = deref(doc, doc.operations?.[m.name]);
      if (!op) {
        add(ctx, 'method-missing', subject, `documented method \`${m.name}\` (${m.title}) has no operation \`${m.name}\``);
        continue;
      }
      req = framePayload(doc, rtmMessages(doc, op.messages)[0]);
      const replies = rtmMessages(doc, op.reply?.messages).filter((x) => !isErrorMessage(doc, x));
      res = replies.length ? framePayload(doc, replies[0]) : undefined;
      equivalent = op['x-web-equivalent'];
    }
    checkLabels(ctx, op, subject, m.title, m.area);
    if (!isWeb) {
      const linked = new Set((op['x-pushes'] ?? []).map(String));
      for (const p of m.pushes)
        if (!linked.has(p)) add(ctx, 'push-link-missing', subject, `the reference says \`${m.name}\` triggers \`${p}\`, which is not in \`x-pushes\``, p);
    }
    if (m.equivalent && equivalent !== m.equivalent)
      add(ctx, 'equivalent-mismatch', subject, `the reference names \`${m.equivalent}\` as the ${isWeb ? 'RTM' : 'Web'} equivalent, the spec says \`${equivalent ?? '(none)'}\``);
    for (const f of m.request) {
      ctx.stats.parameters++;
      checkField(ctx, req, f, subject, 'request.', 'parameter-missing');
    }
    for (const f of m.response) {
      ctx.stats.fields++;
      checkField(ctx, res, f, subject, 'response.', 'field-missing');
    }
  }
  for (const p of ref.pushes) {
    const subject = `push:${p.name}`;
    ctx.stats.pushes++;
    const op = deref(doc, doc.operations?.[p.name]);
    if (!op) {
      add(ctx, 'push-missing', subject, `documented push \`${p.name}\` has no operation \`${p.name}\``);
      continue;
    }
    checkLabels(ctx, op, subject, null, p.area);
    const payload = framePayload(doc, rtmMessages(doc, op.messages)[0]);
    for (const f of p.fields) {
      ctx.stats.fields++;
      checkField(ctx, payload, f, subject, 'payload.', 'field-missing');
    }
  }
  for (const s of ref.structures) {
    const subject = `structure:${s.name}`;
    ctx.stats.structures++;
    const schema = doc.components?.schemas?.[s.name];
    if (!schema) {
      add(ctx, 'structure-missing', subject, `documented structure "${s.title}" has no \`components/schemas/${s.name}\``);
      continue;
    }
    for (const f of s.fields) {
      ctx.stats.fields++;
      checkField(ctx, schema, f, subject, '', 'field-missing');
    }
  }
  if (ref.errors.length) {
    const schemas = doc.components?.schemas ?? {};
    const errSchema = schemas[isWeb ? 'WebError' : 'RtmError'] ?? schemas.Error;
    const typeHits = errSchema ? lookup(doc, errSchema, ['type']) : [];
    const values = new Set<string>();
    for (const h of typeHits) enumOf(doc, h.schema)?.forEach((v) => values.add(String(v)));
    for (const e of ref.errors)
      if (!values.has(e)) add(ctx, 'error-type-missing', 'errors', `documented error type \`${e}\` is not in the ${isWeb ? 'WebError' : 'RtmError'} type enum`, e);
  }
}

const emptyStats = (): Stats => ({ methods: 0, pushes: 0, structures: 0, parameters: 0, fields: 0 });

export function checkVersion(index: RefIndex, docs: Documents): CheckResult {
  const findings: Finding[] = [];
  const stats = { web: emptyStats(), rtm: emptyStats() };
  for (const protocol of ['web', 'rtm'] as const) {
    checkProtocol({ version: index.version, protocol, doc: docs[protocol], findings, stats: stats[protocol] }, index[protocol]);
  }
  return { findings, stats };
}

/** One line per finding, stable and greppable: `v3.3 web required-mismatch method:start_chat request.active: ...` */
export function formatFinding(f: Finding): string {
  return `v${f.version} ${f.protocol} ${f.kind} ${f.subject}${f.path ? ` ${f.path}` : ''}: ${f.message}`;
}
