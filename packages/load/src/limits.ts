/**
 * Budgets every input is checked against before the expensive work. The largest real spec file is
 * about 110 KB with 40 aliases and 10 levels of nesting, and expands through its $refs to 1.2 million
 * values (v3.0 RTM; 206,000 when named schemas stay names); each limit leaves that far behind, and
 * each breach is an error naming the file, the place and the limit.
 */
export const LIMITS = {
  /** Bytes of one file. */
  bytes: 16 * 1024 * 1024,
  /** Nesting of mappings and sequences in one file (every recursive consumer relies on it). */
  depth: 200,
  /** Keys in one mapping. */
  keysPerMapping: 10_000,
  /** YAML anchors (`&a`) in one file. */
  anchors: 1_000,
  /** YAML aliases (`*a`) in one file. */
  aliases: 10_000,
  /** Keys that YAML merge keys (`<<: *a`) copy into the mappings holding them, in one file. */
  mergedKeys: 100_000,
  /** Values (scalars, mappings, sequences) of one file once its aliases are expanded. */
  expandedValues: 2_000_000,
  /**
   * Values of a whole document once its `$ref`s are expanded as the model reads it: refs to named
   * schemas (`#/components/schemas/X`) count as one value (the model keeps them as names), every
   * other target by its size, computed once. Real specs: 206,000.
   */
  refExpandedValues: 1_000_000,
} as const;

/** Kept for callers of the earlier API. */
export const MAX_FILE_BYTES = LIMITS.bytes;
export const MAX_DEPTH = LIMITS.depth;
