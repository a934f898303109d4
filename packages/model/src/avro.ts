/**
 * Avro schema resolution (the Avro specification's "Schema Resolution"): can data written with one
 * schema be read with another? That is how an Avro payload change reaches a client. Messages it sends
 * are written with its (the base's) schema and read with the revision's; messages it receives are
 * written with the revision's and read with its own. A field the writer lacks is filled from the
 * reader's `default`; a field the reader lacks is skipped; numbers promote (int -> long -> float ->
 * double), and strings and bytes read as each other; an enum symbol the reader does not know needs the
 * reader's enum `default`; a union reads a writer branch with the first branch that can.
 */

export interface AvroProblem {
  /** Where, as record fields and array/map steps (`order.items[].price`); empty for the root. */
  path: string;
  message: string;
}

type Named = Record<string, any>;

const PRIMITIVES = new Set(['null', 'boolean', 'int', 'long', 'float', 'double', 'bytes', 'string']);
// what each writer type may be read as, besides itself
const PROMOTES: Record<string, string[]> = { int: ['long', 'float', 'double'], long: ['float', 'double'], float: ['double'], string: ['bytes'], bytes: ['string'] };

/** Every problem reading data written with `writer` using `reader`; none means every value reads. */
export function avroReadable(writer: unknown, reader: unknown): AvroProblem[] {
  const wn = namesOf(writer), rn = namesOf(reader);
  const problems: AvroProblem[] = [];
  const seen = new Set<string>();

  function deref(s: unknown, names: Map<string, Named>, ns: string): { s: any; ns: string } {
    if (typeof s === 'string' && !PRIMITIVES.has(s)) {
      const full = s.includes('.') ? s : ns ? `${ns}.${s}` : s;
      const t = names.get(full) ?? names.get(s);
      if (t) return { s: t, ns: namespaceOf(t, ns) };
    }
    if (s && typeof s === 'object' && !Array.isArray(s) && typeof (s as any).type === 'string' && PRIMITIVES.has((s as any).type) && Object.keys(s).every((k) => k === 'type' || k === 'logicalType' || k === 'doc')) {
      return { s: (s as any).type, ns };
    }
    return { s, ns };
  }

  const kindOf = (s: any): string => (typeof s === 'string' ? s : Array.isArray(s) ? 'union' : s && typeof s === 'object' ? String(s.type) : 'invalid');

  /** Can this (non-union) writer schema be read by `r`? Problems go to `out`. */
  function readsAs(w0: unknown, wns: string, r0: unknown, rns: string, path: string, out: AvroProblem[]): void {
    const { s: w, ns: wn0 } = deref(w0, wn, wns);
    const { s: r, ns: rn0 } = deref(r0, rn, rns);
    const wk = kindOf(w), rk = kindOf(r);
    if (wk === 'union') {
      for (const branch of w as unknown[]) readsAs(branch, wn0, r, rn0, path, out);
      return;
    }
    if (rk === 'union') {
      // the first reader branch that can read the writer's value does
      for (const branch of r as unknown[]) {
        const trial: AvroProblem[] = [];
        const { s: b } = deref(branch, rn, rn0);
        if (!sameKind(wk, kindOf(b), w, b)) continue;
        readsAs(w, wn0, branch, rn0, path, trial);
        if (!trial.length) return;
      }
      out.push({ path, message: `a \`${describe(w)}\` value written by the other side matches no branch of the reader's union` });
      return;
    }
    if (wk !== rk) {
      if (!(PROMOTES[wk] ?? []).includes(rk)) out.push({ path, message: `a \`${describe(w)}\` value cannot be read as \`${describe(r)}\`` });
      return;
    }
    if (wk === 'record' || wk === 'error') {
      if (!sameName(w, r, wn0, rn0)) { out.push({ path, message: `record \`${fullName(w, wn0)}\` is read as record \`${fullName(r, rn0)}\`` }); return; }
      // a recursive record is checked once per pair of names
      const key = `${fullName(w, wn0)}>${fullName(r, rn0)}`;
      if (seen.has(key)) return;
      seen.add(key);
      const wf: any[] = Array.isArray(w.fields) ? w.fields : [];
      const rf: any[] = Array.isArray(r.fields) ? r.fields : [];
      for (const f of rf) {
        const names = [f.name, ...(Array.isArray(f.aliases) ? f.aliases : [])];
        const from = wf.find((x) => names.includes(x.name));
        const at = path ? `${path}.${f.name}` : String(f.name);
        if (!from) {
          if (!Object.hasOwn(f, 'default')) out.push({ path: at, message: `field \`${f.name}\` is not in the writer's schema and has no default in the reader's` });
          continue;
        }
        readsAs(from.type, namespaceOf(w, wn0), f.type, namespaceOf(r, rn0), at, out);
      }
      return;
    }
    if (wk === 'enum') {
      if (!sameName(w, r, wn0, rn0)) { out.push({ path, message: `enum \`${fullName(w, wn0)}\` is read as enum \`${fullName(r, rn0)}\`` }); return; }
      const known = new Set<string>(Array.isArray(r.symbols) ? r.symbols : []);
      const unknown = (Array.isArray(w.symbols) ? w.symbols : []).filter((x: string) => !known.has(x));
      if (unknown.length && r.default === undefined) out.push({ path, message: `enum symbol${unknown.length > 1 ? 's' : ''} ${unknown.map((x: string) => `\`${x}\``).join(', ')} unknown to the reader, which has no default symbol` });
      return;
    }
    if (wk === 'array') return readsAs(w.items, wn0, r.items, rn0, `${path}[]`, out);
    if (wk === 'map') return readsAs(w.values, wn0, r.values, rn0, `${path}{}`, out);
    if (wk === 'fixed') {
      if (!sameName(w, r, wn0, rn0) || w.size !== r.size) out.push({ path, message: `fixed \`${fullName(w, wn0)}\` (${w.size} bytes) is read as fixed \`${fullName(r, rn0)}\` (${r.size} bytes)` });
      return;
    }
    if (!PRIMITIVES.has(wk)) out.push({ path, message: `\`${wk}\` is not an Avro type` });
  }

  readsAs(writer, '', reader, '', '', problems);
  return problems;
}

function sameKind(wk: string, rk: string, w: any, r: any): boolean {
  if (wk === rk) return wk === 'record' || wk === 'enum' || wk === 'fixed' || wk === 'error' ? shortName(w) === shortName(r) || aliasesOf(r).includes(shortName(w)) : true;
  return (PROMOTES[wk] ?? []).includes(rk);
}

const shortName = (s: any) => String(s?.name ?? '').split('.').pop()!;
const aliasesOf = (s: any): string[] => (Array.isArray(s?.aliases) ? s.aliases.map((a: string) => a.split('.').pop()!) : []);
function sameName(w: any, r: any, wns: string, rns: string): boolean {
  // the specification compares unqualified names (readers may also list the writer's under aliases)
  return shortName(w) === shortName(r) || aliasesOf(r).includes(shortName(w)) || fullName(w, wns) === fullName(r, rns);
}
const namespaceOf = (s: any, ns: string): string => (typeof s?.name === 'string' && s.name.includes('.') ? s.name.slice(0, s.name.lastIndexOf('.')) : typeof s?.namespace === 'string' ? s.namespace : ns);
const fullName = (s: any, ns: string): string => (typeof s?.name !== 'string' ? '' : s.name.includes('.') ? s.name : ns || s.namespace ? `${s.namespace ?? ns}.${s.name}` : s.name);
const describe = (s: any): string => (typeof s === 'string' ? s : Array.isArray(s) ? 'union' : s?.name ? `${s.type} ${s.name}` : String(s?.type));

/** The named types a schema defines (records, enums, fixed), by full and short name. */
function namesOf(root: unknown): Map<string, Named> {
  const names = new Map<string, Named>();
  const walk = (s: any, ns: string, depth: number) => {
    if (depth > 64 || !s || typeof s !== 'object') return;
    if (Array.isArray(s)) { for (const b of s) walk(b, ns, depth + 1); return; }
    const here = namespaceOf(s, ns);
    if ((s.type === 'record' || s.type === 'error' || s.type === 'enum' || s.type === 'fixed') && typeof s.name === 'string') {
      const full = fullName(s, ns);
      if (!names.has(full)) names.set(full, s);
      if (!names.has(s.name)) names.set(s.name, s);
    }
    if (Array.isArray(s.fields)) for (const f of s.fields) walk(f?.type, here, depth + 1);
    walk(s.items, here, depth + 1);
    walk(s.values, here, depth + 1);
    if (typeof s.type === 'object') walk(s.type, here, depth + 1);
  };
  walk(root, '', 0);
  return names;
}
