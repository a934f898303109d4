import { createRequire } from 'node:module';
import { CodegenError, type Json, type Model, type Schema } from './normalize.js';
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
    if (k === '$ref' && typeof v === 'string' && v.startsWith('#/$defs/')) out[k] = base + v.slice(8);
    else if (k === 'const' || k === 'enum' || k === 'default' || k === 'examples' || k === 'example') out[k] = v;
    else if (k === 'discriminator' || k === 'description' || k.startsWith('x-')) continue;
    else out[k] = absolutize(v, base);
  }
  return out;
}

/** Every schema of the version in one namespace: structures and payloads by name, frames by message. */
export function allSchemas(model: Model): { defs: Record<string, Schema>; frames: Record<string, Schema> } {
  const defs: Record<string, Schema> = { ...model.structures };
  for (const src of [model.webPayloads, model.rtmPayloads]) {
    for (const [name, s] of Object.entries(src)) {
      const prev = defs[name];
      if (prev && JSON.stringify(prev) !== JSON.stringify(s)) {
        throw new CodegenError(`v${model.version}: payload ${name} differs between the Web and RTM documents; give them distinct names (Web*/Rtm*) in specs/v${model.version}/methods`);
      }
      defs[name] = s;
    }
  }
  if (model.webErrorBody) defs['WebErrorBody'] = model.webErrorBody;
  const sortedDefs: Record<string, Schema> = {};
  for (const k of Object.keys(defs).sort()) sortedDefs[k] = defs[k]!;
  return { defs: sortedDefs, frames: model.frames };
}

export function exportName(kind: 'def' | 'frame', name: string): string {
  return (kind === 'def' ? 's_' : 'f_') + name.replace(/[^A-Za-z0-9_$]/g, '_');
}

/** Produces the ajv standalone module (ESM) validating every schema of the version. */
export function emitStandalone(model: Model): string {
  const Ajv2020 = require('ajv/dist/2020.js').default;
  const standaloneCode = require('ajv/dist/standalone/index.js').default;
  const addFormats = require('ajv-formats').default;
  const base = schemaBase(model.version);
  const ajv = new Ajv2020({ strict: false, allErrors: false, code: { esm: true, source: true, lines: false } });
  addFormats(ajv);
  ajv.addFormat('binary', true);
  const { defs, frames } = allSchemas(model);
  const refs: Record<string, string> = {};
  for (const [name, s] of Object.entries(defs)) {
    const id = base + name;
    ajv.addSchema({ ...(absolutize(s, base) as Schema), $id: id });
    refs[exportName('def', name)] = id;
  }
  for (const [name, s] of Object.entries(frames)) {
    const id = `${base}frame/${name}`;
    ajv.addSchema({ ...(absolutize(s, base) as Schema), $id: id });
    refs[exportName('frame', name)] = id;
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

/** Typed table wiring the standalone functions to methods, actions and pushes. */
export function emitValidatorsIndex(model: Model): string {
  const { defs } = allSchemas(model);
  const d = (n: string | null) => (n && defs[n] ? `V.${exportName('def', n)}` : 'null');
  const f = (n: string | null) => (n && model.frames[n] ? `V.${exportName('frame', n)}` : 'null');
  const lines: string[] = [];
  lines.push(banner(model.version).trimEnd());
  lines.push(`import * as V from './standalone.js';`);
  lines.push(`import { createValidators, type ValidatorTable } from '../runtime.js';`);
  lines.push('');
  lines.push(`const table: ValidatorTable = {`);
  lines.push(`  version: ${JSON.stringify(model.version)},`);
  lines.push(`  definitions: {`);
  for (const n of Object.keys(defs)) lines.push(`    ${JSON.stringify(n)}: ${d(n)},`);
  lines.push(`  },`);
  lines.push(`  structures: ${JSON.stringify(Object.keys(model.structures))},`);
  lines.push(`  web: {`);
  for (const o of model.web) {
    lines.push(
      `    ${JSON.stringify(o.method)}: { request: ${d(o.request)}, response: ${d(o.response)}, http: ${JSON.stringify(o.http)}, contentType: ${JSON.stringify(o.contentType)}, wrapper: ${JSON.stringify(o.wrapper)}, query: ${JSON.stringify(o.query)}, pushes: ${JSON.stringify(o.pushes)} },`,
    );
  }
  lines.push(`  },`);
  lines.push(`  rtm: {`);
  for (const a of model.rtm) {
    lines.push(
      `    ${JSON.stringify(a.action)}: { frame: ${f(a.requestMessage)}, response: ${f(a.responseMessage)}, requestPayload: ${d(a.request)}, responsePayload: ${d(a.response)}, payloadRequired: ${a.payloadRequired}, pushes: ${JSON.stringify(a.pushes)} },`,
    );
  }
  lines.push(`  },`);
  lines.push(`  pushes: {`);
  for (const p of model.pushes) lines.push(`    ${JSON.stringify(p.push)}: { frame: ${f(p.message)}, payload: ${d(p.payload)} },`);
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
