/**
 * Checks the `x-renamed-from` marks of a version against the version before it: each must name a
 * method, push, structure, parameter or field that the previous document really has, at the same
 * place (the diff and the site's version switcher follow these marks, so a wrong one misleads both).
 */
import { appendPointer, isPayloadEnvelope, normalise, renamedFromPath, renamedFromPaths, type Field, type Fields, type Model, type Operation } from '@ccapi/model';

export interface RenameMark {
  /** `method`, `push`, `structure` or `field`. */
  kind: string;
  /** Where the mark is: `method list_chats`, `structure Customer`, `method get_chat request chat_id`, ... */
  where: string;
  from: string;
  /** JSON pointer of the marked schema or operation in the newer document. */
  pointer: string;
  ok: boolean;
  problem?: string;
}

export interface RenameReport {
  marks: RenameMark[];
  /** Pointers of every `x-renamed-from` in the raw document, to prove the model saw them all. */
  rawPointers: string[];
}

/** The old path of a renamed field: the model's rule, the same one the diff follows. */
export const oldFieldPath = renamedFromPath;

/**
 * Is `path` a field of `fields`, following references to structures of `model`? A v3.0 Web request
 * wraps its arguments in `payload` (an envelope later versions dropped), so a path is also looked up
 * inside it: the model's rule, a body whose only property is `payload`.
 */
export function hasFieldPath(fields: Fields, path: string, model: Model): boolean {
  const lookup = (fs: Fields, p: string, depth: number): boolean => {
    if (p in fs) return true;
    if (depth > 20) return false;
    for (const f of Object.values(fs) as Field[]) {
      if (!f.ref || !f.path || !p.startsWith(`${f.path}.`)) continue;
      const s = model.structures[f.ref];
      if (s && lookup(s.fields, p.slice(f.path.length + 1), depth + 1)) return true;
    }
    return false;
  };
  if (lookup(fields, path, 0)) return true;
  const body = Object.keys(fields).filter((p) => p && !p.includes(':') && !p.includes('.'));
  return isPayloadEnvelope({ properties: Object.fromEntries(body.map((p) => [p, {}])) }) && !path.includes(':') && lookup(fields, `payload.${path}`, 0);
}

function checkFields(out: RenameMark[], fields: Fields, before: Fields | undefined, previous: Model, where: string, beforeName: string | undefined): void {
  for (const f of Object.values(fields) as Field[]) {
    // A mark on the root of a structure is the structure's own rename, checked with the structure.
    if (!f.renamedFrom || f.path === '') continue;
    const places = renamedFromPaths(f.path, f.renamedFrom);
    const old = (before && places.find((x) => hasFieldPath(before, x, previous))) ?? places[0];
    const mark: RenameMark = { kind: 'field', where: `${where} ${f.path || '(root)'}`, from: f.renamedFrom, pointer: f.pointer, ok: true };
    if (!before) {
      mark.ok = false;
      mark.problem = `the previous version has no ${beforeName ?? 'counterpart'} to hold \`${old}\``;
    } else if (!hasFieldPath(before, old, previous)) {
      mark.ok = false;
      mark.problem = `the previous version's ${beforeName} has no \`${old}\``;
    } else if (f.path in before && f.path !== old) {
      mark.ok = false;
      mark.problem = `\`${f.path}\` already existed in the previous version, so it was not renamed from \`${old}\``;
    }
    out.push(mark);
  }
}

function findOperation(model: Model, name: string, kind: Operation['kind']): Operation | undefined {
  return Object.values(model.operations).find((o) => o.name === name && o.kind === kind);
}

/** Compares two models of the same protocol (previous, newer). */
export function checkRenames(previous: Model, newer: Model): RenameMark[] {
  const out: RenameMark[] = [];
  for (const op of Object.values(newer.operations).sort((a, b) => a.name.localeCompare(b.name))) {
    let before = findOperation(previous, op.name, op.kind);
    if (op.renamedFrom) {
      before = findOperation(previous, op.renamedFrom, op.kind);
      const mark: RenameMark = { kind: op.kind, where: `${op.kind} ${op.name}`, from: op.renamedFrom, pointer: op.pointer, ok: !!before };
      if (!before) mark.problem = `the previous version has no ${op.kind} \`${op.renamedFrom}\``;
      else if (findOperation(previous, op.name, op.kind)) {
        mark.ok = false;
        mark.problem = `the previous version already has a ${op.kind} \`${op.name}\``;
      }
      out.push(mark);
    }
    const beforeName = before ? `${before.kind} \`${before.name}\`` : undefined;
    checkFields(out, op.request, before?.request, previous, `${op.kind} ${op.name} request`, beforeName && `${beforeName} request`);
    checkFields(out, op.response, before?.response, previous, `${op.kind} ${op.name} ${op.kind === 'push' ? 'payload' : 'response'}`, beforeName && `${beforeName} ${op.kind === 'push' ? 'payload' : 'response'}`);
  }
  for (const s of Object.values(newer.structures).sort((a, b) => a.name.localeCompare(b.name))) {
    let before = previous.structures[s.name];
    if (s.renamedFrom) {
      before = previous.structures[s.renamedFrom];
      const mark: RenameMark = { kind: 'structure', where: `structure ${s.name}`, from: s.renamedFrom, pointer: s.pointer, ok: !!before };
      if (!before) mark.problem = `the previous version has no structure \`${s.renamedFrom}\``;
      else if (previous.structures[s.name]) {
        mark.ok = false;
        mark.problem = `the previous version already has a structure \`${s.name}\``;
      }
      out.push(mark);
    }
    checkFields(out, s.fields, before?.fields, previous, `structure ${s.name}`, before && `structure \`${before.name}\``);
  }
  return out;
}

/** JSON pointers of every object carrying `x-renamed-from` in a raw document (to prove the model saw them all). */
export function rawRenamePointers(doc: unknown): string[] {
  const found: string[] = [];
  const walk = (node: unknown, ptr: string): void => {
    if (!node || typeof node !== 'object') return;
    if (!Array.isArray(node) && Object.prototype.hasOwnProperty.call(node, 'x-renamed-from')) found.push(ptr);
    for (const [k, v] of Object.entries(node)) walk(v, appendPointer(ptr, k));
  };
  walk(doc, '');
  return found.sort();
}

/**
 * Both documents parsed; `kind` picks the normaliser. Marks on a component that no operation or
 * structure shows (a request type kept for the typed client of a GET method, a structure no payload
 * uses) are checked on the model's flattened `schemas`: the same component (or the one it was
 * renamed from) in the previous document must hold the old field.
 */
export function checkRenamesOf(previous: Record<string, any>, newer: Record<string, any>, kind: 'openapi' | 'asyncapi'): RenameReport {
  const protocol = kind === 'openapi' ? 'web' : 'rtm';
  const prev = normalise(previous, kind, { file: 'previous', protocol });
  const next = normalise(newer, kind, { file: 'newer', protocol });
  const marks = checkRenames(prev, next);
  const seen = new Set(marks.map((m) => m.pointer));
  const own = (o: Record<string, Fields> | undefined, k: string) => (o && Object.prototype.hasOwnProperty.call(o, k) ? o[k] : undefined);
  for (const name of Object.keys(next.schemas ?? {}).sort((a, b) => a.localeCompare(b))) {
    if (Object.prototype.hasOwnProperty.call(next.structures, name)) continue;
    const fields = own(next.schemas, name)!;
    // a component's own rename is the mark on its root
    const from = fields['']?.renamedFrom ?? name;
    const before = own(prev.schemas, from);
    const extra: RenameMark[] = [];
    checkFields(extra, fields, before, prev, `structure ${name} (not used by any operation)`, before && `schema \`${from}\``);
    for (const m of extra) if (!seen.has(m.pointer)) {
      seen.add(m.pointer);
      marks.push(m);
    }
  }
  return { marks, rawPointers: rawRenamePointers(newer) };
}
