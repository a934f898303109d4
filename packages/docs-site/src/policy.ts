/** The "What counts as breaking" page: every diff rule of generated/rules.json with its fixture's before/after. */
import { inlineMarkdown, slug } from './changelog.js';
import { escapeHtml } from './escape.js';

export interface RuleExample { fixture?: string; before?: string; after?: string; startLine?: number; findings: string[]; why?: string }
export interface Rule {
  id: string;
  level: string;
  breaking: boolean;
  direction: string;
  area: string;
  kind: string;
  message: string;
  description: string;
  migration: string | null;
  example: RuleExample | null;
}

/** Reads `{rules: [...]}` (or a bare list); every rule needs an id. */
export function parseRules(data: unknown): Rule[] {
  const list = Array.isArray(data) ? data : data && typeof data === 'object' && Array.isArray((data as any).rules) ? (data as any).rules : null;
  if (!list) throw new Error('rules.json: expected {rules: [...]}');
  return list.map((r: any, i: number) => {
    if (!r || typeof r.id !== 'string' || !r.id) throw new Error(`rules.json rule ${i}: needs an "id"`);
    const ex = r.example && typeof r.example === 'object' ? r.example : null;
    return {
      id: r.id,
      level: String(r.level ?? ''),
      breaking: r.breaking === true,
      direction: String(r.direction ?? 'any'),
      area: String(r.area ?? ''),
      kind: String(r.kind ?? ''),
      message: String(r.message ?? ''),
      description: String(r.description ?? ''),
      migration: typeof r.migration === 'string' && r.migration ? r.migration : null,
      example: ex
        ? {
            fixture: typeof ex.fixture === 'string' ? ex.fixture : undefined,
            before: typeof ex.before === 'string' ? ex.before : undefined,
            after: typeof ex.after === 'string' ? ex.after : undefined,
            startLine: typeof ex.startLine === 'number' ? ex.startLine : undefined,
            findings: Array.isArray(ex.findings) ? ex.findings.map(String) : [],
            why: typeof ex.why === 'string' ? ex.why : undefined,
          }
        : null,
    };
  });
}

export function ruleAnchor(id: string): string {
  return `rule-${slug(id)}`;
}

const DIRECTION: Record<string, string> = {
  any: 'either direction',
  request: 'what clients send (requests)',
  response: 'what the server sends (responses, pushes)',
};

function levelClass(level: string): string {
  return level.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}

/** The page body: a summary table, then one section per rule (breaking ones first, in file order). */
export function renderPolicyBody(rules: Rule[]): string {
  const ordered = [...rules.filter((r) => r.breaking), ...rules.filter((r) => !r.breaking)];
  const nBreaking = ordered.filter((r) => r.breaking).length;
  const out: string[] = [];
  out.push(
    `<p class="summary"><span class="count">${rules.length} rules</span>: <span class="count">${nBreaking} breaking</span>, <span class="count">${rules.length - nBreaking} not breaking</span>.</p>`,
  );
  out.push('<table class="rules"><thead><tr><th scope="col">Rule</th><th scope="col">Level</th><th scope="col">Breaking</th><th scope="col">Direction</th><th scope="col">Area / kind</th></tr></thead><tbody>');
  for (const r of ordered) {
    out.push(
      `<tr><td><a href="#${escapeHtml(ruleAnchor(r.id))}">${escapeHtml(r.id)}</a></td><td><span class="badge level-${escapeHtml(levelClass(r.level))}">${escapeHtml(r.level)}</span></td><td>${r.breaking ? '<span class="badge breaking">Breaking</span>' : 'no'}</td><td>${escapeHtml(r.direction)}</td><td>${escapeHtml(r.area)} / ${escapeHtml(r.kind)}</td></tr>`,
    );
  }
  out.push('</tbody></table>');
  for (const r of ordered) {
    out.push(`<section class="rule${r.breaking ? ' breaking' : ''}" id="${escapeHtml(ruleAnchor(r.id))}">`);
    out.push(
      `<h2><code>${escapeHtml(r.id)}</code> <span class="badge level-${escapeHtml(levelClass(r.level))}">${escapeHtml(r.level)}</span>${r.breaking ? ' <span class="badge breaking">Breaking</span>' : ''}</h2>`,
    );
    out.push(
      `<dl class="rule-facts"><dt>Applies to</dt><dd>${escapeHtml(DIRECTION[r.direction] ?? r.direction)}</dd><dt>Area / kind</dt><dd>${escapeHtml(r.area)} / ${escapeHtml(r.kind)}</dd><dt>Changelog line</dt><dd>${inlineMarkdown(r.message)}</dd></dl>`,
    );
    if (r.description) out.push(`<p class="description">${inlineMarkdown(r.description)}</p>`);
    if (r.migration) out.push(`<p class="migration"><strong>Migration:</strong> ${inlineMarkdown(r.migration)}</p>`);
    const ex = r.example;
    if (ex && (ex.before !== undefined || ex.after !== undefined)) {
      const from = ex.startLine ? ` (from line ${ex.startLine})` : '';
      out.push('<div class="example">');
      if (ex.before !== undefined) out.push(`<h3>Before${escapeHtml(from)}</h3><pre tabindex="0"><code>${escapeHtml(ex.before)}</code></pre>`);
      if (ex.after !== undefined) out.push(`<h3>After${escapeHtml(from)}</h3><pre tabindex="0"><code>${escapeHtml(ex.after)}</code></pre>`);
      if (ex.findings.length) out.push(`<p>What the diff reports:</p><ul class="findings">${ex.findings.map((f) => `<li>${inlineMarkdown(f)}</li>`).join('')}</ul>`);
      if (ex.why) out.push(`<p class="why">Why: ${inlineMarkdown(ex.why)}</p>`);
      out.push('</div>');
    }
    out.push('</section>');
  }
  return out.join('\n');
}
