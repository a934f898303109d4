import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { OPERATION_BINDING_SCHEMAS } from '@ccapi/model';
import type { DiffItem } from './types.js';

let cache: Record<string, string> | undefined;

/** The rule messages (`src/messages.yaml`), keyed by rule id. */
export function messages(): Record<string, string> {
  if (!cache) cache = parseMessages(readFileSync(new URL('./messages.yaml', import.meta.url), 'utf8'));
  return cache;
}

/**
 * messages.yaml is a flat map of `id: "json string"` lines: read those directly (fast start-up),
 * and fall back to a full YAML parser for anything else.
 */
function parseMessages(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of text.split('\n')) {
    if (!line.trim() || line.startsWith('#')) continue;
    const m = /^([a-z0-9-]+): (".*")$/.exec(line);
    if (!m) return createRequire(import.meta.url)('yaml').parse(text) as Record<string, string>;
    try {
      out[m[1]] = JSON.parse(m[2]);
    } catch {
      return createRequire(import.meta.url)('yaml').parse(text) as Record<string, string>;
    }
  }
  return out;
}

const PARAM = /^(query|header|path|cookie|channel|handshake-query|handshake-header|handshake|binding|frame):([^.[{]*)(.*)$/;

/** Human label of a field path: `request field \`order.id\``, `query parameter \`limit\``... */
export function fieldLabel(path: string | undefined, i: Pick<DiffItem, 'direction' | 'owner' | 'base' | 'revision' | 'body'>): string {
  if (path === undefined) return 'a field';
  // a field of an error response: named with its status
  if (i.body) return path === '' ? `the body of ${i.body}` : `${fieldLabel(path, { ...i, body: undefined })} of ${i.body}`;
  const side = i.direction === 'request' ? 'request' : 'response';
  if (path === '') {
    if (i.owner.kind === 'structure') return 'the schema';
    // what the client sends for a push is its endpoint's answer to a webhook or callback
    if (i.owner.kind === 'push') return i.direction === 'request' ? 'answer body' : 'payload';
    return `${side} body`;
  }
  const m = PARAM.exec(path);
  if (m) {
    const [, where, key, rest] = m;
    // path parameters are keyed by position and headers in lower case: say the name as written
    const label = (key.startsWith('#') || where === 'header' || where === 'handshake-header' ? (i.revision?.label ?? i.base?.label) : undefined) ?? key;
    const full = rest ? `${label}${rest}` : label;
    // a place in the address whose parameter is now another one (`/{a}/{b}` -> `/{b}/{a}`): name both
    const was = key.startsWith('#') && i.base?.label !== undefined && i.revision?.label !== undefined && i.base.label !== i.revision.label ? i.base.label : undefined;
    if (was !== undefined) return `${where} parameter \`${full}\` (in the place of \`${was}${rest ?? ''}\`)`;
    // a WebSocket binding's handshake: the HTTP request that opens the connection
    if (where === 'handshake') return `WebSocket handshake ${full}`;
    if (where === 'handshake-query') return `WebSocket handshake query parameter \`${full}\``;
    if (where === 'handshake-header') return `WebSocket handshake header \`${full}\``;
    // a schema a message's protocol binding gives (`binding:kafka/key`): what travels with the message;
    // or one an operation's binding gives (`binding:kafka/groupId`): what its consumer chooses
    if (where === 'binding') { const [proto, kw] = key.split('/'); return `${rest ? `field \`${rest.replace(/^\./, '')}\` of ` : ''}\`${kw}\` of the \`${proto}\` ${OPERATION_BINDING_SCHEMAS[proto]?.includes(kw) ? 'operation' : 'message'} binding`; }
    if (where === 'header' && key === '*') return `the message's headers object${rest}`;
    // an RTM frame's own property beside its payload (`action`, `request_id`, `success`...)
    if (where === 'frame') return `${i.owner.kind === 'method' ? `${side} ` : ''}frame field \`${full}\``;
    // what a push brings (a webhook's or callback's request, an AsyncAPI message) is no response
    if (where === 'header' && side === 'response') return i.owner.kind === 'push' ? `header \`${full}\`` : `response header \`${full}\``;
    return `${where} parameter \`${full}\``;
  }
  if (i.owner.kind === 'method') return `${side} field \`${path}\``;
  if (i.owner.kind === 'push' && side === 'request') return `answer field \`${path}\``;
  return `field \`${path}\``;
}

export function subjectLabel(owner: DiffItem['owner']): string {
  switch (owner.kind) {
    case 'method': return `the \`${owner.name}\` method`;
    case 'push': return `the \`${owner.name}\` push`;
    case 'structure': return `the \`${owner.name}\` data structure`;
    case 'parameter': return `every operation using the shared parameter \`${owner.name}\``;
    // (a change grouped over operations says so in its title: "each of 12 methods")
    default: return owner.title ?? 'the API';
  }
}

const CONTROL = /[\u0000-\u001f\u007f]/;
const LOOKS_TYPED = /^(?:-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null)$/;

/**
 * One value as a message shows it: a string bare, unless it holds a control character (a pattern
 * written as a YAML block keeps its newline), or, among enum values (`typed`), it would read as a
 * number, boolean or null; then as JSON, so `"10"` and `10` stay apart.
 */
function shown(x: unknown, typed: boolean): string {
  if (typeof x !== 'string') return JSON.stringify(x);
  return CONTROL.test(x) || (typed && LOOKS_TYPED.test(x)) ? JSON.stringify(x) : x;
}

function fmt(v: unknown, quoted: boolean, typed: boolean): string {
  if (Array.isArray(v)) return v.map((x) => `\`${shown(x, typed)}\``).join(', ');
  if (v === undefined) return 'none';
  const s = shown(v, typed);
  return quoted ? s : `\`${s}\``;
}

type LinkJson = { operationId?: string; operationRef?: string; parameters?: Record<string, unknown>; requestBody?: unknown; server?: unknown };

/** What of a response link changed (its model keeps the link as JSON): where it leads, which parameters, its body or server. */
function linkChange(from: unknown, to: unknown): string {
  const b = (from ?? {}) as LinkJson, r = (to ?? {}) as LinkJson;
  const parts: string[] = [];
  const target = (l: LinkJson) => l.operationId ?? l.operationRef;
  if (target(b) !== target(r)) parts.push(`it leads to \`${target(r) ?? 'no operation'}\` instead of \`${target(b) ?? 'no operation'}\``);
  const bp = b.parameters ?? {}, rp = r.parameters ?? {};
  const names = [...new Set([...Object.keys(bp), ...Object.keys(rp)])].filter((k) => JSON.stringify(bp[k]) !== JSON.stringify(rp[k]));
  const shownValue = (v: unknown) => (v === undefined ? 'nothing' : `\`${typeof v === 'string' ? v : JSON.stringify(v)}\``);
  for (const k of names.slice(0, 3)) parts.push(`parameter \`${k}\` takes ${shownValue(rp[k])} instead of ${shownValue(bp[k])}`);
  if (names.length > 3) parts.push(`${names.length - 3} more parameters changed`);
  if (JSON.stringify(b.requestBody) !== JSON.stringify(r.requestBody)) parts.push(`its request body takes ${shownValue(r.requestBody)} instead of ${shownValue(b.requestBody)}`);
  if (JSON.stringify(b.server) !== JSON.stringify(r.server)) parts.push('it names another server');
  return parts.length ? parts.join('; ') : 'it leads elsewhere or takes its values from other places';
}

/** One credential of an alternative as the model labels it: `oauth2:<flow>(<url>=..., ...)[scopes]`, `apiKey:<in>:<name>`, `http:<scheme>`... */
type Credential = { kind: string; flow?: string; urls?: Record<string, string>; scopes?: string[]; where?: string; name?: string };
function credentialParts(label: string): Credential {
  const m = /^oauth2:(\w+)\(([^)]*)\)(?:\[([^\]]*)\])?/.exec(label);
  if (m) return { kind: `oauth2:${m[1]}`, flow: m[1], urls: Object.fromEntries(m[2].split(', ').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])), scopes: m[3] ? m[3].split(',') : [] };
  const k = /^apiKey:(\w+)(?::(.*?))?(?: \(.*\))?$/.exec(label);
  if (k) return { kind: 'apiKey', where: k[1], name: k[2] ?? '' };
  return { kind: label };
}

/**
 * What tells a lost security alternative from the new ones when they are alike (the same OAuth2 flow
 * at another URL or with more scopes, an API key moved, one credential now needed beside another):
 * the long labels alone hide it. Empty when nothing is alike.
 */
function securityDetail(from: unknown, to: unknown): string {
  if (!Array.isArray(from) || !Array.isArray(to)) return '';
  const said = new Set<string>();
  const WHERE: Record<string, string> = { header: 'header', query: 'query parameter', cookie: 'cookie' };
  for (const lost of from as string[]) {
    const lostParts = lost.split(' & ');
    for (const now of to as string[]) {
      const nowParts = now.split(' & ');
      // the same credentials and more: the others are now needed as well
      if (nowParts.length > lostParts.length && lostParts.every((p) => nowParts.includes(p))) {
        said.add(`with \`${lost}\`, ${nowParts.filter((p) => !lostParts.includes(p)).map((p) => `\`${p}\``).join(' and ')} is now needed as well`);
        continue;
      }
      if (nowParts.length !== lostParts.length) continue;
      for (const lp of lostParts) {
        if (nowParts.includes(lp)) continue;
        const a = credentialParts(lp);
        for (const np of nowParts) {
          const b = credentialParts(np);
          if (a.kind !== b.kind || np === lp) continue;
          if (a.urls && b.urls) {
            const au = a.urls, bu = b.urls;
            for (const u of new Set([...Object.keys(au), ...Object.keys(bu)])) {
              if (au[u] !== bu[u]) said.add(`the \`${a.flow}\` flow's \`${u}\` is ${bu[u] === undefined ? 'gone' : `now \`${bu[u]}\``} (was ${au[u] === undefined ? 'none' : `\`${au[u]}\``})`);
            }
            const more = (b.scopes ?? []).filter((x) => !(a.scopes ?? []).includes(x));
            if (more.length) said.add(`the scope(s) ${more.map((x) => `\`${x}\``).join(', ')} must now be granted`);
          } else if (a.where !== undefined && b.where !== undefined && (a.where !== b.where || a.name !== b.name)) {
            said.add(`the API key moved from ${WHERE[a.where] ?? a.where} \`${a.name}\` to ${WHERE[b.where] ?? b.where} \`${b.name}\``);
          }
        }
      }
    }
  }
  return said.size ? ` What changed: ${[...said].slice(0, 4).join('; ')}.` : '';
}

/** Fills the message of a rule with the facts of one diff item. */
export function render(ruleId: string, i: DiffItem): string {
  // `uniqueItems` is kept as a limit of 1; its messages say what it means instead of "a uniqueItems of 1"
  // a server variable's change has a sentence of its own (`{old}` is the variable)
  const absent = (v: unknown) => v === undefined || v === '';
  const variant = i.oldPath === 'uniqueItems' ? 'unique'
    : i.subject === 'server' && i.change.startsWith('variable-') ? i.change
    // a keyword kept as JSON (`not`, `if`/`then`/`else`): its sentence says added or removed, the record keeps the values
    : i.change === 'constraint' ? (absent(i.from) ? 'added' : absent(i.to) ? 'removed' : undefined)
    : undefined;
  const tpl = (variant ? messages()[`${ruleId}-${variant}`] : undefined) ?? messages()[ruleId] ?? `${ruleId}: {subject} {field}`;
  const subject = subjectLabel(i.owner);
  const values: Record<string, string | (() => string)> = {
    Subject: subject[0].toUpperCase() + subject.slice(1),
    subject,
    name: i.owner.name,
    field: fieldLabel(i.path, i),
    // the old field is named as the base wrote it (a header renamed only in case keeps its key)
    oldfield: fieldLabel(i.oldPath, { ...i, revision: i.base ? undefined : i.revision }),
    path: i.path ?? '',
    old: i.oldPath ?? '',
    change: i.change,
    direction: i.direction,
    nullability: i.to === true ? 'now accepts `null`' : 'is never `null` any more',
    link: () => linkChange(i.from, i.to),
    secdetail: () => securityDetail(i.from, i.to),
  };
  const text = tpl.replace(/(`?)\{(\w+)\}(`?)/g, (all, pre: string, key: string, post: string) => {
    const quoted = pre === '`' && post === '`';
    if (key === 'from' || key === 'to') {
      const v = key === 'from' ? i.from : i.to;
      // no value (a format dropped, a default added): the word alone, not quoted like a value named `none`
      if (v === undefined) return 'none';
      return `${pre}${fmt(v, quoted, i.change.startsWith('enum-'))}${post}`;
    }
    const v = values[key];
    return v === undefined ? all : `${pre}${typeof v === 'function' ? v() : v}${post}`;
  });
  // a property named with a dot is one step of a path (see the model's pathKey); a reader sees the dot
  return text.includes('\u2024') ? text.replace(/\u2024/g, '.') : text;
}
