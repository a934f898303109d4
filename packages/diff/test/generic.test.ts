// The engine and renderer are generic: no LiveChat method, push or structure name may appear in
// src/ (the names are read from the committed bundles in generated/, when they exist).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const repo = join(import.meta.dirname, '..', '..', '..');
const srcFiles = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? srcFiles(join(dir, e.name)) : /\.(ts|yaml)$/.test(e.name) ? [join(dir, e.name)] : []));

test('no API-specific name in the diff engine, rules, messages or model', () => {
  const names = new Set<string>(['chat_id', 'license_id', 'thread_id', 'events_seen_up_to', 'livechat']);
  const gen = join(repo, 'generated');
  if (existsSync(gen)) for (const v of readdirSync(gen).filter((d) => /^v\d/.test(d))) {
    for (const f of ['web.openapi.json', 'rtm.asyncapi.json']) {
      const p = join(gen, v, f);
      if (!existsSync(p)) continue;
      const doc = JSON.parse(readFileSync(p, 'utf8'));
      // specific names only: snake_case ids and multi-word PascalCase structures (not `request`, `Message`)
      const specific = (n: string) => /^[a-z]+(_[a-z0-9]+)+$/.test(n) || /^[A-Z][a-z0-9]+[A-Z]/.test(n);
      for (const item of Object.values<any>(doc.paths ?? {})) for (const op of Object.values<any>(item)) if (op?.operationId && specific(op.operationId)) names.add(op.operationId);
      for (const id of Object.keys(doc.operations ?? {})) if (specific(id)) names.add(id);
      for (const s of Object.keys(doc.components?.schemas ?? {})) if (specific(s) && !/^(web|rtm)_(request|response)$/.test(s)) names.add(s);
    }
  }
  const hits: string[] = [];
  // model/src/project/ is the project view of this repository's own specs (codegen, site, spec-check), not the engine
  const project = join(repo, 'packages', 'model', 'src', 'project');
  for (const file of [...srcFiles(join(repo, 'packages', 'diff', 'src')), ...srcFiles(join(repo, 'packages', 'model', 'src')).filter((f) => !f.startsWith(project))]) {
    const text = readFileSync(file, 'utf8');
    for (const n of names) if (new RegExp(`\\b${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`).test(text)) hits.push(`${file}: ${n}`);
  }
  assert.deepEqual(hits, []);
});
