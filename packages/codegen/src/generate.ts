import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { readApiVersion, type Diagnostic } from '@ccapi/model';
import { CodegenError, emitModel, type Model } from './normalize.js';
import { emitRtm, emitStructures, emitTypesIndex, emitWeb } from './emit-types.js';
import { emitClientIndex } from './emit-client.js';
import { emitSchemasJson, emitStandalone, emitValidatorsIndex } from './emit-validators.js';

/** Walks up from `start` to the monorepo root (the folder holding specs/ and packages/). */
export function findRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'specs')) && existsSync(join(dir, 'packages')) && existsSync(join(dir, 'package.json'))) return dir;
    const up = dirname(dir);
    if (up === dir) throw new CodegenError(`no monorepo root (a folder with specs/ and packages/) above ${start}`);
    dir = up;
  }
}

export interface Output {
  path: string;
  content: string;
}

/**
 * The emitters' model of one version, read from generated/v<version>/ through `@ccapi/model`'s project
 * view. Never throws for bad input: problems come back as diagnostics (then no model).
 */
export function readModel(root: string, version: string): { model?: Model; diagnostics: Diagnostic[] } {
  const view = readApiVersion(join(root, 'generated', `v${version}`), { version });
  const diagnostics = view.diagnostics.map((d) =>
    d.severity === 'error' && d.file && /\/generated\/v[^/]+\/[^/]+\.json$/.test(d.file) && !d.hint?.includes('npm run build')
      ? { ...d, hint: `${d.hint ? `${d.hint} ` : ''}Rebuild the bundle: npm run build -w @ccapi/spec-v${version} (spec-bundle).` }
      : d,
  );
  if (diagnostics.some((d) => d.severity === 'error')) return { diagnostics };
  return { model: emitModel(view), diagnostics };
}

/** As readModel, but refuses with a CodegenError carrying the diagnostics. */
export function loadModel(root: string, version: string): Model {
  const { model, diagnostics } = readModel(root, version);
  if (!model) throw refusal(diagnostics);
  return model;
}

function refusal(diagnostics: Diagnostic[]): CodegenError {
  const errors = diagnostics.filter((d) => d.severity === 'error');
  return new CodegenError(errors.map((d) => d.message).join('\n'), errors);
}

/** Computes every file of one version (nothing is written); bad input and emit refusals come back as diagnostics. */
export async function generateVersion(root: string, version: string): Promise<{ outputs: Output[]; diagnostics: Diagnostic[] }> {
  const { model, diagnostics } = readModel(root, version);
  if (!model) return { outputs: [], diagnostics };
  try {
    return { outputs: await emitAll(root, model), diagnostics };
  } catch (e) {
    if (!(e instanceof CodegenError)) throw e;
    const file = join(root, 'generated', `v${version}`);
    return { outputs: [], diagnostics: [...diagnostics, { severity: 'error', code: 'codegen', message: e.message, file, hint: 'Fix the spec so that every payload and structure compiles (docs/modelling.md, "Decisions ... codegen").' }] };
  }
}

/** Computes every file of one version (nothing is written); throws a CodegenError on bad input. */
export async function generate(root: string, version: string): Promise<Output[]> {
  const { outputs, diagnostics } = await generateVersion(root, version);
  if (diagnostics.some((d) => d.severity === 'error')) throw refusal(diagnostics);
  return outputs;
}

async function emitAll(root: string, model: Model): Promise<Output[]> {
  const v = `v${model.version}`;
  const types = join(root, 'packages', 'types', 'src', v);
  const validators = join(root, 'packages', 'validators', 'src', v);
  return [
    { path: join(types, 'structures.ts'), content: await emitStructures(model) },
    { path: join(types, 'web.ts'), content: await emitWeb(model) },
    { path: join(types, 'rtm.ts'), content: await emitRtm(model) },
    { path: join(types, 'index.ts'), content: emitTypesIndex(model) },
    { path: join(validators, 'standalone.ts'), content: emitStandalone(model) },
    { path: join(validators, 'index.ts'), content: emitValidatorsIndex(model) },
    { path: join(validators, 'schemas.json'), content: emitSchemasJson(model) },
    { path: join(root, 'packages', 'client', 'src', v, 'index.ts'), content: emitClientIndex(model) },
  ];
}

/** Writes the outputs, each through a temporary file and a rename; unchanged files are left alone. */
export function writeOutputs(outputs: Output[]): { written: number; unchanged: number } {
  let written = 0;
  let unchanged = 0;
  for (const o of outputs) {
    if (existsSync(o.path) && readFileSync(o.path, 'utf8') === o.content) {
      unchanged++;
      continue;
    }
    mkdirSync(dirname(o.path), { recursive: true });
    const tmp = `${o.path}.tmp-${process.pid}`;
    writeFileSync(tmp, o.content);
    renameSync(tmp, o.path);
    written++;
  }
  return { written, unchanged };
}

/** Versions that have bundles under generated/. */
export function bundledVersions(root: string): string[] {
  const dir = join(root, 'generated');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((d) => /^v\d+\.\d+$/.test(d) && existsSync(join(dir, d, 'web.openapi.json')))
    .map((d) => d.slice(1))
    .sort((a, b) => Number(a.split('.')[1]) - Number(b.split('.')[1]));
}
