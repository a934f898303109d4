/** Reads the committed reference index and a version's bundled documents. */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Documents } from './check.js';
import type { RefIndex } from './types.js';

/** packages/spec-check (works from src/ and dist/) */
export const packageDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const repoRoot = resolve(packageDir, '../..');
export const referenceDir = join(packageDir, 'reference');

export function normaliseVersion(v: string): string {
  return v.replace(/^v/, '');
}

export function loadIndex(version: string): RefIndex {
  return JSON.parse(readFileSync(join(referenceDir, `v${normaliseVersion(version)}.json`), 'utf8')) as RefIndex;
}

export function indexedVersions(): string[] {
  return readdirSync(referenceDir)
    .map((f) => /^v(\d+\.\d+)\.json$/.exec(f)?.[1])
    .filter((v): v is string => !!v)
    .sort();
}

/** Versions that have both bundled documents under generated/. */
export function generatedVersions(root = repoRoot): string[] {
  const dir = join(root, 'generated');
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .map((d) => /^v(\d+\.\d+)$/.exec(d)?.[1])
    .filter((v): v is string => !!v && existsSync(join(dir, `v${v}`, 'web.openapi.json')) && existsSync(join(dir, `v${v}`, 'rtm.asyncapi.json')))
    .sort();
}

export function loadGenerated(version: string, root = repoRoot): Documents {
  const dir = join(root, 'generated', `v${normaliseVersion(version)}`);
  return {
    web: JSON.parse(readFileSync(join(dir, 'web.openapi.json'), 'utf8')),
    rtm: JSON.parse(readFileSync(join(dir, 'rtm.asyncapi.json'), 'utf8')),
  };
}

/**
 * Bundles specs/v3.x on the fly (for authors, when generated/ is missing or stale) through
 * `@ccapi/load`, the one loader: refs checked inside the folder, no network, our Redocly config.
 */
export async function bundleSpecs(version: string, root = repoRoot): Promise<Documents> {
  const { loadSpec, formatDiagnostics } = await import('@ccapi/load');
  const dir = join(root, 'specs', `v${normaliseVersion(version)}`);
  const one = async (file: string) => {
    const res = await loadSpec(join(dir, file));
    if (!res.document) throw new Error(formatDiagnostics(res.diagnostics.filter((d) => d.severity === 'error')));
    return res.document;
  };
  return { web: await one('web.openapi.yaml'), rtm: await one('rtm.asyncapi.yaml') };
}
