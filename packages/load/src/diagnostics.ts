/** A problem found while loading a document. Library functions return these; only CLIs exit. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable code, e.g. `yaml-syntax`, `ref-unresolved`, `ref-remote`. */
  code: string;
  message: string;
  /** File the problem is in (absolute path). */
  file?: string;
  line?: number;
  column?: number;
  /** JSON pointer inside `file`, when known. */
  pointer?: string;
  /** What to do about it. */
  hint?: string;
}

export function hasErrors(diagnostics: readonly Diagnostic[]): boolean {
  return diagnostics.some((d) => d.severity === 'error');
}

/** `file:line:col error [code] message` plus an indented hint: the format every CLI here prints. */
export function formatDiagnostic(d: Diagnostic, cwd = process.cwd()): string {
  let where = '';
  if (d.file) {
    const rel = d.file.startsWith(cwd + '/') ? d.file.slice(cwd.length + 1) : d.file;
    where = rel + (d.line ? `:${d.line}${d.column ? `:${d.column}` : ''}` : '') + ': ';
  }
  const ptr = d.pointer && d.pointer !== '#' && d.pointer !== '' ? ` (at ${d.pointer})` : '';
  let out = `${where}${d.severity} [${d.code}] ${d.message}${ptr}`;
  if (d.hint) out += `\n    hint: ${d.hint}`;
  return out;
}

export function formatDiagnostics(ds: readonly Diagnostic[], cwd?: string): string {
  return ds.map((d) => formatDiagnostic(d, cwd)).join('\n');
}
