/**
 * Examples attached in the specs (scripts/attach-examples.ts; issue 19): every example of a Web media type
 * (operations and shared error responses) and every RTM message example validates against its own schema in the
 * bundle; every reference example that the reference renders, that validates and that known-example-errors.yaml
 * does not list is attached to its operation; each Web error response shows an error type its description names.
 */
import assert from 'node:assert/strict';
import { isDeepStrictEqual } from 'node:util';
import { test } from 'node:test';
import { attachmentOf } from '../src/attach.ts';
import { createValidator, loadManifest, readExample, targetOf, type Target } from '../src/examples.ts';
import { loadKnownExamples } from '../src/known.ts';
import { generatedVersions, loadGenerated } from '../src/load.ts';
import { deref, type Json } from '../src/schema.ts';

const esc = (k: string) => k.replace(/~/g, '~0').replace(/\//g, '~1');
const versions = generatedVersions();

interface Attached {
  target: Target;
  where: string;
  value: unknown;
}

/** Every attached example of the two documents with the schema it must satisfy. */
function attached(docs: Record<'web' | 'rtm', Json>): Attached[] {
  const out: Attached[] = [];
  const media = (content: Json, base: string) => {
    for (const [type, m] of Object.entries<Json>(content ?? {})) {
      const ptr = `${base}/content/${esc(type)}`;
      const values: [string, unknown][] = [];
      if (m?.example !== undefined) values.push(['example', m.example]);
      for (const [name, ex] of Object.entries<Json>(m?.examples ?? {})) values.push([name, deref(docs.web, ex)?.value]);
      for (const [name, value] of values) out.push({ target: { protocol: 'web', pointer: `${ptr}/schema` }, where: `${ptr} ${name}`, value });
    }
  };
  for (const [path, item] of Object.entries<Json>(docs.web.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      if (!op || typeof op !== 'object' || !op.responses) continue;
      const base = `#/paths/${esc(path)}/${method}`;
      if (op.requestBody && !op.requestBody.$ref) media(op.requestBody.content, `${base}/requestBody`);
      for (const [status, r] of Object.entries<Json>(op.responses)) if (!r.$ref) media(r.content, `${base}/responses/${status}`);
    }
  }
  for (const [name, r] of Object.entries<Json>(docs.web.components?.responses ?? {})) media(r.content, `#/components/responses/${esc(name)}`);
  for (const [name, m] of Object.entries<Json>(docs.rtm.components?.messages ?? {})) {
    for (const [i, ex] of (Array.isArray(m.examples) ? m.examples : []).entries())
      out.push({ target: { protocol: 'rtm', pointer: `#/components/messages/${esc(name)}/payload` }, where: `rtm message ${name} example ${ex?.name ?? i}`, value: ex?.payload });
  }
  return out;
}

for (const v of versions) {
  test(`v${v}: every example attached in the specs validates against its schema`, () => {
    const docs = loadGenerated(v);
    const validate = createValidator(docs);
    const all = attached(docs);
    const problems = all.flatMap((a) => {
      const errors = validate(a.target, a.value);
      return errors.length ? [`${a.where}: ${errors.slice(0, 3).join('; ')}`] : [];
    });
    const web = all.filter((a) => a.target.protocol === 'web').length;
    console.log(`v${v}: ${all.length} attached examples validated (${web} Web, ${all.length - web} RTM)`);
    assert.ok(all.length > 0);
    assert.deepEqual(problems, []);
  });

  test(`v${v}: every rendered, valid reference example is attached to its operation`, () => {
    const docs = loadGenerated(v);
    const validate = createValidator(docs);
    const known = loadKnownExamples(v);
    const missing: string[] = [];
    let eligible = 0;
    for (const e of loadManifest().files.filter((f) => f.version === v)) {
      if (e.kind === 'sample' || e.kind === 'error' || known.has(e.file) || (e as { rendered?: boolean }).rendered === false) continue;
      const t = targetOf(e, docs);
      if (typeof t === 'string' || validate(t, readExample(e)).length) continue;
      const a = attachmentOf(e, readExample(e), docs);
      if (typeof a === 'string') {
        // GET methods take query parameters: their request samples have no body to sit on
        if (!(e.kind === 'request' && /has no request body/.test(a))) missing.push(`${e.file}: ${a}`);
        continue;
      }
      eligible++;
      const doc = docs[a.protocol];
      let values: unknown[] = [];
      if (a.protocol === 'web') {
        let m: Json = doc;
        for (const k of a.media!) m = deref(doc, m?.[k]);
        values = [m?.example, ...Object.values<Json>(m?.examples ?? {}).map((x) => deref(doc, x)?.value)];
      } else values = (doc.components?.messages?.[a.message!]?.examples ?? []).map((x: Json) => x?.payload);
      const form = a.form;
      const at = a.schema;
      if (!values.some((x) => isDeepStrictEqual(x, form))) missing.push(`${e.file} is not attached at ${at.protocol}${at.pointer}`);
    }
    console.log(`v${v}: ${eligible} reference examples attached to their operations`);
    assert.ok(eligible > 0);
    assert.deepEqual(missing, []);
  });

  test(`v${v}: each Web error response shows an error type its description names`, () => {
    const { web } = loadGenerated(v);
    const problems: string[] = [];
    let checked = 0;
    for (const [name, r] of Object.entries<Json>(web.components?.responses ?? {})) {
      const status = /^(\d{3})Error$/.exec(name)?.[1];
      if (!status) continue;
      const named = [...String(r.description ?? '').matchAll(/`([a-z_]+)`/g)].map((m) => m[1]);
      const fallback: Record<string, string> = { '500': 'internal', '503': 'service_unavailable', '504': 'request_timeout' };
      for (const m of Object.values<Json>(r.content ?? {})) {
        for (const ex of [m.example, ...Object.values<Json>(m.examples ?? {}).map((x) => deref(web, x)?.value)]) {
          if (ex === undefined) continue;
          checked++;
          const type = ex?.error?.type;
          if (!(named.includes(type) || (!named.length && fallback[status] === type))) problems.push(`${name}: example type ${type} is not one its description names (${named.join(', ') || 'none'})`);
        }
      }
    }
    console.log(`v${v}: ${checked} Web error examples checked`);
    assert.ok(checked > 0, 'no Web error response has an example');
    assert.deepEqual(problems, []);
  });
}
