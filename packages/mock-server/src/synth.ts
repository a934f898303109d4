/**
 * Builds sample values from the version's schemas: the spec's own `examples` first, otherwise a
 * minimal value that satisfies the schema (required properties only, first enum value, ...).
 */
type S = Record<string, unknown>;

export interface SchemaSet {
  base: string;
  definitions: Record<string, S>;
}

const isObj = (x: unknown): x is S => typeof x === 'object' && x !== null && !Array.isArray(x);

export class Synth {
  constructor(private readonly set: SchemaSet) {}

  private deref(s: unknown): S | null {
    let cur = s;
    for (let i = 0; i < 20 && isObj(cur) && typeof cur.$ref === 'string'; i++) {
      cur = this.set.definitions[(cur.$ref as string).slice(this.set.base.length)];
    }
    return isObj(cur) ? cur : null;
  }

  /** Every candidate value for a schema, best first (its examples, then a synthesized one). */
  candidates(schemaOrName: string | S, depth = 0): unknown[] {
    const s = typeof schemaOrName === 'string' ? this.set.definitions[schemaOrName] : schemaOrName;
    const out: unknown[] = [];
    const r = this.deref(s);
    if (!r) return [{}];
    if (Array.isArray(r.examples)) out.push(...r.examples.map((x) => structuredClone(x)));
    if (r.example !== undefined) out.push(structuredClone(r.example));
    out.push(this.value(r, depth));
    return out;
  }

  /** A minimal value of the schema. */
  value(schema: unknown, depth = 0): unknown {
    const s = this.deref(schema);
    if (!s) return {};
    if (s.const !== undefined) return structuredClone(s.const);
    if (Array.isArray(s.examples) && s.examples.length && depth > 0) return structuredClone(s.examples[0]);
    if (s.default !== undefined) return structuredClone(s.default);
    if (Array.isArray(s.enum) && s.enum.length) return structuredClone(s.enum[0]);
    if (Array.isArray(s.allOf)) {
      const parts = s.allOf.map((p) => this.value(p, depth + 1));
      const rest = { ...s, allOf: undefined };
      parts.push(this.value(rest, depth + 1));
      if (parts.every(isObj)) return Object.assign({}, ...parts);
      return parts.find((p) => p !== undefined && !(isObj(p) && Object.keys(p).length === 0)) ?? parts[0];
    }
    const alt = (s.oneOf ?? s.anyOf) as unknown[] | undefined;
    if (Array.isArray(alt) && alt.length) return this.value(alt[0], depth + 1);
    let type = s.type;
    if (Array.isArray(type)) type = type.find((t) => t !== 'null') ?? type[0];
    if (!type && (s.properties || s.required)) type = 'object';
    switch (type) {
      case 'string':
        return this.string(s);
      case 'integer':
      case 'number':
        return typeof s.minimum === 'number' ? s.minimum : 1;
      case 'boolean':
        return false;
      case 'null':
        return null;
      case 'array': {
        const min = typeof s.minItems === 'number' ? s.minItems : 0;
        const items: unknown[] = [];
        for (let i = 0; i < min; i++) items.push(this.value(s.items, depth + 1));
        return items;
      }
      case 'object': {
        const out: S = {};
        const props = (s.properties as S | undefined) ?? {};
        for (const key of (s.required as string[] | undefined) ?? []) {
          out[key] = depth > 12 ? {} : this.value(props[key] ?? {}, depth + 1);
        }
        const minProps = typeof s.minProperties === 'number' ? s.minProperties : 0;
        for (const key of Object.keys(props)) {
          if (Object.keys(out).length >= minProps) break;
          if (!(key in out)) out[key] = this.value(props[key], depth + 1);
        }
        return out;
      }
      default:
        return {};
    }
  }

  private string(s: S): string {
    if (s.format === 'date-time') return '2026-01-01T12:00:00.000000Z';
    if (s.format === 'date') return '2026-01-01';
    if (s.format === 'uri' || s.format === 'url') return 'https://example.com/';
    if (s.format === 'email') return 'customer@example.com';
    const min = typeof s.minLength === 'number' ? s.minLength : 1;
    return 'x'.repeat(Math.max(min, 1));
  }

  /** Does the schema (after refs) declare this property at its top level? */
  hasProperty(schemaName: string, key: string): boolean {
    const s = this.deref(this.set.definitions[schemaName]);
    if (!s) return false;
    const parts = [s, ...((s.allOf as unknown[] | undefined) ?? []).map((p) => this.deref(p))];
    return parts.some((p) => isObj(p?.properties) && key in (p!.properties as S));
  }
}
