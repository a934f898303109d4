/** waivers.yaml: findings accepted on purpose, each with a reason. */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { packageDir } from './load.js';
import type { Finding } from './types.js';

export interface Waiver {
  version: string;
  protocol?: string;
  kind: string;
  subject: string;
  path?: string;
  reason: string;
}

export function loadWaivers(file = join(packageDir, 'waivers.yaml')): Waiver[] {
  if (!existsSync(file)) return [];
  const data = parse(readFileSync(file, 'utf8')) ?? [];
  if (!Array.isArray(data)) throw new Error(`${file}: expected a list of waivers`);
  for (const w of data) {
    if (!w || typeof w !== 'object' || !w.version || !w.kind || !w.subject) throw new Error(`${file}: each waiver needs version, kind and subject: ${JSON.stringify(w)}`);
    if (typeof w.reason !== 'string' || !w.reason.trim()) throw new Error(`${file}: waiver without a reason: ${JSON.stringify(w)}`);
    w.version = String(w.version).replace(/^v/, '');
  }
  return data as Waiver[];
}

export function matches(w: Waiver, f: Finding): boolean {
  return (
    w.version === f.version &&
    (w.protocol === undefined || w.protocol === f.protocol) &&
    w.kind === f.kind &&
    w.subject === f.subject &&
    (w.path === undefined || w.path === f.path)
  );
}

/** Splits findings into open and waived, and lists the waivers of these versions that matched nothing. */
export function applyWaivers(findings: Finding[], waivers: Waiver[], versions: string[]): { open: Finding[]; waived: Finding[]; unused: Waiver[] } {
  const used = new Set<Waiver>();
  const open: Finding[] = [];
  const waived: Finding[] = [];
  for (const f of findings) {
    const w = waivers.find((x) => matches(x, f));
    if (w) {
      used.add(w);
      waived.push(f);
    } else open.push(f);
  }
  const unused = waivers.filter((w) => versions.includes(w.version) && !used.has(w));
  return { open, waived, unused };
}
