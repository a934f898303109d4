import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { CodegenError, normalize, type Model, type Schema } from './normalize.js';
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

function readBundle(root: string, version: string, file: string): Schema {
  const path = join(root, 'generated', `v${version}`, file);
  const shown = relative(process.cwd(), path) || path;
  if (!existsSync(path)) {
    throw new CodegenError(`${shown} is missing: bundle the version first (npm run build -w @ccapi/spec-v${version}, i.e. spec-bundle)`);
  }
  try {
    const doc = JSON.parse(readFileSync(path, 'utf8')) as unknown;
    if (typeof doc !== 'object' || doc === null || Array.isArray(doc)) throw new Error('top level is not an object');
    return doc as Schema;
  } catch (e) {
    throw new CodegenError(`${shown} is not valid JSON (${(e as Error).message}): rebuild it with npm run build -w @ccapi/spec-v${version}`);
  }
}

export interface Output {
  path: string;
  content: string;
}

export function loadModel(root: string, version: string): Model {
  const web = readBundle(root, version, 'web.openapi.json');
  const rtm = readBundle(root, version, 'rtm.asyncapi.json');
  return normalize(version, web, rtm);
}

/** Computes every file of one version (nothing is written). */
export async function generate(root: string, version: string): Promise<Output[]> {
  const model = loadModel(root, version);
  const v = `v${version}`;
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
