import type { Diagnostic } from './diagnostics.js';
import type { SpecKind } from './load.js';
import { escapeToken } from './read.js';

/**
 * Problems every consumer of the model trips on, checked even without `validate` (they are cheap):
 * two operations with one operationId, and AsyncAPI operations that carry no message at all.
 */
const LOCATIONS = new Set(['query', 'header', 'path', 'cookie']);
const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

export function structuralDiagnostics(doc: Record<string, unknown>, kind: SpecKind, locate: (p: string) => { line: number; column: number } | undefined, file: string): Diagnostic[] {
  const out: Diagnostic[] = [];
  const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
  if (kind === 'openapi') {
    const seen = new Map<string, string>();
    // a parameter's location decides how it is keyed and compared: one OpenAPI 3 does not know (`in: body`) is refused
    // pointers are built only for a parameter that is refused (big documents have thousands that are not)
    const one = (p: unknown, at: () => string) => {
      const o = obj(p);
      if ('$ref' in o || LOCATIONS.has(o.in as string)) return;
      const pointer = `${at()}/in`;
      out.push({ severity: 'error', code: 'parameter-location', message: `parameter \`${String(o.name)}\` has \`in: ${JSON.stringify(o.in ?? null)}\`; OpenAPI 3 parameters are in query, header, path or cookie`, file, pointer, ...(locate(pointer) ?? locate(at()) ?? {}), hint: o.in === 'body' || o.in === 'formData' ? 'Describe the body with `requestBody` (OpenAPI 3 has no body or form parameters).' : 'Use one of query, header, path, cookie.' });
    };
    const params = (list: unknown, at: () => string) => { if (Array.isArray(list)) list.forEach((p, i) => one(p, () => `${at()}/${i}`)); };
    for (const [name, p] of Object.entries(obj(obj(doc.components).parameters))) one(p, () => `#/components/parameters/${escapeToken(name)}`);
    for (const [path, item] of Object.entries(obj(doc.paths))) {
      const it = obj(item);
      params(it.parameters, () => `#/paths/${escapeToken(path)}/parameters`);
      for (const verb of VERBS) {
        const op = it[verb];
        if (op && typeof op === 'object') params((op as Record<string, unknown>).parameters, () => `#/paths/${escapeToken(path)}/${verb}/parameters`);
      }
      for (const [verb, op] of Object.entries(obj(item))) {
        const id = obj(op).operationId;
        if (typeof id !== 'string') continue;
        const pointer = `#/paths/${escapeToken(path)}/${verb}/operationId`;
        const first = seen.get(id);
        if (first) out.push({ severity: 'error', code: 'duplicate-operation-id', message: `operationId \`${id}\` is used twice (first at ${first})`, file, pointer, ...(locate(pointer) ?? {}), hint: 'Give every operation its own operationId.' });
        else seen.set(id, pointer);
      }
    }
  } else if (String(doc.asyncapi).startsWith('3.')) {
    const channels = obj(doc.channels);
    for (const [id, op] of Object.entries(obj(doc.operations))) {
      const o = obj(op);
      if ('$ref' in o) continue;
      const chRef = obj(o.channel).$ref;
      const ch = typeof chRef === 'string' && chRef.startsWith('#/channels/') ? obj(channels[chRef.slice(11).replace(/~1/g, '/').replace(/~0/g, '~')]) : {};
      const own = Array.isArray(o.messages) ? o.messages.length : 0;
      if (own === 0 && Object.keys(obj(ch.messages)).length === 0) {
        const pointer = `#/operations/${escapeToken(id)}`;
        out.push({ severity: 'error', code: 'operation-without-message', message: `operation \`${id}\` carries no message (neither it nor its channel lists one)`, file, pointer, ...(locate(pointer) ?? {}), hint: 'List the message(s) the operation sends or receives under `messages`.' });
      }
    }
  } else {
    for (const [name, ch] of Object.entries(obj(doc.channels))) {
      for (const verb of ['publish', 'subscribe']) {
        const op = obj(ch)[verb];
        if (op && !obj(op).message) {
          const pointer = `#/channels/${escapeToken(name)}/${verb}`;
          out.push({ severity: 'error', code: 'operation-without-message', message: `${verb} operation of channel \`${name}\` carries no message`, file, pointer, ...(locate(pointer) ?? {}), hint: 'Add the `message` the operation sends or receives.' });
        }
      }
    }
  }
  return out;
}
