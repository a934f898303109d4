/**
 * The reference pages of one version, written at build time as plain HTML: `web.html` (Web methods), `rtm.html`
 * (RTM methods and pushes) and `structures.html` (data structures). Each method or push is one section whose
 * heading is its name, with its fields, real examples and code samples; the browser only adds small touches
 * (copy buttons, the switcher, search). Everything here reads `ReferenceVersion` and the anchors of `VersionIndex`.
 */
import { escapeHtml } from './escape.js';
import { historyBadges, renderBadges, type History, type HistoryItem } from './history.js';
import { shell } from './layout.js';
import { renderInlineMarkdown, renderMarkdown } from './markdown.js';
import { schemaAnchor, type VersionIndex, type VersionInfo } from './model.js';
import type { ExampleView, FieldView, ReferenceVersion, RtmOpView, StructureView, WebMethodView } from './reference.js';

const e = escapeHtml;

/** `#/chats/start_chat` -> `/chats/start_chat`: the element id a location hash names. */
export function idOf(anchor: string): string {
  return anchor.replace(/^#/, '');
}

export function fieldId(structure: string, field: string): string {
  return `${idOf(schemaAnchor(structure))}.${field}`;
}

function json(value: unknown): string {
  return JSON.stringify(value, null, 2) ?? 'null';
}

let sampleCounter = 0;

/** A code block with a caption and a copy button (nav.js wires the button). */
function sample(caption: string, code: string, lang: string): string {
  const id = `s${++sampleCounter}`;
  return `<figure class="sample"><figcaption><span>${e(caption)}</span><button type="button" class="copy" data-copy="${id}">Copy</button></figcaption><pre id="${id}" tabindex="0"><code class="language-${e(lang)}">${e(code)}</code></pre></figure>`;
}

function sourceNote(ex: ExampleView): string {
  return ex.source === 'schema' ? ' <span class="src">(built from the schema: the reference has no example)</span>' : ex.source === 'reference' ? ' <span class="src">(from the reference)</span>' : '';
}

function typeCell(f: FieldView, structuresHref: string): string {
  if (!f.ref) return `<code>${e(f.type)}</code>`;
  const link = `<a href="${e(structuresHref + schemaAnchor(f.ref))}">${e(f.ref)}</a>`;
  return `<code>${e(f.type).replace(e(f.ref), link)}</code>`;
}

/** A one-paragraph description renders inline (no `<p>`: fewer nodes in long tables); longer ones as blocks. */
function cellMarkdown(text: string): string {
  return /\n\s*\n|^\s*([-*+]|\d+\.|#|>|```|~~~|\|)/m.test(text) ? renderMarkdown(text) : renderInlineMarkdown(text);
}

/** A fields table; `idPrefix` gives each row an anchor (structures only). */
function fieldsTable(fields: FieldView[], structuresHref: string, caption: string, idPrefix?: string): string {
  if (!fields.length) return `<p class="nofields">${e(caption)}: none.</p>`;
  const rows = fields.map((f) => {
    const depth = (f.name.match(/\./g) ?? []).length;
    const notes = [f.required ? '<span class="req">required</span>' : '', f.renamedFrom ? `<span class="badge hist renamed">was ${e(f.renamedFrom)}</span>` : '', f.deprecated ? '<span class="badge deprecated">deprecated</span>' : ''].filter(Boolean).join(' ');
    return `<tr${idPrefix ? ` id="${e(`${idPrefix}.${f.name}`)}"` : ''}><td class="d${Math.min(depth, 3)}"><code>${e(f.name)}</code>${notes ? ` ${notes}` : ''}</td><td>${typeCell(f, structuresHref)}</td><td>${cellMarkdown(f.description)}</td></tr>`;
  });
  return `<table class="fields"><caption>${e(caption)}</caption><thead><tr><th scope="col">Field</th><th scope="col">Type</th><th scope="col">Description</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function badgesFor(item: HistoryItem | undefined, version: string, renamedFrom?: string): string {
  const badges = historyBadges(item, version);
  if (renamedFrom && !badges.some((b) => b.cls.includes('renamed'))) badges.push({ cls: 'hist renamed', label: `renamed from ${renamedFrom}` });
  const html = renderBadges(badges);
  return html ? `<p class="history">${html}</p>` : '';
}

/** The sidebar: the same navigation on the Web, RTM and structures pages. */
function sidebar(groups: Array<{ title: string; items: Array<{ href: string; label: string }> }>): string {
  const body = groups
    .filter((g) => g.items.length)
    .map((g) => `<p class="navgroup">${e(g.title)}</p><ul>${g.items.map((i) => `<li><a href="${e(i.href)}">${e(i.label)}</a></li>`).join('')}</ul>`)
    .join('');
  return `<nav class="sidebar" aria-label="Contents"><details class="toc" open><summary>Contents</summary>${body}</details></nav>`;
}

function byTag<T extends { tag: string; name: string }>(items: T[]): Array<[string, T[]]> {
  const groups = new Map<string, T[]>();
  for (const item of [...items].sort((a, b) => a.name.localeCompare(b.name))) {
    const tag = item.tag || 'Other';
    if (!groups.has(tag)) groups.set(tag, []);
    groups.get(tag)!.push(item);
  }
  return [...groups.entries()].sort(([a], [b]) => a.localeCompare(b));
}

function serverList(servers: Array<{ url: string; description: string }>): string {
  if (!servers.length) return '';
  return `<ul class="servers">${servers.map((s) => `<li><code>${e(s.url)}</code>${s.description ? ` ${e(s.description)}` : ''}</li>`).join('')}</ul>`;
}

function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

export function curlSample(ref: ReferenceVersion, m: WebMethodView): string {
  const base = ref.webServers[0]?.url ?? `https://api.livechatinc.com/${ref.id}/customer`;
  const args = m.requestExample.value;
  if (m.httpMethod === 'GET') {
    const q = new URLSearchParams({ license_id: '123' });
    if (args && typeof args === 'object') for (const [k, v] of Object.entries(args)) q.set(k, typeof v === 'string' ? v : JSON.stringify(v));
    return `curl ${shellQuote(`${base}${m.path}?${q}`)} \\\n  -H 'Authorization: Bearer <access token>'`;
  }
  return `curl -X ${m.httpMethod} ${shellQuote(`${base}${m.path}?license_id=123`)} \\\n  -H 'Authorization: Bearer <access token>' \\\n  -H 'Content-Type: application/json' \\\n  -d ${shellQuote(JSON.stringify(args ?? {}))}`;
}

/** The arguments `WebClient.call` takes: the v3.0 envelope is added by the client. */
function clientArgs(value: unknown): unknown {
  if (value && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && 'payload' in value) return (value as any).payload;
  return value ?? {};
}

function indent(text: string, by: string): string {
  return text.replace(/\n/g, `\n${by}`);
}

export function webClientSample(version: string, m: WebMethodView): string {
  return `import { WebClient } from '@ccapi/client/${version}';\n\nconst web = new WebClient({ accessToken: 'dal:…', licenseId: 123 });\nconst result = await web.call('${m.name}', ${json(clientArgs(m.requestExample.value))});`;
}

export function rtmClientSample(version: string, op: RtmOpView): string {
  const head = `import { RtmClient } from '@ccapi/client/${version}';\n\nconst rtm = new RtmClient({ licenseId: 123 });\nawait rtm.connect();\nawait rtm.send('login', { token: 'Bearer dal:…' });\n`;
  if (op.kind === 'push') return `${head}rtm.on('${op.name}', (payload) => {\n  // payload.${Object.keys(((op.requestFrame.value as any)?.payload as object) ?? {})[0] ?? 'chat_id'} …\n});`;
  const frame = op.requestFrame.value as any;
  const payload = frame && typeof frame === 'object' && 'payload' in frame ? frame.payload : {};
  return `${head}const result = await rtm.send('${op.name}', ${indent(json(payload ?? {}), '')});`;
}

/** The pushes the same method triggers, on the RTM page: a Web call causes them too (to RTM connections). */
function webPushes(ref: ReferenceVersion, rtm: string | undefined, idx: VersionIndex): string {
  const pushes = rtm ? ref.rtm.find((o) => o.name === rtm)?.pushes ?? [] : [];
  if (!pushes.length) return '';
  return `<p class="pushes">Triggers (pushes to RTM connections): ${pushes.map((p) => (idx.rtm[p] ? `<a href="rtm.html${e(idx.rtm[p].anchor)}"><code>${e(p)}</code></a>` : `<code>${e(p)}</code>`)).join(', ')}</p>`;
}

function webSection(ref: ReferenceVersion, m: WebMethodView, idx: VersionIndex, history: History | null): string {
  const anchor = idx.web[m.name]?.anchor ?? `#/${m.name}`;
  const rtm = m.rtm && idx.rtm[m.rtm] ? m.rtm : idx.rtm[m.name]?.kind === 'method' ? m.name : undefined;
  const hid = `h-web-${m.name}`;
  // Web and RTM are one API: the RTM frames of the same method sit next to the Web samples.
  const rtmOp = rtm ? ref.rtm.find((o) => o.name === rtm) : undefined;
  return `<section class="op" id="${e(idOf(anchor))}" aria-labelledby="${e(hid)}">
<h2 id="${e(hid)}"><code>${e(m.name)}</code> <span class="title">${e(m.title)}</span></h2>
${badgesFor(history?.methods[m.name], ref.id, m.renamedFrom)}<p class="endpoint"><span class="verb">${e(m.httpMethod)}</span> <code>${e(m.path)}</code>${rtm ? ` · <a class="xproto" href="rtm.html${e(idx.rtm[rtm].anchor)}">Same method over RTM: ${e(rtm)}</a>` : ''}${m.deprecated ? ' <span class="badge deprecated">deprecated</span>' : ''}</p>
${renderMarkdown(m.description)}
${webPushes(ref, rtm, idx)}
${fieldsTable(m.request, 'structures.html', m.httpMethod === 'GET' ? 'Query arguments' : 'Arguments')}
${fieldsTable(m.response, 'structures.html', 'Response fields')}
<h3 class="samples-title">Examples${sourceNote(m.requestExample)}</h3>
<div class="samples${rtmOp ? ' side-by-side' : ''}"><div class="col"><p class="col-title">Web</p>
${sample('curl', curlSample(ref, m), 'sh')}
${sample('WebClient (@ccapi/client)', webClientSample(ref.id, m), 'ts')}
${sample(`Response 200${m.responseExample.source === 'schema' ? ' (built from the schema)' : ''}`, json(m.responseExample.value), 'json')}
</div>${rtmOp ? `<div class="col"><p class="col-title">The same over RTM (<a href="rtm.html${e(idx.rtm[rtmOp.name].anchor)}">${e(rtmOp.name)}</a>)</p>
${sample('Request frame', json(rtmOp.requestFrame.value), 'json')}
${rtmOp.responseFrame ? sample('Response frame', json(rtmOp.responseFrame.value), 'json') : ''}</div>` : ''}</div>
${m.errors.length ? `<details class="errors"><summary>Errors (${m.errors.length})</summary><ul>${m.errors.map((x) => `<li><code>${e(x.status)}</code> ${renderMarkdown(x.description)}${x.example !== undefined ? `<pre tabindex="0"><code class="language-json">${e(json(x.example))}</code></pre>` : ''}</li>`).join('')}</ul></details>` : ''}
</section>`;
}

function rtmSection(ref: ReferenceVersion, op: RtmOpView, idx: VersionIndex, history: History | null): string {
  const anchor = idx.rtm[op.name]?.anchor ?? `#operation-${op.name}`;
  const web = op.kind === 'method' ? (op.web && idx.web[op.web] ? op.web : idx.web[op.name] ? op.name : undefined) : undefined;
  const hid = `h-rtm-${op.name}`;
  const item = op.kind === 'push' ? history?.pushes[op.name] : history?.methods[op.name];
  const pushes = op.pushes.map((p) => (idx.rtm[p] ? `<a href="${e(idx.rtm[p].anchor)}"><code>${e(p)}</code></a>` : `<code>${e(p)}</code>`));
  const kindLabel = op.kind === 'push' ? 'push' : 'method';
  return `<section class="op ${kindLabel}" id="${e(idOf(anchor))}" aria-labelledby="${e(hid)}">
<h2 id="${e(hid)}"><code>${e(op.name)}</code> <span class="title">${e(op.title !== op.name ? op.title : '')}</span> <span class="kind">${kindLabel}</span></h2>
${badgesFor(item, ref.id, op.renamedFrom)}${web ? `<p class="endpoint"><a class="xproto" href="web.html${e(idx.web[web].anchor)}">Same method over Web: ${e(web)}</a></p>` : ''}
${renderMarkdown(op.description)}
${pushes.length ? `<p class="pushes">Triggers: ${pushes.join(', ')}</p>` : ''}
${fieldsTable(op.request, 'structures.html', op.kind === 'push' ? 'Push payload' : 'Request payload')}
${op.kind === 'method' ? fieldsTable(op.response, 'structures.html', 'Response payload') : ''}
<div class="samples"><h3>Examples${sourceNote(op.requestFrame)}</h3>
${sample(op.kind === 'push' ? 'Push frame' : 'Request frame', json(op.requestFrame.value), 'json')}
${op.responseFrame ? sample(`Response frame${op.responseFrame.source === 'schema' ? ' (built from the schema)' : ''}`, json(op.responseFrame.value), 'json') : ''}
${sample('RtmClient (@ccapi/client)', rtmClientSample(ref.id, op), 'ts')}
</div>
</section>`;
}

function structureSection(ref: ReferenceVersion, s: StructureView, history: History | null): string {
  const id = idOf(schemaAnchor(s.name));
  const hid = `h-${id}`;
  return `<section class="structure" id="${e(id)}" aria-labelledby="${e(hid)}">
<h2 id="${e(hid)}"><code>${e(s.name)}</code>${s.fields.length ? '' : ` <span class="title">${e(s.type)}</span>`}</h2>
${badgesFor(history?.structures[s.name], ref.id, s.renamedFrom)}${renderMarkdown(s.description)}
${s.fields.length ? fieldsTable(s.fields, '', 'Fields', id) : ''}
${s.example ? `<details class="example"><summary>Example</summary>${sample(`${s.name} example`, json(s.example.value), 'json')}</details>` : ''}
</section>`;
}

function page(ref: ReferenceVersion, kind: 'web' | 'rtm' | 'structures', versions: VersionInfo[], nav: string, intro: string, sections: string): string {
  const titles = { web: 'Web API', rtm: 'RTM API', structures: 'Data structures' };
  return shell(
    `Customer Chat ${titles[kind]} ${ref.id}`,
    kind,
    ref.id,
    versions,
    '../',
    `<div class="layout">${nav}<main id="main" class="reference ${kind}" tabindex="-1"><h1>Customer Chat ${titles[kind]} <span class="ver">${e(ref.id)}</span></h1>\n${intro}\n${sections}\n</main></div>`,
  );
}

export function renderWebPage(ref: ReferenceVersion, idx: VersionIndex, versions: VersionInfo[], history: History | null): string {
  sampleCounter = 0;
  const groups = byTag(ref.web);
  const nav = sidebar(groups.map(([tag, ms]) => ({ title: tag, items: ms.map((m) => ({ href: idx.web[m.name]?.anchor ?? '#', label: m.name })) })));
  const intro = `${renderMarkdown(ref.webDescription)}<p>One HTTPS request per method: <code>POST /action/&lt;method&gt;</code> (a few read-only methods are <code>GET</code>), with <code>license_id</code> in the query and the customer's access token as <code>Authorization: Bearer …</code>. Servers:</p>${serverList(ref.webServers)}`;
  const sections = groups.map(([tag, ms]) => `<h2 class="group">${e(tag)}</h2>\n${ms.map((m) => webSection(ref, m, idx, history)).join('\n')}`).join('\n');
  return page(ref, 'web', versions, nav, intro, sections);
}

export function renderRtmPage(ref: ReferenceVersion, idx: VersionIndex, versions: VersionInfo[], history: History | null): string {
  sampleCounter = 0;
  const methods = byTag(ref.rtm.filter((o) => o.kind === 'method'));
  const pushes = [...ref.rtm.filter((o) => o.kind === 'push')].sort((a, b) => a.name.localeCompare(b.name));
  const nav = sidebar([
    ...methods.map(([tag, ms]) => ({ title: tag, items: ms.map((m) => ({ href: idx.rtm[m.name]?.anchor ?? '#', label: m.name })) })),
    { title: 'Pushes', items: pushes.map((p) => ({ href: idx.rtm[p.name]?.anchor ?? '#', label: p.name })) },
  ]);
  const intro = `${renderMarkdown(ref.rtmDescription)}<p>One WebSocket connection carries JSON frames: a request <code>{action, request_id, payload}</code> gets a response with the same <code>request_id</code>; pushes arrive on their own. Servers:</p>${serverList(ref.rtmServers)}`;
  const sections =
    methods.map(([tag, ms]) => `<h2 class="group">${e(tag)}</h2>\n${ms.map((m) => rtmSection(ref, m, idx, history)).join('\n')}`).join('\n') +
    `\n<h2 class="group" id="pushes">Pushes</h2>\n${pushes.map((p) => rtmSection(ref, p, idx, history)).join('\n')}`;
  return page(ref, 'rtm', versions, nav, intro, sections);
}

/** Structures of both protocols: the RTM document's, plus the few only the Web document has. */
export function structuresOf(ref: ReferenceVersion): StructureView[] {
  const byName = new Map<string, StructureView>();
  for (const s of ref.rtmStructures) byName.set(s.name, s);
  for (const s of ref.webStructures) if (!byName.has(s.name)) byName.set(s.name, s);
  return [...byName.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function renderStructuresPage(ref: ReferenceVersion, versions: VersionInfo[], history: History | null): string {
  sampleCounter = 0;
  const all = structuresOf(ref);
  const nav = sidebar([{ title: 'Structures', items: all.map((s) => ({ href: schemaAnchor(s.name), label: s.name })) }]);
  const intro = '<p>The data structures of both protocols; each field links to the structure it holds. Method arguments and push payloads are listed with their method on the Web and RTM pages.</p>';
  return page(ref, 'structures', versions, nav, intro, all.map((s) => structureSection(ref, s, history)).join('\n'));
}
