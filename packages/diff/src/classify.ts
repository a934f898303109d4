import { rules as allRules } from './checks/registry.js';
import { messages, render } from './messages.js';
import { mergeAffects } from './affects.js';
import { LEVEL_RANK, type DiffItem, type Finding, type Rule } from './types.js';
import { textOrder } from './own.js';

export const DOCS_BASE = 'docs/rules';

/** The diff item each finding was made from (to render it again for another subject). */
export const itemOf = new WeakMap<Finding, DiffItem>();

/**
 * Runs every rule over the diff items. Items of one change judged from both sides (a structure
 * used in requests and responses) share a group: only the most severe finding of a group is kept.
 */
export function classify(items: DiffItem[], rules: readonly Rule[] = allRules): Finding[] {
  const best = new Map<number, Finding[]>();
  for (const item of items) {
    // (index loops: every item meets every rule, and for...of made an iterator result per step)
    for (let ri = 0; ri < rules.length; ri++) {
      const rule = rules[ri];
      if (!rule.handler(item)) continue;
      const f: Finding = {
        ruleId: rule.id,
        level: rule.level,
        kind: rule.kind,
        breaking: rule.level !== 'INFO',
        area: item.owner.area,
        protocols: [item.protocol],
        owner: item.owner,
        path: item.path,
        oldPath: item.oldPath,
        from: item.from,
        to: item.to,
        direction: item.direction,
        text: render(rule.id, item),
        location: { file: item.file, pointer: item.pointer },
        reference: `${DOCS_BASE}/${rule.id}.md`,
      };
      if (f.breaking && messages()[`${rule.id}-comment`]) f.migration = render(`${rule.id}-comment`, item);
      itemOf.set(f, item);
      const cur = best.get(item.group);
      if (!cur || LEVEL_RANK[f.level] > LEVEL_RANK[cur[0].level]) best.set(item.group, [f]);
      // same severity from both sides: keep one, the response view (what the server returns)
      else if (LEVEL_RANK[f.level] === LEVEL_RANK[cur[0].level] && f.direction === 'response' && cur[0].direction !== 'response') best.set(item.group, [f]);
      else if (LEVEL_RANK[f.level] === LEVEL_RANK[cur[0].level] && f.direction === cur[0].direction && !cur.some((c) => c.ruleId === f.ruleId)) cur.push(f);
    }
  }
  return [...best.values()].flat();
}

function mergeKey(f: Finding): string {
  // the same path in two error responses (`400` and `default`) is two changes
  return JSON.stringify([f.ruleId, f.owner.kind, f.owner.name, f.path, f.oldPath, f.from, f.to, itemOf.get(f)?.body ?? null]);
}

/** Joins findings that are the same change on Web and RTM into one finding listing both protocols. */
export function mergeProtocols(findings: Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const f of findings) {
    const k = mergeKey(f);
    const cur = byKey.get(k);
    if (!cur) byKey.set(k, { ...f, protocols: [...f.protocols] });
    else {
      for (const p of f.protocols) if (!cur.protocols.includes(p)) cur.protocols.push(p);
      if (f.affects) cur.affects = mergeAffects(cur.affects, f.affects);
    }
  }
  const out = [...byKey.values()];
  for (const f of out) f.protocols.sort((a, b) => (a === 'web' ? -1 : b === 'web' ? 1 : 0));
  return out;
}

export function sortFindings(findings: Finding[]): Finding[] {
  return findings.sort((a, b) =>
    textOrder(a.area, b.area) || textOrder(a.owner.name, b.owner.name) || textOrder(a.path ?? '', b.path ?? '') || textOrder(a.ruleId, b.ruleId) || textOrder(a.text, b.text));
}
