/** Loads the committed reference examples and routes each to the validator that should accept it. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { ValidationResult, Validators } from '../src/runtime.js';

export const repoRoot = new URL('../../../', import.meta.url).pathname;
const EXAMPLES = join(repoRoot, 'packages', 'spec-check', 'reference', 'examples');

export interface ManifestEntry {
  version: string;
  protocol: 'web' | 'rtm' | 'common';
  kind: string;
  name: string;
  entity?: string;
  shape?: string;
  structure?: string;
  file: string;
}

export function versions(): string[] {
  return readdirSync(join(repoRoot, 'packages', 'validators', 'src'))
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort();
}

export function corpusAvailable(): boolean {
  return existsSync(join(EXAMPLES, 'manifest.json'));
}

export function manifest(): ManifestEntry[] {
  return (JSON.parse(readFileSync(join(EXAMPLES, 'manifest.json'), 'utf8')) as { files: ManifestEntry[] }).files;
}

export function load(entry: ManifestEntry): unknown {
  return JSON.parse(readFileSync(join(EXAMPLES, entry.file), 'utf8'));
}

/** Files the spec authors list as contradicting the reference tables (specs/v3.x/known-example-errors.yaml). */
export function knownBad(version: string): Set<string> {
  const f = join(repoRoot, 'specs', `v${version}`, 'known-example-errors.yaml');
  if (!existsSync(f)) return new Set();
  const list = (parse(readFileSync(f, 'utf8')) ?? []) as { file: string }[];
  return new Set(list.map((x) => x.file));
}

export interface Routed {
  /** What the example is checked as, e.g. `web request get_chat`. */
  target: string;
  check: (data: unknown) => ValidationResult;
  /** Where the mutated part sits and the schema it follows (definition name). */
  payloadPointer: string;
  schemaName: string | null;
}

const lowerFirst = (s: string) => s[0]!.toLowerCase() + s.slice(1);

/** Picks the validator for an example, or null when the example names nothing of this version. */
export function route(v: Validators, e: ManifestEntry, data: unknown): Routed | null {
  const t = v.table;
  const name = e.name;
  if (e.kind === 'sample') {
    const s = structureFor(t.structures, e);
    if (!s) return null;
    return { target: `structure ${s}`, check: (d) => v.validateStructure(s, d), payloadPointer: '', schemaName: s };
  }
  if (e.kind === 'error') {
    if (e.protocol === 'web' || (e.protocol === 'common' && data && typeof data === 'object' && 'error' in data)) {
      return { target: 'web error', check: (d) => v.validateWebError(d), payloadPointer: '', schemaName: 'WebErrorBody' };
    }
    if (e.protocol === 'rtm' && t.definitions.RtmError) {
      return { target: 'rtm error payload', check: (d) => v.validate('RtmError', (d as { error?: unknown })?.error), payloadPointer: '/error', schemaName: 'RtmError' };
    }
    return null;
  }
  if (e.protocol === 'web') {
    const w = t.web[name];
    if (!w) return null;
    const reqName = schemaOf(v, w.request);
    const resName = schemaOf(v, w.response);
    if (e.kind === 'request') {
      if (w.contentType === 'multipart/form-data') return null;
      if (w.wrapper === 'payload' && e.shape !== 'payload') {
        return {
          target: `web request ${name}`,
          check: (d) => v.validateWebRequest(name, (d as { payload?: unknown })?.payload ?? {}),
          payloadPointer: '/payload',
          schemaName: reqName,
        };
      }
      return { target: `web request ${name}`, check: (d) => v.validateWebRequest(name, d), payloadPointer: '', schemaName: reqName };
    }
    if (e.kind === 'response') return { target: `web response ${name}`, check: (d) => v.validateWebResponse(name, d), payloadPointer: '', schemaName: resName };
    return null;
  }
  if (e.protocol === 'rtm') {
    if (e.kind === 'push') {
      const p = t.pushes[name];
      if (!p) return null;
      const pn = schemaOf(v, p.payload);
      if (e.shape === 'frame') return { target: `push frame ${name}`, check: (d) => v.validateRtmFrame(d), payloadPointer: '/payload', schemaName: pn };
      return { target: `push payload ${name}`, check: (d) => v.validatePush(name, d), payloadPointer: '', schemaName: pn };
    }
    const a = t.rtm[name];
    if (!a) return null;
    if (e.kind === 'request') {
      const pn = schemaOf(v, a.requestPayload);
      if (e.shape === 'frame') return { target: `rtm request frame ${name}`, check: (d) => v.validateRtmOutgoingFrame(d), payloadPointer: '/payload', schemaName: pn };
      return { target: `rtm request payload ${name}`, check: (d) => v.validateRtmRequest(name, d), payloadPointer: '', schemaName: pn };
    }
    if (e.kind === 'response') {
      const pn = schemaOf(v, a.responsePayload);
      if (e.shape === 'frame') return { target: `rtm response frame ${name}`, check: (d) => v.validateRtmFrame(d), payloadPointer: '/payload', schemaName: pn };
      return { target: `rtm response payload ${name}`, check: (d) => v.validateRtmResponse(name, d), payloadPointer: '', schemaName: pn };
    }
  }
  return null;
}

/** The manifest names structures by their reference title ("Rich message", "Chat summaries", "Forms"). */
function structureFor(structures: string[], e: ManifestEntry): string | null {
  const pas = (x: string) => x.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w) => w[0]!.toUpperCase() + w.slice(1)).join('');
  const title = pas(e.structure ?? '');
  const candidates = [
    title === 'Forms' ? 'FormTemplate' : '', // modelling.md: the "Forms" structure is FormTemplate
    title,
    title.replace(/ies$/, 'y'),
    title.replace(/s$/, ''),
    e.name === 'form-event' ? 'Form' : '',
    pas(e.name),
  ];
  for (const c of candidates) if (c && structures.includes(c)) return c;
  return structures.find((x) => lowerFirst(x) === e.name) ?? null;
}

function schemaOf(v: Validators, fn: unknown): string | null {
  if (!fn) return null;
  for (const [k, f] of Object.entries(v.table.definitions)) if (f === fn) return k;
  return null;
}
