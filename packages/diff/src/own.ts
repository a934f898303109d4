/**
 * Model records are keyed by names taken from the spec, and a spec may name a field `constructor` or
 * `toString`: plain `obj[name]` or `name in obj` would then find Object.prototype's members.
 * `normalise` builds those records without a prototype; this guard is for models that reach the
 * public `diffModels` from elsewhere (built by hand, or cloned, which gives plain objects back).
 */
export function own<T>(record: Record<string, T>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/**
 * The order of `a.localeCompare(b)`, from one collator: the spec defines localeCompare as a new
 * Intl.Collator per call, which made sorting thousands of names a visible part of a large diff.
 */
export const textOrder: (a: string, b: string) => number = new Intl.Collator().compare;
