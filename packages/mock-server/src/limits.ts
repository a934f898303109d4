/** Input budgets, the same for HTTP bodies and WebSocket messages. */
export const MAX_BODY_BYTES = 10 * 1024 * 1024;
/** Deepest JSON nesting accepted (API payloads are a few levels deep; custom event content gets room). */
export const MAX_JSON_DEPTH = 64;
/** A connection whose unsent output exceeds this is a slow consumer: it is dropped, not buffered forever. */
export const MAX_BUFFERED_BYTES = 16 * 1024 * 1024;
export const MAX_CONNECTIONS = 10_000;

/**
 * Nesting depth of a JSON text, measured on the text in one pass (before parsing, so that a deep
 * document costs nothing but this scan). Brackets inside strings do not count.
 */
export function jsonDepth(text: string, stopAbove = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (inString) {
      if (ch === 92 /* \ */) i++;
      else if (ch === 34 /* " */) inString = false;
    } else if (ch === 34) inString = true;
    else if (ch === 123 /* { */ || ch === 91 /* [ */) {
      if (++depth > max) {
        max = depth;
        if (max > stopAbove) return max;
      }
    } else if (ch === 125 || ch === 93) depth--;
  }
  return max;
}
