/** Escapes text for HTML element content and quoted attribute values. Everything our code writes goes through it. */
export function escapeHtml(value: unknown): string {
  return String(value ?? '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
}

/**
 * Serialises a value as JSON that is safe inside an HTML `<script>` element: no `<`, `>`, `&` or line
 * separators survive literally, so a string such as `</script>` cannot end the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/**
 * Makes raw HTML in a Markdown description show as text: outside code spans and fenced code blocks,
 * `<` becomes an entity (no tag can open without it; `>` stays for blockquotes) (which Markdown renderers print as the characters). Code is left alone
 * because renderers already print it literally.
 */
export function neutraliseMarkdownHtml(markdown: string): string {
  const out: string[] = [];
  const lines = markdown.split('\n');
  let fence: string | null = null;
  for (const line of lines) {
    const fenceMatch = /^\s{0,3}(`{3,}|~{3,})/.exec(line);
    if (fence) {
      out.push(line);
      if (fenceMatch && fenceMatch[1][0] === fence[0] && fenceMatch[1].length >= fence.length) fence = null;
      continue;
    }
    if (fenceMatch) {
      fence = fenceMatch[1];
      out.push(line);
      continue;
    }
    out.push(escapeOutsideCodeSpans(line));
  }
  return out.join('\n');
}

function escapeOutsideCodeSpans(line: string): string {
  let result = '';
  let i = 0;
  while (i < line.length) {
    if (line[i] === '`') {
      let run = 0;
      while (line[i + run] === '`') run++;
      const ticks = '`'.repeat(run);
      // A closing run of exactly the same length ends the span.
      let search = i + run;
      let close = -1;
      while (search < line.length) {
        const at = line.indexOf(ticks, search);
        if (at < 0) break;
        let after = at + run;
        if (line[after] !== '`' && line[at - 1] !== '`') { close = at; break; }
        while (line[after] === '`') after++;
        search = after;
      }
      if (close >= 0) {
        result += line.slice(i, close + run);
        i = close + run;
        continue;
      }
      result += ticks;
      i += run;
      continue;
    }
    const ch = line[i];
    result += ch === '<' ? '&lt;' : ch;
    i++;
  }
  return result;
}

/** Walks an API document and neutralises HTML in every Markdown `description` string. */
export function neutraliseDescriptions<T>(doc: T): T {
  const walk = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(walk);
    if (node && typeof node === 'object') {
      const copy: Record<string, unknown> = {};
      for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
        copy[key] = key === 'description' && typeof value === 'string' ? neutraliseMarkdownHtml(value) : walk(value);
      }
      return copy;
    }
    return node;
  };
  return walk(doc) as T;
}
