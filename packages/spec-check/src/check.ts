/**
 * Compares one version's reference index with its bundled Web (OpenAPI 3.1) and RTM (AsyncAPI 3.0) documents.
 * Which operation is which method or push, its request/response roots, the v3.0 envelope, error frames and the
 * structures come from the model's project view (`apiVersionOf`); this file only compares fields.
 */
import { apiVersionOf, appendPointer, getPointer, type ApiSide, type ApiVersion, type WebSide } from '@ccapi/model';
import { deref, enumOf, examplesOf, itemsOf, lookup, typesOf, type Json } from './schema.js';
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

/**
 * v3.0 Web bodies wrap the arguments in `payload` (the model decides which bodies are such an
 * envelope). The reference documents them either way: descend into it when its paths do not say `payload`.
 */
function unwrapPayload(doc: Json, side: WebSide, fields: RefField[]): Json {
  const schema = side.requestSchema;
  if (!side.envelope || fields.some((f) => f.path === 'payload' || f.path.startsWith('payload.'))) return schema;
  return deref(doc, schema)?.properties?.payload;
}

/** `summary` = the reference heading, the tag = the reference area (when the page has areas). */
function checkLabels(ctx: Ctx, side: ApiSide, subject: string, title: string | null, area: string | null): void {
  if (title && side.title !== undefined && side.title.trim() !== title)
    add(ctx, 'title-mismatch', subject, `summary is "${side.title}", the reference heading is "${title}"`);
  if (area && side.tag !== area) add(ctx, 'area-mismatch', subject, `tags are [${side.tag}], the reference area is "${area}"`);
}

function checkProtocol(ctx: Ctx, ref: RefProtocol, view: ApiVersion): void {
  const { doc } = ctx;
  const isWeb = ctx.protocol === 'web';
  for (const m of ref.methods) {
    const subject = `method:${m.name}`;
    ctx.stats.methods++;
    let req: Json;
    let res: Json;
    let side: ApiSide;
    if (isWeb) {
      const web = view.methods.find((x) => x.web?.name === m.name)?.web;
      if (!web) {
        add(ctx, 'method-missing', subject, `documented method \`${m.name}\` (${m.title}) has no \`/action/${m.name}\` operation`);
        continue;
      }
      side = web;
      const verb = web.http.toUpperCase();
      if (m.httpMethod && m.httpMethod !== verb)
        add(ctx, 'http-method-mismatch', subject, `the reference calls \`${m.name}\` with ${m.httpMethod}, the spec with ${verb}`);
      req = unwrapPayload(doc, web, m.request);
      res = web.responseSchema;
    } else {
      const rtm = view.methods.find((x) => x.rtm?.name === m.name)?.rtm;
      if (!rtm) {
        add(ctx, 'method-missing', subject, `documented method \`${m.name}\` (${m.title}) has no operation \`${m.name}\``);
        continue;
      }
      side = rtm;
      req = rtm.requestSchema;
      res = rtm.responseSchema;
      const linked = new Set(rtm.pushes);
      for (const p of m.pushes)
        if (!linked.has(p)) add(ctx, 'push-link-missing', subject, `the reference says \`${m.name}\` triggers \`${p}\`, which is not in \`x-pushes\``, p);
    }
    checkLabels(ctx, side, subject, m.title, m.area);
    if (m.equivalent && side.equivalent !== m.equivalent)
      add(ctx, 'equivalent-mismatch', subject, `the reference names \`${m.equivalent}\` as the ${isWeb ? 'RTM' : 'Web'} equivalent, the spec says \`${side.equivalent ?? '(none)'}\``);
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
    const push = view.pushes.find((x) => x.operation === p.name) ?? view.pushes.find((x) => x.name === p.name);
    if (!push) {
      add(ctx, 'push-missing', subject, `documented push \`${p.name}\` has no operation \`${p.name}\``);
      continue;
    }
    checkLabels(ctx, push, subject, null, p.area);
    for (const f of p.fields) {
      ctx.stats.fields++;
      checkField(ctx, push.payloadSchema, f, subject, 'payload.', 'field-missing');
    }
  }
  for (const s of ref.structures) {
    const subject = `structure:${s.name}`;
    ctx.stats.structures++;
    const at = Object.prototype.hasOwnProperty.call(view.structures, s.name) ? view.structures[s.name]![ctx.protocol] : undefined;
    const schema = at === undefined ? undefined : getPointer(doc, at);
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
    const name = view.errors[ctx.protocol].structure;
    const errSchema = name === undefined ? undefined : getPointer(doc, appendPointer('/components/schemas', name));
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
  const view = apiVersionOf(docs.web, docs.rtm, { version: index.version });
  for (const protocol of ['web', 'rtm'] as const) {
    checkProtocol({ version: index.version, protocol, doc: docs[protocol], findings, stats: stats[protocol] }, index[protocol], view);
  }
  return { findings, stats };
}

/** One line per finding, stable and greppable: `v3.3 web required-mismatch method:start_chat request.active: ...` */
export function formatFinding(f: Finding): string {
  return `v${f.version} ${f.protocol} ${f.kind} ${f.subject}${f.path ? ` ${f.path}` : ''}: ${f.message}`;
}
