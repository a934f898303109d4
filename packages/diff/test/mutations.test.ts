// Mutation generator: takes real documents (the ten bundled specs in generated/, and the small
// OpenAPI 3.0/3.1 and AsyncAPI 2.6/3.0 documents in test/mutations/ with security schemes, servers,
// webhooks, several channels and message.oneOf), applies each kind of change whose effect on a
// client is known, and checks the level api-diff gives it: the worst finding must be the expected
// level (0 misses), and equivalence-preserving rewrites must report nothing (0 false alarms).
// Sites are picked generically (the first few operations and properties that fit each kind), so
// nothing here names a method or a field of our API. Everything runs in-process on parsed documents.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { escapeToken, loadModels, modelOf, type Model } from '@ccapi/model';
import { diffModels } from '../src/diff.ts';
import { LEVEL_RANK, type Finding, type Level } from '../src/types.ts';

type Doc = Record<string, any>;
/** `none`: nothing at all may be reported; `INFO`: nothing breaking; otherwise the worst level. */
type Expect = Level | 'none';
interface Case { doc: string; kind: string; site: string; expect: Expect; allow?: string[]; told?: string }

const SITES = 2;
const generated = join(import.meta.dirname, '..', '..', '..', 'generated');
const own = join(import.meta.dirname, 'mutations');

function documents(): Array<{ name: string; doc: Doc }> {
  const out: Array<{ name: string; doc: Doc }> = [];
  if (existsSync(generated)) {
    for (const v of readdirSync(generated).filter((d) => /^v\d/.test(d)).sort()) {
      for (const f of readdirSync(join(generated, v)).filter((x) => x.endsWith('.json')).sort()) out.push({ name: `${v}/${f}`, doc: JSON.parse(readFileSync(join(generated, v, f), 'utf8')) });
    }
  }
  for (const f of readdirSync(own).filter((x) => x.endsWith('.yaml')).sort()) out.push({ name: f, doc: parse(readFileSync(join(own, f), 'utf8')) });
  return out;
}

// ---------- reading documents ----------

function get(doc: Doc, ref: string): any {
  let cur: any = doc;
  for (const raw of ref.replace(/^#\/?/, '').split('/').filter((x) => x !== '')) cur = cur?.[decodeURIComponent(raw).replace(/~1/g, '/').replace(/~0/g, '~')];
  return cur;
}
function deref(doc: Doc, node: any): any {
  for (let i = 0; node && typeof node.$ref === 'string' && i < 20; i++) node = get(doc, node.$ref);
  return node;
}
const isObj = (s: any) => s && typeof s === 'object' && !Array.isArray(s);
/** The objects under `root` (arrays walked through), each before what it holds, 40 levels deep, except under the keys `skip` names. */
function objectsIn(root: any, skip: (key: string) => boolean = () => false): any[] {
  const out: any[] = [];
  const walk = (x: any, depth: number): void => {
    if (!x || typeof x !== 'object' || depth > 40) return;
    if (Array.isArray(x)) { for (const y of x) walk(y, depth + 1); return; }
    out.push(x);
    for (const k of Object.keys(x)) if (!skip(k)) walk(x[k], depth + 1);
  };
  walk(root, 0);
  return out;
}
const kindOf = (doc: Doc) => (doc.openapi ? 'openapi' : String(doc.asyncapi).startsWith('2.') ? 'asyncapi2' : 'asyncapi3');

/** A place holding a payload schema: `holder[key]`, what the client sends (`request`) or receives. */
interface Slot { op: string; side: 'request' | 'response'; holder: any; key: string }

/**
 * Is an AsyncAPI 3 document written from the client's side? As api-diff reads it: the operations
 * with a reply say (a client sends requests and gets replies); a document without any is the server's.
 */
function clientSide3(doc: Doc): boolean {
  const withReply = Object.values<any>(doc.operations ?? {}).filter((o) => o?.reply);
  return withReply.length > 0 && withReply.filter((o) => o.action === 'send').length * 2 >= withReply.length;
}

const VERBS = ['get', 'put', 'post', 'delete', 'patch'];
/** `received`: the provider calls it on the client's endpoint (a webhook or callback). */
type OpenApiOp = { id: string; op: any; item: any; path: string; verb: string; received: boolean };
function openapiOps(doc: Doc): OpenApiOp[] {
  const out: OpenApiOp[] = [];
  for (const [group, received] of [['paths', false], ['webhooks', true]] as const) {
    for (const path of Object.keys(doc[group] ?? {}).sort()) {
      const item = deref(doc, doc[group][path]);
      for (const verb of VERBS) if (isObj(item?.[verb])) out.push({ id: `${group === 'webhooks' ? 'webhook ' : ''}${verb} ${path}`, op: item[verb], item, path, verb, received });
    }
  }
  // callbacks last, so the sites picked in paths and webhooks stay the same
  for (const parent of out.filter((o) => !o.received)) {
    for (const name of Object.keys(parent.op.callbacks ?? {}).sort()) {
      const cb = deref(doc, parent.op.callbacks[name]);
      for (const expression of Object.keys(cb ?? {}).sort()) {
        const item = deref(doc, cb[expression]);
        for (const verb of VERBS) if (isObj(item?.[verb])) out.push({ id: `callback ${parent.id} ${name} ${verb}`, op: item[verb], item, path: expression, verb, received: true });
      }
    }
  }
  return out;
}

function slots(doc: Doc): Slot[] {
  const out: Slot[] = [];
  const k = kindOf(doc);
  if (k === 'openapi') {
    for (const { id, op, received } of openapiOps(doc)) {
      // in a call the provider makes (webhook, callback) the client receives the body and sends the reply
      const body = deref(doc, op.requestBody);
      const media = body?.content && Object.keys(body.content)[0];
      if (media && body.content[media]?.schema) out.push({ op: id, side: received ? 'response' : 'request', holder: body.content[media], key: 'schema' });
      const codes = Object.keys(op.responses ?? {}).filter((c) => /^2/.test(c)).sort();
      for (const c of codes) {
        const r = deref(doc, op.responses[c]);
        const m = r?.content && Object.keys(r.content)[0];
        if (m && r.content[m]?.schema) { out.push({ op: id, side: received ? 'request' : 'response', holder: r.content[m], key: 'schema' }); break; }
      }
    }
  } else if (k === 'asyncapi2') {
    for (const ch of Object.keys(doc.channels ?? {}).sort()) for (const verb of ['publish', 'subscribe']) {
      const op = doc.channels[ch][verb];
      if (!op) continue;
      const msg = deref(doc, op.message);
      const msgs = Array.isArray(msg?.oneOf) ? msg.oneOf.map((m: any) => deref(doc, m)) : [msg];
      msgs.forEach((m: any, i: number) => { if (m?.payload) out.push({ op: `${verb} ${ch} #${i}`, side: verb === 'publish' ? 'request' : 'response', holder: m, key: 'payload' }); });
    }
  } else {
    const client = clientSide3(doc);
    for (const id of Object.keys(doc.operations ?? {}).sort()) {
      const op = doc.operations[id];
      const side = (op.action === 'send') === client ? 'request' : 'response';
      const frameSlot = (m0: any, s: 'request' | 'response') => {
        const m = deref(doc, m0);
        if (!m?.payload) return;
        const frame = deref(doc, m.payload);
        if (frame?.properties?.action && frame.properties.payload) {
          if (m.payload.$ref) m.payload = structuredClone(frame); // the frame itself is not the subject
          out.push({ op: id, side: s, holder: m.payload.properties, key: 'payload' });
        } else out.push({ op: id, side: s, holder: m, key: 'payload' });
      };
      if (op.messages?.[0]) frameSlot(op.messages[0], side);
      const reply = deref(doc, op.reply);
      // a reply travels the other way (a push that asks is answered by the client)
      if (reply?.messages?.[0]) frameSlot(reply.messages[0], side === 'request' ? 'response' : 'request');
    }
  }
  return out;
}

/** Replaces the slot's schema with an inline copy of the object it reaches (one operation only). */
function inlineObject(doc: Doc, s: Slot): any {
  const target = deref(doc, s.holder[s.key]);
  if (!isObj(target) || target.type !== 'object' || !isObj(target.properties) || target.allOf || target.oneOf || target.anyOf) return undefined;
  const copy = structuredClone(target);
  s.holder[s.key] = copy;
  return copy;
}

const props = (doc: Doc, o: any, test: (p: any, name: string, required: boolean) => boolean) =>
  Object.keys(o.properties).filter((n) => { const p = deref(doc, o.properties[n]); return isObj(p) && test(p, n, (o.required ?? []).includes(n)); });
/** Does property `n` of `o` name a structure (`$ref` to components/schemas)? The first that does. */
const holdsSchemaRef = (o: any, n: string) => typeof o.properties[n]?.$ref === 'string' && o.properties[n].$ref.startsWith('#/components/schemas/');
const schemaRefProp = (o: any): string | undefined => first(Object.keys(o.properties).filter((n) => holdsSchemaRef(o, n)));
/** A default of the same type as `v`, other than it. */
const otherDefault = (v: unknown): unknown => (typeof v === 'number' ? v + 1 : typeof v === 'boolean' ? !v : `${String(v)}-other`);
const plainString = (p: any) => p.type === 'string' && !p.enum && p.const === undefined && !p.readOnly && !p.writeOnly && !p.format && !p.pattern;

// ---------- the mutations ----------

/** One kind of change: applies itself to a fresh copy of the document at site `n`; false when there is no such site. */
/**
 * `told`: a rule that must be among the findings, for a change whose level (INFO) a silent diff would
 * also meet but which the changelog must not lose.
 */
/** Arrays of the document's component schemas with an `items` schema and as many items as minItems says, no more. */
function fixedArrays(doc: Doc): Array<{ a: any; at: string }> {
  const out: Array<{ a: any; at: string }> = [];
  const walk = (v: any, at: string) => {
    if (!v || typeof v !== 'object') return;
    if (v.type === 'array' && v.items && typeof v.items === 'object' && !Array.isArray(v.items) && !v.prefixItems && typeof v.maxItems === 'number' && v.minItems === v.maxItems && v.maxItems > 0) out.push({ a: v, at });
    for (const [k, c] of Object.entries<any>(v)) walk(c, `${at}/${k}`);
  };
  walk((doc as any).components?.schemas, '#/components/schemas');
  return out;
}
interface Mutation { kind: string; expect: Expect; allow?: string[]; told?: string; apply: (doc: Doc, n: number) => string | false }

type PayloadChange = (doc: Doc, o: any, s: Slot) => string | false;
/** Every payload change made with onPayload, by kind (so it can run again on other slots). */
const payloadChanges = new Map<string, { side: 'request' | 'response'; expect: Expect; change: PayloadChange; allow?: string[] }>();

/** A change to the n-th payload object of one side (of the slots `where` accepts). */
function onPayload(kind: string, side: 'request' | 'response', expect: Expect, change: PayloadChange, allow?: string[], where: (s: Slot) => boolean = () => true): Mutation {
  payloadChanges.set(kind, { side, expect, change, allow });
  return {
    kind, expect, allow,
    apply: (doc, n) => {
      let seen = 0;
      for (const s of slots(doc).filter((x) => x.side === side && where(x))) {
        const target = deref(doc, s.holder[s.key]);
        if (!isObj(target) || target.type !== 'object' || !isObj(target.properties) || target.allOf || target.oneOf || target.anyOf) continue;
        // try the change on a scratch copy first, so only fitting sites count
        const probe = structuredClone(target);
        if (change(doc, probe, s) === false) continue;
        if (seen++ < n) continue;
        const o = inlineObject(doc, s)!;
        const what = change(doc, o, s);
        return `${s.op}: ${what}`;
      }
      return false;
    },
  };
}

const first = <T>(xs: T[]) => (xs.length ? xs[0] : undefined);

/** Removes the first required field of a slot's inline payload: what the mutation did, or false when there is none. */
function dropRequired(doc: Doc, s: Slot | undefined): string | false {
  if (!s) return false;
  const o = inlineObject(doc, s);
  const p = o && first((o.required ?? []).filter((x: string) => o.properties[x]));
  if (!p) return false;
  delete o.properties[p];
  o.required = o.required.filter((x: string) => x !== p);
  return `${s.op}: ${p}`;
}
const ZZ_KEY = { type: 'apiKey', in: 'header', name: 'X-Zz-Key' };

function openapiOp(doc: Doc, n: number, fits: (o: OpenApiOp) => boolean) {
  return openapiOps(doc).filter((o) => !o.received && fits(o))[n];
}

function effectiveSecurity(doc: Doc, op: any): any[] { return op.security ?? doc.security ?? []; }

/** The n-th OpenAPI operation whose 2xx response keys pass `fits`, with those keys. */
function successSite(doc: Doc, n: number, fits: (keys: string[], op: any) => boolean): { op: any; keys: string[]; id: string } | undefined {
  if (kindOf(doc) !== 'openapi') return undefined;
  const found = openapiOps(doc).filter((o) => !o.received && isObj(o.op.responses)).map((o) => ({ op: o.op, id: o.id, keys: Object.keys(o.op.responses).filter((c) => /^2/.test(c)) }))
    .filter((o) => fits(o.keys, o.op));
  return found[n];
}
/** Does a response carry something to read (an object schema allowing no property is no body)? */
const hasBody = (doc: Doc, r: any) => {
  const x = deref(doc, r);
  const media = x?.content && Object.keys(x.content)[0];
  const schema = media && deref(doc, x.content[media]?.schema);
  return !!schema && !(schema.additionalProperties === false && !Object.keys(schema.properties ?? {}).length && !schema.allOf && !schema.oneOf && !schema.anyOf);
};

/** Rewrites every `nullable: true` of a 3.0 document the 3.1 way: `null` among the types, or a null alternative. */
function nullableTo31(node: any): void {
  if (Array.isArray(node)) { node.forEach(nullableTo31); return; }
  if (!isObj(node)) return;
  for (const v of Object.values(node)) nullableTo31(v);
  if (!('nullable' in node)) return;
  const admits = node.nullable === true;
  delete node.nullable;
  if (!admits) return;
  if (typeof node.type === 'string') { node.type = [node.type, 'null']; if (Array.isArray(node.enum)) node.enum = [...node.enum, null]; return; }
  const rest = { ...node };
  for (const k of Object.keys(node)) delete node[k];
  node.anyOf = [rest, { type: 'null' }];
}

/** The n-th OpenAPI operation (not received) listing an exact error status (`404`), with that status. */
function errorStatusSite(doc: Doc, n: number): { op: any; code: string; id: string } | undefined {
  if (kindOf(doc) !== 'openapi') return undefined;
  return openapiOps(doc).filter((o) => !o.received && isObj(o.op.responses))
    .flatMap((o) => Object.keys(o.op.responses).filter((c) => /^[45]\d\d$/.test(c)).map((code) => ({ op: o.op, code, id: o.id })))
    .filter((x) => !Object.keys(x.op.responses).some((c) => c.toUpperCase() === `${x.code[0]}XX`))[n];
}

function successStatusMutations(): Mutation[] {
  return [
    {
      kind: 'error status replaced by another code of its class (409 -> 422)', expect: 'WARN',
      apply: (doc, n) => {
        const s = errorStatusSite(doc, n);
        if (!s) return false;
        const next = [`${s.code[0]}99`, `${s.code[0]}98`].find((c) => !(c in s.op.responses))!;
        s.op.responses[next] = s.op.responses[s.code];
        delete s.op.responses[s.code];
        return `${s.id}: ${s.code} -> ${next}`;
      },
    },
    {
      kind: 'error status written as its range (404 -> 4XX): the code is still answered', expect: 'INFO',
      apply: (doc, n) => {
        const s = errorStatusSite(doc, n);
        if (!s) return false;
        s.op.responses[`${s.code[0]}XX`] = s.op.responses[s.code];
        delete s.op.responses[s.code];
        return `${s.id}: ${s.code}`;
      },
    },
    ...((): Mutation[] => {
      /** The n-th response link of an OpenAPI operation the client calls: its response and name. */
      const linkSite = (doc: Doc, n: number) => kindOf(doc) !== 'openapi' ? undefined : openapiOps(doc).filter((o) => !o.received && isObj(o.op.responses))
        .flatMap((o) => Object.keys(o.op.responses).sort().flatMap((c) => Object.keys(deref(doc, o.op.responses[c])?.links ?? {}).sort().map((name) => ({ o, c, name }))))[n];
      const own = (doc: Doc, s: { o: OpenApiOp; c: string }) => (s.o.op.responses[s.c] = structuredClone(deref(doc, s.o.op.responses[s.c])));
      return [
        { kind: 'response link removed (nothing on the wire changes)', expect: 'INFO', told: 'response-link-removed', apply: (doc, n) => { const s = linkSite(doc, n); if (!s) return false; delete own(doc, s).links[s.name]; return `${s.o.id} ${s.name}`; } },
        { kind: 'response link reads its parameter from another place', expect: 'WARN', apply: (doc, n) => { const s = linkSite(doc, n); if (!s) return false; const l = own(doc, s).links[s.name]; l.parameters = Object.fromEntries(Object.keys(l.parameters ?? { id: 0 }).map((k) => [k, '$request.body#/zz'])); return `${s.o.id} ${s.name}`; } },
        {
          kind: 'same: a response link names its operation by operationRef instead of operationId', expect: 'none',
          apply: (doc, n) => {
            const s = linkSite(doc, n);
            if (!s) return false;
            const l = own(doc, s).links[s.name];
            const target = openapiOps(doc).find((x) => x.op.operationId === l.operationId && !x.received);
            if (!target) return false;
            const path = Object.keys(doc.paths).find((p) => deref(doc, doc.paths[p]) === target.item);
            if (!path) return false;
            delete l.operationId;
            l.operationRef = `#/paths/${path.replace(/~/g, '~0').replace(/\//g, '~1')}/${target.verb}`;
            return `${s.o.id} ${s.name}`;
          },
        },
        { kind: 'same: a response link described otherwise', expect: 'none', apply: (doc, n) => { const s = linkSite(doc, n); if (!s) return false; own(doc, s).links[s.name].description = 'Read it back.'; return `${s.o.id} ${s.name}`; } },
        {
          kind: 'response link added', expect: 'INFO', told: 'response-link-added',
          apply: (doc, n) => {
            if (kindOf(doc) !== 'openapi') return false;
            const o = openapiOps(doc).filter((x) => !x.received && isObj(x.op.responses) && Object.keys(x.op.responses).some((c) => /^2/.test(c)))[n];
            if (!o) return false;
            const c = Object.keys(o.op.responses).filter((k) => /^2/.test(k)).sort()[0];
            const r = own(doc, { o, c });
            r.links = { ...(r.links ?? {}), ZzNext: { operationId: 'zzNext' } };
            return o.id;
          },
        },
      ];
    })(),
    ...(['same', 'other'] as const).map((where): Mutation => ({
      kind: where === 'same' ? 'callback added calling the URL of an existing one (its endpoint gets new calls)' : 'callback added calling a URL read from another place',
      expect: where === 'same' ? 'WARN' : 'INFO', told: where === 'same' ? 'callback-added-same-address' : 'push-added',
      apply: (doc, n) => {
        if (kindOf(doc) !== 'openapi') return false;
        const o = openapiOps(doc).filter((x) => !x.received && isObj(x.op.callbacks) && Object.keys(x.op.callbacks).length)[n];
        if (!o) return false;
        const name = Object.keys(o.op.callbacks).sort()[0];
        const cb = deref(doc, o.op.callbacks[name]);
        const expr = Object.keys(cb ?? {}).sort()[0];
        const verb = Object.keys(deref(doc, cb[expr]) ?? {}).find((v) => VERBS.includes(v as any)) ?? 'post';
        const call = { requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', properties: { zz: { type: 'string' } } } } } }, responses: { '200': { description: 'Received.' } } };
        o.op.callbacks = { ...o.op.callbacks, [`${name}Zz`]: { [where === 'same' ? expr : '{$request.header.X-Zz-Callback}']: { [verb]: call } } };
        return `${o.id} ${name}`;
      },
    })),
    ...((): Mutation[] => {
      /** Base types whose discriminator selects the schemas extending them (no oneOf/anyOf), with those subtypes. */
      const bases = (doc: Doc) => {
        const schemas = doc.components?.schemas ?? {};
        return Object.keys(schemas).sort().filter((b) => isObj(schemas[b]?.discriminator) && !schemas[b].oneOf && !schemas[b].anyOf)
          .map((b) => ({ b, subs: Object.keys(schemas).sort().filter((n) => Array.isArray(schemas[n]?.allOf) && schemas[n].allOf.some((x: any) => x?.$ref === `#/components/schemas/${b}`)) }))
          .filter((x) => x.subs.length > 1);
      };
      /** The own (non-$ref) allOf part of the n-th subtype. */
      const ownPart = (doc: Doc, n: number) => {
        const x = bases(doc).flatMap((y) => y.subs.map((sub) => ({ ...y, sub })))[n];
        const part = x && doc.components.schemas[x.sub].allOf.find((p: any) => isObj(p) && !p.$ref && isObj(p.properties));
        return part ? { ...x, part } : undefined;
      };
      return [
        { kind: 'inheritance: a subtype the base\'s discriminator selects gets a new required field', expect: 'ERR', apply: (doc, n) => { const x = ownPart(doc, n); if (!x) return false; x.part.properties.zz = { type: 'string' }; x.part.required = [...(x.part.required ?? []), 'zz']; return x.sub; } },
        { kind: 'inheritance: a subtype\'s field changes type', expect: 'ERR', apply: (doc, n) => { const x = ownPart(doc, n); const k = x && Object.keys(x.part.properties).find((q) => x.part.properties[q]?.type === 'string'); if (!x || !k) return false; x.part.properties[k] = { type: 'integer' }; return `${x.sub}.${k}`; } },
        {
          // both parts apply: the subtype's bound narrows what the inherited reference names (a new limit on what clients send)
          kind: 'inheritance: a subtype re-declares an inherited $ref property with a bound on one of its fields', expect: 'WARN',
          apply: (doc, n) => {
            const x = ownPart(doc, n);
            const base = x && doc.components.schemas[x.b];
            const prop = x && Object.keys(base.properties ?? {}).find((q) => typeof base.properties[q]?.$ref === 'string' && !(q in x.part.properties));
            const target = prop && deref(doc, base.properties[prop]);
            const num = target && Object.keys(target.properties ?? {}).find((q) => target.properties[q]?.type === 'number' && target.properties[q].maximum === undefined);
            if (!x || !prop || !num) return false;
            x.part.properties[prop] = { type: 'object', properties: { [num]: { type: 'number', maximum: 1 } } };
            return `${x.sub}.${prop}.${num}`;
          },
        },
        {
          kind: 'inheritance: a subtype no longer extends the base (its discriminator value is gone)', expect: 'ERR',
          apply: (doc, n) => { const x = ownPart(doc, n); if (!x) return false; doc.components.schemas[x.sub] = { type: 'object', properties: x.part.properties }; return x.sub; },
        },
        {
          kind: 'inheritance: a new subtype extends the base (responses may carry it)', expect: 'WARN',
          apply: (doc, n) => { const x = bases(doc)[n]; if (!x) return false; doc.components.schemas.ZzSub = { allOf: [{ $ref: `#/components/schemas/${x.b}` }, { type: 'object', properties: { zz: { type: 'string' } } }] }; return x.b; },
        },
        {
          kind: 'same: a base type\'s implicit discriminator mapping written out', expect: 'none',
          apply: (doc, n) => { const x = bases(doc)[n]; if (!x || doc.components.schemas[x.b].discriminator.mapping) return false; doc.components.schemas[x.b].discriminator.mapping = Object.fromEntries(x.subs.map((sub) => [sub, `#/components/schemas/${sub}`])); return x.b; },
        },
      ];
    })(),
    {
      kind: 'error status added (met where any undocumented error was)', expect: 'INFO', told: 'response-error-status-added',
      apply: (doc, n) => {
        if (kindOf(doc) !== 'openapi') return false;
        const o = openapiOps(doc).filter((x) => !x.received && isObj(x.op.responses) && !('418' in x.op.responses) && !Object.keys(x.op.responses).some((c) => c.toUpperCase() === '4XX'))[n];
        if (!o) return false;
        o.op.responses['418'] = { description: 'Refused for now.', content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string' } } } } } };
        return o.id;
      },
    },
    {
      kind: 'one of two success statuses removed (the client only receives less)', expect: 'INFO',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys) => keys.length >= 2);
        if (!s) return false;
        delete s.op.responses[s.keys[s.keys.length - 1]];
        return `${s.id}: ${s.keys[s.keys.length - 1]}`;
      },
    },
    {
      kind: 'only success status replaced by another', expect: 'ERR',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys) => keys.length === 1 && /^2\d\d$/.test(keys[0]));
        if (!s) return false;
        const next = s.keys[0] === '299' ? '298' : '299';
        s.op.responses[next] = s.op.responses[s.keys[0]];
        delete s.op.responses[s.keys[0]];
        return `${s.id}: ${s.keys[0]} -> ${next}`;
      },
    },
    {
      kind: 'success status added with a different body (none)', expect: 'WARN',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys, op) => keys.some((k) => hasBody(doc, op.responses[k])) && !keys.some((k) => !hasBody(doc, op.responses[k])) && !keys.some((k) => /x/i.test(k)) && !keys.includes('299'));
        if (!s) return false;
        s.op.responses['299'] = { description: 'Nothing to read.' };
        return s.id;
      },
    },
    {
      kind: 'success status added with the same body', expect: 'INFO',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys) => keys.length === 1 && /^2\d\d$/.test(keys[0]) && keys[0] !== '299');
        if (!s) return false;
        s.op.responses['299'] = structuredClone(s.op.responses[s.keys[0]]);
        return s.id;
      },
    },
    {
      // the new status comes first, so it is the main success now; the old one keeps its headers
      kind: 'success status added before the only one, with the same body (its headers stay with it)', expect: 'INFO',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys, op) => keys.length === 1 && /^2\d\d$/.test(keys[0]) && keys[0] !== '200' && hasBody(doc, op.responses[keys[0]]) && Object.keys(deref(doc, op.responses[keys[0]])?.headers ?? {}).length > 0);
        if (!s) return false;
        const { headers: _h, ...plain } = structuredClone(deref(doc, s.op.responses[s.keys[0]]));
        s.op.responses = { '200': plain, ...s.op.responses };
        return `${s.id}: 200 before ${s.keys[0]}`;
      },
    },
    {
      kind: 'success code with a body written as the range 2XX (it adds 204, which carries no body)', expect: 'WARN',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys, op) => keys.length === 1 && /^2\d\d$/.test(keys[0]) && hasBody(doc, op.responses[keys[0]]));
        if (!s) return false;
        s.op.responses['2XX'] = s.op.responses[s.keys[0]];
        delete s.op.responses[s.keys[0]];
        return s.id;
      },
    },
    {
      kind: 'same: an explicit success code beside the range that already answers it', expect: 'none',
      apply: (doc, n) => {
        const s = successSite(doc, n, (keys) => keys.includes('2XX') && !keys.includes('200'));
        if (!s) return false;
        s.op.responses['200'] = structuredClone(s.op.responses['2XX']);
        return s.id;
      },
    },
  ];
}

// ----- helpers of family M1/F2/M4/F4/F5 (callbacks, provider's security, server addresses, header case) -----

/** The existing payload kinds that also run on callback bodies (client receives) and replies (client sends). */
const CALLBACK_PAYLOAD_KINDS = [
  'request: new required field', 'request: optional field becomes required', 'request: field type changes',
  'request: structure field becomes a scalar', 'request: field removed', 'request: closed with additionalProperties false',
  'request: value limited to an enum', 'request: new maxLength', 'request: new pattern', 'request: pattern changed',
  'request: array items must be unique', 'request: fields moved into a wrapper',
  'response: required field removed', 'response: optional field removed', 'response: field type changes',
  'response: structure field becomes a scalar', 'response: new enum value', 'response: pattern changed',
  'response narrows: optional field becomes required',
];

interface URLParts { scheme: string; host: string; path: string }
/** A document's servers (an OpenAPI list, an AsyncAPI map), in document order. */
function serverList(doc: Doc): any[] {
  return kindOf(doc) === 'openapi' ? (doc.servers ?? []) : Object.values(doc.servers ?? {});
}
/** A server's address as written (variables not replaced): AsyncAPI gives the scheme as `protocol`. */
function serverParts(doc: Doc, s: any): URLParts {
  if (kindOf(doc) === 'asyncapi3') return { scheme: String(s.protocol ?? ''), host: String(s.host ?? ''), path: String(s.pathname ?? '') };
  const url = String(s.url ?? '');
  const m = /^(?:([a-z][a-z0-9+.-]*):\/\/)?([^/]*)(.*)$/i.exec(url)!;
  return { scheme: m[1] ?? (kindOf(doc) === 'openapi' ? '' : String(s.protocol ?? '')), host: m[2], path: m[3] };
}
function writeServer(doc: Doc, s: any, u: URLParts): void {
  if (kindOf(doc) === 'asyncapi3') { s.protocol = u.scheme; s.host = u.host; if (u.path || s.pathname !== undefined) s.pathname = u.path; return; }
  const hadScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(String(s.url ?? ''));
  if (hadScheme) s.url = `${u.scheme}://${u.host}${u.path}`;
  else { s.url = `${u.host}${u.path}`; if (kindOf(doc) !== 'openapi') s.protocol = u.scheme; }
}

const mutations: Mutation[] = [
  // ----- what the client sends -----
  onPayload('request: new required field', 'request', 'ERR', (_d, o) => { o.properties.zz_added = { type: 'string' }; o.required = [...(o.required ?? []), 'zz_added']; return 'zz_added'; }),
  onPayload('request: optional field becomes required', 'request', 'ERR', (d, o) => { const p = first(props(d, o, (p, _n, r) => !r && !p.readOnly)); if (!p) return false; o.required = [...(o.required ?? []), p]; return p; }),
  onPayload('request: field type changes', 'request', 'ERR', (d, o) => { const p = first(props(d, o, (p) => p.type === 'string' && !p.readOnly && p.const === undefined)); if (!p) return false; o.properties[p] = { type: 'integer' }; return p; }),
  onPayload('request: structure field becomes a scalar', 'request', 'ERR', (d, o) => { const p = first(Object.keys(o.properties).filter((n) => o.properties[n]?.$ref && deref(d, o.properties[n])?.type === 'object')); if (!p) return false; o.properties[p] = { type: 'string' }; return p; }),
  {
    ...onPayload('request opens: a closed object field becomes a map whose values admit its properties', 'request', 'INFO', (d, o) => {
      const p = first(props(d, o, (x) => x.additionalProperties === false && isObj(x.properties) && Object.values<any>(x.properties).every((v) => v?.type === 'integer')));
      if (!p) return false;
      o.properties[p] = { type: 'object', additionalProperties: { type: 'integer' } };
      return p;
    }),
    told: 'schema-opened',
  },
  onPayload('request opens: a closed tuple field admits more items', 'request', 'INFO', (d, o) => {
    const p = first(props(d, o, (x) => x.type === 'array' && x.items === false && Array.isArray(x.prefixItems) && x.prefixItems.every((v: any) => v?.type === x.prefixItems[0]?.type)));
    if (!p) return false;
    const was = deref(d, o.properties[p]);
    o.properties[p] = { ...was, items: { type: was.prefixItems[0].type } };
    return p;
  }),
  onPayload('request narrows: a closed object field becomes a map whose values refuse one of its properties', 'request', 'ERR', (d, o) => {
    const p = first(props(d, o, (x) => x.additionalProperties === false && isObj(x.properties) && Object.values<any>(x.properties).every((v) => v?.type === 'integer')));
    if (!p) return false;
    o.properties[p] = { type: 'object', additionalProperties: { type: 'string' } };
    return p;
  }),
  onPayload('request: default of an optional field changes', 'request', 'ERR', (d, o) => edit(d, o, first(props(d, o, (x, _n, r) => !r && x.default !== undefined && !x.readOnly)), (x) => ({ ...x, default: otherDefault(x.default) }))),
  { ...onPayload('request: default of a required field changes (it is always sent)', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, (x, _n, r) => r && x.default !== undefined && !x.readOnly)), (x) => ({ ...x, default: otherDefault(x.default) }))), told: 'field-default-changed' },
  { ...onPayload('request: default given to an optional field that had none', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, (x, _n, r) => !r && x.default === undefined && x.type === 'string' && !x.enum && !x.readOnly)), (x) => ({ ...x, default: 'zz' }))), told: 'field-default-changed' },
  onPayload('response: default of an optional field changes (what a missing value means)', 'response', 'WARN', (d, o) => edit(d, o, first(props(d, o, (x, _n, r) => !r && x.default !== undefined && !x.writeOnly)), (x) => ({ ...x, default: otherDefault(x.default) }))),
  onPayload('request: property removed from a closed object (a client still sending it is refused)', 'request', 'ERR', (d, o) => {
    const p = first(props(d, o, (x) => x.additionalProperties === false && isObj(x.properties) && Object.keys(x.properties).length > 1));
    if (!p) return false;
    const was = structuredClone(deref(d, o.properties[p]));
    const k = Object.keys(was.properties).sort()[0];
    delete was.properties[k];
    if (Array.isArray(was.required)) was.required = was.required.filter((x: string) => x !== k);
    o.properties[p] = was;
    return `${p}.${k}`;
  }),
  onPayload('request: field removed', 'request', 'WARN', (d, o) => { const p = first(props(d, o, (p, _n, r) => !r && !p.readOnly)); if (!p) return false; delete o.properties[p]; return p; }),
  onPayload('request: closed with additionalProperties false', 'request', 'ERR', (_d, o) => { if (o.additionalProperties !== undefined || Object.keys(o.properties).length === 0) return false; o.additionalProperties = false; return 'closed'; }),
  onPayload('request: a required readOnly field stops being readOnly (clients must now send it)', 'request', 'ERR', (d, o) => { const p = first(props(d, o, (q, _n, r) => r && q.readOnly === true)); if (!p) return false; const { readOnly: _r, ...rest } = deref(d, o.properties[p]); o.properties[p] = rest; return p; }),
  onPayload('request: field becomes readOnly', 'request', 'ERR', (d, o) => { const p = first(props(d, o, (p) => !p.readOnly && !p.writeOnly && p.type === 'string')); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), readOnly: true }; return p; }),
  onPayload('request: value limited to an enum', 'request', 'ERR', (d, o) => { const p = first(props(d, o, plainString)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), enum: ['zz_a', 'zz_b'] }; return p; }),
  onPayload('request: new maxLength', 'request', 'WARN', (d, o) => { const p = first(props(d, o, (p) => plainString(p) && p.maxLength === undefined)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), maxLength: 3 }; return p; }),
  onPayload('request: new pattern', 'request', 'ERR', (d, o) => { const p = first(props(d, o, plainString)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), pattern: '^[a-z]+$' }; return p; }),
  // a changed expression may accept or reject anything: no tool can prove it only widened
  onPayload('request: pattern changed', 'request', 'WARN', (d, o) => { const p = first(props(d, o, (p) => typeof p.pattern === 'string' && !p.readOnly)); if (!p) return false; const s = deref(d, o.properties[p]); o.properties[p] = { ...s, pattern: `${s.pattern}|^zz$` }; return p; }),
  onPayload('request: array items must be unique', 'request', 'WARN', (d, o) => { const p = first(props(d, o, (p) => p.type === 'array' && !p.uniqueItems && !p.readOnly)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), uniqueItems: true }; return p; }),
  onPayload('request: fields moved into a wrapper', 'request', 'ERR', (_d, o) => {
    if (Object.keys(o.properties).length < 2 || Object.keys(o.properties).includes('zz_params')) return false;
    const inner = { ...o };
    for (const k of Object.keys(o)) delete o[k];
    Object.assign(o, { type: 'object', required: ['zz_params'], properties: { zz_params: inner } });
    return 'zz_params';
  }),
  // ----- what the client receives -----
  onPayload('response: required field removed', 'response', 'ERR', (d, o) => { const p = first(props(d, o, (p, _n, r) => r && !p.writeOnly)); if (!p) return false; delete o.properties[p]; o.required = o.required.filter((x: string) => x !== p); return p; }),
  onPayload('response: optional field removed', 'response', 'WARN', (d, o) => { const p = first(props(d, o, (p, _n, r) => !r && !p.writeOnly)); if (!p) return false; delete o.properties[p]; return p; }),
  onPayload('response: field type changes', 'response', 'ERR', (d, o) => { const p = first(props(d, o, (p) => p.type === 'string' && p.const === undefined && !p.writeOnly)); if (!p) return false; o.properties[p] = { type: 'boolean' }; return p; }),
  onPayload('response: structure field becomes a scalar', 'response', 'ERR', (d, o) => { const p = first(Object.keys(o.properties).filter((n) => o.properties[n]?.$ref && deref(d, o.properties[n])?.type === 'object')); if (!p) return false; o.properties[p] = { type: 'string' }; return p; }),
  onPayload('response: field becomes writeOnly', 'response', 'ERR', (d, o) => { const p = first(props(d, o, (p) => !p.readOnly && !p.writeOnly && p.type === 'string')); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), writeOnly: true }; return p; }),
  onPayload('response: new enum value', 'response', 'WARN', (d, o) => { const p = first(props(d, o, (p) => Array.isArray(p.enum) && p.type === 'string')); if (!p) return false; const s = deref(d, o.properties[p]); o.properties[p] = { ...s, enum: [...s.enum, 'zz_new'] }; return p; }),
  onPayload('response: fields moved into a referenced wrapper', 'response', 'ERR', (d, o, s) => {
    const required = (o.required ?? []).filter((x: string) => o.properties[x] && !deref(d, o.properties[x])?.writeOnly);
    if (required.length < 2) return false;
    const name = `ZzWrapped${s.op.replace(/[^A-Za-z0-9]/g, '')}`;
    const schemas = d.components ??= {};
    (schemas.schemas ??= {})[name] = structuredClone({ ...o });
    for (const k of Object.keys(o)) delete o[k];
    Object.assign(o, { type: 'object', required: ['queued'], properties: { zz_data: { $ref: `#/components/schemas/${name}` }, queued: { type: 'boolean' } } });
    return 'zz_data';
  }),
  onPayload('response: pattern changed', 'response', 'WARN', (d, o) => { const p = first(props(d, o, (p) => typeof p.pattern === 'string' && !p.writeOnly)); if (!p) return false; const s = deref(d, o.properties[p]); o.properties[p] = { ...s, pattern: `${s.pattern}|^zz$` }; return p; }),
  // ----- changes that only narrow what the client receives: nothing breaking -----
  onPayload('response narrows: optional field becomes required', 'response', 'INFO', (d, o) => { const p = first(props(d, o, (p, _n, r) => !r && !p.writeOnly && !p.readOnly)); if (!p) return false; o.required = [...(o.required ?? []), p]; return p; }),
  onPayload('response narrows: enum value dropped', 'response', 'INFO', (d, o) => { const p = first(props(d, o, (p) => Array.isArray(p.enum) && p.enum.length > 2)); if (!p) return false; const s = deref(d, o.properties[p]); o.properties[p] = { ...s, enum: s.enum.slice(0, -1) }; return p; }),
  // a key listed as required that no property describes: present with any value
  onPayload('request: a key required that no property describes', 'request', 'ERR', (d, o) => { if (o.additionalProperties === false) return false; o.required = [...(o.required ?? []), 'zz_undeclared']; return 'zz_undeclared'; }),
  onPayload('response: a key required that no property describes (one more promise)', 'response', 'INFO', (d, o) => { if (o.additionalProperties === false) return false; o.required = [...(o.required ?? []), 'zz_undeclared']; return 'zz_undeclared'; }),
  onPayload('response: a key promised by `required` alone and no property is no longer required', 'response', 'ERR', (d, o) => {
    const k = (o.required ?? []).find((n: string) => !Object.hasOwn(o.properties, n));
    if (!k || o.additionalProperties === false) return false;
    o.required = o.required.filter((n: string) => n !== k);
    return k;
  }),
  onPayload('response: pattern removed (any string may arrive)', 'response', 'WARN', (d, o) => edit(d, o, first(props(d, o, (p) => typeof p.pattern === 'string' && !p.writeOnly)), ({ pattern: _p, ...s }) => s)),
  { ...onPayload('response narrows: new pattern (told)', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, plainString)), (s) => ({ ...s, pattern: '^[a-z]*$' }))), told: 'response-pattern-added' },
  onPayload('response narrows: new pattern', 'response', 'INFO', (d, o) => { const p = first(props(d, o, plainString)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), pattern: '^.*$' }; return p; }),
  onPayload('response narrows: new maxLength', 'response', 'INFO', (d, o) => { const p = first(props(d, o, (p) => plainString(p) && p.maxLength === undefined)); if (!p) return false; o.properties[p] = { ...deref(d, o.properties[p]), maxLength: 100000 }; return p; }),
  // ----- equivalent rewrites: nothing at all -----
  onPayload('same: a field $ref goes through an alias', 'response', 'none', (d, o) => {
    const p = schemaRefProp(o);
    if (!p) return false;
    const target = o.properties[p].$ref;
    const alias = `ZzAlias${target.split('/').pop()}`;
    d.components.schemas[alias] = { $ref: target, description: 'Another name for the same thing.' };
    o.properties[p] = { $ref: `#/components/schemas/${alias}` };
    return p;
  }),
  onPayload('same: a field $ref wrapped in a single allOf', 'response', 'none', (_d, o) => {
    const p = schemaRefProp(o);
    if (!p) return false;
    o.properties[p] = { allOf: [{ $ref: o.properties[p].$ref }] };
    return p;
  }),
  // the copy is a new documented structure (and the original may fall out of use): INFO on the structures only
  onPayload('same: a field $ref switched to an identical copy', 'request', 'none', (d, o) => {
    const p = schemaRefProp(o);
    if (!p) return false;
    const target = o.properties[p].$ref;
    const copy = `ZzCopy${target.split('/').pop()}`;
    d.components.schemas[copy] = structuredClone(get(d, target));
    o.properties[p] = { $ref: `#/components/schemas/${copy}` };
    return p;
  }, ['structure-added', 'structure-removed', 'structure-possibly-renamed']),
  onPayload('same: properties reordered and described', 'request', 'none', (_d, o) => {
    const keys = Object.keys(o.properties);
    if (keys.length < 2) return false;
    const reordered: Record<string, unknown> = {};
    for (const k of keys.reverse()) reordered[k] = o.properties[k];
    o.properties = reordered;
    o.description = 'Reworded in our own words.';
    return 'reordered';
  }),
  onPayload('same: payload written inline', 'response', 'none', () => 'inline'),
  onPayload('same: the object says its keys are strings (propertyNames: {type: string})', 'request', 'none', (_d, o) => {
    o.propertyNames = { type: 'string' };
    return 'propertyNames';
  }),
  // ----- webhooks: the client receives the body, so directions flip -----
  {
    kind: 'webhook: required field of the body removed', expect: 'ERR',
    apply: (doc, n) => dropRequired(doc, slots(doc).filter((x) => x.op.startsWith('webhook '))[n]),
  },
  {
    kind: 'webhook: new required field in the body (only narrows what the client receives)', expect: 'INFO',
    apply: (doc, n) => {
      const s = slots(doc).filter((x) => x.op.startsWith('webhook '))[n];
      const o = s && inlineObject(doc, s);
      if (!o) return false;
      o.properties.zz_added = { type: 'string' };
      o.required = [...(o.required ?? []), 'zz_added'];
      return `${s.op}: zz_added`;
    },
  },
  // ----- every message of an operation counts, not only the first -----
  {
    kind: 'AsyncAPI 2: a later received message of message.oneOf loses a required field', expect: 'ERR',
    apply: (doc, n) => dropRequired(doc, slots(doc).filter((x) => x.side === 'response' && / #[1-9]\d*$/.test(x.op))[n]),
  },
  // ----- operations -----
  {
    kind: 'operation removed', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) === 'openapi') { const o = openapiOps(doc)[n]; if (!o) return false; delete o.item[o.verb]; return o.id; }
      if (kindOf(doc) === 'asyncapi3') { const id = Object.keys(doc.operations ?? {}).sort()[n]; if (!id) return false; delete doc.operations[id]; return id; }
      const ch = Object.keys(doc.channels ?? {}).sort()[n];
      if (!ch) return false;
      delete doc.channels[ch];
      return ch;
    },
  },
  {
    kind: 'security: operation becomes authenticated or a scheme is replaced', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) === 'asyncapi2') return false;
      ((doc.components ??= {}).securitySchemes ??= {}).zzKey = ZZ_KEY;
      if (kindOf(doc) === 'asyncapi3') {
        const id = Object.keys(doc.operations ?? {}).sort()[n];
        if (!id) return false;
        doc.operations[id].security = [{ $ref: '#/components/securitySchemes/zzKey' }];
        return id;
      }
      const o = openapiOp(doc, n, () => true);
      if (!o) return false;
      o.op.security = [{ zzKey: [] }];
      return o.id;
    },
  },
  // two schemes of one kind the document keeps apart are two credentials (an admin token, a user token)
  ...([
    ['security: an operation moves to a new scheme of the same kind (the old one stays for the others)', (req: Record<string, unknown>, name: string) => ({ zzTwin: req[name] })],
    ['security: a second scheme of the same kind now required together', (req: Record<string, unknown>, name: string) => ({ ...req, zzTwin: [] })],
  ] as const).map(([kind, change]): Mutation => ({
    kind, expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      // a call whose one requirement is one scheme that other calls use too
      const single = (o: OpenApiOp) => { const s = effectiveSecurity(doc, o.op); return s.length === 1 && Object.keys(s[0]).length === 1 ? Object.keys(s[0])[0] : undefined; };
      const o = openapiOp(doc, n, (x) => { const k = single(x); return !!k && openapiOps(doc).some((y) => y !== x && !y.received && effectiveSecurity(doc, y.op).some((r: any) => Object.hasOwn(r, k))); });
      if (!o) return false;
      const name = single(o)!;
      const schemes = doc.components.securitySchemes;
      schemes.zzTwin = structuredClone(schemes[name]);
      o.op.security = [change(effectiveSecurity(doc, o.op)[0], name)];
      return `${o.id} (${name})`;
    },
  })),
  {
    kind: 'security: two schemes now required together', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      doc.components.securitySchemes ??= {};
      doc.components.securitySchemes.zzKey = ZZ_KEY;
      const o = openapiOp(doc, n, ({ op }) => effectiveSecurity(doc, op).some((r: any) => Object.keys(r).length > 0));
      if (!o) return false;
      o.op.security = effectiveSecurity(doc, o.op).map((r: any) => ({ ...r, zzKey: [] }));
      return o.id;
    },
  },
  {
    kind: 'security: an alternative removed', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const o = openapiOp(doc, n, ({ op }) => effectiveSecurity(doc, op).length > 1);
      if (!o) return false;
      // dropping the anonymous alternative, or else one of several schemes
      const alts = effectiveSecurity(doc, o.op);
      const named = alts.filter((r: any) => Object.keys(r).length > 0);
      o.op.security = named.length < alts.length ? named : alts.slice(1);
      return o.id;
    },
  },
  {
    kind: 'security: scopes added', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const o = openapiOp(doc, n, ({ op }) => effectiveSecurity(doc, op).length > 0 && effectiveSecurity(doc, op).every((r: any) => Object.keys(r).length > 0));
      if (!o) return false;
      o.op.security = effectiveSecurity(doc, o.op).map((r: any) => Object.fromEntries(Object.entries<any>(r).map(([k, v]) => [k, [...v, 'zz:admin']])));
      return o.id;
    },
  },
  {
    kind: 'security: an API key changes name or place', expect: 'ERR',
    apply: (doc, n) => {
      // a scheme the client presents (OpenAPI: one that no call of the client's names is the provider's, for its webhooks)
      const presented = (name: string) => kindOf(doc) !== 'openapi' || openapiOps(doc).some((o) => !o.received && effectiveSecurity(doc, o.op).some((r: any) => Object.hasOwn(r, name)));
      const schemes = Object.entries<any>(doc.components?.securitySchemes ?? {}).filter(([k, s]) => (s.type === 'apiKey' || s.type === 'httpApiKey') && presented(k)).sort(([a], [b]) => a.localeCompare(b));
      const pick = schemes[n];
      if (!pick) return false;
      pick[1].name = `${pick[1].name}-Zz`;
      return pick[0];
    },
  },
  {
    kind: 'security: a new alternative (nothing breaks)', expect: 'INFO',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      doc.components.securitySchemes ??= {};
      doc.components.securitySchemes.zzKey = ZZ_KEY;
      const o = openapiOp(doc, n, ({ op }) => effectiveSecurity(doc, op).length > 0);
      if (!o) return false;
      o.op.security = [...effectiveSecurity(doc, o.op), { zzKey: [] }];
      return o.id;
    },
  },
  {
    kind: 'same: security scheme renamed everywhere', expect: 'none',
    apply: (doc, n) => {
      const names = Object.keys(doc.components?.securitySchemes ?? {}).sort();
      const name = names[n];
      if (!name) return false;
      const text = JSON.stringify(doc).split(`"${name}":`).join(`"zz${name}":`).split(`/securitySchemes/${name}"`).join(`/securitySchemes/zz${name}"`);
      const next = JSON.parse(text);
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, next);
      return name;
    },
  },
  {
    // (explode splits arrays and objects: on a scalar it changes nothing, see 'same: explode written
    // against its default on a scalar parameter')
    kind: 'parameter style changes', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const params = openapiOps(doc).flatMap((o) => (o.op.parameters ?? []).map((p: any) => deref(doc, p))).filter((p: any) => p?.in === 'query' && p.style === undefined && p.explode === undefined && ['array', 'object'].includes(deref(doc, p.schema)?.type));
      const p = [...new Set(params)][n];
      if (!p) return false;
      p.explode = false;
      return p.name;
    },
  },
  {
    kind: 'same: parameter style written out', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const params = openapiOps(doc).flatMap((o) => (o.op.parameters ?? []).map((p: any) => deref(doc, p))).filter((p: any) => p?.in === 'query' && p.style === undefined && p.explode === undefined);
      const p = [...new Set(params)][n];
      if (!p) return false;
      p.style = 'form';
      p.explode = true;
      return p.name;
    },
  },
  {
    kind: 'query parameter becomes required', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const params = openapiOps(doc).flatMap((o) => (o.op.parameters ?? []).map((p: any) => deref(doc, p))).filter((p: any) => p?.in === 'query' && !p.required);
      const p = [...new Set(params)][n];
      if (!p) return false;
      p.required = true;
      return p.name;
    },
  },
  // ----- servers -----
  {
    kind: 'server: base path changed', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) === 'openapi') { const s = doc.servers?.[n]; if (!s) return false; s.url = `${s.url.replace(/\/$/, '')}/zz`; return s.url; }
      const name = Object.keys(doc.servers ?? {}).sort()[n];
      if (!name) return false;
      const s = doc.servers[name];
      if (kindOf(doc) === 'asyncapi3') s.pathname = `${s.pathname ?? ''}/zz`; else s.url = `${s.url}/zz`;
      return name;
    },
  },
  {
    kind: 'server: removed', expect: 'ERR',
    apply: (doc, n) => {
      if (n > 0) return false;
      if (kindOf(doc) === 'openapi') { if (!(doc.servers?.length > 1)) return false; doc.servers.pop(); return 'last'; }
      const names = Object.keys(doc.servers ?? {}).sort();
      if (!names.length) return false;
      delete doc.servers[names[names.length - 1]];
      return names[names.length - 1];
    },
  },
  {
    kind: 'server: variable default or enum changed', expect: 'ERR',
    apply: (doc, n) => {
      const list = kindOf(doc) === 'openapi' ? (doc.servers ?? []) : Object.values(doc.servers ?? {});
      const vars = list.flatMap((s: any) => Object.values<any>(s.variables ?? {}));
      const v = vars[Math.floor(n / 2)];
      if (!v) return false;
      if (n % 2 === 0 && Array.isArray(v.enum) && v.enum.length > 1) { v.enum = v.enum.filter((x: string) => x !== v.enum[v.enum.length - 1] || x === v.default); return 'enum'; }
      v.default = `${v.default}zz`;
      if (Array.isArray(v.enum)) v.enum.push(v.default);
      return 'default';
    },
  },
  // ----- AsyncAPI -----
  {
    kind: 'frame action constant changed', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi3') return false;
      const id = Object.keys(doc.operations ?? {}).sort()[n];
      if (!id) return false;
      const m = deref(doc, doc.operations[id].messages?.[0]);
      const frame = deref(doc, m?.payload);
      if (frame?.properties?.action?.const === undefined) return false;
      if (m.payload.$ref) m.payload = structuredClone(frame);
      m.payload.properties.action = { ...m.payload.properties.action, const: `${frame.properties.action.const}_zz` };
      return id;
    },
  },
  {
    kind: 'channel address changed', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi3') return false;
      const id = Object.keys(doc.channels ?? {}).sort()[n];
      if (!id) return false;
      doc.channels[id].address = `${doc.channels[id].address ?? id}/zz`;
      return id;
    },
  },
  {
    kind: 'same: AsyncAPI operation key renamed', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi3') return false;
      const id = Object.keys(doc.operations ?? {}).sort()[n];
      if (!id) return false;
      const { [id]: op, ...rest } = doc.operations;
      doc.operations = { ...rest, [`zz${id}`]: op };
      return id;
    },
  },
  // an AsyncAPI 3 operation moved onto a copy of its channel: at another address (clients miss it),
  // or under another key at the same address (nothing on the wire)
  ...([true, false] as const).map((moved): Mutation => ({
    kind: moved ? 'AsyncAPI 3: an operation moves to a new channel at another address (the old channel stays)' : 'same: an AsyncAPI 3 operation moves to a copy of its channel under another key',
    expect: moved ? 'ERR' : 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi3') return false;
      const id = Object.keys(doc.operations ?? {}).sort().filter((k) => {
        const ref = doc.operations[k]?.channel?.$ref;
        const chan = typeof ref === 'string' ? get(doc, ref) : undefined;
        return typeof chan?.address === 'string' && !doc.operations[k].reply;
      })[n];
      if (!id) return false;
      const op = doc.operations[id];
      const from = op.channel.$ref as string;
      const copy = structuredClone(get(doc, from));
      if (moved) copy.address = `${copy.address}/zz`;
      doc.channels.zzCopy = copy;
      const next = JSON.parse(JSON.stringify(op).split(`"${from}"`).join('"#/channels/zzCopy"').split(`"${from}/`).join('"#/channels/zzCopy/'));
      doc.operations[id] = next;
      return id;
    },
    allow: ['channel-added'],
  })),
  {
    kind: 'same: AsyncAPI channel key renamed', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi3') return false;
      const id = Object.keys(doc.channels ?? {}).sort()[n];
      if (!id) return false;
      const next = JSON.parse(JSON.stringify(doc).split(`"#/channels/${id}"`).join(`"#/channels/zz${id}"`).split(`"#/channels/${id}/`).join(`"#/channels/zz${id}/`));
      next.channels = Object.fromEntries(Object.entries(next.channels).map(([k, v]) => [k === id ? `zz${id}` : k, v]));
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, next);
      return id;
    },
  },
  {
    kind: 'same: AsyncAPI 3 document written from the server side', expect: 'none',
    apply: (doc, n) => {
      // only a document with request/reply says whose side it is: mirrored, it is the other side's
      if (kindOf(doc) !== 'asyncapi3' || n > 0 || !Object.values<any>(doc.operations ?? {}).some((o) => o?.reply)) return false;
      for (const op of Object.values<any>(doc.operations ?? {})) op.action = op.action === 'send' ? 'receive' : 'send';
      return 'mirrored';
    },
  },
  // ----- fix-d: allOf judged by the merged schema (F1); success statuses as a client sees them (F3, M5) -----
  {
    kind: 'same: request schema wrapped in allOf with a single $ref', expect: 'none',
    apply: (doc, n) => {
      const s = slots(doc).filter((x) => x.side === 'request' && typeof x.holder[x.key]?.$ref === 'string' && x.holder[x.key].$ref.startsWith('#/components/schemas/'))[n];
      if (!s) return false;
      s.holder[s.key] = { allOf: [{ $ref: s.holder[s.key].$ref }] };
      return s.op;
    },
    // a payload schema named by one operation only is read as that payload; wrapped, it is listed as a structure
    allow: ['structure-added'],
  },
  onPayload('same: request object split into two allOf parts with the same fields and required list', 'request', 'none', (_d, o) => {
    const keys = Object.keys(o.properties);
    if (keys.length < 2 || o.additionalProperties !== undefined) return false;
    const half = Math.ceil(keys.length / 2);
    const part = (ks: string[]) => {
      const req = (o.required ?? []).filter((x: string) => ks.includes(x));
      return { type: 'object', properties: Object.fromEntries(ks.map((k) => [k, o.properties[k]])), ...(req.length ? { required: req } : {}) };
    };
    const parts = [part(keys.slice(0, half)), part(keys.slice(half))];
    const { properties: _p, required: _r, type: _t, ...rest } = o;
    for (const k of Object.keys(o)) delete o[k];
    Object.assign(o, rest, { allOf: parts });
    return 'split';
  }),
  onPayload('same: request field $ref switched to allOf of an identical copy', 'request', 'none', (d, o) => {
    const p = schemaRefProp(o);
    if (!p) return false;
    const target = o.properties[p].$ref;
    const copy = `ZzPart${target.split('/').pop()}`;
    d.components.schemas[copy] = structuredClone(get(d, target));
    o.properties[p] = { allOf: [{ $ref: `#/components/schemas/${copy}` }] };
    return p;
  }, ['structure-added', 'structure-removed', 'structure-possibly-renamed']),
  onPayload('request: a new allOf part adds a required property', 'request', 'ERR', (_d, o) => {
    if (o.additionalProperties !== undefined) return false;
    const { ...whole } = o;
    for (const k of Object.keys(o)) delete o[k];
    Object.assign(o, { allOf: [whole, { type: 'object', required: ['zz_part'], properties: { zz_part: { type: 'string' } } }] });
    return 'zz_part';
  }),
  // a `not` may reject values clients send; nothing proves it does (like a new pattern): WARN
  onPayload('request: a new allOf part forbids a field (`not`)', 'request', 'WARN', (d, o) => {
    const p = first(props(d, o, (q, _n, r) => !r && !q.readOnly));
    if (!p) return false;
    o.allOf = [...(o.allOf ?? []), { not: { required: [p] } }];
    return p;
  }),
  ...successStatusMutations(),
  // ===== family M1/F2/M4/F4/F5: callbacks, security of calls the provider makes, server addresses, header case =====
  // callbacks are calls the provider makes, like webhooks: every payload change runs on their bodies
  // (what the client receives) and replies (what it sends) with the level it has elsewhere
  ...[...payloadChanges].filter(([kind]) => CALLBACK_PAYLOAD_KINDS.includes(kind))
    .map(([kind, p]) => onPayload(`callback: ${kind}`, p.side, p.expect, p.change, p.allow, (s) => s.op.startsWith('callback '))),
  {
    kind: 'callback removed (like a removed webhook)', expect: 'ERR',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const parent = openapiOps(doc).filter((o) => !o.received && isObj(o.op.callbacks) && Object.keys(o.op.callbacks).length)[n];
      if (!parent) return false;
      const name = Object.keys(parent.op.callbacks).sort()[0];
      delete parent.op.callbacks[name];
      return `${parent.id}: ${name}`;
    },
  },
  // a callback's name never reaches the wire; the URL expression is where the provider calls
  ...((): Mutation[] => {
    const site = (doc: Doc, n: number) => {
      if (kindOf(doc) !== 'openapi') return undefined;
      const parent = openapiOps(doc).filter((o) => !o.received && isObj(o.op.callbacks) && Object.keys(o.op.callbacks).some((k) => isObj(o.op.callbacks[k]) && !o.op.callbacks[k].$ref))[n];
      if (!parent) return undefined;
      const name = Object.keys(parent.op.callbacks).filter((k) => !parent.op.callbacks[k].$ref).sort()[0];
      return { parent, name, cb: parent.op.callbacks[name] };
    };
    return [
      {
        kind: 'same: callback renamed, same URL expression', expect: 'none',
        apply: (doc, n) => {
          const x = site(doc, n);
          if (!x) return false;
          delete x.parent.op.callbacks[x.name];
          x.parent.op.callbacks[`zz${x.name}`] = x.cb;
          return `${x.parent.id}: ${x.name}`;
        },
      },
      {
        kind: 'callback URL read from another place of the request', expect: 'ERR',
        apply: (doc, n) => {
          const x = site(doc, n);
          if (!x) return false;
          const [expr] = Object.keys(x.cb);
          x.cb['{$request.query.zz_notify}'] = x.cb[expr];
          delete x.cb[expr];
          return `${x.parent.id}: ${x.name}`;
        },
      },
    ];
  })(),
  // what the client's endpoint may answer a call of the provider with is what it sends
  ...((): Mutation[] => {
    const calls = (doc: Doc) => kindOf(doc) !== 'openapi' ? [] : [
      ...Object.values<any>(doc.webhooks ?? {}).flatMap((item) => Object.values<any>(item).filter(isObj)),
      ...openapiOps(doc).filter((o) => !o.received && isObj(o.op.callbacks)).flatMap((o) => Object.values<any>(o.op.callbacks).filter((c) => isObj(c) && !c.$ref).flatMap((c) => Object.values<any>(c).flatMap((item) => Object.values<any>(item).filter(isObj)))),
    ].filter((op) => isObj(op.responses));
    return [
      {
        kind: 'webhook or callback: a success answer of the client\'s endpoint no longer documented', expect: 'ERR',
        apply: (doc, n) => {
          const op = calls(doc).filter((o) => Object.keys(o.responses).filter((c) => /^2\d\d$/.test(c)).length && !('default' in o.responses))[n];
          if (!op) return false;
          const code = Object.keys(op.responses).find((c) => /^2\d\d$/.test(c))!;
          op.responses[code === '299' ? '298' : '299'] = op.responses[code];
          delete op.responses[code];
          return code;
        },
      },
      {
        kind: 'webhook or callback: the client\'s endpoint may answer with one more status', expect: 'none',
        apply: (doc, n) => {
          const op = calls(doc).filter((o) => !('297' in o.responses))[n];
          if (!op) return false;
          op.responses['297'] = { description: 'Accepted for later.' };
          return 'added';
        },
      },
    ];
  })(),
  {
    kind: 'a recursive schema renamed along with a new optional field: only the field is reported', expect: 'INFO',
    apply: (doc, n) => {
      const schemas = doc.components?.schemas ?? {};
      const name = Object.keys(schemas).filter((k) => JSON.stringify(schemas[k]).includes(`"#/components/schemas/${k}"`) && schemas[k].type === 'object' && isObj(schemas[k].properties)).sort()[n];
      if (!name) return false;
      const text = JSON.stringify(doc).split(`"#/components/schemas/${name}"`).join(`"#/components/schemas/Zz${name}"`);
      const copy = JSON.parse(text);
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, copy);
      const s = doc.components.schemas[name];
      delete doc.components.schemas[name];
      doc.components.schemas[`Zz${name}`] = { ...s, properties: { ...s.properties, zz_note: { type: 'string' } } };
      return name;
    },
  },
  // an alias component (`A: {$ref: B}`) is what it leads to: when that changes, what reused fields name changes
  ...((): Mutation[] => {
    // aliases that only request bodies name (directly), of objects
    const aliases = (doc: Doc) => {
      if (kindOf(doc) !== 'openapi') return [];
      const named = (side: 'requestBody' | 'responses', name: string) => openapiOps(doc).some((o) => !o.received && JSON.stringify(o.op[side] ?? null).includes(`"#/components/schemas/${name}"`));
      return Object.entries<any>(doc.components?.schemas ?? {}).filter(([, s]) => isObj(s) && Object.keys(s).length === 1 && typeof s.$ref === 'string' && s.$ref.startsWith('#/components/schemas/'))
        .map(([name, s]) => ({ name, target: s.$ref.slice('#/components/schemas/'.length) }))
        .filter((a) => isObj(doc.components.schemas[a.target]?.properties) && named('requestBody', a.name) && !named('responses', a.name) && !JSON.stringify(doc.components.schemas).includes(`"#/components/schemas/${a.name}"`));
    };
    return [
      {
        kind: 'request: an alias becomes a schema of its own with a new required property', expect: 'ERR',
        apply: (doc, n) => {
          const a = aliases(doc)[n];
          if (!a) return false;
          const t = structuredClone(doc.components.schemas[a.target]);
          doc.components.schemas[a.name] = { ...t, required: [...(t.required ?? []), 'zz_badge'], properties: { ...t.properties, zz_badge: { type: 'string' } } };
          return a.name;
        },
      },
      {
        // a copy is a data structure of its own (an alias is not): a new structure, nothing breaking
        kind: 'an alias becomes an identical copy of its target (a new structure, nothing else)', expect: 'INFO',
        apply: (doc, n) => {
          const a = aliases(doc)[n];
          if (!a) return false;
          doc.components.schemas[a.name] = structuredClone(doc.components.schemas[a.target]);
          return a.name;
        },
      },
      {
        kind: 'request: an alias retargeted to a schema with a new required property', expect: 'ERR',
        apply: (doc, n) => {
          const a = aliases(doc)[n];
          if (!a) return false;
          const t = structuredClone(doc.components.schemas[a.target]);
          doc.components.schemas.ZzStricter = { ...t, required: [...(t.required ?? []), 'zz_badge'], properties: { ...t.properties, zz_badge: { type: 'string' } } };
          doc.components.schemas[a.name] = { $ref: '#/components/schemas/ZzStricter' };
          return a.name;
        },
      },
    ];
  })(),
  {
    kind: 'same: callback moved to components/callbacks and referenced', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const parent = openapiOps(doc).filter((o) => !o.received && isObj(o.op.callbacks) && Object.keys(o.op.callbacks).some((k) => !o.op.callbacks[k].$ref))[n];
      if (!parent) return false;
      const name = Object.keys(parent.op.callbacks).filter((k) => !parent.op.callbacks[k].$ref).sort()[0];
      const component = `Zz${name}`;
      ((doc.components ??= {}).callbacks ??= {})[component] = parent.op.callbacks[name];
      parent.op.callbacks[name] = { $ref: `#/components/callbacks/${component}` };
      return `${parent.id}: ${name}`;
    },
  },
  // the provider presents the credentials of a webhook or callback: the client is never refused
  ...([
    ['a requirement replaced', (doc: Doc, op: any) => { op.security = [{ zzKey: [] }]; return true; }],
    ['scopes added', (doc: Doc, op: any) => {
      const alts = effectiveSecurity(doc, op);
      if (!alts.length || !alts.every((r: any) => Object.keys(r).length > 0)) return false;
      op.security = alts.map((r: any) => Object.fromEntries(Object.entries<any>(r).map(([k, v]) => [k, [...v, 'zz:admin']])));
      return true;
    }],
    ['the requirement removed', (doc: Doc, op: any) => { if (!effectiveSecurity(doc, op).length) return false; op.security = []; return true; }],
  ] as const).map(([what, change]): Mutation => ({
    kind: `security of a webhook or callback: ${what} (the provider presents it)`, expect: 'INFO',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      ((doc.components ??= {}).securitySchemes ??= {}).zzKey = ZZ_KEY;
      // inherited from the document: what the client presents when it calls the API, rarely the provider's
      const o = openapiOps(doc).filter((x) => x.received && x.op.security === undefined && change(structuredClone(doc), structuredClone(x.op)))[n];
      if (!o) return false;
      change(doc, o.op);
      return o.id;
    },
  })),
  // a webhook or callback that states its own security: an endpoint verifying the caller checks those credentials
  ...([
    ['its API key moves to another header', 'WARN', (doc: Doc, op: any) => {
      const name = Object.keys(op.security?.[0] ?? {})[0];
      const s = name ? deref(doc, doc.components?.securitySchemes?.[name]) : undefined;
      if (s?.type !== 'apiKey') return false;
      s.name = `Zz-${s.name}`;
      return true;
    }],
    ['its requirement removed (the calls come unsigned)', 'WARN', (_doc: Doc, op: any) => { op.security = []; return true; }],
    ['its requirement dropped (it inherits the document\'s)', 'WARN', (_doc: Doc, op: any) => { delete op.security; return true; }],
    ['an alternative added that the endpoint does not check', 'WARN', (_doc: Doc, op: any) => { op.security = [...op.security, { zzKey: [] }]; return true; }],
    ['same: its scheme renamed everywhere', 'none', (doc: Doc, op: any) => {
      const name = Object.keys(op.security?.[0] ?? {})[0];
      if (!name || !doc.components?.securitySchemes?.[name]) return false;
      doc.components.securitySchemes[`zz${name}`] = doc.components.securitySchemes[name];
      delete doc.components.securitySchemes[name];
      op.security = op.security.map((r: any) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k === name ? `zz${name}` : k, v])));
      return true;
    }],
  ] as const).map(([what, expect, change]): Mutation => ({
    kind: `security a webhook or callback states itself: ${what}`, expect,
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      ((doc.components ??= {}).securitySchemes ??= {}).zzKey = ZZ_KEY;
      const o = openapiOps(doc).filter((x) => x.received && Array.isArray(x.op.security) && x.op.security.length > 0 && change(structuredClone(doc), structuredClone(x.op)))[n];
      if (!o) return false;
      change(doc, o.op);
      return o.id;
    },
  })),
  // the headers of another answer of a webhook or callback: what the client's endpoint sends
  ...([[true, 'ERR'], [false, 'INFO']] as const).map(([now, expect]): Mutation => ({
    kind: `webhook or callback: a header of another answer ${now ? 'becomes required (the endpoint must send it)' : 'becomes optional'}`, expect,
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const sites = openapiOps(doc).filter((x) => x.received && isObj(x.op.responses)).flatMap((x) => Object.keys(x.op.responses).filter((c) => !/^2/.test(c))
        .flatMap((c) => Object.entries<any>(deref(doc, x.op.responses[c])?.headers ?? {}).filter(([, h]) => !!deref(doc, h)?.required === !now).map(([name]) => ({ x, c, name }))));
      const s = sites[n];
      if (!s) return false;
      const res = (s.x.op.responses[s.c] = structuredClone(deref(doc, s.x.op.responses[s.c])));
      res.headers[s.name] = { ...deref(doc, res.headers[s.name]), required: now };
      return `${s.x.id} ${s.c} ${s.name}`;
    },
  })),
  {
    kind: 'security: global requirement replaced where only webhooks and callbacks inherit it', expect: 'INFO',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi' || n > 0 || !doc.security) return false;
      ((doc.components ??= {}).securitySchemes ??= {}).zzKey = ZZ_KEY;
      // the client's own operations keep what they had, written on each
      for (const o of openapiOps(doc)) if (!o.received && o.op.security === undefined) o.op.security = structuredClone(doc.security);
      doc.security = [{ zzKey: [] }];
      return 'global';
    },
  },
  // servers are compared by the address their variables' defaults give: scheme, host, port, path
  ...([
    ['host changed', (u: URLParts) => { u.host = `zz${u.host}`; }],
    ['scheme https -> http (wss -> ws)', (u: URLParts) => { if (u.scheme !== 'https' && u.scheme !== 'wss') return false; u.scheme = u.scheme === 'https' ? 'http' : 'ws'; }],
    ['port changed', (u: URLParts) => { if (/:\d+$/.test(u.host)) return false; u.host = `${u.host}:8443`; }],
  ] as const).map(([what, change]): Mutation => ({
    kind: `server: ${what}`, expect: 'ERR',
    apply: (doc, n) => {
      const s = serverList(doc)[n];
      if (!s) return false;
      const u = serverParts(doc, s);
      if (change(u) === false) return false;
      writeServer(doc, s, u);
      return `${u.scheme}://${u.host}${u.path}`;
    },
  })),
  {
    kind: 'same: server URL written with variables whose defaults give the same URL', expect: 'none',
    apply: (doc, n) => {
      const s = serverList(doc)[n];
      if (!s) return false;
      const u = serverParts(doc, s);
      if (/[{}]/.test(u.host + u.path) || !u.host) return false;
      const dot = u.host.indexOf('.');
      s.variables = { ...(s.variables ?? {}), zzSub: { default: dot > 0 ? u.host.slice(0, dot) : u.host }, zzPath: { default: u.path.replace(/^\//, '') } };
      writeServer(doc, s, { ...u, host: dot > 0 ? `{zzSub}${u.host.slice(dot)}` : '{zzSub}', path: u.path ? '/{zzPath}' : '' });
      return 'templated';
    },
  },
  {
    kind: 'same: servers reordered', expect: 'none',
    apply: (doc, n) => {
      if (n > 0) return false;
      if (kindOf(doc) === 'openapi') { if (!(doc.servers?.length > 1)) return false; doc.servers.reverse(); return 'reversed'; }
      const names = Object.keys(doc.servers ?? {});
      if (names.length < 2) return false;
      doc.servers = Object.fromEntries(names.reverse().map((k) => [k, doc.servers[k]]));
      return 'reversed';
    },
  },
  {
    kind: 'same: header parameter name case changed', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'openapi') return false;
      const params = openapiOps(doc).flatMap((o) => [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])].map((p: any) => deref(doc, p))).filter((p: any) => p?.in === 'header' && typeof p.name === 'string');
      const p = [...new Set(params)][n];
      if (!p) return false;
      const lower = p.name.toLowerCase();
      p.name = p.name === lower ? p.name.toUpperCase() : lower;
      return p.name;
    },
  },
  // ----- family M2/M3: AsyncAPI channel parameters (part of the address every client builds, so
  // judged as request values of each operation on the channel, pushes included); an AsyncAPI 3
  // document written from the server's side keeps its reading when it gains operations of the other kind -----
  ...((): Mutation[] => {
    /** Every channel parameter: where its values are described (AsyncAPI 2: its schema; 3: the parameter itself). */
    const params = (doc: Doc) => {
      if (kindOf(doc) === 'openapi') return [];
      const out: Array<{ channel: string; name: string; values: any; inline: boolean }> = [];
      for (const ch of Object.keys(doc.channels ?? {}).sort()) {
        const list = deref(doc, doc.channels[ch])?.parameters ?? {};
        for (const name of Object.keys(list).sort()) {
          const p = deref(doc, list[name]);
          const values = kindOf(doc) === 'asyncapi2' ? deref(doc, p?.schema) : p;
          if (isObj(values)) out.push({ channel: ch, name, values, inline: !list[name].$ref });
        }
      }
      return out;
    };
    const at = (x: { channel: string; name: string }) => `${x.channel} {${x.name}}`;
    /** Renames a channel key and every reference to it. */
    const rekeyChannel = (doc: Doc, from: string, to: string) => {
      const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
      const next = JSON.parse(JSON.stringify(doc).split(`"#/channels/${esc(from)}"`).join(`"#/channels/${esc(to)}"`).split(`"#/channels/${esc(from)}/`).join(`"#/channels/${esc(to)}/`));
      next.channels = Object.fromEntries(Object.entries(next.channels).map(([k, v]) => [k === from ? to : k, v]));
      for (const k of Object.keys(doc)) delete doc[k];
      Object.assign(doc, next);
    };
    /** The existing server-side rewrite: every operation seen from the other end. */
    const mirror = (doc: Doc) => { for (const op of Object.values<any>(doc.operations ?? {})) op.action = op.action === 'send' ? 'receive' : 'send'; };
    /** A frame message whose constant `action` names it (AsyncAPI 3 test additions). */
    const frameMessage = (action: string) => ({ name: action, payload: { type: 'object', required: ['action'], properties: { action: { type: 'string', const: action } } } });

    /**
     * An AsyncAPI 3 client-side document (one with an answered `send`) mirrored into the server's side,
     * then changed by `add` on that operation's channel; false where the document does not fit.
     */
    function serverSide(doc: Doc, n: number, add: (ref: string, chan: any) => string): string | false {
      if (kindOf(doc) !== 'asyncapi3' || n > 0 || !clientSide3(doc)) return false;
      const asked = Object.values<any>(doc.operations ?? {}).find((op) => op.reply && op.action === 'send' && op.channel?.$ref);
      if (!asked) return false;
      mirror(doc);
      const ref = asked.channel.$ref;
      return add(ref, get(doc, ref));
    }
    return [
      {
        kind: 'channel parameter: enum value removed', expect: 'ERR',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => Array.isArray(x.values.enum) && x.values.enum.length > 1)[n];
          if (!p) return false;
          const gone = [...p.values.enum].reverse().find((v: unknown) => v !== p.values.default);
          p.values.enum = p.values.enum.filter((v: unknown) => v !== gone);
          return `${at(p)}: ${gone}`;
        },
      },
      {
        kind: 'channel parameter: value limited to an enum', expect: 'ERR',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => x.values.enum === undefined)[n];
          if (!p) return false;
          p.values.enum = ['zz_a', 'zz_b'];
          return at(p);
        },
      },
      {
        // a changed expression may accept or reject anything, as for any request value
        kind: 'channel parameter: pattern changed', expect: 'WARN',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => typeof x.values.pattern === 'string')[n];
          if (!p) return false;
          p.values.pattern = `${p.values.pattern}|^zz$`;
          return at(p);
        },
      },
      {
        kind: 'channel parameter: type changed', expect: 'ERR',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => kindOf(doc) === 'asyncapi2' && x.values.type === 'string')[n];
          if (!p) return false;
          for (const k of Object.keys(p.values)) delete p.values[k];
          p.values.type = 'integer';
          return at(p);
        },
      },
      {
        kind: 'channel parameter: default changed', expect: 'ERR',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => Array.isArray(x.values.enum) && x.values.default !== undefined && x.values.enum.length > 1)[n];
          if (!p) return false;
          p.values.default = p.values.enum.find((v: unknown) => v !== p.values.default);
          return at(p);
        },
      },
      {
        kind: 'channel parameter: a new enum value (nothing breaks)', expect: 'INFO',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => Array.isArray(x.values.enum))[n];
          if (!p) return false;
          p.values.enum = [...p.values.enum, 'zz_new'];
          return at(p);
        },
      },
      {
        kind: 'channel parameter: enum dropped (nothing breaks)', expect: 'INFO',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => Array.isArray(x.values.enum) && x.values.default === undefined)[n];
          if (!p) return false;
          delete p.values.enum;
          return at(p);
        },
      },
      {
        kind: 'same: channel parameter moved into components and referenced', expect: 'none',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => x.inline)[n];
          if (!p) return false;
          const list = deref(doc, doc.channels[p.channel]).parameters;
          const name = `zz${p.name}`;
          ((doc.components ??= {}).parameters ??= {})[name] = list[p.name];
          list[p.name] = { $ref: `#/components/parameters/${name}` };
          return at(p);
        },
      },
      {
        kind: 'same: AsyncAPI 3 channel with parameters renamed', expect: 'none',
        apply: (doc, n) => {
          if (kindOf(doc) !== 'asyncapi3') return false;
          const ch = [...new Set(params(doc).map((x) => x.channel))][n];
          if (!ch) return false;
          rekeyChannel(doc, ch, `zz${ch}`);
          return ch;
        },
      },
      {
        // the name is a placeholder in the address: only the value a client fills in reaches the wire
        kind: 'same: channel parameter renamed in the address', expect: 'none',
        apply: (doc, n) => {
          const p = params(doc).filter((x) => (kindOf(doc) === 'asyncapi2' ? x.channel : doc.channels[x.channel].address ?? '').includes(`{${x.name}}`))[n];
          if (!p) return false;
          const chan = doc.channels[p.channel];
          chan.parameters = Object.fromEntries(Object.entries(chan.parameters).map(([k, v]) => [k === p.name ? `zz${k}` : k, v]));
          if (kindOf(doc) === 'asyncapi3') chan.address = chan.address.replace(`{${p.name}}`, `{zz${p.name}}`);
          else rekeyChannel(doc, p.channel, p.channel.replace(`{${p.name}}`, `{zz${p.name}}`));
          return at(p);
        },
      },
      {
        // a server-side document whose one answered `send` is a ping: the client receives it, a new push
        kind: 'same: an AsyncAPI 3 server-side document gains one server→client request/reply (ping)', expect: 'none', allow: ['push-added'],
        apply: (doc, n) => serverSide(doc, n, (ref, chan) => {
          chan.messages = { ...chan.messages, zz_ping: frameMessage('zz_ping'), zz_pong: frameMessage('zz_pong') };
          doc.operations.zz_ping = { action: 'send', channel: { $ref: ref }, messages: [{ $ref: `${ref}/messages/zz_ping` }], reply: { channel: { $ref: ref }, messages: [{ $ref: `${ref}/messages/zz_pong` }] } };
          return 'mirrored + zz_ping';
        }),
      },
      {
        // one-way client events outnumbering the pushes: the answered requests still say "server"
        kind: 'same: an AsyncAPI 3 server-side document takes more one-way client events than it pushes', expect: 'none', allow: ['method-added'],
        apply: (doc, n) => serverSide(doc, n, (ref, chan) => {
          const pushes = Object.values<any>(doc.operations).filter((op) => !op.reply && op.action === 'send').length;
          for (let i = 0; i <= pushes; i++) {
            const action = `zz_event${i}`;
            chan.messages = { ...chan.messages, [action]: frameMessage(action) };
            doc.operations[action] = { action: 'receive', channel: { $ref: ref }, messages: [{ $ref: `${ref}/messages/${action}` }] };
          }
          return `mirrored + ${pushes + 1} events`;
        }),
      },
    ];
  })(),
  // ----- schema keywords and how they are judged (family: bounds, formats, enums, oneOf/anyOf, unmodelled keywords, $ref siblings) -----
  ...schemaKeywordMutations(),
  // ----- family q: AsyncAPI messages identified by what reaches the wire (F4), message headers and
  // traits (M2), channels restricted to servers (M3) -----
  ...((): Mutation[] => {
    /** The messages of the operations a client sends (`true`) or receives, each once, resolved. */
    const messagesOf = (doc: Doc, sends: boolean) => {
      const out: any[] = [];
      const add = (m0: any) => {
        const m = deref(doc, m0);
        if (!isObj(m)) return;
        if (Array.isArray(m.oneOf)) m.oneOf.forEach(add);
        else if (!out.includes(m)) out.push(m);
      };
      if (kindOf(doc) === 'asyncapi2') {
        for (const ch of Object.keys(doc.channels ?? {}).sort()) add(deref(doc, doc.channels[ch])?.[sends ? 'publish' : 'subscribe']?.message);
      } else if (kindOf(doc) === 'asyncapi3') {
        for (const id of Object.keys(doc.operations ?? {}).sort()) {
          const op = deref(doc, doc.operations[id]);
          if (((op?.action === 'send') === clientSide3(doc)) === sends) (op.messages ?? []).forEach(add);
        }
      }
      return out;
    };
    const label = (m: any) => String(m.name ?? m.messageId ?? 'message');
    const header = (required: boolean) => ({ type: 'object', ...(required ? { required: ['zz-h'] } : {}), properties: { 'zz-h': { type: 'string' } } });
    return [
      {
        kind: 'same: AsyncAPI message name and title changed', expect: 'none',
        apply: (doc, n) => {
          const m = [...messagesOf(doc, true), ...messagesOf(doc, false)][n];
          if (!m) return false;
          const was = label(m);
          m.name = `zz${was}`;
          m.title = 'zz';
          return was;
        },
      },
      {
        kind: 'AsyncAPI message the client sends gains a required header', expect: 'ERR',
        apply: (doc, n) => {
          const m = messagesOf(doc, true)[n];
          if (!m || m.headers || m.traits) return false;
          m.headers = header(true);
          return label(m);
        },
      },
      {
        kind: 'AsyncAPI message the client sends gains a required header through a trait', expect: 'ERR',
        apply: (doc, n) => {
          const m = messagesOf(doc, true)[n];
          if (!m || m.headers || m.traits) return false;
          doc.components.messageTraits = { ...doc.components.messageTraits, zzTrait: { headers: header(true) } };
          m.traits = [{ $ref: '#/components/messageTraits/zzTrait' }];
          return label(m);
        },
      },
      {
        kind: 'same: AsyncAPI message the client receives gains an optional header', expect: 'none', allow: ['response-field-added'],
        apply: (doc, n) => {
          const m = messagesOf(doc, false)[n];
          if (!m || m.headers || m.traits) return false;
          m.headers = header(false);
          return label(m);
        },
      },
      {
        kind: 'AsyncAPI channel no longer offered on a server', expect: 'ERR', allow: ['server-added'],
        apply: (doc, n) => {
          if (kindOf(doc) === 'openapi') return false;
          const ch = Object.keys(doc.channels ?? {}).sort()[n];
          const first = Object.keys(doc.servers ?? {})[0];
          if (!ch || !first || doc.channels[ch].$ref) return false;
          const copy = structuredClone(doc.servers[first]);
          if (copy.url !== undefined) copy.url = `zz.${copy.url}`; else copy.host = `zz.${copy.host}`;
          doc.servers.zz = copy;
          doc.channels[ch].servers = kindOf(doc) === 'asyncapi2' ? ['zz'] : [{ $ref: '#/servers/zz' }];
          return ch;
        },
      },
      {
        kind: 'same: AsyncAPI channel lists every server', expect: 'none',
        apply: (doc, n) => {
          if (kindOf(doc) === 'openapi') return false;
          const ch = Object.keys(doc.channels ?? {}).sort()[n];
          if (!ch || doc.channels[ch].$ref || doc.channels[ch].servers) return false;
          const names = Object.keys(doc.servers ?? {});
          doc.channels[ch].servers = kindOf(doc) === 'asyncapi2' ? names : names.map((x) => ({ $ref: `#/servers/${x}` }));
          return ch;
        },
      },
    ];
  })(),
  // ----- family M4: AsyncAPI WebSocket bindings (a channel's `bindings.ws` is the HTTP handshake a
  // client makes to open the connection: its query parameters and headers are request values of
  // every operation on the channel, pushes included) -----
  ...((): Mutation[] => {
    /** Channels with a WebSocket binding whose `part` (query or headers) is an inline object schema. */
    const sites = (doc: Doc, part: 'query' | 'headers') => {
      if (kindOf(doc) === 'openapi') return [];
      return Object.keys(doc.channels ?? {}).sort().flatMap((ch) => {
        const ws = doc.channels[ch]?.bindings?.ws;
        return isObj(ws) && isObj(ws[part]) && !ws[part].$ref && isObj(ws[part].properties) ? [{ ch, ws, schema: ws[part] }] : [];
      });
    };
    return [
      {
        kind: 'ws handshake: new required query parameter', expect: 'ERR',
        apply: (doc, n) => {
          const s = sites(doc, 'query')[n];
          if (!s) return false;
          s.schema.properties.zz_token = { type: 'string' };
          s.schema.required = [...(s.schema.required ?? []), 'zz_token'];
          return s.ch;
        },
      },
      {
        kind: 'ws handshake: optional header becomes required', expect: 'ERR',
        apply: (doc, n) => {
          const s = sites(doc, 'headers')[n];
          const name = s && Object.keys(s.schema.properties).find((k) => !(s.schema.required ?? []).includes(k));
          if (!s || !name) return false;
          s.schema.required = [...(s.schema.required ?? []), name];
          return `${s.ch} ${name}`;
        },
      },
      {
        kind: 'ws handshake: method changed', expect: 'ERR',
        apply: (doc, n) => {
          const s = sites(doc, 'query')[n];
          if (!s) return false;
          s.ws.method = s.ws.method === 'POST' ? 'GET' : 'POST';
          return s.ch;
        },
      },
      {
        kind: 'ws handshake: query parameter type narrowed', expect: 'ERR',
        apply: (doc, n) => {
          const s = sites(doc, 'query')[n];
          const name = s && Object.keys(s.schema.properties).find((k) => s.schema.properties[k].type === 'string');
          if (!s || !name) return false;
          s.schema.properties[name] = { type: 'string', enum: ['zz_a', 'zz_b'] };
          return `${s.ch} ${name}`;
        },
      },
      {
        kind: 'ws handshake: new optional query parameter', expect: 'INFO',
        apply: (doc, n) => {
          const s = sites(doc, 'query')[n];
          if (!s) return false;
          s.schema.properties.zz_hint = { type: 'string' };
          return s.ch;
        },
      },
      {
        kind: 'same: ws binding query schema moved to components and referenced', expect: 'none', allow: ['structure-added'],
        apply: (doc, n) => {
          const s = sites(doc, 'query')[n];
          if (!s) return false;
          const name = `zzHandshake${n}`;
          ((doc.components ??= {}).schemas ??= {})[name] = s.schema;
          s.ws.query = { $ref: `#/components/schemas/${name}` };
          return s.ch;
        },
      },
      {
        kind: 'same: ws binding header renamed in another case', expect: 'none',
        apply: (doc, n) => {
          const s = sites(doc, 'headers')[n];
          const name = s && Object.keys(s.schema.properties)[0];
          if (!s || !name) return false;
          const other = name === name.toLowerCase() ? name.toUpperCase() : name.toLowerCase();
          s.schema.properties = Object.fromEntries(Object.entries(s.schema.properties).map(([k, v]) => [k === name ? other : k, v]));
          if (Array.isArray(s.schema.required)) s.schema.required = s.schema.required.map((k: string) => (k === name ? other : k));
          return `${s.ch} ${name}`;
        },
      },
    ];
  })(),
  // ----- family R (M7/M8/M9/M12/M13): every media type of a body and every error body is compared;
  // parameter serialisation beyond style/explode (schema <-> content, allowEmptyValue); form bodies'
  // `encoding`; servers a path item lists instead of the document's -----
  ...((): Mutation[] => {
    const ops = (doc: Doc) => (kindOf(doc) === 'openapi' ? openapiOps(doc).filter((o) => !o.received) : []);
    /** Inline object schemas of a body's media types after the first (`side`: request body or success response). */
    const otherMedia = (doc: Doc, side: 'request' | 'response') => ops(doc).flatMap((o) => {
      const holder = side === 'request' ? deref(doc, o.op.requestBody) : deref(doc, o.op.responses?.[Object.keys(o.op.responses ?? {}).filter((c) => /^2/.test(c)).sort()[0]]);
      const media = Object.keys(holder?.content ?? {});
      return media.slice(1).map((m) => ({ id: `${o.id} ${m}`, mo: holder.content[m], first: holder.content[media[0]] }))
        .filter((x) => isObj(x.mo?.schema) && x.mo.schema.type === 'object' && isObj(x.mo.schema.properties) && JSON.stringify(x.mo.schema) !== JSON.stringify(x.first?.schema));
    });
    /** Error responses (4xx/5xx; `default` beside a success status) with an object body, made inline. */
    const errorBodies = (doc: Doc) => ops(doc).flatMap((o) => Object.keys(o.op.responses ?? {}).filter((c) => /^[45]/.test(c) || (c === 'default' && Object.keys(o.op.responses).some((x) => /^2/.test(x))))
      .map((c) => ({ id: `${o.id} ${c}`, op: o.op, code: c })));
    const inlineError = (doc: Doc, e: { op: any; code: string }) => {
      const r = structuredClone(deref(doc, e.op.responses[e.code]));
      const media = r?.content && Object.keys(r.content)[0];
      const schema = media && deref(doc, r.content[media]?.schema);
      if (!isObj(schema) || schema.type !== 'object' || !isObj(schema.properties) || schema.allOf || schema.oneOf || schema.anyOf) return undefined;
      r.content[media].schema = structuredClone(schema);
      e.op.responses[e.code] = r;
      return r.content[media].schema;
    };
    const queryParams = (doc: Doc, fits: (p: any) => boolean) => [...new Set(ops(doc).flatMap((o) => [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])].map((p: any) => deref(doc, p))))].filter((p: any) => p?.in === 'query' && fits(p));
    const encodings = (doc: Doc, media: (m: string) => boolean) => ops(doc).flatMap((o) => {
      const body = deref(doc, o.op.requestBody);
      return Object.keys(body?.content ?? {}).filter(media).flatMap((m) => Object.keys(body.content[m].encoding ?? {}).map((k) => ({ id: `${o.id} ${m} ${k}`, e: body.content[m].encoding[k], mo: body.content[m], name: k })));
    });
    const errorWith = (doc: Doc, n: number, change: (o: any) => string | false) => {
      let seen = 0;
      for (const e of errorBodies(doc)) {
        const copy = structuredClone(e.op.responses[e.code]);
        const o = inlineError(doc, e);
        if (!o) continue;
        const what = change(o);
        if (what === false || seen++ < n) { e.op.responses[e.code] = copy; continue; }
        return `${e.id}: ${what}`;
      }
      return false;
    };
    /**
     * The n-th request body or first success response listing media types with different schemas,
     * made inline with its media types in another order (the first one last); `change` then edits
     * the schema of the media type that was first.
     */
    const reorderMedia = (doc: Doc, side: 'request' | 'response', n: number, change?: (schema: any) => string | false): string | false => {
      const sites = ops(doc).flatMap((o) => {
        const key = side === 'request' ? undefined : Object.keys(o.op.responses ?? {}).filter((c) => /^2/.test(c)).sort()[0];
        const holder = side === 'request' ? deref(doc, o.op.requestBody) : key !== undefined ? deref(doc, o.op.responses[key]) : undefined;
        const media = Object.keys(holder?.content ?? {});
        const differ = media.some((m) => JSON.stringify(holder.content[m]?.schema) !== JSON.stringify(holder.content[media[0]]?.schema));
        return media.length >= 2 && differ ? [{ o, key }] : [];
      });
      let seen = 0;
      for (const { o, key } of sites) {
        const holder = structuredClone(deref(doc, side === 'request' ? o.op.requestBody : o.op.responses[key!]));
        const media = Object.keys(holder.content);
        let what = `${o.id}: ${media[0]} last`;
        if (change) {
          const schema = structuredClone(deref(doc, holder.content[media[0]].schema));
          const edit = change(schema);
          if (edit === false) continue;
          holder.content[media[0]] = { ...holder.content[media[0]], schema };
          what += `, ${edit}`;
        }
        if (seen++ < n) continue;
        holder.content = Object.fromEntries([...media.slice(1), media[0]].map((m) => [m, holder.content[m]]));
        if (side === 'request') o.op.requestBody = holder;
        else o.op.responses[key!] = holder;
        return what;
      }
      return false;
    };
    const stringProp = (schema: any): string | false => {
      if (!isObj(schema?.properties) || schema.allOf || schema.oneOf || schema.anyOf) return false;
      const k = Object.keys(schema.properties).find((q) => schema.properties[q]?.type === 'string');
      if (!k) return false;
      schema.properties[k] = { type: 'boolean' };
      return `${k} boolean`;
    };
    return [
      { kind: 'same: request body media types listed in another order', expect: 'none', apply: (doc, n) => reorderMedia(doc, 'request', n) },
      { kind: 'same: response media types listed in another order', expect: 'none', apply: (doc, n) => reorderMedia(doc, 'response', n) },
      { kind: 'response media types in another order, and a field of the first one\'s body changes type', expect: 'ERR', apply: (doc, n) => reorderMedia(doc, 'response', n, stringProp) },
      { kind: 'request media types in another order, and a field of the first one\'s body changes type', expect: 'ERR', apply: (doc, n) => reorderMedia(doc, 'request', n, stringProp) },
      {
        kind: 'another media type of a request body: optional field becomes required', expect: 'ERR',
        apply: (doc, n) => {
          const x = otherMedia(doc, 'request').filter((m) => Object.keys(m.mo.schema.properties).some((k) => !(m.mo.schema.required ?? []).includes(k)))[n];
          if (!x) return false;
          const k = Object.keys(x.mo.schema.properties).find((q) => !(x.mo.schema.required ?? []).includes(q))!;
          x.mo.schema.required = [...(x.mo.schema.required ?? []), k];
          return `${x.id}: ${k}`;
        },
      },
      {
        kind: 'another media type of a success response: field type changes', expect: 'ERR',
        apply: (doc, n) => {
          const x = otherMedia(doc, 'response').filter((m) => Object.values<any>(m.mo.schema.properties).some((p) => p.type === 'string'))[n];
          if (!x) return false;
          const k = Object.keys(x.mo.schema.properties).find((q) => x.mo.schema.properties[q].type === 'string')!;
          x.mo.schema.properties[k] = { type: 'boolean' };
          return `${x.id}: ${k}`;
        },
      },
      {
        kind: 'same: a fixed-length array\'s items written once per position (prefixItems, items: false)', expect: 'none',
        apply: (doc, n) => {
          const x = fixedArrays(doc)[n];
          if (!x) return false;
          x.a.prefixItems = Array.from({ length: x.a.maxItems }, () => structuredClone(x.a.items));
          x.a.items = false;
          return x.at;
        },
      },
      {
        kind: 'response: one position of a fixed-length array written per position gets a tighter bound (only narrows)', expect: 'INFO',
        apply: (doc, n) => {
          const x = fixedArrays(doc).filter((f) => typeof f.a.items.maximum === 'number')[n];
          if (!x) return false;
          x.a.prefixItems = Array.from({ length: x.a.maxItems }, () => structuredClone(x.a.items));
          x.a.prefixItems[0].maximum = x.a.items.maximum / 2;
          x.a.items = false;
          return x.at;
        },
      },
      {
        kind: 'same: a binary body\'s schema left out (how OpenAPI 3.1 writes bytes)', expect: 'none',
        apply: (doc, n) => {
          const found: Array<[string, any]> = [];
          for (const o of ops(doc)) {
            const bodies = [deref(doc, o.op.requestBody), ...Object.values<any>(o.op.responses ?? {}).map((r) => deref(doc, r))];
            for (const b of bodies) for (const [m, mo] of Object.entries<any>(b?.content ?? {})) {
              if (!/json|xml|form|multipart/.test(m) && mo?.schema?.type === 'string' && mo.schema.format === 'binary' && Object.keys(mo.schema).length === 2) found.push([`${o.id} ${m}`, mo]);
            }
          }
          const x = found[n];
          if (!x) return false;
          delete x[1].schema;
          return x[0];
        },
      },
      {
        kind: 'same: another media type given the first media type\'s schema', expect: 'none', allow: ['media-type-added', 'structure-added'],
        apply: (doc, n) => {
          const o = ops(doc).filter((x) => { const b = deref(doc, x.op.requestBody); return b?.content && Object.keys(b.content).length === 1 && b.content['application/json']; })[n];
          if (!o) return false;
          const body = structuredClone(deref(doc, o.op.requestBody));
          body.content['application/x-www-form-urlencoded'] = structuredClone(body.content['application/json']);
          o.op.requestBody = body;
          return o.id;
        },
      },
      {
        kind: 'error response body: field type changes', expect: 'ERR',
        apply: (doc, n) => errorWith(doc, n, (o) => { const k = Object.keys(o.properties).find((q) => deref(doc, o.properties[q])?.type === 'string'); if (!k) return false; o.properties[k] = { type: 'boolean' }; return k; }),
      },
      {
        kind: 'error response body: required field removed', expect: 'ERR',
        apply: (doc, n) => errorWith(doc, n, (o) => { const k = (o.required ?? []).find((q: string) => o.properties[q] && !deref(doc, o.properties[q])?.writeOnly); if (!k) return false; delete o.properties[k]; o.required = o.required.filter((q: string) => q !== k); return k; }),
      },
      {
        kind: 'same: error response body written inline', expect: 'none',
        apply: (doc, n) => errorWith(doc, n, () => 'inline'),
      },
      {
        kind: 'query parameter moved from schema to content (a JSON value)', expect: 'ERR',
        apply: (doc, n) => {
          const p = queryParams(doc, (x) => isObj(x.schema) && !x.content)[n];
          if (!p) return false;
          p.content = { 'application/json': { schema: p.schema } };
          delete p.schema;
          delete p.style;
          delete p.explode;
          return p.name;
        },
      },
      {
        kind: 'query parameter no longer allows an empty value', expect: 'ERR',
        apply: (doc, n) => {
          const p = queryParams(doc, (x) => x.allowEmptyValue === true)[n];
          if (!p) return false;
          delete p.allowEmptyValue;
          return p.name;
        },
      },
      {
        kind: 'query parameter no longer allows reserved characters unencoded', expect: 'ERR',
        apply: (doc, n) => {
          const p = queryParams(doc, (x) => x.allowReserved === true)[n];
          if (!p) return false;
          delete p.allowReserved;
          return p.name;
        },
      },
      {
        kind: 'query parameter now allows reserved characters unencoded', expect: 'none',
        apply: (doc, n) => {
          const p = queryParams(doc, (x) => isObj(x.schema) && !x.content && x.allowReserved !== true)[n];
          if (!p) return false;
          p.allowReserved = true;
          return p.name;
        },
      },
      {
        kind: 'form body encoding: explode changed', expect: 'ERR',
        apply: (doc, n) => {
          const x = encodings(doc, (m) => m === 'application/x-www-form-urlencoded').filter((y) => deref(doc, y.mo.schema)?.properties?.[y.name]?.type === 'array')[n];
          if (!x) return false;
          x.e.explode = x.e.explode === false;
          x.e.style ??= 'form';
          return x.id;
        },
      },
      {
        kind: 'same: form body encoding entry with the defaults removed', expect: 'none',
        apply: (doc, n) => {
          const x = encodings(doc, (m) => m === 'application/x-www-form-urlencoded').filter((y) => (y.e.style ?? 'form') === 'form' && y.e.explode !== false)[n];
          if (!x) return false;
          delete x.mo.encoding[x.name];
          return x.id;
        },
      },
      {
        kind: 'multipart part accepts fewer media types', expect: 'ERR',
        apply: (doc, n) => {
          const x = encodings(doc, (m) => m.startsWith('multipart/')).filter((y) => typeof y.e.contentType === 'string' && y.e.contentType.includes(','))[n];
          if (!x) return false;
          x.e.contentType = x.e.contentType.split(',')[0].trim();
          return x.id;
        },
      },
      {
        kind: 'multipart part must carry a new header', expect: 'ERR',
        apply: (doc, n) => {
          const x = encodings(doc, (m) => m.startsWith('multipart/'))[n];
          if (!x) return false;
          x.e.headers = { ...x.e.headers, 'X-Part-Checksum': { required: true, schema: { type: 'string' } } };
          return x.id;
        },
      },
      {
        kind: 'multipart part may carry a new optional header', expect: 'none',
        apply: (doc, n) => {
          const x = encodings(doc, (m) => m.startsWith('multipart/'))[n];
          if (!x) return false;
          x.e.headers = { ...x.e.headers, 'X-Part-Checksum': { schema: { type: 'string' } } };
          return x.id;
        },
      },
      ...((): Mutation[] => {
        /** Every discriminator with a mapping, in document order; `side`: only those in what the client sends or receives. */
        const discriminators = (doc: Doc, side?: 'request' | 'response') => {
          const out: any[] = [];
          // `at`: the side the walk is in (a callback flips it: the client receives its request body)
          const walk = (x: any, depth: number, at: string | undefined, flipped: boolean) => {
            if (!x || typeof x !== 'object' || depth > 40) return;
            if (isObj(x.discriminator) && isObj(x.discriminator.mapping) && Object.keys(x.discriminator.mapping).length > 1 && (!side || side === at)) out.push(x.discriminator);
            for (const [k, v] of Object.entries(x)) {
              const next = k === 'requestBody' ? (flipped ? 'response' : 'request') : k === 'responses' ? (flipped ? 'request' : 'response') : at;
              walk(v, depth + 1, next, flipped || k === 'callbacks');
            }
          };
          walk(doc.paths, 0, undefined, false);
          return out;
        };
        const rewrite = (d: any, f: (entries: Array<[string, unknown]>) => Array<[string, unknown]>) => { d.mapping = Object.fromEntries(f(Object.entries(d.mapping))); };
        return [
          {
            kind: 'discriminator value renamed (the other side no longer maps it)', expect: 'ERR',
            apply: (doc, n) => { const d = discriminators(doc)[n]; if (!d) return false; const k = Object.keys(d.mapping)[0]; rewrite(d, (e) => e.map(([a, b]) => [a === k ? `zz${a}` : a, b])); return k; },
          },
          ...(['request', 'response'] as const).map((side): Mutation => ({
            // a client receiving a value it does not know cannot dispatch it (like a new enum value)
            kind: `discriminator maps a new value to an existing structure, in a ${side}`, expect: side === 'request' ? 'INFO' : 'WARN',
            apply: (doc, n) => { const d = discriminators(doc, side)[n]; if (!d) return false; d.mapping.zz_alias = Object.values(d.mapping)[0]; return 'zz_alias'; },
          })),
          {
            kind: 'same: discriminator mapping entries reordered', expect: 'none',
            apply: (doc, n) => { const d = discriminators(doc)[n]; if (!d) return false; rewrite(d, (e) => e.reverse()); return 'reversed'; },
          },
        ];
      })(),
      {
        // the bodies of every media type are compared now: the 3.1 spelling of file contents must read as 3.0's
        kind: 'same: contentMediaType written as format binary', expect: 'none',
        apply: (doc, n) => {
          const x = objectsIn(doc.paths).filter((y) => y.type === 'string' && typeof y.contentMediaType === 'string' && y.format === undefined && y.contentEncoding === undefined)[n];
          if (!x) return false;
          delete x.contentMediaType;
          x.format = 'binary';
          return 'binary';
        },
      },
      {
        kind: 'path item lists its own server with another base path', expect: 'ERR',
        apply: (doc, n) => {
          if (kindOf(doc) !== 'openapi' || !doc.servers?.length) return false;
          const path = Object.keys(doc.paths ?? {}).sort()[n];
          if (!path) return false;
          const item = deref(doc, doc.paths[path]);
          item.servers = doc.servers.map((s: any) => ({ ...structuredClone(s), url: `${String(s.url).replace(/\/+$/, '')}/zz` }));
          return path;
        },
      },
      ...(['enum', 'default'] as const).map((what): Mutation => ({
        kind: `path item lists the document's servers with ${what === 'enum' ? 'one value of a variable fewer' : 'another default for a variable'}`, expect: 'ERR',
        apply: (doc, n) => {
          if (kindOf(doc) !== 'openapi' || !doc.servers?.length) return false;
          const path = Object.keys(doc.paths ?? {}).sort()[n];
          if (!path) return false;
          const servers = structuredClone(doc.servers);
          const v = servers.flatMap((x: any) => Object.values<any>(x.variables ?? {})).find((x: any) => Array.isArray(x.enum) && x.enum.length > 1);
          if (!v) return false;
          if (what === 'enum') v.enum = v.enum.filter((e: string) => e !== v.default).slice(0, -1).concat(v.default);
          else v.default = v.enum.find((e: string) => e !== v.default);
          deref(doc, doc.paths[path]).servers = servers;
          return path;
        },
      })),
      ...([[true, false], [false, false], [true, true]] as const).map(([all, another]): Mutation => ({
        kind: another ? 'the servers\' base path moved into every path, and a server added at another host (only the server is new)'
          : all ? 'same: the servers\' base path moved into every path (full URLs unchanged)' : 'the servers\' base path moved into every path but one',
        expect: another ? 'INFO' : all ? 'none' : 'ERR',
        apply: (doc, n) => {
          if (n > 0 || kindOf(doc) !== 'openapi' || !doc.servers?.length) return false;
          const paths = (s: any) => String(s.url).replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
          const prefix = paths(doc.servers[0]).replace(/\/+$/, '');
          if (!prefix || doc.servers.some((s: any) => paths(s).replace(/\/+$/, '') !== prefix || s.variables)) return false;
          const keys = Object.keys(doc.paths ?? {});
          if (keys.length < 2 || keys.some((k) => deref(doc, doc.paths[k])?.servers || VERBS.some((v) => deref(doc, doc.paths[k])?.[v]?.servers))) return false;
          for (const s of doc.servers) s.url = String(s.url).replace(/\/+$/, '').slice(0, -prefix.length) || '/';
          for (const k of (all ? keys : keys.slice(1))) renameKey(doc.paths, k, `${prefix}${k}`);
          if (another) doc.servers.push({ url: 'https://zz-eu.example.com' });
          return prefix;
        },
      })),
      {
        kind: 'same: path item lists the document\'s servers again', expect: 'none',
        apply: (doc, n) => {
          if (kindOf(doc) !== 'openapi' || !doc.servers?.length) return false;
          const path = Object.keys(doc.paths ?? {}).sort()[n];
          if (!path) return false;
          deref(doc, doc.paths[path]).servers = structuredClone(doc.servers);
          return path;
        },
      },
    ];
  })(),
  // ----- family e: a union (oneOf/anyOf) is compared by its alternatives' effective structure, whichever
  // form reaches it ($ref to a named union, inline copy, allOf of a copy); `$ref: A` and an inline copy
  // of A are the same alternative -----
  ...(() => {
    const isUnion = (s: any) => isObj(s) && (Array.isArray(s.oneOf) || Array.isArray(s.anyOf));
    /** Properties of `o` that are a `$ref` to a named union. */
    const unionRefs = (d: Doc, o: any) => Object.keys(o.properties).filter((n) => holdsSchemaRef(o, n) && isUnion(deref(d, o.properties[n])));
    return [
      onPayload('same: a $ref to a union structure written out inline', 'request', 'none', (d, o) => {
        const p = first(unionRefs(d, o));
        if (!p) return false;
        o.properties[p] = structuredClone(deref(d, o.properties[p]));
        return p;
      }),
      onPayload('same: a $ref to a union structure switched to allOf of an identical copy', 'response', 'none', (d, o) => {
        const p = first(unionRefs(d, o));
        if (!p) return false;
        const copy = `ZzUnion${o.properties[p].$ref.split('/').pop()}`;
        d.components.schemas[copy] = structuredClone(deref(d, o.properties[p]));
        o.properties[p] = { allOf: [{ $ref: `#/components/schemas/${copy}` }] };
        return p;
      }, ['structure-added', 'structure-removed', 'structure-possibly-renamed']),
      onPayload('same: an inline union replaced by a $ref to an identical named union', 'response', 'none', (d, o) => {
        const p = first(Object.keys(o.properties).filter((n) => isUnion(o.properties[n]) && !o.properties[n].$ref));
        if (!p || !d.components?.schemas) return false;
        const name = `ZzNamed${p}`;
        d.components.schemas[name] = structuredClone(o.properties[p]);
        o.properties[p] = { $ref: `#/components/schemas/${name}` };
        return p;
      }, ['structure-added']),
      // another name for the union, whose named alternative is a copy with one string field now an integer
      onPayload('request: a $ref to a union switched to a copy whose named alternative changed a field type', 'request', 'ERR', (d, o) => {
        for (const p of unionRefs(d, o)) {
          const union = structuredClone(deref(d, o.properties[p]));
          const list: any[] = union.oneOf ?? union.anyOf;
          const i = list.findIndex((a: any) => typeof a?.$ref === 'string' && a.$ref.startsWith('#/components/schemas/'));
          const alt = i >= 0 ? structuredClone(deref(d, list[i])) : undefined;
          const q = isObj(alt?.properties) && first(Object.keys(alt.properties).filter((k) => { const x = deref(d, alt.properties[k]); return isObj(x) && plainString(x); }));
          if (!q) continue;
          if (list.some((other: any, j: number) => j !== i && isObj(deref(d, other)?.properties) && deref(d, other).properties[q])) continue;
          alt.properties[q] = { type: 'integer' };
          const name = o.properties[p].$ref.split('/').pop();
          d.components.schemas[`ZzAlt${name}`] = alt;
          list[i] = { $ref: `#/components/schemas/ZzAlt${name}` };
          d.components.schemas[`ZzUnion${name}`] = union;
          o.properties[p] = { $ref: `#/components/schemas/ZzUnion${name}` };
          return `${p}.${q}`;
        }
        return false;
      }),
      // the union written out inline with its alternatives inline too; one alternative's string field
      // becomes a boolean: a client reading (or sending) that alternative breaks
      ...(['request', 'response'] as const).map((side) => onPayload(`${side}: a field type changes inside an inlined union alternative`, side, 'ERR', (d, o) => {
        for (const p of unionRefs(d, o)) {
          const union = structuredClone(deref(d, o.properties[p]));
          const list: any[] = union.oneOf ?? union.anyOf;
          for (let i = 0; i < list.length; i++) {
            const alt = structuredClone(deref(d, list[i]));
            const q = isObj(alt?.properties) && first(Object.keys(alt.properties).filter((k) => { const x = deref(d, alt.properties[k]); return isObj(x) && plainString(x); }));
            if (!q) continue;
            // the field must not also sit in another alternative (they share the union's fields)
            if (list.some((other: any, j: number) => j !== i && isObj(deref(d, other)?.properties) && deref(d, other).properties[q])) continue;
            alt.properties[q] = { type: 'boolean' };
            list[i] = alt;
            o.properties[p] = union;
            return `${p}.${q}`;
          }
        }
        return false;
      })),
    ];
  })(),
  // ----- family x: messages added to or removed from an operation are judged by which way they flow
  // (what the client receives: a push's messages and the replies; what it sends: the rest), on
  // AsyncAPI 2 `message.oneOf` and AsyncAPI 3 operation `messages` / `reply.messages` -----
  ...((): Mutation[] => {
    type Site = { op: string; list: any[]; received: boolean; v3: boolean; chanRef?: string; single?: { holder: any; key: string } };
    /** Every message list of an operation, with the side the model reads it from (the client's). */
    const sites = (doc: Doc): Site[] => {
      const kind = kindOf(doc);
      if (kind === 'openapi') return [];
      const model = modelOf(structuredClone(doc), kind === 'asyncapi2' ? 'doc-2.yaml' : 'doc-3.yaml')!;
      const out: Site[] = [];
      if (kind === 'asyncapi2') {
        for (const ch of Object.keys(doc.channels ?? {}).sort()) {
          const chan = deref(doc, doc.channels[ch]);
          for (const verb of ['publish', 'subscribe']) {
            const op = chan?.[verb];
            if (!isObj(op) || !op.message) continue;
            const id = op.operationId ?? `${verb} ${ch}`;
            const received = model.operations[id]?.kind === 'push';
            if (Array.isArray(op.message.oneOf)) out.push({ op: id, list: op.message.oneOf, received, v3: false });
            else out.push({ op: id, list: [op.message], received, v3: false, single: { holder: op, key: 'message' } });
          }
        }
        return out;
      }
      for (const id of Object.keys(doc.operations ?? {}).sort()) {
        const op = deref(doc, doc.operations[id]);
        if (!isObj(op) || !Array.isArray(op.messages) || !op.channel?.$ref) continue;
        const received = model.operations[id]?.kind === 'push';
        out.push({ op: id, list: op.messages, received, v3: true, chanRef: op.channel.$ref });
        const reply = deref(doc, op.reply);
        if (Array.isArray(reply?.messages)) out.push({ op: `${id} reply`, list: reply.messages, received: true, v3: true, chanRef: reply.channel?.$ref ?? op.channel.$ref });
      }
      return out;
    };
    /** A message no existing one matches on the wire: its own frame action and field. */
    const fresh = (name: string) => ({ name, contentType: 'application/json', payload: { type: 'object', required: ['action'], properties: { action: { type: 'string', const: name }, zz_only_here: { type: 'string' } } } });
    const added = (received: boolean): Mutation => ({
      kind: `${received ? 'received' : 'sent'} message added`, expect: received ? 'WARN' : 'INFO',
      apply: (doc, n) => {
        const s = sites(doc).filter((x) => x.received === received)[n];
        if (!s) return false;
        const msg = fresh('zz_new_message');
        if (s.v3) {
          const chan = get(doc, s.chanRef!);
          if (!isObj(chan)) return false;
          chan.messages = { ...chan.messages, zz_new_message: msg };
          s.list.push({ $ref: `${s.chanRef}/messages/zz_new_message` });
        } else if (s.single) s.single.holder[s.single.key] = { oneOf: [s.single.holder[s.single.key], msg] };
        else s.list.push(msg);
        return s.op;
      },
    });
    const removed = (received: boolean): Mutation => ({
      kind: `${received ? 'received' : 'sent'} message removed`, expect: received ? 'INFO' : 'ERR',
      apply: (doc, n) => {
        const s = sites(doc).filter((x) => x.received === received && x.list.length > 1)[n];
        if (!s) return false;
        s.list.pop();
        return s.op;
      },
    });
    /** An AsyncAPI 3 operation's own list (not a reply's) and whether it names every message of its channel. */
    const listsAll = (doc: Doc, s: Site) => {
      const chan = get(doc, s.chanRef!);
      const all = isObj(chan?.messages) ? Object.keys(chan.messages).map((k) => `${s.chanRef}/messages/${k}`) : [];
      const listed = s.list.map((m: any) => m?.$ref);
      return all.length > 0 && all.length === listed.length && all.every((r) => listed.includes(r));
    };
    /** Puts a message no list names on a site's channel (false when it has none). */
    const anotherMessage = (doc: Doc, s: Site): boolean => {
      const chan = get(doc, s.chanRef!);
      if (!isObj(chan)) return false;
      chan.messages = { ...chan.messages, zz_other: fresh('zz_other') };
      return true;
    };
    // no `messages` on an operation: every message of its channel
    const omitted = (every: boolean, received: boolean): Mutation => ({
      kind: every ? `same: ${received ? 'received' : 'sent'} messages left out, the list named every message of the channel` : `${received ? 'received' : 'sent'} messages left out where the list named some of the channel's`,
      expect: every ? 'none' : received ? 'WARN' : 'INFO',
      apply: (doc, n) => {
        const s = sites(doc).filter((x) => x.v3 && x.received === received && !x.op.endsWith(' reply') && (every ? listsAll(doc, x) : x.list.length > 0))[n];
        if (!s) return false;
        const op = deref(doc, doc.operations[s.op]);
        if (!every && !anotherMessage(doc, s)) return false;
        delete op.messages;
        return s.op;
      },
    });
    // a reply with a channel of its own, a message more on that channel, and no `messages`: it now carries
    // that one too (`toClient`: the reply to the client's own request, which it receives; else the
    // client's answer to a push)
    const replyOmitted = (toClient: boolean): Mutation => ({
      kind: `reply messages left out where the list named some of the reply channel's (${toClient ? 'the client receives one more' : 'the client may answer with one more'})`,
      expect: toClient ? 'WARN' : 'INFO',
      apply: (doc, n) => {
        const all = sites(doc);
        const opId = (x: Site) => x.op.slice(0, -' reply'.length);
        const s = all.filter((x) => x.v3 && x.op.endsWith(' reply') && x.list.length > 0 && all.some((y) => y.op === opId(x) && y.received !== toClient))
          .filter((x) => typeof deref(doc, doc.operations[opId(x)])?.reply?.channel?.$ref === 'string')[n];
        if (!s || !anotherMessage(doc, s)) return false;
        delete deref(doc, deref(doc, doc.operations[opId(s)]).reply).messages;
        return s.op;
      },
    });
    return [added(true), removed(true), removed(false), added(false), omitted(true, true), omitted(true, false), omitted(false, true), omitted(false, false), replyOmitted(true), replyOmitted(false)];
  })(),
  // ----- family C/D/E: integer bounds read as the integers they admit; scalar parameters widened
  // to text; discriminator values held by the alternatives' constants -----
  ...(() => {
    const integralMin = (p: any) => p.type === 'integer' && inclusiveMin(p) && Number.isInteger(p.minimum);
    const integralMax = (p: any) => p.type === 'integer' && !p.readOnly && !p.writeOnly && Number.isInteger(p.maximum) && p.exclusiveMaximum === undefined;
    /** Parameters of calls the client makes (each once), resolved. */
    const params = (doc: Doc, fits: (p: any) => boolean) => (kindOf(doc) !== 'openapi' ? [] : [...new Set(openapiOps(doc).filter((o) => !o.received)
      .flatMap((o) => [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])].map((p: any) => deref(doc, p))))].filter((p: any) => isObj(p) && fits(p)));
    const scalarSchema = (doc: Doc, p: any) => { const s = deref(doc, p.schema); return isObj(s) && ['integer', 'number', 'boolean'].includes(s.type) ? s : undefined; };
    /** Response headers of calls the client makes, by operation and status. */
    const responseHeaders = (doc: Doc) => (kindOf(doc) !== 'openapi' ? [] : openapiOps(doc).filter((o) => !o.received).flatMap((o) => Object.keys(o.op.responses ?? {}).flatMap((c) => {
      const r = deref(doc, o.op.responses[c]);
      return Object.keys(r?.headers ?? {}).map((h) => ({ id: `${o.id} ${c} ${h}`, r, h }));
    })));
    /** Every discriminator over `$ref` alternatives that each hold the discriminator property to one constant. */
    const constDiscriminators = (doc: Doc) => {
      const out: Array<{ node: any; consts: Record<string, string> }> = [];
      for (const x of [...objectsIn(doc.paths), ...objectsIn(doc.components)]) {
        const list = x.oneOf ?? x.anyOf;
        if (isObj(x.discriminator) && typeof x.discriminator.propertyName === 'string' && Array.isArray(list) && list.length > 1 && list.every((a: any) => typeof a?.$ref === 'string')) {
          const consts: Record<string, string> = {};
          for (const a of list) { const c = deref(doc, a)?.properties?.[x.discriminator.propertyName]?.const; if (typeof c === 'string') consts[c] = a.$ref; }
          const mapping = x.discriminator.mapping;
          const agrees = !mapping || (Object.keys(mapping).length === list.length && Object.entries<any>(mapping).every(([v, t]) => consts[v] === t));
          if (Object.keys(consts).length === list.length && agrees) out.push({ node: x, consts });
        }
      }
      return out;
    };
    return [
      ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} integer minimum written as exclusiveMinimum one below`, side, 'none', (d, o) => edit(d, o, first(props(d, o, integralMin)), (s) => {
        if (is30(d)) s.exclusiveMinimum = true; else s.exclusiveMinimum = s.minimum - 1;
        if (is30(d)) s.minimum -= 1; else delete s.minimum;
        return s;
      }))),
      {
        kind: 'same: request integer maximum written as exclusiveMaximum one above', expect: 'none' as Expect,
        apply: (doc: Doc, n: number) => {
          const p = params(doc, (x) => { const s = deref(doc, x.schema); return isObj(s) && integralMax(s); })[n];
          if (!p) return false;
          const s = p.schema = structuredClone(deref(doc, p.schema));
          if (is30(doc)) { s.maximum += 1; s.exclusiveMaximum = true; } else { s.exclusiveMaximum = s.maximum + 1; delete s.maximum; }
          return p.name;
        },
      },
      {
        kind: 'request: path or query parameter integer → string', expect: 'INFO' as Expect,
        apply: (doc: Doc, n: number) => {
          const p = params(doc, (x) => (x.in === 'path' || x.in === 'query') && !x.content && !!scalarSchema(doc, x))[n];
          if (!p) return false;
          const was = scalarSchema(doc, p).type;
          p.schema = { type: 'string' };
          return `${p.in} ${p.name}: ${was}`;
        },
      },
      {
        kind: 'request: query parameter integer → string with a pattern', expect: 'ERR' as Expect,
        apply: (doc: Doc, n: number) => {
          const p = params(doc, (x) => x.in === 'query' && !x.content && !!scalarSchema(doc, x))[n];
          if (!p) return false;
          // (a pattern no old value's text meets: `true` would meet `^[a-z]+$`)
          p.schema = { type: 'string', pattern: '^[A-Z]+$' };
          return p.name;
        },
      },
      {
        kind: 'request: parameter described by content (JSON) integer → string', expect: 'ERR' as Expect,
        apply: (doc: Doc, n: number) => {
          const p = params(doc, (x) => isObj(x.content) && Object.values<any>(x.content).some((m) => deref(doc, m?.schema)?.type === 'integer'))[n];
          if (!p) return false;
          for (const m of Object.values<any>(p.content)) if (deref(doc, m?.schema)?.type === 'integer') m.schema = { type: 'string' };
          return p.name;
        },
      },
      onPayload('request: body field integer → string', 'request', 'ERR', (d, o) => { const p = first(props(d, o, (p) => p.type === 'integer' && !p.readOnly && p.const === undefined && p.enum === undefined)); if (!p) return false; o.properties[p] = { type: 'string' }; return p; }),
      {
        kind: 'response: header integer → string', expect: 'ERR' as Expect,
        apply: (doc: Doc, n: number) => {
          const h = responseHeaders(doc).filter((x) => deref(doc, deref(doc, x.r.headers[x.h])?.schema)?.type === 'integer')[n];
          if (!h) return false;
          h.r.headers[h.h] = { schema: { type: 'string' } };
          return h.id;
        },
      },
      {
        // a written-out mapping whose values are the constants the alternatives hold, and the implicit one, are the same
        kind: 'same: explicit discriminator mapping matching the alternatives\' constants', expect: 'none' as Expect,
        apply: (doc: Doc, n: number) => {
          const x = constDiscriminators(doc)[n];
          if (!x) return false;
          if (x.node.discriminator.mapping) { delete x.node.discriminator.mapping; return 'mapping left implicit'; }
          x.node.discriminator.mapping = { ...x.consts };
          return 'mapping written out';
        },
      },
      {
        kind: 'same: discriminator mapping by structure names the alternatives\' constants forbid', expect: 'none' as Expect,
        apply: (doc: Doc, n: number) => {
          const x = constDiscriminators(doc)[n];
          if (!x) return false;
          x.node.discriminator.mapping = Object.fromEntries(Object.values(x.consts).map((ref) => [ref.split('/').pop()!, ref]));
          return 'names mapped';
        },
      },
    ];
  })(),
  // ----- an operation's messages in another order (the list's order never reaches the wire) -----
  {
    kind: 'same: the frames an operation carries listed in another order', expect: 'none',
    apply: (doc, n) => {
      const isFrame = (m: any) => { const pl = deref(doc, deref(doc, m)?.payload); const a = deref(doc, pl?.properties?.action); return a?.const !== undefined || a?.enum?.length === 1; };
      const lists: any[][] = [];
      if (kindOf(doc) === 'asyncapi2') for (const ch of Object.keys(doc.channels ?? {}).sort()) for (const verb of ['publish', 'subscribe']) {
        const msg = doc.channels[ch][verb]?.message;
        if (Array.isArray(msg?.oneOf)) lists.push(msg.oneOf);
      }
      if (kindOf(doc) === 'asyncapi3') for (const id of Object.keys(doc.operations ?? {}).sort()) if (Array.isArray(doc.operations[id].messages)) lists.push(doc.operations[id].messages);
      const list = lists.filter((l) => l.length > 1 && l.every(isFrame))[n];
      if (!list) return false;
      list.reverse();
      return `${list.length} frames`;
    },
  },
  {
    // AsyncAPI 3 writes a server as protocol, host and pathname: the same address as a 2.x URL with that scheme
    kind: 'same: an AsyncAPI 2 server URL with or without the scheme its protocol gives', expect: 'none',
    apply: (doc, n) => {
      if (kindOf(doc) !== 'asyncapi2') return false;
      const s = Object.values<any>(doc.servers ?? {}).filter((x) => typeof x.url === 'string' && typeof x.protocol === 'string' && !x.url.startsWith('/')
        && (x.url.toLowerCase().startsWith(`${x.protocol.toLowerCase()}://`) || !/^[a-z][a-z0-9+.-]*:/i.test(x.url)))[n];
      if (!s) return false;
      const prefix = `${s.protocol}://`;
      s.url = s.url.toLowerCase().startsWith(prefix.toLowerCase()) ? s.url.slice(prefix.length) : prefix + s.url;
      return s.url;
    },
  },
  ...unionContentMutations(),
  ...unionPayloadMutations(),
  ...patternMutations(),
  ...avroMutations(),
  ...twelfthMutations(),
  ...keywordDefaultMutations(),
  ...addressMutations(),
  // ===== family OA5: security schemes (OAuth2 flows, OpenID Connect), media types, formats, discriminator mappings =====
  {
    kind: 'security: an OAuth2 flow removed (clients of that flow can no longer get a token)', expect: 'ERR',
    apply: (doc, n) => {
      const s = usedSchemes(doc).filter(([, x]) => x.type === 'oauth2' && Object.keys(x.flows ?? {}).length > 1)[n];
      if (!s) return false;
      const flow = Object.keys(s[1].flows).sort()[0];
      delete s[1].flows[flow];
      return `${s[0]} ${flow}`;
    },
  },
  {
    kind: 'security: the token or authorization URL of an OAuth2 flow changed', expect: 'ERR',
    apply: (doc, n) => {
      const flows = usedSchemes(doc).filter(([, x]) => x.type === 'oauth2').flatMap(([name, x]) => Object.entries<any>(x.flows ?? {}).map(([f, v]) => [`${name} ${f}`, v] as const));
      const pick = flows[n];
      if (!pick) return false;
      const key = pick[1].tokenUrl !== undefined ? 'tokenUrl' : 'authorizationUrl';
      pick[1][key] = `${pick[1][key]}/zz`;
      return `${pick[0]} ${key}`;
    },
  },
  {
    kind: 'security: an OpenID Connect discovery URL changed', expect: 'ERR',
    apply: (doc, n) => {
      const s = usedSchemes(doc).filter(([, x]) => x.type === 'openIdConnect')[n];
      if (!s) return false;
      s[1].openIdConnectUrl = String(s[1].openIdConnectUrl).replace('://', '://zz.');
      return s[0];
    },
  },
  {
    kind: 'security: an OAuth2 flow added (a new way to get a token, nothing breaks)', expect: 'INFO',
    apply: (doc, n) => {
      const s = usedSchemes(doc).filter(([, x]) => x.type === 'oauth2' && x.flows && !x.flows.password)[n];
      if (!s) return false;
      s[1].flows.password = { tokenUrl: 'https://auth.example.com/zz-token', scopes: {} };
      return s[0];
    },
  },
  {
    kind: 'security: a scheme an operation requires no longer offers a scope no operation requires', expect: 'WARN',
    apply: (doc, n) => {
      const required = new Set<string>();
      const all = [...(doc.security ?? []), ...openapiOps(doc).flatMap((o) => o.op.security ?? [])];
      for (const r of all) for (const v of Object.values<any>(r ?? {})) if (Array.isArray(v)) v.forEach((x) => required.add(String(x)));
      const sites = usedSchemes(doc).filter(([, x]) => x.type === 'oauth2').flatMap(([name, x]) => Object.entries<any>(x.flows ?? {})
        .flatMap(([f, v]) => Object.keys(v.scopes ?? {}).filter((sc) => !required.has(sc)).map((sc) => [name, f, sc] as const)));
      const pick = sites[n];
      if (!pick) return false;
      // removed from every flow that offers it
      for (const v of Object.values<any>(get(doc, `#/components/securitySchemes/${pick[0]}`).flows)) if (v.scopes) delete v.scopes[pick[2]];
      return `${pick[0]} ${pick[2]}`;
    },
  },
  {
    kind: 'same: OAuth2 flows and scopes listed in another order', expect: 'none',
    apply: (doc, n) => {
      const s = usedSchemes(doc).filter(([, x]) => x.type === 'oauth2' && Object.keys(x.flows ?? {}).length > 1)[n];
      if (!s) return false;
      s[1].flows = Object.fromEntries(Object.entries<any>(s[1].flows).reverse().map(([f, v]) => [f, { ...v, scopes: Object.fromEntries(Object.entries(v.scopes ?? {}).reverse()) }]));
      return s[0];
    },
  },
  // formats whose values nest (int32 values are int64 values): judged by direction
  onPayload('response narrows: format int64 → int32', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => p.format === 'int64' && !p.writeOnly)), (s) => ({ ...s, format: 'int32' }))),
  onPayload('request: format int64 → int32 (large values refused)', 'request', 'WARN', (d, o) => edit(d, o, first(props(d, o, (p) => p.format === 'int64' && !p.readOnly)), (s) => ({ ...s, format: 'int32' }))),
  onPayload('response: format int64 → double (values that do not nest)', 'response', 'WARN', (d, o) => edit(d, o, first(props(d, o, (p) => p.format === 'int64' && !p.writeOnly)), (s) => ({ ...s, format: 'double' }))),
  {
    kind: 'request: body media type replaced by a range that matches it (still accepted)', expect: 'INFO',
    apply: (doc, n) => {
      const site = mediaSites(doc, 'request')[n];
      if (!site) return false;
      const [m] = Object.keys(site.content);
      renameKey(site.content, m, `${m.split('/')[0]}/*`);
      return `${site.id} ${m}`;
    },
  },
  {
    kind: 'response: body media type replaced by a range that matches it (other types may come)', expect: 'WARN',
    apply: (doc, n) => {
      const site = mediaSites(doc, 'response')[n];
      if (!site) return false;
      const [m] = Object.keys(site.content);
      renameKey(site.content, m, n % 2 ? '*/*' : `${m.split('/')[0]}/*`);
      return `${site.id} ${m}`;
    },
  },
  {
    kind: 'same: body media types written in another case and with a charset parameter', expect: 'none',
    apply: (doc, n) => {
      const site = [...mediaSites(doc, 'request'), ...mediaSites(doc, 'response')][n];
      if (!site) return false;
      const [m] = Object.keys(site.content);
      renameKey(site.content, m, `${m.replace(/^[a-z]/, (c) => c.toUpperCase())}; charset=utf-8`);
      return `${site.id} ${m}`;
    },
  },
  // ---------- family: AsyncAPI replies, protocol bindings, closed headers and alternatives ----------
  ...asyncApiMutations(),
  // ---------- family W: where things are reached (AsyncAPI 3 reply addresses, server protocol
  // versions, parameters that change location; a type change takes the old type's bounds) ----------
  ...whereMutations(),
];

/**
 * OpenAPI bodies with exactly one media type that is not a range, in operations the client calls:
 * the request body's `content`, or the first 2xx response's (held by that operation alone).
 */
function mediaSites(doc: Doc, side: 'request' | 'response'): Array<{ id: string; content: any }> {
  if (kindOf(doc) !== 'openapi') return [];
  const out: Array<{ id: string; content: any }> = [];
  for (const o of openapiOps(doc)) {
    if (o.received) continue;
    const holder = side === 'request' ? o.op.requestBody : o.op.responses?.[Object.keys(o.op.responses ?? {}).filter((c) => /^2/.test(c)).sort()[0]];
    if (!isObj(holder) || holder.$ref) continue;
    const keys = Object.keys(holder.content ?? {});
    if (keys.length === 1 && !keys[0].includes('*') && !keys[0].includes(';')) out.push({ id: o.id, content: holder.content });
  }
  return out;
}
/** Renames a key of an object in place, keeping its position. */
function renameKey(o: any, from: string, to: string): void {
  const entries = Object.entries(o);
  for (const [k] of entries) delete o[k];
  for (const [k, v] of entries) o[k === from ? to : k] = v;
}

/** Security schemes (by name, sorted) that an operation or the document requires. */
function usedSchemes(doc: Doc): Array<[string, any]> {
  const schemes = doc.components?.securitySchemes ?? {};
  const used = new Set<string>();
  if (kindOf(doc) === 'openapi') {
    for (const r of [...(doc.security ?? []), ...openapiOps(doc).flatMap((o) => o.op.security ?? [])]) for (const k of Object.keys(r ?? {})) used.add(k);
  } else {
    const text = JSON.stringify(doc.operations ?? doc.channels ?? {}) + JSON.stringify(doc.servers ?? {});
    for (const k of Object.keys(schemes)) if (text.includes(`"#/components/securitySchemes/${k}"`) || text.includes(`{"${k}":`)) used.add(k);
  }
  return Object.keys(schemes).filter((k) => used.has(k)).sort().map((k) => [k, deref(doc, schemes[k])]);
}

// ---------- schema keywords: bounds, formats, enums, oneOf/anyOf, unmodelled keywords, $ref siblings ----------

const is30 = (d: Doc) => kindOf(d) === 'openapi' && String(d.openapi).startsWith('3.0');
/** Keywords next to `$ref` apply (OpenAPI 3.1, AsyncAPI 3). */
const siblingsApply = (d: Doc) => (kindOf(d) === 'openapi' ? !is30(d) : kindOf(d) === 'asyncapi3');
const numeric = (p: any) => (p.type === 'integer' || p.type === 'number') && !p.readOnly && !p.writeOnly;
const inclusiveMin = (p: any) => numeric(p) && typeof p.minimum === 'number' && p.exclusiveMinimum === undefined;
const exclusiveMin = (p: any) => numeric(p) && (typeof p.exclusiveMinimum === 'number' || (p.exclusiveMinimum === true && typeof p.minimum === 'number'));
/** The alternatives of a oneOf/anyOf property, resolved. */
const alternativesOf = (d: Doc, p: any): any[] | undefined => { const l = p.oneOf ?? p.anyOf; return Array.isArray(l) ? l.map((x: any) => deref(d, x)) : undefined; };
/** No value can match two of them: different types, or a required property with different constants. */
function exclusiveAlternatives(alts: any[]): boolean {
  const key = (a: any) => Object.keys(a.properties ?? {}).find((k) => (a.required ?? []).includes(k) && a.properties[k].const !== undefined);
  return alts.every((a, i) => alts.every((b, j) => i === j || (a.type && b.type && a.type !== b.type)
    || (key(a) !== undefined && key(a) === key(b) && a.properties[key(a)!].const !== b.properties[key(b)!].const)));
}
const overlapping = (alts: any[] | undefined) => !!alts && alts.length > 1 && alts.every((a) => a.type === 'object' && !a.required && !a.additionalProperties);
/** Rewrites property `p` of `o` (resolved first) with `f`. */
const edit = (d: Doc, o: any, p: string | undefined, f: (s: any) => any): string | false => { if (!p) return false; o.properties[p] = f(structuredClone(deref(d, o.properties[p]))); return p; };
/** Makes the lower bound of a resolved property exclusive, in the spelling of the document's version. */
const makeExclusive = (d: Doc, s: any) => { if (is30(d)) s.exclusiveMinimum = true; else { s.exclusiveMinimum = s.minimum; delete s.minimum; } return s; };
const makeInclusive = (s: any) => { if (s.exclusiveMinimum === true) delete s.exclusiveMinimum; else { s.minimum = s.exclusiveMinimum; delete s.exclusiveMinimum; } return s; };
/** A property holding a `$ref` to an object structure with an optional field the client may send: that field's name. */
const refWithOptional = (d: Doc, o: any): [string, string] | undefined => {
  for (const n of Object.keys(o.properties)) {
    const ref = o.properties[n]?.$ref;
    const t = typeof ref === 'string' ? deref(d, o.properties[n]) : undefined;
    if (!isObj(t) || t.type !== 'object' || !isObj(t.properties) || t.allOf || t.oneOf || t.anyOf) continue;
    const q = Object.keys(t.properties).find((k) => !(t.required ?? []).includes(k) && isObj(deref(d, t.properties[k])) && !deref(d, t.properties[k]).readOnly);
    if (q) return [n, q];
  }
  return undefined;
};

function schemaKeywordMutations(): Mutation[] {
  return [
    // numeric bounds: one end, inclusive or exclusive, in either spelling
    onPayload('response narrows: lower bound made exclusive', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, inclusiveMin)), (s) => makeExclusive(d, s))),
    onPayload('request: lower bound made exclusive', 'request', 'ERR', (d, o) => edit(d, o, first(props(d, o, inclusiveMin)), (s) => makeExclusive(d, s))),
    onPayload('request relaxes: exclusive lower bound made inclusive', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, exclusiveMin)), makeInclusive)),
    onPayload('response: exclusive lower bound made inclusive', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, exclusiveMin)), makeInclusive)),
    onPayload('same: minimum restated with a redundant exclusive bound', 'response', 'none', (d, o) => edit(d, o, first(props(d, o, inclusiveMin)), (s) => {
      s.exclusiveMinimum = is30(d) ? false : s.minimum - 1;
      return s;
    })),
    // formats: judged by direction
    onPayload('response narrows: format added', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => plainString(p) && !p.writeOnly)), (s) => ({ ...s, format: 'uuid' }))),
    onPayload('request: format added', 'request', 'WARN', (d, o) => edit(d, o, first(props(d, o, plainString)), (s) => ({ ...s, format: 'uuid' }))),
    // an enum (or const) whose values are all replaced
    onPayload('response: enum values all replaced', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => Array.isArray(p.enum) && p.type === 'string' && !p.writeOnly)), (s) => ({ ...s, enum: ['zz_other'] }))),
    onPayload('request: enum values all replaced', 'request', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => Array.isArray(p.enum) && p.type === 'string' && !p.readOnly)), (s) => ({ ...s, enum: ['zz_other'] }))),
    // oneOf <-> anyOf: the same alternatives, judged by whether they can overlap
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} oneOf and anyOf swapped, alternatives exclusive`, side, 'none', (d, o) => {
      const p = first(props(d, o, (p, n) => !o.properties[n].$ref && !!alternativesOf(d, p) && !(p.oneOf && p.anyOf) && exclusiveAlternatives(alternativesOf(d, p)!)));
      return edit(d, o, p, (s) => { const k = s.oneOf ? 'oneOf' : 'anyOf'; s[k === 'oneOf' ? 'anyOf' : 'oneOf'] = s[k]; delete s[k]; return s; });
    })),
    onPayload('request: anyOf made oneOf, alternatives overlap', 'request', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => !!p.anyOf && overlapping(alternativesOf(d, p)))), (s) => { s.oneOf = s.anyOf; delete s.anyOf; return s; })),
    onPayload('response: oneOf made anyOf, alternatives overlap', 'response', 'WARN', (d, o) => edit(d, o, first(props(d, o, (p) => !!p.oneOf && overlapping(alternativesOf(d, p)))), (s) => { s.anyOf = s.oneOf; delete s.oneOf; return s; })),
    // one alternative (besides null) is that alternative
    onPayload('same: a field $ref written as a single-alternative oneOf', 'response', 'none', (_d, o) => {
      const p = schemaRefProp(o);
      if (!p) return false;
      o.properties[p] = { oneOf: [{ $ref: o.properties[p].$ref }] };
      return p;
    }),
    onPayload('same: nullable allOf [$ref] migrated to 3.1 anyOf [$ref, null]', 'response', 'none', (d, o) => {
      if (!is30(d)) return false;
      const p = first(Object.keys(o.properties).filter((n) => o.properties[n]?.nullable === true && o.properties[n].allOf?.length === 1 && o.properties[n].allOf[0].$ref));
      if (!p) return false;
      o.properties[p] = { anyOf: [{ $ref: o.properties[p].allOf[0].$ref }, { type: 'null' }] };
      d.openapi = '3.1.0';
      // 3.1 has no `nullable`: every other use of it is migrated too, or it would stop admitting null
      nullableTo31(d);
      return p;
    }),
    // keywords modelled as limits or positions, and the rest kept as fingerprints
    onPayload('request: multipleOf added', 'request', 'WARN', (d, o) => edit(d, o, first(props(d, o, (p) => numeric(p) && p.multipleOf === undefined)), (s) => ({ ...s, multipleOf: 7 }))),
    onPayload('response narrows: multipleOf added', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => numeric(p) && p.multipleOf === undefined)), (s) => ({ ...s, multipleOf: 7 }))),
    onPayload('request: not added', 'request', 'WARN', (d, o) => edit(d, o, first(props(d, o, plainString)), (s) => ({ ...s, not: { const: 'zz' } }))),
    { ...onPayload('response narrows: not added', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => plainString(p) && !p.writeOnly)), (s) => ({ ...s, not: { const: 'zz' } }))), told: 'field-constraint-relaxed' },
    onPayload('request: dependentRequired added', 'request', 'WARN', (d, o) => {
      const opt = props(d, o, (p, _n, r) => !r && !p.readOnly);
      if (opt.length < 2) return false;
      o.dependentRequired = { [opt[0]]: [opt[1]] };
      return opt[0];
    }),
    onPayload('response: prefixItems swapped', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => Array.isArray(p.prefixItems) && p.prefixItems.length > 1 && p.prefixItems[0].type !== p.prefixItems[1].type)), (s) => {
      s.prefixItems = [s.prefixItems[1], s.prefixItems[0], ...s.prefixItems.slice(2)];
      return s;
    })),
    // a tuple closed with `items: false` holds at most its positions
    onPayload('response narrows: open tuple closed (items: false)', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => Array.isArray(p.prefixItems) && p.items === undefined)), (s) => ({ ...s, items: false }))),
    onPayload('response: closed tuple opened to more items', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => Array.isArray(p.prefixItems) && p.items === false && !p.writeOnly)), (s) => ({ ...s, items: { type: 'number' } }))),
    onPayload('response: patternProperties value type changed', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => isObj(p.patternProperties) && Object.values<any>(p.patternProperties).some((v) => v.type === 'string'))), (s) => {
      for (const k of Object.keys(s.patternProperties)) s.patternProperties[k] = { type: 'integer' };
      return s;
    })),
    // keywords next to $ref: they apply in OpenAPI 3.1 and AsyncAPI 3, and are ignored before
    onPayload('request: required next to a $ref (3.1, AsyncAPI 3)', 'request', 'ERR', (d, o) => {
      const site = siblingsApply(d) ? refWithOptional(d, o) : undefined;
      if (!site) return false;
      o.properties[site[0]] = { ...o.properties[site[0]], required: [site[1]] };
      return site.join('.');
    }),
    onPayload('same: required next to a $ref is ignored (3.0, AsyncAPI 2)', 'request', 'none', (d, o) => {
      const site = !siblingsApply(d) ? refWithOptional(d, o) : undefined;
      if (!site) return false;
      o.properties[site[0]] = { ...o.properties[site[0]], required: [site[1]] };
      return site.join('.');
    }),
    onPayload('same: a description next to a $ref', 'request', 'none', (_d, o) => {
      const p = first(Object.keys(o.properties).filter((n) => typeof o.properties[n]?.$ref === 'string'));
      if (!p) return false;
      o.properties[p] = { ...o.properties[p], description: 'Said again, in other words.' };
      return p;
    }),
  ];
}

// ---------- running ----------

function worst(findings: Finding[]): Level | 'none' {
  let w: Level | 'none' = 'none';
  for (const f of findings) if (w === 'none' || LEVEL_RANK[f.level] > LEVEL_RANK[w]) w = f.level;
  return w;
}

function judge(expect: Expect, findings: Finding[], allow: string[] = [], told?: string): boolean {
  if (told && !findings.some((f) => f.ruleId === told)) return false;
  const got = worst(findings);
  if (expect === 'none') return findings.every((f) => allow.includes(f.ruleId));
  if (expect === 'INFO') return got === 'none' || got === 'INFO';
  return got === expect;
}

test('mutation generator: every change with a known effect gets its level; equivalent rewrites report nothing', () => {
  const docs = documents();
  const results: Array<Case & { ok: boolean; got: string }> = [];
  let reused = 0;
  for (const { name, doc } of docs) {
    const base: Model = modelOf(doc, name)!;
    assert.ok(base, name);
    assert.deepEqual(diffModels(base, modelOf(structuredClone(doc), name)!), [], `${name} compared with itself`);
    for (const m of mutations) {
      for (let n = 0; n < SITES; n++) {
        const copy = structuredClone(doc);
        const site = m.apply(copy, n);
        if (site === false) break;
        // as api-diff reads it: the revision reuses what the base derived from unchanged places,
        // which must give the very model a fresh reading gives
        const revision = modelOf(copy, name, { reuse: base, counterpart: base })!;
        const fresh = modelOf(structuredClone(copy), name, { counterpart: base })!;
        assert.equal(JSON.stringify(revision), JSON.stringify(fresh), `${name} | ${m.kind} | ${site}: the model reusing the base differs from a fresh one`);
        reused += Object.values(revision.operations).filter((o) => Object.values(base.operations).includes(o)).length;
        const findings = diffModels(base, revision);
        const ok = judge(m.expect, findings, m.allow, m.told);
        results.push({ doc: name, kind: m.kind, site, expect: m.expect, told: m.told, ok, got: ok ? '' : JSON.stringify(findings.map((f) => `${f.level} ${f.ruleId}: ${f.text}`)) });
      }
    }
  }
  const byKind = new Map<string, { n: number; bad: number }>();
  for (const r of results) {
    const k = byKind.get(r.kind) ?? { n: 0, bad: 0 };
    k.n++;
    if (!r.ok) k.bad++;
    byKind.set(r.kind, k);
  }
  // a change that must be told (see Mutation.told) is a change, even at INFO
  const equivalent = results.filter((r) => (r.expect === 'none' || r.expect === 'INFO') && !r.told);
  const changes = results.filter((r) => (r.expect !== 'none' && r.expect !== 'INFO') || r.told);
  console.log(`mutations: ${results.length} cases over ${docs.length} documents and ${byKind.size} kinds; ` +
    `${changes.filter((r) => !r.ok).length} misses of ${changes.length} changes, ${equivalent.filter((r) => !r.ok).length} false alarms of ${equivalent.length} harmless edits`);
  for (const [k, v] of byKind) if (v.bad) console.log(`  ${k}: ${v.bad}/${v.n} wrong`);
  const wrong = results.filter((r) => !r.ok).map((r) => `${r.doc} | ${r.kind} | ${r.site} | expected ${r.expect} | got ${r.got}`);
  assert.deepEqual(wrong.slice(0, 25), []);
  assert.ok(results.length >= 400, `only ${results.length} generated cases`);
  // the reuse path is exercised, not bypassed: most mutations leave most operations alone
  assert.ok(reused > results.length, `only ${reused} operations reused over ${results.length} cases`);
  for (const m of mutations) assert.ok(byKind.get(m.kind)?.n, `mutation "${m.kind}" found no site in any document`);
});

// ---------- metamorphic: a case keeps its verdict when both sides are rewritten alike ----------

/** Keys under which a document holds literal data (examples, enums, defaults), not schemas. */
const literalKey = (k: string) => k === 'example' || k === 'examples' || k === 'enum' || k === 'const' || k === 'default';

/**
 * Rewrites that change how a document is written, never what it admits nor where it is reached.
 * Applied to both sides of a generated case, the verdict must stay the same: this tests that every
 * rule reads the document by meaning, across all the kinds of change at once.
 */
const REWRITES: Array<[string, (doc: Doc) => void, ((doc: Doc) => boolean)?]> = [
  ["a property's $ref wrapped in a one-part allOf", (doc) => {
    for (const node of objectsIn(doc, literalKey)) {
      if (!isObj(node.properties)) continue;
      for (const [k, v] of Object.entries<any>(node.properties)) if (isObj(v) && typeof v.$ref === 'string' && Object.keys(v).length === 1) node.properties[k] = { allOf: [v] };
    }
  }],
  ['`required` and `enum` lists in reverse order (they are sets)', (doc) => {
    for (const node of objectsIn(doc, (k) => k === 'example' || k === 'examples' || k === 'const' || k === 'default')) {
      if (Array.isArray(node.required)) node.required.reverse();
      if (Array.isArray(node.enum)) node.enum.reverse();
    }
  }],
  ['each component schema named through an alias (`X_alias: {$ref: X}`) wherever a property, an item or a payload names it', (doc) => {
    const schemas = doc.components?.schemas;
    if (!isObj(schemas)) return;
    const names = Object.keys(schemas);
    const aliased = (ref: unknown) => typeof ref === 'string' && ref.startsWith('#/components/schemas/') && names.includes(ref.slice(21)) ? `${ref}_alias` : undefined;
    const retarget = (holder: any, key: string | number) => {
      const v = holder[key];
      const to = isObj(v) && Object.keys(v).length === 1 ? aliased(v.$ref) : undefined;
      if (to) holder[key] = { $ref: to };
    };
    // (not in a oneOf/anyOf, whose implicit discriminator values are the names, nor in a mapping)
    for (const node of objectsIn(doc, literalKey)) {
      if (isObj(node.properties)) for (const k of Object.keys(node.properties)) retarget(node.properties, k);
      if (isObj(node.items)) retarget(node, 'items');
      if (isObj(node.additionalProperties)) retarget(node, 'additionalProperties');
      if (isObj(node.schema)) retarget(node, 'schema');
      if (isObj(node.payload)) retarget(node, 'payload');
    }
    for (const n of names) schemas[`${n}_alias`] = { $ref: `#/components/schemas/${n}` };
  }],
  ['OpenAPI parameters, request bodies and responses moved into components and named by $ref', (doc) => {
    if (!isObj(doc.paths)) return;
    const c = (doc.components ??= {});
    const key = (...parts: Array<string | number>) => parts.join('_').replace(/[^A-Za-z0-9_.-]/g, '_');
    const move = (holder: any, k: string | number, section: string, name: string) => {
      const v = holder[k];
      if (!isObj(v) || typeof v.$ref === 'string') return;
      (c[section] ??= {})[name] = v;
      holder[k] = { $ref: `#/components/${section}/${name}` };
    };
    for (const [path, item] of Object.entries<any>(doc.paths)) {
      if (!isObj(item) || typeof item.$ref === 'string') continue;
      if (Array.isArray(item.parameters)) item.parameters.forEach((_: unknown, i: number) => move(item.parameters, i, 'parameters', key('at', path, i)));
      for (const verb of ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace']) {
        const op = item[verb];
        if (!isObj(op)) continue;
        if (Array.isArray(op.parameters)) op.parameters.forEach((_: unknown, i: number) => move(op.parameters, i, 'parameters', key(verb, path, i)));
        if (isObj(op.requestBody)) move(op, 'requestBody', 'requestBodies', key(verb, path));
        if (isObj(op.responses)) for (const status of Object.keys(op.responses)) move(op.responses, status, 'responses', key(verb, path, status));
      }
    }
  }, (doc) => !!doc.openapi],
  ['AsyncAPI: channel and operation keys renamed (3.0; keys never reach the wire), component messages written inline (2.x)', (doc) => {
    const v = String(doc.asyncapi ?? '');
    if (v.startsWith('3.')) {
      const rename = (section: 'channels' | 'operations', suffix: string) => {
        const map = doc[section];
        if (!isObj(map)) return;
        const keys = Object.keys(map);
        const renamed: any = {};
        for (const k of keys) renamed[`${k}${suffix}`] = map[k];
        doc[section] = renamed;
        const from = new Map(keys.map((k) => [`#/${section}/${escapeToken(k)}`, `#/${section}/${escapeToken(`${k}${suffix}`)}`]));
        for (const node of objectsIn(doc, literalKey)) {
          if (typeof node.$ref !== 'string') continue;
          const head = node.$ref.split('/').slice(0, 3).join('/');
          const to = from.get(head);
          if (to) node.$ref = to + node.$ref.slice(head.length);
        }
      };
      rename('channels', '_ch');
      rename('operations', '_op');
    } else if (v.startsWith('2.') && isObj(doc.channels)) {
      const messages = doc.components?.messages ?? {};
      const inline = (m: any) => {
        const name = isObj(m) && typeof m.$ref === 'string' && m.$ref.startsWith('#/components/messages/') ? m.$ref.slice(22) : undefined;
        return name !== undefined && isObj(messages[name]) && typeof messages[name].$ref !== 'string' ? structuredClone(messages[name]) : m;
      };
      for (const ch of Object.values<any>(doc.channels)) {
        for (const verb of ['publish', 'subscribe']) {
          const op = ch?.[verb];
          if (!isObj(op) || !isObj(op.message)) continue;
          if (Array.isArray(op.message.oneOf)) op.message.oneOf = op.message.oneOf.map(inline);
          else op.message = inline(op.message);
        }
      }
    }
  }, (doc) => !!doc.asyncapi],
  ["every object's keys in reverse order (media type maps and literal data kept: the first media type listed is the main one)", (doc) => {
    const flip = (x: any, key: string): any => {
      if (!x || typeof x !== 'object' || literalKey(key)) return x;
      if (Array.isArray(x)) return x.map((y) => flip(y, ''));
      const keys = key === 'content' ? Object.keys(x) : Object.keys(x).reverse();
      const out: any = {};
      for (const k of keys) out[k] = flip(x[k], k);
      return out;
    };
    const flipped = flip(doc, '');
    for (const k of Object.keys(doc)) delete doc[k];
    Object.assign(doc, flipped);
  }],
];

test('metamorphic: a sample of the generated cases, both sides rewritten alike, keeps every verdict', () => {
  const wrong: string[] = [];
  let cases = 0, i = 0;
  for (const { name, doc } of documents()) {
    for (const m of mutations) {
      for (let n = 0; n < SITES; n++) {
        const copy = structuredClone(doc);
        const site = m.apply(copy, n);
        if (site === false) break;
        // every fifth case, the rewrites that apply to the document in turn (deterministic)
        if (i++ % 5) continue;
        const fit = REWRITES.filter(([, , applies]) => !applies || applies(doc));
        const [label, rewrite] = fit[(i / 5 | 0) % fit.length];
        const a = structuredClone(doc), b = structuredClone(copy);
        rewrite(a);
        rewrite(b);
        const base = modelOf(a, name)!;
        const findings = diffModels(base, modelOf(b, name, { reuse: base, counterpart: base })!);
        cases++;
        if (!judge(m.expect, findings, m.allow, m.told)) wrong.push(`${name} | ${m.kind} | ${site} | ${label} | expected ${m.expect} | got ${JSON.stringify(findings.map((f) => `${f.level} ${f.ruleId}: ${f.text}`))}`);
      }
    }
  }
  console.log(`metamorphic: ${cases} cases, ${wrong.length} verdicts moved by a rewrite`);
  assert.deepEqual(wrong.slice(0, 25), []);
  assert.ok(cases >= 400, `only ${cases} cases`);
});

// ---------- file forms: a case keeps its verdict whichever way each side is written to disk ----------

/**
 * The same document, written as files in another way: what api-diff reads must not depend on it.
 * Each form writes `doc` into `dir` and returns the file to give api-diff. Unlike the rewrites above,
 * these go through the loader (YAML, aliases, refs across files), and each side takes its own form.
 */
const FORMS: Array<[string, (doc: Doc, dir: string) => string]> = [
  ['one JSON file', (doc, dir) => {
    writeFileSync(join(dir, 'api.json'), JSON.stringify(doc));
    return join(dir, 'api.json');
  }],
  ['one YAML file, each repeated subtree written once with an anchor and named by aliases', (doc, dir) => {
    // equal subtrees become one object (so one anchor); small ones and literal data are left alone
    const seen = new Map<string, any>();
    let anchors = 0;
    const share = (x: any, key: string): any => {
      if (!x || typeof x !== 'object' || literalKey(key)) return x;
      if (Array.isArray(x)) x.forEach((y, i) => (x[i] = share(y, '')));
      else for (const k of Object.keys(x)) x[k] = share(x[k], k);
      const text = JSON.stringify(x);
      if (text.length < 60) return x;
      const first = seen.get(text);
      if (first) return first;
      if (anchors < 400) (anchors++, seen.set(text, x));
      return x;
    };
    const copy = share(structuredClone(doc), '');
    writeFileSync(join(dir, 'api.yaml'), stringify(copy, { aliasDuplicateObjects: true, lineWidth: 0 }));
    return join(dir, 'api.yaml');
  }],
  ['YAML, each component schema in a file of its own under schemas/ that refers back to the main file', (doc, dir) => {
    const copy = structuredClone(doc);
    const schemas = copy.components?.schemas;
    if (isObj(schemas)) {
      mkdirSync(join(dir, 'schemas'));
      const used = new Set<string>();
      for (const [name, schema] of Object.entries<any>(schemas)) {
        let file = name.replace(/[^A-Za-z0-9_-]/g, '_');
        while (used.has(file.toLowerCase())) file += '_';
        used.add(file.toLowerCase());
        // a ref inside the moved schema names the main file; a discriminator mapping's refs too
        for (const node of objectsIn(schema, literalKey)) {
          if (typeof node.$ref === 'string' && node.$ref.startsWith('#')) node.$ref = `../api.yaml${node.$ref}`;
          if (isObj(node.mapping)) for (const [k, v] of Object.entries<any>(node.mapping)) if (typeof v === 'string' && v.startsWith('#')) node.mapping[k] = `../api.yaml${v}`;
        }
        writeFileSync(join(dir, 'schemas', `${file}.yaml`), stringify(schema, { lineWidth: 0 }));
        schemas[name] = { $ref: `./schemas/${file}.yaml` };
      }
    }
    writeFileSync(join(dir, 'api.yaml'), stringify(copy, { lineWidth: 0 }));
    return join(dir, 'api.yaml');
  }],
];

/** The forms (indices into FORMS) of base and revision a case is written in, in turn. */
const PAIRS: Array<[number, number]> = [[0, 2], [2, 0], [1, 2], [2, 1], [2, 2]];

test('file forms: every kind of case, each side written to disk in its own form, keeps its verdict', () => {
  const wrong: string[] = [];
  const root = mkdtempSync(join(tmpdir(), 'api-diff-forms-'));
  const docs = documents().map((d) => ({ ...d, size: JSON.stringify(d.doc).length }));
  // each document's base, per form, is written and read once
  const bases = new Map<string, ReturnType<typeof loadModels>>();
  let cases = 0;
  const run = (name: string, doc: Doc, m: Mutation, n: number, copy: Doc, site: string) => {
    // pairs of forms in turn, each with schemas in files of their own on one side at least; a schema
    // resource with its own base URI (`$id`) resolves refs against it, so it is not moved into a file
    const k = cases++;
    const ids = objectsIn(doc, literalKey).some((x) => typeof x.$id === 'string' || typeof x.$dynamicRef === 'string');
    const [b, r] = PAIRS[k % PAIRS.length];
    const fb = FORMS[ids && b === 2 ? 1 : b], fr = FORMS[ids && r === 2 ? 0 : r];
    const label = `${name} | ${m.kind} | ${site} | base: ${fb[0]}; revision: ${fr[0]}`;
    let base = bases.get(`${name} ${fb[0]}`);
    if (!base) {
      const at = join(root, `base-${bases.size}`);
      mkdirSync(at);
      bases.set(`${name} ${fb[0]}`, (base = loadModels(fb[1](doc, at))));
    }
    const dir = join(root, String(k));
    mkdirSync(dir);
    const revision = loadModels(fr[1](copy, dir), { reuse: base.models, counterpart: base.models });
    const errors = [...base.diagnostics, ...revision.diagnostics].filter((d) => d.severity === 'error');
    if (errors.length || !base.models[0] || !revision.models[0]) {
      wrong.push(`${label} | not read: ${errors.map((d) => `${d.file}: ${d.message}`).join('; ')}`);
      return;
    }
    const findings = diffModels(base.models[0], revision.models[0]);
    if (!judge(m.expect, findings, m.allow, m.told)) wrong.push(`${label} | expected ${m.expect} | got ${JSON.stringify(findings.map((f) => `${f.level} ${f.ruleId}: ${f.text}`))}`);
  };
  try {
    // every kind, at its first place in the smallest document it applies to (YAML of our large
    // specs takes a tenth of a second to write and read)
    const bySize = [...docs].sort((a, b) => a.size - b.size);
    for (const m of mutations) {
      for (const { name, doc } of bySize) {
        const copy = structuredClone(doc);
        const site = m.apply(copy, 0);
        if (site === false) continue;
        run(name, doc, m, 0, copy, site);
        break;
      }
    }
    // and a sample of the places in our large specs (picked before the mutation is applied)
    let i = 0;
    for (const { name, doc, size } of docs) {
      if (size < 50_000) continue;
      for (const m of mutations) {
        for (let n = 0; n < SITES; n++) {
          if (i++ % 60) continue;
          const copy = structuredClone(doc);
          const site = m.apply(copy, n);
          if (site === false) break;
          run(name, doc, m, n, copy, site);
        }
      }
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  console.log(`file forms: ${cases} cases, ${wrong.length} verdicts moved by the way a side is written`);
  assert.deepEqual(wrong.slice(0, 25), []);
  assert.ok(cases >= 400, `only ${cases} cases`);
});

// ---------- family: a union judged by what its alternatives admit (inline alternatives' content,
// a plain schema turned into a union that keeps, or not, what it admitted) ----------

/** The inline (not `$ref`) alternatives of a property's oneOf/anyOf, as written. */
const inlineAlternatives = (p: any): any[] => ((p.anyOf ?? p.oneOf ?? []) as any[]).filter((a) => isObj(a) && !a.$ref);
/** A union of an inline object that requires a property and the empty string (Stripe's "a value or `''`"). */
const objectOrEmpty = (p: any) => { const l = p.anyOf ?? p.oneOf; return Array.isArray(l) && l.length === 2 && l.some((a: any) => a?.type === 'object' && a.required?.length) && l.some((a: any) => a?.type === 'string' && a.enum?.length === 1 && a.enum[0] === ''); };
/** A plain string that admits the empty string (no lower length bound). */
const admitsEmpty = (p: any) => plainString(p) && !p.minLength;

function unionContentMutations(): Mutation[] {
  /** Edits the first inline alternative `pick` accepts, of the first union property having one. */
  const inAlternative = (pick: (a: any) => boolean, change: (a: any) => void): PayloadChange => (d, o) => {
    const p = first(props(d, o, (q, n) => !o.properties[n].$ref && inlineAlternatives(q).some(pick)));
    return edit(d, o, p, (s) => { change(inlineAlternatives(s).find(pick)); return s; });
  };
  const bounded = (a: any) => a.type === 'string' && typeof a.maxLength === 'number';
  const enumItems = (a: any) => a.type === 'array' && Array.isArray(a.items?.enum) && a.items.enum.length > 1;
  /** oneOf/anyOf lists holding two or more `$ref` alternatives (and no null one), in document order, outside literal data. */
  const refUnions = (doc: Doc): Array<{ list: any[]; key: string }> => {
    const out: Array<{ list: any[]; key: string }> = [];
    const literal = (k: string) => k === 'example' || k === 'examples' || k === 'enum' || k === 'const' || k === 'default';
    for (const node of objectsIn(doc, literal)) {
      for (const [k, v] of Object.entries<any>(node)) {
        // (a discriminator's implicit mapping names the alternatives: grouping them changes it)
        // (a union left with the group alone would be the group: a named union, a structure of its own)
        if ((k === 'oneOf' || k === 'anyOf') && Array.isArray(v) && v.length >= 3 && !node.discriminator && v.filter((a) => typeof a?.$ref === 'string').length >= 2 && !v.some((a) => a?.type === 'null')) out.push({ list: v, key: k });
      }
    }
    return out;
  };
  return [
    {
      // naming a group of alternatives changes no value (a union in a union of the same kind)
      kind: 'same: a union\'s $ref alternatives grouped under a new named union of the same kind', expect: 'none',
      apply: (doc, n) => {
        const u = refUnions(doc)[n];
        if (!u) return false;
        const refs = u.list.filter((a) => typeof a?.$ref === 'string');
        const grouped = refs.slice(-2);
        const schemas = ((doc.components ??= {}).schemas ??= {});
        schemas.ZzGroup = { description: 'A named group of alternatives.', [u.key]: grouped };
        const at = u.list.indexOf(grouped[0]);
        u.list.splice(at, 0, { $ref: '#/components/schemas/ZzGroup' });
        for (const g of grouped) u.list.splice(u.list.indexOf(g), 1);
        return `${u.key} of ${u.list.length + 1}`;
      },
    },
    onPayload('request: maxLength tightened inside an inline alternative', 'request', 'ERR', inAlternative(bounded, (a) => { a.maxLength = Math.floor(a.maxLength / 2); })),
    onPayload('response narrows: maxLength tightened inside an inline alternative', 'response', 'INFO', inAlternative(bounded, (a) => { a.maxLength = Math.floor(a.maxLength / 2); })),
    onPayload('request relaxes: maxLength dropped inside an inline alternative', 'request', 'INFO', inAlternative(bounded, (a) => { delete a.maxLength; })),
    // the alternatives here are each one scalar type with only that type's keywords: the union is a
    // type list, and a bound dropped on its string is the string's bound dropped, as on a plain field
    onPayload('response: maxLength dropped inside an inline alternative', 'response', 'ERR', inAlternative(bounded, (a) => { delete a.maxLength; })),
    onPayload('request relaxes: enum value added to the items of an array alternative', 'request', 'INFO', inAlternative(enumItems, (a) => { a.items.enum.push('zz_new'); })),
    onPayload('response: enum value added to the items of an array alternative', 'response', 'WARN', inAlternative(enumItems, (a) => { a.items.enum.push('zz_new'); })),
    onPayload('request: enum value removed from the items of an array alternative', 'request', 'ERR', inAlternative(enumItems, (a) => { a.items.enum.pop(); })),
    onPayload('same: an inline alternative described', 'request', 'none', inAlternative((a) => a.type === 'string', (a) => { a.description = 'Either form is accepted.'; })),
    // a plain schema that became a union: does one alternative keep what it admitted (request), and
    // does every alternative admit nothing more (response)?
    ...(['request', 'response'] as const).map((side) => onPayload(`${side}: plain string wrapped in anyOf with an empty-string alternative (nothing lost, nothing new)`, side, 'INFO', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => admitsEmpty(p) && !o.properties[n].$ref)), (s) => ({ anyOf: [s, { type: 'string', enum: [''] }] })))),
    onPayload('response: plain string wrapped in anyOf with an integer alternative', 'response', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => plainString(p) && !o.properties[n].$ref)), (s) => ({ anyOf: [s, { type: 'integer' }] }))),
    // a string and an integer as alternatives are `type: [string, integer]` with the string's keywords
    // beside it: a bound where the string had none is a bound added (request-limit-added, WARN), and a
    // bound lowered is a bound tightened (ERR), however the union is written
    onPayload('request: plain string wrapped in anyOf with a shorter string and an integer', 'request', 'WARN', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => plainString(p) && p.maxLength === undefined && !o.properties[n].$ref)), (s) => ({ anyOf: [{ ...s, maxLength: 7 }, { type: 'integer' }] }))),
    onPayload('request: bounded string wrapped in anyOf with a shorter string and an integer', 'request', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => plainString(p) && typeof p.maxLength === 'number' && p.maxLength > 1 && !o.properties[n].$ref)), (s) => ({ anyOf: [{ ...s, maxLength: s.maxLength - 1 }, { type: 'integer' }] }))),
    // ... and the same union written either way is no change
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} union of a string and an integer written as a type list`, side, 'none', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.anyOf ?? p.oneOf) && (p.anyOf ?? p.oneOf).length === 2 && (p.anyOf ?? p.oneOf).every((a: any) => isObj(a) && (a.type === 'string' || a.type === 'integer') && !a.enum && a.const === undefined && a.nullable === undefined) && new Set((p.anyOf ?? p.oneOf).map((a: any) => a.type)).size === 2 && !o.properties[n].$ref)),
        ({ anyOf, oneOf, ...s }) => { const out: any = { ...s, type: [] as string[] }; for (const a of anyOf ?? oneOf) { const { type, description: _d, ...kw } = a; out.type.push(type); Object.assign(out, kw); } return out; }))),
    // (a value is never both a string and an integer, so `anyOf` and `oneOf` admit the same)
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} anyOf of a string and an integer written as oneOf`, side, 'none', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.anyOf) && p.anyOf.length === 2 && p.anyOf.every((a: any) => isObj(a) && (a.type === 'string' || a.type === 'integer') && !a.enum && a.const === undefined && a.nullable === undefined) && new Set(p.anyOf.map((a: any) => a.type)).size === 2 && !o.properties[n].$ref)),
        ({ anyOf, ...s }) => ({ ...s, oneOf: anyOf })))),
    // a union reduced to one of its alternatives: the properties of an inline object alternative keep
    // the required flags they had in it; the values of a map or the items of an array are its own
    ...(['request', 'response'] as const).map((side) => onPayload(`${side}: a union of an inline object and '' reduced to the object`, side, side === 'request' ? 'ERR' : 'INFO', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && objectOrEmpty(p))), (s) => inlineAlternatives(s).find((a) => a.type === 'object')))),
    onPayload('response: a union of an inline object and \'\' reduced to the object, which no longer requires its property', 'response', 'WARN', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && objectOrEmpty(p))), (s) => { const { required: _r, ...a } = inlineAlternatives(s).find((x) => x.type === 'object'); return a; })),
    onPayload('request relaxes: a union of an inline object and \'\' reduced to the object, which no longer requires its property', 'request', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && objectOrEmpty(p))), (s) => { const { required: _r, ...a } = inlineAlternatives(s).find((x) => x.type === 'object'); return a; })),
    ...(['request', 'response'] as const).map((side) => onPayload(`${side}: a union of an array and '' reduced to the array`, side, side === 'request' ? 'ERR' : 'INFO', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && inlineAlternatives(p).some((a) => a.type === 'array'))), (s) => inlineAlternatives(s).find((a) => a.type === 'array')))),
    onPayload('request: an array wrapped in anyOf with an empty-string alternative (its items kept)', 'request', 'INFO', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => p.type === 'array' && isObj(p.items) && typeof p.items.type === 'string' && !o.properties[n].$ref)), (s) => ({ anyOf: [s, { type: 'string', enum: [''] }] }))),
    onPayload('request: plain string wrapped in oneOf with itself and an overlapping constant', 'request', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => plainString(p) && !o.properties[n].$ref)), (s) => ({ oneOf: [s, { type: 'string', enum: ['zz'] }] }))),
    // how a union is written: constants listed one by one are an enum; a one-part allOf is its part;
    // null listed in a 3.1 enum is the same as a null alternative, and dropped from it is not
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} enum written as a oneOf of documented constants`, side, 'none', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.enum) && p.enum.every((v: unknown) => typeof v === 'string') && p.type === 'string' && !o.properties[n].$ref && !p.readOnly && !p.writeOnly)),
        ({ enum: values, ...s }) => ({ ...s, oneOf: values.map((v: string) => ({ const: v, description: `The value ${v}.` })) })))),
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} union alternative written as a one-part allOf`, side, 'none', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && (p.oneOf ?? p.anyOf ?? []).some((a: any) => typeof a?.$ref === 'string'))), (s) => {
        const k = s.oneOf ? 'oneOf' : 'anyOf';
        const i = s[k].findIndex((a: any) => typeof a?.$ref === 'string');
        s[k][i] = { allOf: [s[k][i]], description: 'One of the forms.' };
        return s;
      }))),
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} null moved from a 3.1 enum into a null alternative`, side, 'none', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.type) && p.type.includes('null') && Array.isArray(p.enum) && p.enum.includes(null) && !o.properties[n].$ref)), (s) => ({
        anyOf: [{ type: s.type.find((t: string) => t !== 'null'), enum: s.enum.filter((v: unknown) => v !== null) }, { type: 'null' }],
      })))),
    // a schema that constrains nothing admits any value: its type is `any`
    onPayload('response: a field\'s schema emptied to {} (any value)', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, plainString)), (s) => ({ description: s.description ?? 'Anything.' }))),
    onPayload('request widens: a field\'s schema emptied to {} (any value)', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, plainString)), (s) => ({ description: s.description ?? 'Anything.' }))),
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} any-value field written as a type listing every JSON type and null`, side, 'none', (d, o) => kindOf(d) !== 'openapi' || !is30(d) ? edit(d, o, first(props(d, o, (p) => isObj(p) && Object.keys(p).every((k) => k === 'description'))), (s) => ({ ...s, type: ['string', 'number', 'integer', 'boolean', 'object', 'array', 'null'] })) : false)),
    onPayload('request: an any-value field no longer admits null (a type listing every other JSON type)', 'request', 'ERR', (d, o) => kindOf(d) !== 'openapi' || !is30(d) ? edit(d, o, first(props(d, o, (p) => isObj(p) && Object.keys(p).every((k) => k === 'description'))), (s) => ({ ...s, type: ['string', 'number', 'boolean', 'object', 'array'] })) : false),
    onPayload('request: an any-value field given a type', 'request', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => isObj(p) && Object.keys(p).every((k) => k === 'description'))), (s) => ({ ...s, type: 'string' }))),
    onPayload('response narrows: an any-value field given a type', 'response', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => isObj(p) && Object.keys(p).every((k) => k === 'description'))), (s) => ({ ...s, type: 'string' }))),
    onPayload('response: an array\'s items schema dropped (any item)', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => p.type === 'array' && isObj(p.items) && typeof p.items.type === 'string' && !p.writeOnly)), (s) => { const { items: _i, ...rest } = s; return rest; })),
    onPayload('request widens: an array\'s items schema dropped (any item)', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => p.type === 'array' && isObj(p.items) && typeof p.items.type === 'string')), (s) => { const { items: _i, ...rest } = s; return rest; })),
    onPayload('response: map values\' schema dropped (additionalProperties {type} -> true)', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (p) => p.type === 'object' && isObj(p.additionalProperties) && typeof p.additionalProperties.type === 'string')), (s) => ({ ...s, additionalProperties: true }))),
    onPayload('request widens: map values\' schema dropped (additionalProperties {type} -> true)', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, (p) => p.type === 'object' && isObj(p.additionalProperties) && typeof p.additionalProperties.type === 'string')), (s) => ({ ...s, additionalProperties: true }))),
    // `nullable` is no OpenAPI 3.1 keyword: a JSON Schema validator ignores it
    onPayload('request: 3.1 null type written as `nullable: true` (not a 3.1 keyword)', 'request', 'ERR', (d, o) => !is30(d) && kindOf(d) === 'openapi' &&
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.type) && p.type.length === 2 && p.type.includes('null') && !Array.isArray(p.enum) && !o.properties[n].$ref)), (s) => ({ ...s, type: s.type.find((t: string) => t !== 'null'), nullable: true }))),
    onPayload('response narrows: 3.1 null type written as `nullable: true` (not a 3.1 keyword)', 'response', 'INFO', (d, o) => !is30(d) && kindOf(d) === 'openapi' &&
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.type) && p.type.length === 2 && p.type.includes('null') && !Array.isArray(p.enum) && !o.properties[n].$ref)), (s) => ({ ...s, type: s.type.find((t: string) => t !== 'null'), nullable: true }))),
    onPayload('request: null dropped from a 3.1 enum beside a type that lists null', 'request', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => Array.isArray(p.type) && p.type.includes('null') && Array.isArray(p.enum) && p.enum.includes(null) && !o.properties[n].$ref)), (s) => ({ ...s, enum: s.enum.filter((v: unknown) => v !== null) }))),
    // what an inline object alternative requires, and alternatives that start to overlap under oneOf
    onPayload('request: a property made required inside an inline object alternative', 'request', 'ERR', inAlternative((a) => a.type === 'object' && isObj(a.properties) && Object.keys(a.properties).some((k) => !(a.required ?? []).includes(k)),
      (a) => { a.required = [...(a.required ?? []), Object.keys(a.properties).find((k) => !(a.required ?? []).includes(k))]; })),
    onPayload('response narrows: a property made required inside an inline object alternative', 'response', 'INFO', inAlternative((a) => a.type === 'object' && isObj(a.properties) && Object.keys(a.properties).some((k) => !(a.required ?? []).includes(k)),
      (a) => { a.required = [...(a.required ?? []), Object.keys(a.properties).find((k) => !(a.required ?? []).includes(k))]; })),
    onPayload('request: an alternative overlapping another added to a oneOf of disjoint types', 'request', 'ERR', (d, o) =>
      edit(d, o, first(props(d, o, (p, n) => !o.properties[n].$ref && Array.isArray(p.oneOf) && p.oneOf.some((a: any) => a?.type === 'integer') && !p.oneOf.some((a: any) => a?.type === 'number'))), (s) => ({ ...s, oneOf: [...s.oneOf, { type: 'number' }] }))),
  ];
}

// ---------- family: AsyncAPI payloads that are unions of named structures: a structure reached
// through a sent message's union is what clients send (judged as a request), through a received
// one what they receive, whichever `$ref` chain leads to the message ----------

/** The structures a union payload of an AsyncAPI message names, with the side the client is on. */
function unionPayloadStructures(doc: Doc): Array<{ name: string; side: 'request' | 'response' }> {
  const k = kindOf(doc);
  if (k === 'openapi') return [];
  const ops: Array<[any, 'request' | 'response']> = k === 'asyncapi2'
    ? Object.keys(doc.channels ?? {}).sort().flatMap((c) => (['publish', 'subscribe'] as const).filter((v) => doc.channels[c][v]).map((v): [any, 'request' | 'response'] => [doc.channels[c][v].message, v === 'publish' ? 'request' : 'response']))
    : Object.keys(doc.operations ?? {}).sort().flatMap((id) => (doc.operations[id].messages ?? []).map((m: any): [any, 'request' | 'response'] =>
      [m, (doc.operations[id].action === 'send') === clientSide3(doc) ? 'request' : 'response']));
  const out: Array<{ name: string; side: 'request' | 'response' }> = [];
  for (const [m, side] of ops) {
    const payload = deref(doc, deref(doc, m)?.payload);
    for (const alt of payload?.oneOf ?? payload?.anyOf ?? []) {
      const name = typeof alt?.$ref === 'string' ? alt.$ref.split('/').pop() : undefined;
      if (name && !out.some((o) => o.name === name)) out.push({ name, side });
    }
  }
  return out;
}

function unionPayloadMutations(): Mutation[] {
  const onBound = (kind: string, side: 'request' | 'response', expect: Expect, change: (p: any) => void): Mutation => ({
    kind, expect,
    apply: (doc, n) => {
      const sites = unionPayloadStructures(doc).filter((s) => s.side === side).flatMap((s) => {
        const schema = doc.components?.schemas?.[s.name];
        return Object.keys(schema?.properties ?? {}).filter((p) => typeof schema.properties[p].maximum === 'number').map((p) => [s.name, p] as const);
      });
      const site = sites[n];
      if (!site) return false;
      change(doc.components.schemas[site[0]].properties[site[1]]);
      return `${site[0]}.${site[1]}`;
    },
  });
  return [
    onBound('AsyncAPI: maximum lowered in a structure a sent message\'s union names', 'request', 'ERR', (p) => { p.maximum = Math.floor(p.maximum / 10); }),
    onBound('AsyncAPI: maximum raised in a structure a sent message\'s union names (clients send less than allowed)', 'request', 'INFO', (p) => { p.maximum *= 10; }),
    onBound('AsyncAPI: maximum raised in a structure a received message\'s union names', 'response', 'ERR', (p) => { p.maximum *= 10; }),
    onBound('AsyncAPI: maximum lowered in a structure a received message\'s union names (clients receive less)', 'response', 'INFO', (p) => { p.maximum = Math.floor(p.maximum / 10); }),
    {
      // parameters keep their names but trade places in the address: values land in the wrong place
      kind: 'AsyncAPI: two channel parameters trade places in the address', expect: 'ERR',
      apply: (doc, n) => {
        const swap = (a: string) => { const names = [...a.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]); return names.length > 1 ? a.replace(`{${names[0]}}`, '\0').replace(`{${names[1]}}`, `{${names[0]}}`).replace('\0', `{${names[1]}}`) : undefined; };
        if (kindOf(doc) === 'asyncapi3') {
          const ch = Object.values<any>(doc.channels ?? {}).filter((c) => typeof c.address === 'string' && swap(c.address))[n];
          if (!ch) return false;
          ch.address = swap(ch.address);
          return ch.address;
        }
        if (kindOf(doc) !== 'asyncapi2') return false;
        const key = Object.keys(doc.channels ?? {}).filter((k) => swap(k))[n];
        if (!key) return false;
        renameKey(doc.channels, key, swap(key)!);
        return swap(key)!;
      },
    },
    // error responses: their media types and headers are read like the success response's
    ...([
      ['error response: its media type replaced by another', 'ERR', (c: any) => { const [m] = Object.keys(c.content); renameKey(c.content, m, 'application/problem+json'); return m; }],
      ['same: error response media type written in another case with a charset', 'none', (c: any) => { const [m] = Object.keys(c.content); renameKey(c.content, m, `${m.toUpperCase()}; charset=utf-8`); return m; }],
    ] as const).map(([kind, expect, change]): Mutation => ({
      kind, expect,
      apply: (doc, n) => {
        const sites = openapiOps(doc).filter((o) => !o.received).flatMap((o) => Object.keys(o.op.responses ?? {}).filter((st) => /^[45]/.test(st)).map((st) => deref(doc, o.op.responses[st])))
          .filter((r, i, all) => isObj(r?.content) && Object.keys(r.content).length === 1 && Object.keys(r.content)[0] === 'application/json' && all.indexOf(r) === i);
        return sites[n] ? change(sites[n]) : false;
      },
    })),
    {
      kind: 'error response: a required header removed', expect: 'ERR',
      apply: (doc, n) => {
        const sites = openapiOps(doc).filter((o) => !o.received).flatMap((o) => Object.keys(o.op.responses ?? {}).filter((st) => /^[45]/.test(st)).map((st) => deref(doc, o.op.responses[st])))
          .filter((r) => isObj(r?.headers) && Object.values<any>(r.headers).some((h) => deref(doc, h)?.required === true));
        const r = sites[n];
        if (!r) return false;
        const h = Object.keys(r.headers).find((k) => deref(doc, r.headers[k])?.required === true)!;
        delete r.headers[h];
        return h;
      },
    },
    // aliases of any length, content media types, percent-escaped paths
    onPayload('same: a field $ref replaced by a two-hop alias chain to the same schema', 'response', 'none', (d, o) => {
      const p = schemaRefProp(o);
      if (!p || !d.components?.schemas) return false;
      d.components.schemas.ZzHop1 = { $ref: '#/components/schemas/ZzHop2' };
      d.components.schemas.ZzHop2 = { $ref: o.properties[p].$ref };
      o.properties[p] = { $ref: '#/components/schemas/ZzHop1' };
      return p;
    }),
    onPayload('request: a string field now says which content it holds (contentMediaType)', 'request', 'WARN', (d, o) =>
      siblingsApply(d) ? edit(d, o, first(props(d, o, (p, n) => plainString(p) && !o.properties[n].$ref)), (s) => ({ ...s, contentMediaType: 'image/png' })) : false),
    {
      kind: 'same: a path written with a percent-escape', expect: 'none',
      apply: (doc, n) => {
        if (kindOf(doc) !== 'openapi') return false;
        const path = Object.keys(doc.paths ?? {}).filter((p) => /^\/[a-z]/.test(p))[n];
        if (!path) return false;
        renameKey(doc.paths, path, `/%${path.charCodeAt(1).toString(16).toUpperCase()}${path.slice(2)}`);
        return path;
      },
    },
    {
      // a content type is compared by meaning: case and a charset parameter are no change
      kind: 'same: AsyncAPI message content type written in another case with a charset', expect: 'none',
      apply: (doc, n) => {
        if (kindOf(doc) === 'openapi') return false;
        const msgs = Object.values<any>(doc.components?.messages ?? {}).filter((m) => (m.contentType ?? doc.defaultContentType) === 'application/json');
        const m = msgs[n];
        if (!m) return false;
        m.contentType = 'Application/JSON; charset=utf-8';
        return String(m.name ?? n);
      },
    },
    {
      // the server still sends it, on a channel a client listening as before never joins
      kind: 'AsyncAPI 2 subscribe: one of its messages moved to a new channel of its own', expect: 'WARN', told: 'response-message-moved',
      apply: (doc, n) => {
        if (kindOf(doc) !== 'asyncapi2') return false;
        const ch = Object.keys(doc.channels ?? {}).sort().filter((c) => Array.isArray(doc.channels[c]?.subscribe?.message?.oneOf) && doc.channels[c].subscribe.message.oneOf.length > 1)[n];
        if (!ch) return false;
        const sub = doc.channels[ch].subscribe;
        const moved = sub.message.oneOf.pop();
        doc.channels[`${ch}/moved`] = { subscribe: { operationId: `${sub.operationId ?? 'on'}Moved`, message: moved } };
        return ch;
      },
    },
    {
      // a payload in another schema language is not read into fields: the change of language is the
      // one finding (WARN: it may break, a human must look), not a payload "removed" beside it
      kind: 'AsyncAPI message payload rewritten in Avro (not compared)', expect: 'WARN',
      apply: (doc, n) => {
        if (kindOf(doc) === 'openapi') return false;
        const names = Object.keys(doc.components?.messages ?? {}).sort().filter((k) => isObj(doc.components.messages[k]?.payload) && !doc.components.messages[k].schemaFormat);
        const m = doc.components?.messages?.[names[n]];
        if (!m) return false;
        const avro = { type: 'record', name: 'Payload', fields: [{ name: 'id', type: 'string' }] };
        const format = 'application/vnd.apache.avro;version=1.9.0';
        if (kindOf(doc) === 'asyncapi3') m.payload = { schemaFormat: format, schema: avro };
        else { m.schemaFormat = format; m.payload = avro; }
        return names[n];
      },
    },
  ];
}

// ---------- family: AsyncAPI replies, protocol bindings, closed headers and alternatives ----------

/** AsyncAPI 3 operations whose reply lists several messages, with the reply resolved. */
const multiReplies = (d: Doc): any[] => (kindOf(d) === 'asyncapi3' ? Object.keys(d.operations ?? {}).sort().map((id) => deref(d, deref(d, d.operations[id])?.reply)).filter((r) => Array.isArray(r?.messages) && r.messages.length > 1) : []);
/** A message's payload object (inside its frame when it is one), made the message's own copy. */
function ownPayload(d: Doc, m0: any): any {
  const m = deref(d, m0);
  if (!isObj(m) || !m.payload) return undefined;
  m.payload = structuredClone(deref(d, m.payload));
  const inner = m.payload?.properties?.action && m.payload.properties.payload ? (m.payload.properties.payload = structuredClone(deref(d, m.payload.properties.payload))) : m.payload;
  return isObj(inner?.properties) ? inner : undefined;
}

/** A property of `o` that is a union of two or more inline objects sharing a property name, and that name. */
function sharedUnion(d: Doc, o: any): [string, string] | undefined {
  for (const n of Object.keys(o.properties)) {
    const alts = inlineAlternatives(deref(d, o.properties[n]) ?? {}).filter((a) => isObj(a.properties));
    const key = alts.length > 1 ? Object.keys(alts[0].properties).find((k) => alts.slice(1).some((a) => Object.hasOwn(a.properties, k))) : undefined;
    if (key) return [n, key];
  }
  return undefined;
}
/** Replaces the values of `key` in the last alternative that constrains it to values (enum or const) with a new one. */
function newValueInLastAlternative(d: Doc, o: any): string | false {
  const site = sharedUnion(d, o);
  if (!site) return false;
  return edit(d, o, site[0], (s) => {
    const alt = inlineAlternatives(s).filter((a) => a.properties?.[site[1]]?.enum || a.properties?.[site[1]]?.const !== undefined).at(-1);
    if (alt) { delete alt.properties[site[1]].const; alt.properties[site[1]].enum = ['zz_new']; }
    return s;
  }) && site.join('.');
}

/** AsyncAPI messages (components) whose bindings give a Kafka key schema, sorted by name, with the side the client sees them on. */
function keyedMessages(d: Doc): Array<{ m: any; side: 'request' | 'response' }> {
  if (kindOf(d) !== 'asyncapi2') return [];
  const side = new Map<string, 'request' | 'response'>();
  for (const ch of Object.values<any>(d.channels ?? {})) for (const verb of ['publish', 'subscribe']) {
    const msg = ch[verb]?.message;
    for (const m of Array.isArray(msg?.oneOf) ? msg.oneOf : msg ? [msg] : []) if (typeof m.$ref === 'string') side.set(m.$ref, verb === 'publish' ? 'request' : 'response');
  }
  return Object.keys(d.components?.messages ?? {}).sort().map((n) => ({ m: d.components.messages[n], side: side.get(`#/components/messages/${n}`)! }))
    .filter((x) => x.side && isObj(x.m.bindings?.kafka?.key));
}
/** Binding objects (`bindings.<protocol>`) of AsyncAPI channels and operations holding a scalar value besides `bindingVersion`. */
function bindingValues(d: Doc): Array<{ b: any; k: string }> {
  const out: Array<{ b: any; k: string }> = [];
  const add = (bs: any) => { for (const p of Object.keys(bs ?? {}).sort()) if (p !== 'ws' && isObj(bs[p])) for (const k of Object.keys(bs[p]).sort()) if (k !== 'bindingVersion' && ['number', 'boolean'].includes(typeof bs[p][k])) out.push({ b: bs[p], k }); };
  for (const ch of Object.keys(d.channels ?? {}).sort()) {
    add(d.channels[ch].bindings);
    for (const verb of ['publish', 'subscribe']) add(d.channels[ch][verb]?.bindings);
  }
  for (const id of Object.keys(d.operations ?? {}).sort()) add(d.operations[id]?.bindings);
  return out;
}

function asyncApiMutations(): Mutation[] {
  const keyed = (side: 'request' | 'response', change: (key: any) => void): Mutation['apply'] => (d, n) => {
    const x = keyedMessages(d).filter((y) => y.side === side)[n];
    if (!x) return false;
    change(x.m.bindings.kafka.key);
    return x.m.name;
  };
  const headed = (side: 'request' | 'response'): Mutation['apply'] => (d, n) => {
    const x = keyedMessages(d).filter((y) => y.side === side && isObj(y.m.headers) && y.m.headers.additionalProperties === undefined)[n];
    if (!x) return false;
    x.m.headers.additionalProperties = false;
    return x.m.name;
  };
  const closeLastAlternative: PayloadChange = (d, o) => {
    const site = sharedUnion(d, o);
    return !!site && edit(d, o, site[0], (s) => { inlineAlternatives(s).at(-1).additionalProperties = false; return s; });
  };
  return [
    // closing a message's headers object, or one inline alternative, is seen like closing a payload
    { kind: 'request: a message\'s headers object closed', expect: 'ERR', apply: headed('request') },
    { kind: 'response narrows: a message\'s headers object closed', expect: 'INFO', apply: headed('response') },
    onPayload('request: an inline object alternative closed', 'request', 'ERR', closeLastAlternative),
    onPayload('response narrows: an inline object alternative closed', 'response', 'INFO', closeLastAlternative),
    // a message's Kafka key travels with it like its headers: compared as fields of the message's direction
    { kind: 'request: the type of a message binding\'s Kafka key changed', expect: 'ERR', apply: keyed('request', (k) => { k.type = 'integer'; delete k.maxLength; }) },
    { kind: 'response: the type of a message binding\'s Kafka key changed', expect: 'ERR', apply: keyed('response', (k) => { k.type = 'integer'; }) },
    { kind: 'request: a message binding\'s Kafka key gains a format', expect: 'WARN', apply: keyed('request', (k) => { k.format = 'uuid'; }) },
    { kind: 'response narrows: a message binding\'s Kafka key gains a format', expect: 'INFO', apply: keyed('response', (k) => { k.format = 'uuid'; }) },
    {
      kind: 'same: a message\'s bindings moved into a message trait', expect: 'none',
      apply: (d, n) => {
        const x = keyedMessages(d)[n];
        if (!x) return false;
        x.m.traits = [...(x.m.traits ?? []), { bindings: x.m.bindings }];
        delete x.m.bindings;
        return x.m.name;
      },
    },
    // other binding keywords are values a client's library is configured with
    {
      kind: 'a boolean binding value flipped (MQTT retain...)', expect: 'WARN',
      apply: (d, n) => { const x = bindingValues(d).filter((y) => typeof y.b[y.k] === 'boolean')[n]; if (!x) return false; x.b[x.k] = !x.b[x.k]; return x.k; },
    },
    {
      // a broker delivers at the lower of the publisher's and the subscriber's QoS
      kind: 'response: MQTT qos of what the client receives lowered', expect: 'WARN',
      apply: (d, n) => { const x = bindingValues(d).filter((y) => y.k === 'qos' && y.b[y.k] > 0)[n]; if (!x) return false; x.b.qos -= 1; return 'lowered'; },
    },
    {
      kind: 'response relaxes: MQTT qos of what the client receives raised', expect: 'INFO',
      apply: (d, n) => { const x = bindingValues(d).filter((y) => y.k === 'qos' && y.b[y.k] < 2)[n]; if (!x) return false; x.b.qos += 1; return 'raised'; },
    },
    {
      kind: 'same for clients: a Kafka topic\'s partition count changed', expect: 'INFO',
      apply: (d, n) => { const x = bindingValues(d).filter((y) => y.k === 'partitions')[n]; if (!x) return false; x.b.partitions += 6; return 'partitions'; },
    },
    {
      kind: 'same: a binding\'s bindingVersion changed', expect: 'none',
      apply: (d, n) => { const x = bindingValues(d).filter((y) => y.b.bindingVersion !== undefined)[n]; if (!x) return false; x.b.bindingVersion = '9.9.9'; return x.k; },
    },
    {
      kind: 'a Kafka topic named for a channel (messages go elsewhere than its address)', expect: 'ERR',
      apply: (d, n) => {
        if (kindOf(d) === 'openapi') return false;
        const ch = Object.keys(d.channels ?? {}).sort().filter((c) => !d.channels[c].$ref && !d.channels[c].bindings?.kafka?.topic)[n];
        if (!ch) return false;
        d.channels[ch].bindings = { ...d.channels[ch].bindings, kafka: { ...d.channels[ch].bindings?.kafka, topic: 'zz.elsewhere' } };
        return ch;
      },
    },
    // a property several inline alternatives name admits what any of them admits, whatever their order or place
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} union of inline objects listed in another order`, side, 'none', (d, o) => {
      const site = sharedUnion(d, o);
      return !!site && edit(d, o, site[0], (s) => { (s.oneOf ?? s.anyOf).reverse(); return s; });
    })),
    ...(['request', 'response'] as const).map((side) => onPayload(`same: ${side} union of inline objects moved to components`, side, 'none', (d, o) => {
      const site = sharedUnion(d, o);
      if (!site) return false;
      return edit(d, o, site[0], (s) => {
        const list = s.oneOf ?? s.anyOf;
        const at = (d.components ??= {}).schemas ??= {};
        list.forEach((a: any, i: number) => { const name = `ZzAlternative${site[0]}${i}`; at[name] = a; list[i] = { $ref: `#/components/schemas/${name}` }; });
        return s;
      });
    }, ['structure-added'])),
    onPayload('request: values of a property one inline alternative (not the first) names all replaced', 'request', 'ERR', newValueInLastAlternative),
    onPayload('response: values of a property one inline alternative (not the first) names all replaced', 'response', 'WARN', newValueInLastAlternative),
    {
      kind: 'same: the messages a reply may be listed in another order', expect: 'none',
      apply: (d, n) => { const r = multiReplies(d)[n]; if (!r) return false; r.messages.reverse(); return `${r.messages.length} replies`; },
    },
    {
      // every reply is what the client receives, not only the one listed first
      kind: 'response: a required field dropped from a reply listed after the first', expect: 'ERR',
      apply: (d, n) => {
        // (an error frame, `success: false`, is what a failed request answers with: not this reply)
        const isError = (m: any) => { const s = deref(d, deref(d, deref(d, m)?.payload)?.properties?.success); return s?.const === false || (s?.enum?.length === 1 && s.enum[0] === false); };
        const r = multiReplies(d).filter((x) => x.messages.filter((m: any) => !isError(m)).length > 1)[n];
        const o = r && ownPayload(d, r.messages.filter((m: any) => !isError(m)).at(-1));
        const p = o && (o.required ?? []).find((k: string) => k !== 'action' && o.properties[k]);
        if (!p) return false;
        delete o.properties[p];
        o.required = o.required.filter((k: string) => k !== p);
        return p;
      },
    },
  ];
}

/** AsyncAPI 3 operations with a reply on a channel (its own, or the operation's) with a literal address. */
function replySites(d: Doc): Array<{ id: string; op: any; chId: string }> {
  if (kindOf(d) !== 'asyncapi3') return [];
  const out: Array<{ id: string; op: any; chId: string }> = [];
  for (const id of Object.keys(d.operations ?? {}).sort()) {
    const op = d.operations[id];
    const ref = op?.reply?.channel?.$ref ?? op?.channel?.$ref;
    if (!isObj(op?.reply) || op.reply.$ref || op.reply.address || typeof ref !== 'string') continue;
    const chId = decodeURIComponent(ref.split('/').pop()!);
    const ch = d.channels?.[chId];
    if (isObj(ch) && !ch.$ref && typeof ch.address === 'string') out.push({ id, op, chId });
  }
  return out;
}

function whereMutations(): Mutation[] {
  /** The reply of the n-th site put on a copy of its channel at `address(old)`. */
  const replyOnCopy = (address: (old: string) => string): Mutation['apply'] => (d, n) => {
    const x = replySites(d)[n];
    if (!x) return false;
    const id = `${x.chId}_zz_replies`;
    d.channels[id] = { ...structuredClone(d.channels[x.chId]), address: address(d.channels[x.chId].address) };
    x.op.reply.channel = { $ref: `#/channels/${id}` };
    return x.id;
  };
  const versioned = (d: Doc, n: number): any => (kindOf(d) === 'openapi' ? undefined : Object.keys(d.servers ?? {}).sort().map((k) => d.servers[k]).filter((s) => isObj(s) && s.protocolVersion !== undefined)[n]);
  /** The n-th inline query parameter of an operation the client calls (OpenAPI), resolved. */
  const queryParameter = (d: Doc, n: number): any => {
    if (kindOf(d) !== 'openapi') return undefined;
    const seen = new Set<any>();
    const list: any[] = [];
    for (const o of openapiOps(d)) {
      if (o.received) continue;
      for (const p0 of [...(o.item.parameters ?? []), ...(o.op.parameters ?? [])]) {
        const p = deref(d, p0);
        if (!isObj(p) || p.in !== 'query' || seen.has(p) || p.content) continue;
        seen.add(p);
        list.push(p);
      }
    }
    return list[n];
  };
  return [
    // the side waiting for a reply listens where it was sent before
    { kind: 'response: a reply moved to a channel at another address', expect: 'ERR', apply: replyOnCopy((a) => `${a}/zz-replies`) },
    { kind: 'same: a reply written on a channel of its own at the same address', expect: 'none', apply: replyOnCopy((a) => a) },
    {
      kind: 'response: a reply now addressed where the request says (reply.address)', expect: 'ERR',
      apply: (d, n) => { const x = replySites(d)[n]; if (!x) return false; x.op.reply.address = { location: '$message.header#/zz_reply_to' }; return x.id; },
    },
    // a client library speaks one version of the protocol
    { kind: 'a server\'s protocol version changed', expect: 'ERR', apply: (d, n) => { const s = versioned(d, n); if (!s) return false; s.protocolVersion = `${s.protocolVersion}9`; return 'protocolVersion'; } },
    { kind: 'same: a server\'s protocol version written with a trailing .0', expect: 'none', apply: (d, n) => { const s = versioned(d, n); if (!s) return false; s.protocolVersion = `${s.protocolVersion}.0`; return 'protocolVersion'; } },
    // a server reading the header does not find what a client still sends in the query
    {
      kind: 'request: a query parameter now read from a header', expect: 'ERR',
      apply: (d, n) => {
        const p = queryParameter(d, n);
        if (!p) return false;
        p.in = 'header';
        for (const k of ['style', 'explode', 'allowEmptyValue', 'allowReserved']) delete p[k];
        return p.name;
      },
    },
  ];
}

// ---------- family: patterns related by what they admit (runs of single-character classes) ----------

/** A pattern that ends in one character class with a count (`^[A-Z0-9]{4,12}$`, `^m_[a-z0-9]+$`). */
const LAST_CLASS = /\[([^\]\\^]+)\](\+|\*|\{\d+,\d+\})\$$/;
const classPattern = (p: any) => typeof p.pattern === 'string' && p.pattern.startsWith('^') && LAST_CLASS.test(p.pattern);

function patternMutations(): Mutation[] {
  const widenClass = (s: any) => (s.pattern.includes('_') ? false : { ...s, pattern: s.pattern.replace(LAST_CLASS, (_m: string, cls: string, n: string) => `[${cls}_]${n}$`) });
  const fewer = (s: any) => {
    const m = LAST_CLASS.exec(s.pattern)!;
    const count = m[2] === '+' ? '{1,8}' : m[2] === '*' ? '{0,8}' : (() => { const [lo, hi] = m[2].slice(1, -1).split(',').map(Number); return hi > lo ? `{${lo},${hi - 1}}` : undefined; })();
    return count ? { ...s, pattern: s.pattern.replace(LAST_CLASS, `[${m[1]}]${count}$`) } : false;
  };
  const onClass = (change: (s: any) => any, side: 'request' | 'response'): PayloadChange => (d, o) => {
    const p = first(props(d, o, (q) => classPattern(q) && !(side === 'request' ? q.readOnly : q.writeOnly)));
    if (!p) return false;
    const next = change(structuredClone(deref(d, o.properties[p])));
    if (!next) return false;
    o.properties[p] = next;
    return p;
  };
  return [
    { ...onPayload('request relaxes: a pattern\'s character class gains a character', 'request', 'INFO', onClass(widenClass, 'request')), told: 'request-pattern-widened' },
    onPayload('response: a pattern\'s character class gains a character', 'response', 'WARN', onClass(widenClass, 'response')),
    onPayload('request: a pattern admits fewer repetitions', 'request', 'WARN', onClass(fewer, 'request')),
    { ...onPayload('response narrows: a pattern admits fewer repetitions', 'response', 'INFO', onClass(fewer, 'response')), told: 'response-pattern-narrowed' },
    // the same set of characters written otherwise (a character its range already holds, listed again)
    onPayload('same: a pattern\'s character class lists a character it already holds', 'request', 'none', onClass((s) => ({ ...s, pattern: s.pattern.replace(LAST_CLASS, (_m: string, cls: string, n: string) => `[${cls}${cls[0]}]${n}$`) }), 'request')),
  ];
}

// ---------- family: Avro payloads judged by Avro's schema resolution in the direction they travel ----------

/** The Avro records of an AsyncAPI 2 document's messages: what clients publish (`sends`) or receive. */
function avroRecords(doc: Doc): Array<{ record: any; sends: boolean; at: string }> {
  if (kindOf(doc) !== 'asyncapi2') return [];
  const out: Array<{ record: any; sends: boolean; at: string }> = [];
  for (const [ch, c] of Object.entries<any>(doc.channels ?? {})) {
    for (const verb of ['publish', 'subscribe'] as const) {
      const m = deref(doc, c?.[verb]?.message);
      if (!isObj(m) || !/^application\/vnd\.apache\.avro/.test(String(m.schemaFormat)) || m.payload?.type !== 'record') continue;
      out.push({ record: m.payload, sends: verb === 'publish', at: `${ch} ${verb}` });
    }
  }
  return out;
}

function avroMutations(): Mutation[] {
  const on = (kind: string, expect: Expect, sends: boolean, change: (r: any) => string | false, told?: string): Mutation => ({
    kind, expect, ...(told ? { told } : {}),
    apply: (doc, n) => {
      const r = avroRecords(doc).filter((x) => x.sends === sends)[n];
      if (!r) return false;
      const site = change(r.record);
      return site === false ? false : `${r.at}: ${site}`;
    },
  });
  const field = (r: any, test: (f: any) => boolean) => (r.fields as any[]).find(test);
  const added = (withDefault: boolean) => (r: any) => { r.fields.push({ name: 'zz_new', type: 'string', ...(withDefault ? { default: '' } : {}) }); return 'zz_new'; };
  const toLong = (r: any) => { const f = field(r, (x) => x.type === 'int'); if (!f) return false; f.type = 'long'; return f.name; };
  const newSymbol = (r: any) => { const f = field(r, (x) => x.type?.type === 'enum'); if (!f) return false; f.type.symbols.push('ZZ_NEW'); return f.name; };
  const dropRequired = (r: any) => { const i = (r.fields as any[]).findIndex((x) => !Object.hasOwn(x, 'default')); if (i < 0) return false; return r.fields.splice(i, 1)[0].name; };
  return [
    on('avro: a record clients send gains a field without a default (the server cannot read old messages)', 'ERR', true, added(false)),
    on('avro: a record clients send gains a field with a default', 'INFO', true, added(true), 'message-avro-compatible'),
    on('avro: a record clients receive gains a field (their reader skips it)', 'INFO', false, added(false), 'message-avro-compatible'),
    on('avro: a record clients receive loses a field they have no default for', 'ERR', false, dropRequired),
    on('avro: a record clients send loses a field (the server skips it)', 'INFO', true, dropRequired, 'message-avro-compatible'),
    on('avro: an int clients receive becomes a long', 'ERR', false, toLong),
    on('avro: an int clients send becomes a long (promoted when read)', 'INFO', true, toLong, 'message-avro-compatible'),
    on('avro: an enum clients receive gains a symbol', 'ERR', false, newSymbol),
    on('avro: an enum clients send gains a symbol', 'INFO', true, newSymbol, 'message-avro-compatible'),
    on('same: an Avro field documented', 'none', false, (r) => { r.fields[0].doc = 'Which account.'; return r.fields[0].name; }),
  ];
}

// ---------- family: XML layouts, pattern anchors, property dependencies, parameter spellings, URL case (twelfth pass) ----------

/** The inline object schemas of bodies carried as XML (a media type besides the first), with where they are. */
function xmlBodies(doc: Doc): Array<{ schema: any; at: string }> {
  if (kindOf(doc) !== 'openapi') return [];
  const out: Array<{ schema: any; at: string }> = [];
  for (const { id, op } of openapiOps(doc)) {
    const holders = [deref(doc, op.requestBody), ...Object.keys(op.responses ?? {}).sort().map((c) => deref(doc, op.responses[c]))];
    for (const h of holders) {
      for (const media of Object.keys(h?.content ?? {})) {
        const schema = h.content[media]?.schema;
        if (/[/+]xml$/.test(media) && isObj(schema) && !schema.$ref && isObj(schema.properties)) out.push({ schema, at: `${id} ${media}` });
      }
    }
  }
  return out;
}

/** A change to the n-th object holding `dependentRequired` inside what clients send. */
function onDependencies(kind: string, expect: Expect, change: (o: any) => void): Mutation {
  return {
    kind, expect,
    apply: (doc, n) => {
      const sites = slots(doc).filter((x) => x.side === 'request').flatMap((x) => objectsIn(deref(doc, x.holder[x.key])).filter((o) => isObj(o.dependentRequired)).map((o) => ({ o, at: x.op })));
      const site = [...new Map(sites.map((x) => [x.o, x])).values()][n];
      if (!site) return false;
      change(site.o);
      return `${site.at} ${Object.keys(site.o.properties ?? {}).join(',')}`;
    },
  };
}

function twelfthMutations(): Mutation[] {
  const onXml = (kind: string, expect: Expect, change: (p: any, name: string) => boolean, told?: string): Mutation => ({
    kind, expect, ...(told ? { told } : {}),
    apply: (doc, n) => {
      const b = xmlBodies(doc)[n];
      if (!b) return false;
      const name = Object.keys(b.schema.properties).find((k) => isObj(b.schema.properties[k]) && !b.schema.properties[k].$ref);
      if (!name || !change(b.schema.properties[name], name)) return false;
      return `${b.at} ${name}`;
    },
  });
  // a pattern ^...$ whose anchors go: the same characters may now sit anywhere in a longer string
  const unanchored = (s: any) => ({ ...s, pattern: s.pattern.slice(1, -1) });
  const onAnchored = (side: 'request' | 'response'): PayloadChange => (d, o) => edit(d, o, first(props(d, o, (q) => classPattern(q) && !(side === 'request' ? q.readOnly : q.writeOnly))), unanchored);
  const twoOptional = (d: Doc, o: any) => props(d, o, (p, _n, r) => !r && !p.readOnly && !p.writeOnly);
  // the n-th parameter (of operations the client calls) whose schema is one scalar
  const scalarParam = (doc: Doc, n: number) => openapiOps(doc).filter((o) => !o.received).flatMap((o) => (o.op.parameters ?? []).map((p: any, i: number) => ({ o, p: deref(doc, p), i })))
    .filter(({ p }) => isObj(p) && isObj(p.schema) && ['string', 'integer', 'number', 'boolean'].includes(p.schema.type) && p.content === undefined)[n];
  const oauthFlowsOf = (doc: Doc) => Object.entries<any>(doc.components?.securitySchemes ?? {}).filter(([, s]) => s?.type === 'oauth2' && isObj(s.flows))
    .flatMap(([name, s]) => Object.entries<any>(s.flows).filter(([, f]) => typeof f?.tokenUrl === 'string' && /^https:\/\/[^/:]+\//.test(f.tokenUrl)).map(([flow, f]) => ({ at: `${name} ${flow}`, f })));
  return [
    // explode splits arrays and objects: on a scalar it writes the same text (`limit=5` either way)
    {
      kind: 'same: explode written against its default on a scalar parameter', expect: 'none' as Expect,
      apply: (doc, n) => {
        const hit = scalarParam(doc, n);
        if (!hit) return false;
        const style = hit.p.style ?? (hit.p.in === 'query' || hit.p.in === 'cookie' ? 'form' : 'simple');
        const p = { ...hit.p, explode: !(hit.p.explode ?? style === 'form') };
        hit.o.op.parameters = hit.o.op.parameters.map((x: any, j: number) => (j === hit.i ? p : x));
        return `${hit.o.id} ${hit.p.in}:${hit.p.name}`;
      },
    },
    // OpenAPI: header parameters named Accept, Content-Type or Authorization are ignored
    {
      kind: 'same: a required Accept, Content-Type or Authorization header parameter declared', expect: 'none' as Expect,
      apply: (doc, n) => {
        const ops = openapiOps(doc).filter((o) => !o.received);
        const o = ops[Math.floor(n / 3)];
        if (!o) return false;
        const name = ['Accept', 'Content-Type', 'Authorization'][n % 3];
        o.op.parameters = [...(o.op.parameters ?? []), { name, in: 'header', required: true, schema: { type: 'string', enum: ['zz'] } }];
        return `${o.id} ${name}`;
      },
    },
    {
      kind: 'same: an OAuth2 token URL with its host in capitals and its default port written', expect: 'none' as Expect,
      apply: (doc, n) => {
        const hit = oauthFlowsOf(doc)[n];
        if (!hit) return false;
        hit.f.tokenUrl = hit.f.tokenUrl.replace(/^https:\/\/([^/]+)\//, (_m: string, host: string) => `HTTPS://${host.toUpperCase()}:443/`);
        return hit.at;
      },
    },
    // a parameter is text on the wire: a boolean retyped as a string enum of `true` and `false`
    // accepts what clients sent; one of them missing refuses it
    ...([['request relaxes: a boolean query parameter retyped as a string enum of its two texts', 'INFO', ['true', 'false']], ['request: a boolean query parameter retyped as a string enum missing one of its texts', 'ERR', ['true']]] as const).map(([kind, expect, values]): Mutation => ({
      kind, expect: expect as Expect, ...(expect === 'INFO' ? { told: 'request-field-type-widened' } : {}),
      apply: (doc, n) => {
        const hit = openapiOps(doc).filter((o) => !o.received).flatMap((o) => (o.op.parameters ?? []).map((p: any) => ({ o, p: deref(doc, p) })))
          .filter(({ p }) => p?.in === 'query' && isObj(p.schema) && p.schema.type === 'boolean' && p.content === undefined)[n];
        if (!hit) return false;
        hit.o.op.parameters = hit.o.op.parameters.map((x: any) => (deref(doc, x) === hit.p ? { ...hit.p, schema: { type: 'string', enum: [...values] } } : x));
        return `${hit.o.id} ${hit.p.name}`;
      },
    })),
    // the same few values written another way: an enum, a range, a pattern, a format's bounds
    ...(['request', 'response'] as const).flatMap((side) => [
      // a single counted class (`^[A-Z0-9]{4,12}$`) already holds the length to its count
      ...(side === 'response' ? [] : [onPayload(`same: ${side}: the maxLength a pattern already implies written beside it`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => typeof q.pattern === 'string' && /^\^\[[^\]]+\]\{\d+,\d+\}\$$/.test(q.pattern) && q.maxLength === undefined && !(side === 'request' ? q.readOnly : q.writeOnly))), (x) => ({ ...x, maxLength: Number(/,(\d+)\}\$$/.exec(x.pattern)![1]) })))]),
      onPayload(`same: ${side}: a boolean written as the enum [true, false]`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => q.type === 'boolean' && !q.enum && !(side === 'request' ? q.readOnly : q.writeOnly))), (x) => ({ ...x, enum: [true, false] }))),
      ...(side === 'request' ? [] : [onPayload(`same: ${side}: a one-value string enum written as an anchored pattern`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => q.type === 'string' && Array.isArray(q.enum) && q.enum.length === 1 && /^[A-Za-z0-9_]+$/.test(String(q.enum[0])) && !q.pattern && !(side === 'request' ? q.readOnly : q.writeOnly))), ({ enum: e, ...x }) => ({ ...x, pattern: `^${e[0]}$` })))]),
      onPayload(`same: ${side}: an integer format written as its bounds`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => q.type === 'integer' && (q.format === 'int32' || q.format === 'int64') && q.maximum === undefined && q.exclusiveMinimum === undefined && !(side === 'request' ? q.readOnly : q.writeOnly))), ({ format, ...x }) => {
        const [lo, hi] = format === 'int32' ? [-2147483648, 2147483647] : [-9223372036854775808, 9223372036854775807];
        return { ...x, minimum: Math.max(x.minimum ?? lo, lo), maximum: hi };
      })),
    ]),
    onXml('XML body: a property becomes an attribute', 'ERR', (p) => { p.xml = { attribute: true }; return true; }),
    onXml('XML body: a property\'s element renamed', 'ERR', (p, name) => { p.xml = { name: `zz_${name}` }; return true; }),
    onXml('XML body: a property moves into a namespace', 'ERR', (p) => { p.xml = { namespace: 'https://zz.example.com/ns' }; return true; }),
    onXml('same: XML body: a property\'s element named as it already is', 'none', (p, name) => { p.xml = { name }; return true; }),
    onXml('same: XML body: a prefix for no new namespace, and wrapped: false written out', 'none', (p) => { p.xml = { prefix: 'zz', wrapped: false }; return true; }),
    // `xml` on what only ever travels as JSON changes nothing on the wire
    onPayload('same: XML names on a property of a JSON body', 'response', 'none', (d, o) => edit(d, o, first(props(d, o, (q) => !q.writeOnly)), (s) => ({ ...s, xml: { name: 'zz', attribute: true } }))),
    { ...onPayload('request relaxes: a pattern loses its anchors', 'request', 'INFO', onAnchored('request')), told: 'request-pattern-widened' },
    onPayload('response: a pattern loses its anchors', 'response', 'WARN', onAnchored('response')),
    // property dependencies: more pairs admit fewer objects; one-spelling rewrites change nothing
    { ...onPayload('response narrows: dependentRequired added', 'response', 'INFO', (d, o) => {
      const opt = twoOptional(d, o);
      if (opt.length < 2 || o.dependentRequired) return false;
      o.dependentRequired = { [opt[0]]: [opt[1]] };
      return opt[0];
    }), told: 'field-constraint-relaxed' },
    onDependencies('same: dependentRequired pairs written as dependentSchemas schemas', 'none', (o) => {
      o.dependentSchemas = Object.fromEntries(Object.entries<any>(o.dependentRequired).map(([k, deps]) => [k, { required: deps }]));
      delete o.dependentRequired;
    }),
    onDependencies('request: a dependentRequired pair added (the reverse of one there)', 'WARN', (o) => {
      const [k, deps] = Object.entries<any>(o.dependentRequired)[0];
      (o.dependentRequired[deps[0]] ??= []).push(k);
    }),
    { ...onDependencies('request relaxes: dependentRequired dropped', 'INFO', (o) => { delete o.dependentRequired; }), told: 'field-constraint-relaxed' },
  ];
}

// ---------- family: JSON Schema keywords that say nothing where they are written (their defaults, or
// keywords whose partner is missing), and a closed allOf part (blind set 51) ----------

function keywordDefaultMutations(): Mutation[] {
  // (the default and the description stay beside the union, where they were)
  const alsoDecimalString = ({ default: d, description, ...x }: any) => ({ ...(d !== undefined ? { default: d } : {}), ...(description !== undefined ? { description } : {}), anyOf: [x, { type: 'string', pattern: '^[0-9]+(\\.[0-9]+)?$' }] });
  const open = (side: 'request' | 'response') => (q: any) => !(side === 'request' ? q.readOnly : q.writeOnly);
  return [
    ...(['request', 'response'] as const).flatMap((side) => [
      onPayload(`same: ${side}: minContains and maxContains on an array without contains`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => q.type === 'array' && open(side)(q))), (x) => ({ ...x, minContains: 2, maxContains: 3 }))),
      onPayload(`same: ${side}: unevaluatedItems: false beside the items schema that takes every item`, side, 'none', (d, o) => edit(d, o, first(props(d, o, (q) => q.type === 'array' && isObj(q.items) && open(side)(q))), (x) => ({ ...x, unevaluatedItems: false }))),
      onPayload(`same: ${side}: an if without then or else`, side, 'none', (_d, o) => {
        const k = first(Object.keys(o.properties));
        if (!k || o.if !== undefined) return false;
        o.if = { required: [k] };
        return k;
      }),
      onPayload(`same: ${side}: minProperties the required properties already meet`, side, 'none', (_d, o) => {
        if (!Array.isArray(o.required) || !o.required.length || o.minProperties !== undefined) return false;
        o.minProperties = new Set(o.required).size;
        return o.required.join(',');
      }),
    ]),
    // a number that may now also come as a decimal string: the string's pattern constrains only the strings
    { ...onPayload('request relaxes: a number field also accepts a decimal string', 'request', 'INFO', (d, o) => edit(d, o, first(props(d, o, (q) => (q.type === 'number' || q.type === 'integer') && !q.readOnly && !q.enum)), alsoDecimalString)), told: 'request-field-type-widened' },
    onPayload('response: a number field may now come as a decimal string', 'response', 'ERR', (d, o) => edit(d, o, first(props(d, o, (q) => (q.type === 'number' || q.type === 'integer') && !q.writeOnly && !q.enum)), alsoDecimalString)),
    // additionalProperties: false sees its own part's properties only: the other part's are refused
    // (and so is any property the request did not list: the object is closed)
    onPayload('request: the payload split into allOf parts, the second closed with additionalProperties: false', 'request', 'ERR', (d, o) => {
      const names = props(d, o, (q) => !q.readOnly);
      if (names.length < 2 || o.additionalProperties !== undefined) return false;
      const part = (ks: string[]) => ({ type: 'object', properties: Object.fromEntries(ks.map((k) => [k, o.properties[k]])) });
      const all = Object.keys(o.properties);
      o.allOf = [part(all.slice(0, 1)), { ...part(all.slice(1)), additionalProperties: false }];
      delete o.properties;
      return all[0];
    }),
    onDependencies('same: a dependentRequired entry written as if/then on that property', 'none', (o) => {
      const [k, deps] = Object.entries<any>(o.dependentRequired)[0];
      o.if = { required: [k] };
      o.then = { required: deps };
      delete o.dependentRequired[k];
      if (!Object.keys(o.dependentRequired).length) delete o.dependentRequired;
    }),
  ];
}

// ---------- family: an address split otherwise between servers and paths or channel addresses
// (blind set 55): the same full addresses are the same operations ----------

function addressMutations(): Mutation[] {
  const httpPaths = (doc: Doc) => (isObj(doc.paths) ? Object.keys(doc.paths) : []);
  // no server list of a path item or operation, nor a ref into `paths` (keys about to change)
  const ownServers = (doc: Doc) => httpPaths(doc).some((p) => isObj(doc.paths[p]) && (doc.paths[p].servers || Object.values<any>(doc.paths[p]).some((op) => isObj(op) && op.servers)));
  const refsInto = (doc: Doc, section: string) => JSON.stringify(doc).includes(`"#/${section}/`);
  /** The base path every OpenAPI server shares (`/v1`), if there is one and nothing else lists servers. */
  const sharedBase = (doc: Doc): string | undefined => {
    if (!doc.openapi || !Array.isArray(doc.servers) || !doc.servers.length || ownServers(doc) || refsInto(doc, 'paths')) return undefined;
    const bases = doc.servers.map((sv: any) => /^[a-z]+:\/\/[^/]+(\/[^{}]+?)\/?$/i.exec(String(sv?.url ?? ''))?.[1]);
    return bases[0] && bases.every((b: string | undefined) => b === bases[0]) ? bases[0] : undefined;
  };
  const moveBase = (doc: Doc, keep: number) => {
    const base = sharedBase(doc)!;
    for (const sv of doc.servers) sv.url = String(sv.url).replace(/\/+$/, '').slice(0, -base.length);
    const paths: Doc = {};
    httpPaths(doc).forEach((p, i) => { paths[i < keep ? p : `${base}${p}`] = doc.paths[p]; });
    doc.paths = paths;
    return base;
  };
  /** AsyncAPI 3 servers (WebSocket or HTTP) sharing one pathname, and channels with addresses. */
  const sharedPathname = (doc: Doc): string | undefined => {
    if (!String(doc.asyncapi ?? '').startsWith('3.') || !isObj(doc.servers) || !isObj(doc.channels)) return undefined;
    const list = Object.values<any>(doc.servers);
    if (!list.length || !list.every((sv) => isObj(sv) && /^(wss?|https?)$/.test(String(sv.protocol)) && typeof sv.pathname === 'string' && sv.pathname === list[0].pathname && !String(sv.pathname).includes('{'))) return undefined;
    return Object.values<any>(doc.channels).some((c) => isObj(c) && typeof c.address === 'string') ? list[0].pathname : undefined;
  };
  /** The path of an AsyncAPI 2 WebSocket server URL (`host/ws`) every server shares. */
  const sharedUrlPath = (doc: Doc): string | undefined => {
    if (!String(doc.asyncapi ?? '').startsWith('2.') || !isObj(doc.servers) || !isObj(doc.channels) || refsInto(doc, 'channels')) return undefined;
    const list = Object.values<any>(doc.servers);
    const paths = list.map((sv) => (isObj(sv) && /^(wss?|https?)$/.test(String(sv.protocol)) ? /^(?:[a-z]+:\/\/)?[^/]+(\/[^{}]+?)\/?$/i.exec(String(sv.url))?.[1] : undefined));
    return paths.length && paths[0] && paths.every((x) => x === paths[0]) ? paths[0] : undefined;
  };
  const join = (prefix: string, address: string) => `${prefix.replace(/\/+$/, '')}${address.startsWith('/') ? '' : '/'}${address}`;
  return [
    {
      kind: 'same: the document\'s servers copied onto every path item', expect: 'none' as Expect,
      apply: (doc, n) => {
        if (n > 0 || !doc.openapi || !Array.isArray(doc.servers) || !doc.servers.length || ownServers(doc)) return false;
        for (const p of httpPaths(doc)) if (isObj(doc.paths[p]) && doc.paths[p].$ref === undefined) doc.paths[p].servers = structuredClone(doc.servers);
        delete doc.servers;
        return 'paths';
      },
    },
    {
      kind: 'same: the servers\' shared base path moved into every path', expect: 'none' as Expect,
      apply: (doc, n) => (n > 0 || !sharedBase(doc) ? false : moveBase(doc, 0)),
    },
    {
      kind: 'the servers\' shared base path moved into every path but the first', expect: 'ERR' as Expect,
      apply: (doc, n) => (n > 0 || !sharedBase(doc) || httpPaths(doc).length < 2 ? false : moveBase(doc, 1)),
    },
    {
      kind: 'same: AsyncAPI 3 servers\' pathname moved into every channel address', expect: 'none' as Expect,
      apply: (doc, n) => {
        const pn = n > 0 ? undefined : sharedPathname(doc);
        if (!pn) return false;
        for (const sv of Object.values<any>(doc.servers)) delete sv.pathname;
        for (const c of Object.values<any>(doc.channels)) if (isObj(c) && typeof c.address === 'string') c.address = join(pn, c.address);
        return pn;
      },
    },
    {
      kind: 'same: AsyncAPI 2 WebSocket server URL\'s path moved into every channel name', expect: 'none' as Expect,
      apply: (doc, n) => {
        const path = n > 0 ? undefined : sharedUrlPath(doc);
        if (!path) return false;
        for (const sv of Object.values<any>(doc.servers)) sv.url = String(sv.url).replace(/\/+$/, '').slice(0, -path.length);
        doc.channels = Object.fromEntries(Object.entries<any>(doc.channels).map(([k, v]) => [join(path, k), v]));
        return path;
      },
    },
  ];
}
