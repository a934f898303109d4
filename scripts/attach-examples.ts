/**
 * Attaches the reference's own JSON examples (packages/spec-check/reference/examples) to the operations of the
 * specs, so that renderers (Redoc, AsyncAPI, the site) show real examples instead of schema placeholders:
 *
 *   npx tsx scripts/attach-examples.ts          (after `npm run build`: reads generated/v3.x to validate)
 *
 * - Web: request and 200-response examples on the operation's media type (`examples: {reference: ...}`), replacing
 *   a hand-written `example`; v3.0 payload-shaped samples are wrapped in the `{payload}` body.
 * - Web errors: each `components/responses/<NNN>Error` gets one example whose `type` is an error type that
 *   response's description names (the reference's own error sample where it fits), so a 400 never shows
 *   `authentication`.
 * - RTM: each request/response/push message gets its frames as `examples` (payload-shaped samples wrapped in the
 *   frame), replacing hand-written ones.
 *
 * Only examples that the reference renders, that validate against their schema in the bundle and that are not in
 * known-example-errors.yaml are attached. Files are edited with the YAML document API and written with the
 * formatting options that reproduce each file best, so the diff is the examples. The spec-check test
 * `attached-examples.test.ts` re-validates every attached example and checks that none is missing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { isMap, isScalar, parseDocument, visit, type Document } from 'yaml';
import { attachmentOf } from '../packages/spec-check/src/attach.ts';
import { createValidator, loadManifest, readExample, targetOf, type ExampleEntry } from '../packages/spec-check/src/examples.ts';
import { loadKnownExamples } from '../packages/spec-check/src/known.ts';
import { generatedVersions, loadGenerated } from '../packages/spec-check/src/load.ts';
import { pointer } from '../packages/spec-check/src/schema.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Our own words for the synthesized error examples (the reference has one error sample per page). */
const ERROR_MESSAGES: Record<string, string> = {
  validation: 'The request does not match what the method accepts.',
  authentication: 'The access token is missing or invalid.',
  authorization: 'The customer is not allowed to do this.',
  customer_banned: 'The customer is banned.',
  license_not_found: 'No license with this ID.',
  group_not_found: 'No group with this ID.',
  entity_too_large: 'The request body is over the size limit.',
  misdirected_request: 'The request reached the wrong region.',
  too_many_requests: 'Too many requests; try again later.',
  internal: 'The server failed to handle the request.',
  service_unavailable: 'The service is temporarily unavailable.',
  request_timeout: 'The request took too long.',
};
const STATUS_FALLBACK: Record<string, string> = { '503': 'service_unavailable', '504': 'request_timeout', '500': 'internal' };

function openDoc(file: string): { doc: Document; write: () => boolean } {
  const text = readFileSync(file, 'utf8');
  const doc = parseDocument(text);
  // the formatting options that reproduce the file best (fewest changed lines), so edits stay local
  const orig = text.split('\n');
  let best = { lineWidth: 120, indentSeq: false, score: Infinity };
  for (const lineWidth of [0, 80, 100, 110, 120]) {
    for (const indentSeq of [false, true]) {
      const out = doc.toString({ lineWidth, indentSeq }).split('\n');
      const set = new Set(orig);
      const score = out.filter((l) => !set.has(l)).length + Math.abs(out.length - orig.length);
      if (score < best.score) best = { lineWidth, indentSeq, score };
    }
  }
  return {
    doc,
    write: () => {
      const out = doc.toString({ lineWidth: best.lineWidth, indentSeq: best.indentSeq });
      if (out === text) return false;
      writeFileSync(file, out);
      return true;
    },
  };
}

/**
 * A YAML node for an example value. Strings that a YAML 1.1 reader (js-yaml, used by the bundler) would take for a
 * timestamp are double-quoted, so `2020-05-08T08:22:21.128420Z` stays a string with all its digits.
 */
function node(doc: Document, value: unknown) {
  const n = doc.createNode(value);
  visit(n, {
    Scalar(_k, s) {
      if (isScalar(s) && typeof s.value === 'string' && /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(s.value)) s.type = 'QUOTE_DOUBLE';
    },
  });
  return n;
}

const stem = (e: ExampleEntry) => {
  const m = /\.(\d+)\.json$/.exec(e.file);
  return m ? `reference-${m[1]}` : 'reference';
};
const summary = (e: ExampleEntry) => `From the API reference (${e.entity_title ?? e.name ?? e.kind})`;

for (const v of generatedVersions(root)) {
  const docs = loadGenerated(v, root);
  const validate = createValidator(docs);
  const known = loadKnownExamples(v, root);
  const web = openDoc(join(root, 'specs', `v${v}`, 'web.openapi.yaml'));
  const rtm = openDoc(join(root, 'specs', `v${v}`, 'rtm.asyncapi.yaml'));
  const counts = { web: 0, webErrors: 0, rtm: 0, skipped: 0 };
  const rtmExamples = new Map<string, { name: string; summary: string; payload: unknown }[]>();
  const entries = loadManifest().files.filter((f) => f.version === v && (f as { rendered?: boolean }).rendered !== false);
  for (const e of entries.sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (e.kind === 'sample' || e.kind === 'error' || known.has(e.file)) continue;
    const t = targetOf(e, docs);
    if (typeof t === 'string' || validate(t, readExample(e)).length) {
      counts.skipped++;
      continue;
    }
    const a = attachmentOf(e, readExample(e), docs);
    if (typeof a === 'string' || validate(a.schema, a.form).length) {
      counts.skipped++;
      continue;
    }
    if (a.protocol === 'web') {
      // the same keys lead to the media type in the source (operations and their bodies are written inline)
      const mediaNode = web.doc.getIn(a.media!);
      if (!isMap(mediaNode)) {
        counts.skipped++;
        continue;
      }
      mediaNode.delete('example');
      if (!isMap(mediaNode.get('examples'))) mediaNode.set('examples', web.doc.createNode({}));
      (mediaNode.get('examples') as ReturnType<Document['createNode']> & { set: (k: string, v: unknown) => void }).set(stem(e), node(web.doc, { summary: summary(e), value: a.form }));
      counts.web++;
    } else {
      const list = rtmExamples.get(a.message!) ?? [];
      list.push({ name: stem(e), summary: summary(e), payload: a.form });
      rtmExamples.set(a.message!, list);
      counts.rtm++;
    }
  }
  for (const [msg, list] of [...rtmExamples].sort()) rtm.doc.setIn(['components', 'messages', msg, 'examples'], node(rtm.doc, list));

  // Web error responses: one example per status with a type that status documents
  const responses = web.doc.getIn(['components', 'responses']);
  const enumOf = (name: string): string[] => {
    const s = pointer(docs.web, `#/components/schemas/${name}`);
    const found: string[] = [];
    const walk = (n: unknown) => {
      if (!n || typeof n !== 'object') return;
      const o = n as Record<string, unknown>;
      if (Array.isArray((o.properties as Record<string, { enum?: string[] }> | undefined)?.type?.enum)) found.push(...(o.properties as Record<string, { enum: string[] }>).type.enum);
      for (const x of Array.isArray(o.allOf) ? o.allOf : []) walk(typeof (x as { $ref?: string }).$ref === 'string' ? pointer(docs.web, (x as { $ref: string }).$ref) : x);
    };
    walk(s);
    return found;
  };
  const webTypes = new Set(enumOf('WebError'));
  const refError = entries.find((e) => e.kind === 'error' && e.protocol !== 'rtm');
  if (isMap(responses)) {
    for (const pair of responses.items) {
      const name = String((pair.key as { value?: unknown })?.value ?? pair.key);
      const status = /^(\d{3})Error$/.exec(name)?.[1];
      if (!status || !isMap(pair.value)) continue;
      const description = String(pair.value.get('description') ?? '');
      const named = [...description.matchAll(/`([a-z_]+)`/g)].map((m) => m[1]!).filter((x) => webTypes.has(x));
      const type = named[0] ?? (webTypes.has(STATUS_FALLBACK[status] ?? '') ? STATUS_FALLBACK[status] : undefined);
      if (!type) continue;
      const media = pair.value.getIn(['content', 'application/json']);
      if (!isMap(media)) continue;
      const sample = refError ? (readExample(refError) as { error?: { type?: string } }) : undefined;
      const fromReference = sample?.error?.type === type && !known.has(refError!.file);
      const value = fromReference ? sample : { error: { type, message: ERROR_MESSAGES[type] ?? `An error of type ${type}.` } };
      if (validate({ protocol: 'web', pointer: `#/components/responses/${name}/content/application~1json/schema` }, value).length) continue;
      media.delete('example');
      media.set('examples', node(web.doc, { [type]: { summary: fromReference ? `From the API reference (${type})` : `A \`${type}\` error`, value } }));
      counts.webErrors++;
    }
  }
  const wroteWeb = web.write();
  const wroteRtm = rtm.write();
  console.log(`v${v}: ${counts.web} Web examples, ${counts.webErrors} Web error examples, ${counts.rtm} RTM examples attached; ${counts.skipped} not attached (invalid or without a target)${wroteWeb || wroteRtm ? '' : ' (no change)'}`);
}
