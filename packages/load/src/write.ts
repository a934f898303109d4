import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// Top-level fields of OpenAPI and AsyncAPI documents in the order the specifications list them.
const ROOT_ORDER = ['openapi', 'asyncapi', 'id', 'info', 'jsonSchemaDialect', 'servers', 'defaultContentType', 'channels', 'operations', 'paths', 'webhooks', 'components', 'security', 'tags', 'externalDocs'];

function rank(key: string): number {
  const i = ROOT_ORDER.indexOf(key);
  return i === -1 ? ROOT_ORDER.length : i;
}

/**
 * The value with every object's keys in one canonical order (the document root in the order of the
 * specifications, everything else by code point), so that reordering keys in a source file never
 * changes a generated file. Array order is meaning (tags, enums, oneOf) and is kept.
 */
export function canonicalize(value: unknown, atRoot = true): unknown {
  if (Array.isArray(value)) return value.map((v) => canonicalize(v, false));
  if (!value || typeof value !== 'object') return value;
  const keys = Object.keys(value).sort((a, b) => (atRoot ? rank(a) - rank(b) : 0) || (a < b ? -1 : a > b ? 1 : 0));
  const out: Record<string, unknown> = {};
  for (const k of keys) out[k] = canonicalize((value as Record<string, unknown>)[k], false);
  return out;
}

/** Canonical pretty JSON with a trailing newline: the one serialisation of every generated JSON file. */
export function stableJson(value: unknown): string {
  return JSON.stringify(canonicalize(value), null, 2) + '\n';
}

/**
 * Writes several files into `dir` so that either all of them are replaced or none is: each is written
 * to a temporary name first and only renamed into place once every write succeeded.
 */
export function writeFilesAtomically(dir: string, files: Record<string, string>): void {
  mkdirSync(dir, { recursive: true });
  const temps: Array<[string, string]> = [];
  try {
    for (const [name, content] of Object.entries(files)) {
      const tmp = join(dir, `.${name}.${process.pid}.tmp`);
      writeFileSync(tmp, content);
      temps.push([tmp, join(dir, name)]);
    }
  } catch (e) {
    for (const [tmp] of temps) rmSync(tmp, { force: true });
    throw e;
  }
  for (const [tmp, final] of temps) renameSync(tmp, final);
}
