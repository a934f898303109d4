import { createRequire } from 'node:module';
import { CodegenError, type Json, type Model, type Schema } from './normalize.js';
import { put } from './normalize.js';
import { banner } from './emit-types.js';

const require = createRequire(import.meta.url);

export function schemaBase(version: string): string {
  return `https://ccapi.local/v${version}/`;
}

function isObj(v: unknown): v is Schema {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function absolutize(node: Json, base: string): Json {
  if (Array.isArray(node)) return node.map((n) => absolutize(n, base));
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) {
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) put(out, k, base + v.slice(8));
    else if (k === 'const' || k === 'enum' || k === 'default' || k === 'examples' || k === 'example') put(out, k, v);
    else if (k === 'discriminator' || k === 'description' || k.startsWith('x-')) continue;
    else put(out, k, absolutize(v, base));
  }
  return protoAsPattern(out);
}

/**
 * ajv skips a property named `__proto__` in `properties` (so it is neither checked nor allowed); the same rule
 * as a pattern property is honoured, and `additionalProperties` counts it.
 */
function protoAsPattern(s: Schema): Schema {
  const props = s.properties;
  if (!isObj(props) || !Object.hasOwn(props, '__proto__')) return s;
  const rest: Schema = {};
  for (const [k, v] of Object.entries(props)) if (k !== '__proto__') put(rest, k, v);
  const patterns: Schema = isObj(s.patternProperties) ? { ...s.patternProperties } : {};
  if (Object.hasOwn(patterns, '^__proto__$')) throw new CodegenError('a schema has both properties.__proto__ and patternProperties["^__proto__$"]');
  patterns['^__proto__$'] = props['__proto__']!;
  return { ...s, properties: rest, patternProperties: patterns };
}

const TAG = 'type';

/**
 * Whether ajv's `discriminator` can dispatch this `oneOf` on `type`: every branch (a local schema, or one `$ref`
 * away, as ajv resolves it) has `properties.type` with a `const` or string `enum`, lists `type` in `required`, and
 * no tag value is shared by two branches. Those are ajv's own rules; a union that breaks one is left as a plain
 * oneOf (ajv would refuse to compile it).
 */
export function tagsUnion(oneOf: Json[], resolveRef: (ref: string) => Schema | undefined): boolean {
  if (oneOf.length < 2) return false;
  const seen = new Set<string>();
  for (const b of oneOf) {
    const sch = isObj(b) && typeof b.$ref === 'string' && Object.keys(b).length === 1 ? resolveRef(b.$ref) : b;
    if (!isObj(sch)) return false;
    const prop = isObj(sch.properties) ? sch.properties[TAG] : undefined;
    if (!isObj(prop) || !Array.isArray(sch.required) || !sch.required.includes(TAG)) return false;
    const values = 'const' in prop ? [prop.const] : Array.isArray(prop.enum) ? prop.enum : [];
    if (!values.length) return false;
    for (const v of values) {
      if (typeof v !== 'string' || seen.has(v)) return false;
      seen.add(v);
    }
  }
  return true;
}

/**
 * Adds `discriminator: {propertyName: type}` to every oneOf that `tagsUnion` accepts (the specs carry no
 * discriminator keyword: see docs/modelling.md). ajv then validates only the branch the value's `type` names and
 * reports that branch's errors alone, instead of every branch's missing fields.
 */
function tagUnions(node: Json, resolveRef: (ref: string) => Schema | undefined): Json {
  if (Array.isArray(node)) return node.map((n) => tagUnions(n, resolveRef));
  if (!isObj(node)) return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) put(out, k, k === 'const' || k === 'enum' || k === 'default' || k === 'examples' || k === 'example' ? v : tagUnions(v, resolveRef));
  if (Array.isArray(out.oneOf) && !('discriminator' in out) && tagsUnion(out.oneOf, resolveRef)) {
    put(out, 'discriminator', { propertyName: TAG });
    // ajv's discriminator applies to objects only and then skips the oneOf: without this, a non-object passes
    if (out.type === undefined) put(out, 'type', 'object');
  }
  return out;
}

/** Every schema of the version in one namespace: structures and payloads by name, frames by message. */
export function allSchemas(model: Model): { defs: Record<string, Schema>; frames: Record<string, Schema> } {
  const defs: Record<string, Schema> = { ...model.structures };
  for (const src of [model.webPayloads, model.rtmPayloads]) {
    for (const [name, s] of Object.entries(src)) {
      const prev = Object.hasOwn(defs, name) ? defs[name] : undefined;
      if (prev && JSON.stringify(prev) !== JSON.stringify(s)) {
        throw new CodegenError(`v${model.version}: payload ${name} differs between the Web and RTM documents; give them distinct names (Web*/Rtm*) in specs/v${model.version}/methods`);
      }
      put(defs, name, s);
    }
  }
  if (model.webErrorBody) put(defs, 'WebErrorBody', model.webErrorBody);
  const sortedDefs: Record<string, Schema> = {};
  for (const k of Object.keys(defs).sort()) put(sortedDefs, k, defs[k]!);
  return { defs: sortedDefs, frames: model.frames };
}

/** Export name of a schema's function; one name per schema name (other characters become `$<hex>`). */
export function exportName(kind: 'def' | 'frame', name: string): string {
  return (kind === 'def' ? 's_' : 'f_') + name.replace(/[^A-Za-z0-9_]/g, (c) => `$${c.codePointAt(0)!.toString(16)}$`);
}

/** Names TypeScript finds on every object: a literal entry of that name is not typed by the index signature. */
const PROTO_KEYS = new Set(Object.getOwnPropertyNames(Object.prototype));
function typed(name: string, type: string): string {
  return PROTO_KEYS.has(name) ? ` satisfies ${type}` : '';
}

/** Key of an object literal; a quoted `__proto__` key would set the prototype instead of a property. */
function key(name: string): string {
  return name === '__proto__' ? `[${JSON.stringify(name)}]` : JSON.stringify(name);
}

/** Whether a `properties` map or `required` list anywhere names an Object.prototype member. */
function usesProtoNames(node: Json): boolean {
  if (Array.isArray(node)) return node.some(usesProtoNames);
  if (!isObj(node)) return false;
  for (const [k, v] of Object.entries(node)) {
    if (k === 'properties' && isObj(v) && Object.keys(v).some((p) => PROTO_KEYS.has(p))) return true;
    if (k === 'required' && Array.isArray(v) && v.some((p) => typeof p === 'string' && PROTO_KEYS.has(p))) return true;
    if (k !== 'enum' && k !== 'const' && k !== 'default' && k !== 'examples' && k !== 'example' && usesProtoNames(v)) return true;
  }
  return false;
}

/** Produces the ajv standalone module (ESM) validating every schema of the version. */
export function emitStandalone(model: Model): string {
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const standaloneCode = require('ajv/dist/standalone/index.js').default;
  const addFormats = require('ajv-formats').default;
  const base = schemaBase(model.version);
  const { defs, frames } = allSchemas(model);
  // A property named after an Object.prototype member (`constructor`, `toString`) would be found on every
  // object: only such specs get ajv's own-property checks (slower), the others keep the plain code.
  const ownProperties = usesProtoNames({ defs, frames } as unknown as Json);
  const ajv = new Ajv2020({ strict: false, allErrors: false, ownProperties, discriminator: true, code: { esm: true, source: true, lines: false } });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const refs: Record<string, string> = {};
  const abs = (s: Schema) => tagUnions(absolutize(s, base), (ref) => (ref.startsWith(base) && Object.hasOwn(defs, ref.slice(base.length)) ? (absolutize(defs[ref.slice(base.length)]!, base) as Schema) : undefined)) as Schema;
  for (const [name, s] of Object.entries(defs)) {
    const id = base + name;
    ajv.addSchema({ ...abs(s), $id: id });
    put(refs, exportName('def', name), id);
  }
  for (const [name, s] of Object.entries(frames)) {
    const id = `${base}frame/${name}`;
    ajv.addSchema({ ...abs(s), $id: id });
    put(refs, exportName('frame', name), id);
  }
  let code: string;
  try {
    code = standaloneCode(ajv, refs) as string;
  } catch (e) {
    throw new CodegenError(`v${model.version}: ajv cannot compile the schemas: ${(e as Error).message}`);
  }
  // ajv keeps require() calls for its runtime helpers even in ESM mode; turn them into imports.
  const imports = new Map<string, string>();
  code = code.replace(/require\("([^"]+)"\)/g, (_m, mod: string) => {
    const spec = /\.(c?js|json)$/.test(mod) ? mod : `${mod}.js`;
    if (!imports.has(spec)) imports.set(spec, `__m${imports.size}`);
    return imports.get(spec)!;
  });
  code = code.replace(/^"use strict";/, '');
  const head = [...imports.entries()].map(([spec, id]) => `import ${id} from ${JSON.stringify(spec)};`).join('\n');
  return `// @ts-nocheck\n${banner(model.version)}${head}\n${code}\n`;
}

/** `JSON.stringify` of a flat record, unless a key is `__proto__` (then written as a computed key). */
function queryLiteral(q: Record<string, string>): string {
  if (!Object.keys(q).includes('__proto__')) return JSON.stringify(q);
  return `{ ${Object.entries(q).map(([k, v]) => `${key(k)}: ${JSON.stringify(v)}`).join(', ')} }`;
}

/** Typed table wiring the standalone functions to methods, actions and pushes. */
export function emitValidatorsIndex(model: Model): string {
  const { defs } = allSchemas(model);
  const d = (n: string | null) => (n && Object.hasOwn(defs, n) ? `V.${exportName('def', n)}` : 'null');
  const f = (n: string | null) => (n && Object.hasOwn(model.frames, n) ? `V.${exportName('frame', n)}` : 'null');
  const lines: string[] = [];
  lines.push(banner(model.version).trimEnd());
  lines.push(`import * as V from './standalone.js';`);
  const odd = [...model.web.map((o) => o.method), ...model.rtm.map((a) => a.action), ...model.pushes.map((p) => p.push)].some((n) => PROTO_KEYS.has(n));
  lines.push(`import { createValidators, type ValidatorTable${odd ? ', type WebEntry, type RtmEntry, type PushEntry' : ''} } from '../runtime.js';`);
  lines.push('');
  lines.push(`const table: ValidatorTable = {`);
  lines.push(`  version: ${JSON.stringify(model.version)},`);
  lines.push(`  definitions: {`);
  for (const n of Object.keys(defs)) lines.push(`    ${key(n)}: ${d(n)},`);
  lines.push(`  },`);
  lines.push(`  structures: ${JSON.stringify(Object.keys(model.structures))},`);
  lines.push(`  web: {`);
  for (const o of model.web) {
    lines.push(
      `    ${key(o.method)}: { request: ${d(o.request)}, response: ${d(o.response)}, http: ${JSON.stringify(o.http)}, contentType: ${JSON.stringify(o.contentType)}, wrapper: ${JSON.stringify(o.wrapper)}, query: ${queryLiteral(o.query)}, pushes: ${JSON.stringify(o.pushes)} }${typed(o.method, 'WebEntry')},`,
    );
  }
  lines.push(`  },`);
  lines.push(`  rtm: {`);
  for (const a of model.rtm) {
    lines.push(
      `    ${key(a.action)}: { frame: ${f(a.requestMessage)}, response: ${f(a.responseMessage)}, requestPayload: ${d(a.request)}, responsePayload: ${d(a.response)}, payloadRequired: ${a.payloadRequired}, pushes: ${JSON.stringify(a.pushes)} }${typed(a.action, 'RtmEntry')},`,
    );
  }
  lines.push(`  },`);
  lines.push(`  pushes: {`);
  for (const p of model.pushes) lines.push(`    ${key(p.push)}: { frame: ${f(p.message)}, payload: ${d(p.payload)} }${typed(p.push, 'PushEntry')},`);
  lines.push(`  },`);
  lines.push(`  rtmError: ${f(model.errorMessage)},`);
  lines.push(`  webError: ${defs['WebErrorBody'] ? 'V.s_WebErrorBody' : 'null'},`);
  lines.push(`};`);
  lines.push('');
  lines.push(`/** Validators of Customer Chat API v${model.version}. */`);
  lines.push(`export const validators = createValidators(table);`);
  lines.push(`export const {
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
} = validators;`);
  lines.push(`export const version = ${JSON.stringify(model.version)};`);
  lines.push(`export { table };`);
  return lines.join('\n') + '\n';
}

/** Schemas as plain JSON (for mocks, benchmarks and run-time compilation comparisons). */
export function emitSchemasJson(model: Model): string {
  const { defs, frames } = allSchemas(model);
  const base = schemaBase(model.version);
  const out = {
    $comment: `auto-generated by @ccapi/codegen from specs/v${model.version} — do not edit`,
    base,
    definitions: Object.fromEntries(Object.entries(defs).map(([k, s]) => [k, absolutize(s, base)])),
    frames: Object.fromEntries(Object.entries(frames).map(([k, s]) => [k, absolutize(s, base)])),
    examples: model.examples,
  };
  return JSON.stringify(out, null, 1) + '\n';
}
