import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { GuardInputError } from './git.js';

/** A reviewed exception: lets one breaking change to a released version through. */
export interface Waiver {
  version: string;
  rule: string;
  /** Substring of the change's text or location that identifies it; omit to waive every change of the rule in that version. */
  match?: string;
  reason: string;
}

/** Reads and checks the waiver file; every waiver needs a version, a rule and a reason. */
export function readWaivers(file: string): Waiver[] {
  if (!existsSync(file)) return [];
  let data: unknown;
  try {
    data = parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new GuardInputError(`${file}: not valid YAML: ${(e as Error).message.split('\n')[0]}`, 'Fix the YAML syntax of the waiver file.', file);
  }
  const list = (data as { waivers?: unknown } | null)?.waivers ?? [];
  if (!Array.isArray(list)) throw new GuardInputError(`${file}: \`waivers\` must be a list`, 'Write `waivers:` followed by a list of {version, rule, match, reason}.');
  return list.map((w, i) => {
    const o = (w && typeof w === 'object' && !Array.isArray(w) ? w : {}) as Record<string, unknown>;
    // a reason must say something: spaces, zero-width and other invisible characters do not count
    const missing = ['version', 'rule', 'reason'].filter((k) => typeof o[k] !== 'string' || !/[\p{L}\p{N}]/u.test(o[k] as string));
    if (missing.length) throw new GuardInputError(`${file}: waiver #${i + 1} lacks ${missing.join(', ')}`, 'Every waiver names the version, the rule id and the reason the breaking change is accepted (in words: blank or invisible characters are not a reason).', file);
    return { version: String(o.version), rule: String(o.rule), match: o.match === undefined ? undefined : String(o.match), reason: String(o.reason) };
  });
}

export function waiverFor(waivers: Waiver[], version: string, change: { rule: string; text: string; location?: string }): Waiver | undefined {
  return waivers.find(
    (w) => w.version === version && w.rule === change.rule && (!w.match || change.text.includes(w.match) || (change.location ?? '').includes(w.match)),
  );
}
