/**
 * specs/v3.x/known-example-errors.yaml: reference examples that contradict the reference tables (or are
 * placeholders), each with a reason. An entry says the example fails validation, unless `validates: true`;
 * `keys` lists the example's keys the schema leaves out on purpose (dotted paths, `[]` for array items, as
 * `missingKeys` prints them). Tests hold both exact, so the list cannot rot.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from './load.js';

export interface KnownExample {
  file: string;
  reason: string;
  /** the example validates; it is listed only for its `keys` */
  validates: boolean;
  keys: string[];
}

export function loadKnownExamples(version: string, root = repoRoot): Map<string, KnownExample> {
  const file = join(root, 'specs', `v${version}`, 'known-example-errors.yaml');
  const out = new Map<string, KnownExample>();
  if (!existsSync(file)) return out;
  const data = parse(readFileSync(file, 'utf8')) ?? [];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list`);
  for (const e of data) {
    if (!e || typeof e.file !== 'string' || typeof e.reason !== 'string' || !e.reason.trim())
      throw new Error(`${file}: every entry needs file and reason: ${JSON.stringify(e)}`);
    if (e.keys !== undefined && !(Array.isArray(e.keys) && e.keys.every((k: unknown) => typeof k === 'string')))
      throw new Error(`${file}: ${e.file}: keys must be a list of dotted paths`);
    if (e.validates !== undefined && typeof e.validates !== 'boolean') throw new Error(`${file}: ${e.file}: validates must be true or false`);
    if (e.validates && !e.keys?.length) throw new Error(`${file}: ${e.file}: an entry that validates must list keys`);
    if (out.has(e.file)) throw new Error(`${file}: ${e.file} is listed twice`);
    out.set(e.file, { file: e.file, reason: e.reason, validates: e.validates ?? false, keys: [...(e.keys ?? [])].sort() });
  }
  return out;
}
