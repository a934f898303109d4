import { test } from 'node:test';
import assert from 'node:assert/strict';
import { escapeHtml, jsonForScript } from '../src/escape.ts';
import { buildNavData, indexVersion, redocSlug, translateName, webAnchor, type VersionIndex } from '../src/model.ts';
import { assertOffline, navBar } from '../src/build.ts';
import { affectedLinks, entryLinks, entryText, inlineMarkdown, itemsFromEntries, parseChangelog, parseChangelogItems, renderChangelogBody } from '../src/changelog.ts';
import { historyBadges, parseHistory, renderMethodsIndex } from '../src/history.ts';
import { parseRules, renderPolicyBody, ruleAnchor } from '../src/policy.ts';

test('escapeHtml escapes every character that can open markup or end an attribute', () => {
  assert.equal(escapeHtml(`<img src=x onerror="a('b')">&`), '&lt;img src=x onerror=&quot;a(&#39;b&#39;)&quot;&gt;&amp;');
  assert.equal(escapeHtml(undefined), '');
  assert.equal(escapeHtml(42), '42');
});

test('jsonForScript cannot close a script element and still parses back', () => {
  const value = { d: '</script><script>window.__xss=1</script>&\u2028' };
  const out = jsonForScript(value);
  assert.ok(!out.includes('<') && !out.includes('>') && !out.includes('&'));
  assert.deepEqual(JSON.parse(out), value);
});

test('assertOffline rejects remote scripts, styles and fonts and accepts local ones', () => {
  assert.doesNotThrow(() => assertOffline('p', '<script src="../assets/nav.js"></script><a href="https://example.com">x</a>'));
  assert.throws(() => assertOffline('p', '<script src="https://cdn.example.com/x.js"></script>'), /loads https:\/\/cdn/);
  assert.throws(() => assertOffline('p', '<link rel="modulepreload" href="//cdn.example.com/r.js">'), /network/);
  assert.throws(() => assertOffline('p', '<link href="https://fonts.googleapis.com/css?family=Roboto" rel="stylesheet">'), /network|fonts/);
  assert.throws(() => assertOffline('p', '<style>@import url(https://x.y/a.css)</style>'), /remote fonts/);
  assert.throws(() => assertOffline('p', '<div class="a" style="background:url(//x.y/b.png)">'), /remote fonts/);
  // Text that only quotes such markup is inert (the `<` is escaped), and must not fail the build.
  assert.doesNotThrow(() => assertOffline('p', '<p>&lt;div style="background:url(http://x.y/b.png)"&gt; and @import url(http://x.y)</p>'));
});

const web = (ops: Array<[string, string, Record<string, string>?]>) => ({
  paths: Object.fromEntries(ops.map(([id, tag, x]) => [`/action/${id}`, { post: { operationId: id, summary: id, tags: [tag], ...(x ?? {}) } }])),
});
const rtm = (ops: Array<[string, 'send' | 'receive', Record<string, string>?]>, schemas: Record<string, object> = {}) => ({
  operations: Object.fromEntries(
    ops.map(([id, action, x]) => [id, { action, summary: id, tags: [{ $ref: '#/components/tags/Chats' }], ...(action === 'send' && id !== 'ping' ? { reply: { messages: [] } } : {}), ...(x ?? {}) }]),
  ),
  components: { tags: { Chats: { name: 'Chats' } }, schemas },
});

function fixtureIndexes(): Record<string, VersionIndex> {
  return {
    'v1.0': indexVersion('v1.0', web([['get_chat_threads', 'Chats'], ['activate_chat', 'Chat access'], ['gone', 'Other']]), rtm([['get_chat_threads', 'send'], ['activate_chat', 'send'], ['thread_closed', 'receive']], { Chat: {} })),
    'v1.1': indexVersion('v1.1', web([['get_chat', 'Chats', { 'x-renamed-from': 'get_chat_threads' }], ['activate_chat', 'Chat access']]), rtm([['get_chat', 'send', { 'x-renamed-from': 'get_chat_threads', 'x-web-equivalent': 'get_chat' }], ['activate_chat', 'send'], ['chat_deactivated', 'receive', { 'x-renamed-from': 'thread_closed' }]], { Chat: {} })),
    'v1.2': indexVersion('v1.2', web([['get_chat', 'Chats'], ['resume_chat', 'Chat access', { 'x-renamed-from': 'activate_chat', 'x-rtm-equivalent': 'resume_chat' }]]), rtm([['get_chat', 'send'], ['resume_chat', 'send', { 'x-renamed-from': 'activate_chat' }], ['chat_deactivated', 'receive'], ['ping', 'send']], { ChatNew: { 'x-renamed-from': 'Chat' } })),
  };
}

test('anchors follow Redoc routes and AsyncAPI component ids', () => {
  assert.equal(redocSlug('Chat access'), 'chat-access');
  assert.equal(webAnchor('Chats', 'start_chat'), '#/chats/start_chat');
  const idx = fixtureIndexes()['v1.2'];
  assert.equal(idx.web.resume_chat.anchor, '#/chat-access/resume_chat');
  assert.equal(idx.rtm.resume_chat.anchor, '#operation-request-resume_chat');
  assert.equal(idx.rtm.chat_deactivated.anchor, '#operation-receive-chat_deactivated');
  assert.equal(idx.rtm.ping.anchor, '#operation-send-ping', 'a send without reply');
  assert.equal(idx.rtm.get_chat.tag, 'Chats');
  assert.equal(idx.schemas.ChatNew, '#schema-ChatNew');
});

test('translateName follows rename chains in both directions and across several versions', () => {
  const indexes = fixtureIndexes();
  const ids = ['v1.0', 'v1.1', 'v1.2'];
  assert.equal(translateName('get_chat_threads', 'v1.0', 'v1.2', ids, indexes), 'get_chat');
  assert.equal(translateName('activate_chat', 'v1.0', 'v1.2', ids, indexes), 'resume_chat');
  assert.equal(translateName('resume_chat', 'v1.2', 'v1.0', ids, indexes), 'activate_chat');
  assert.equal(translateName('get_chat', 'v1.2', 'v1.0', ids, indexes), 'get_chat_threads');
  assert.equal(translateName('chat_deactivated', 'v1.2', 'v1.0', ids, indexes), 'thread_closed');
  assert.equal(translateName('ChatNew', 'v1.2', 'v1.1', ids, indexes), 'Chat');
  assert.equal(translateName('gone', 'v1.0', 'v1.1', ids, indexes), null);
  assert.equal(translateName('activate_chat', 'v1.1', 'v1.1', ids, indexes), 'activate_chat');
});

test('nav data: cross-links between Web and RTM and rename tables', () => {
  const indexes = fixtureIndexes();
  const nav = buildNavData([{ id: 'v1.0', status: 'deprecated' }, { id: 'v1.1', status: 'stable' }, { id: 'v1.2', status: 'preview' }], indexes);
  assert.equal(nav.pages['v1.2'].webToRtm.resume_chat, 'resume_chat');
  assert.equal(nav.pages['v1.1'].rtmToWeb.get_chat, 'get_chat');
  assert.equal(nav.pages['v1.1'].rtmToWeb.chat_deactivated, undefined, 'a push has no Web page');
  assert.equal(nav.renames['v1.2']['v1.0'].resume_chat, 'activate_chat');
  assert.equal(nav.renames['v1.0']['v1.1'].gone, null);
  assert.ok(!('get_chat' in nav.renames['v1.1']['v1.2']), 'unchanged names are not listed');
});

test('changelog: entries are escaped, Markdown code kept, and linked to their subject', () => {
  assert.equal(inlineMarkdown('`a<b>` and <script>x</script> **bold**'), '<code>a&lt;b&gt;</code> and &lt;script&gt;x&lt;/script&gt; <strong>bold</strong>');
  assert.equal(inlineMarkdown('[bad](javascript:void0) [ok](#v3.3)'), '[bad](javascript:void0) <a href="#v3.3">ok</a>');
  const indexes = fixtureIndexes();
  const [m, s, t] = parseChangelog([
    { version: 'v1.2', area: 'Chat access', protocols: ['web', 'rtm'], kind: 'method-renamed', breaking: true, text: 'renamed', source: 'diff', subject: { kind: 'method', name: 'resume_chat' } },
    { version: 'v1.2', area: 'Data structures', protocols: ['web', 'rtm'], kind: 'x', breaking: false, text: 't', source: 'diff', subject: { kind: 'structure', name: 'ChatNew' } },
    { version: 'v1.1', area: 'Chats', protocols: ['rtm'], kind: 'note', breaking: false, text: 'The `chat_deactivated` push now <b>fires</b>.', source: 'note' },
  ]);
  assert.deepEqual(entryLinks(m, indexes['v1.2']).map((l) => l.href), ['v1.2/web.html#/chat-access/resume_chat', 'v1.2/rtm.html#operation-request-resume_chat']);
  assert.deepEqual(entryLinks(s, indexes['v1.2']).map((l) => l.href), ['v1.2/structures.html#schema-ChatNew']);
  assert.deepEqual(entryLinks(t, indexes['v1.1']).map((l) => l.href), ['v1.1/rtm.html#operation-receive-chat_deactivated']);
  const html = renderChangelogBody([m, s, t], [{ id: 'v1.1', status: 'stable' }, { id: 'v1.2', status: 'preview' }], indexes);
  assert.ok(html.indexOf('id="v1.2"') < html.indexOf('id="v1.1"'), 'newest version first');
  assert.match(html, /<li class="entry breaking"[^>]*><a class="anchor"[^>]*>#<\/a> <span class="badge breaking"/);
  assert.ok(html.includes('&lt;b&gt;fires&lt;/b&gt;') && !html.includes('<b>'));
  assert.ok(html.includes('id="v1.2-chat-access"'));
  assert.throws(() => parseChangelog({ nope: 1 }), /expected a list/);
});

test('the bar escapes what it writes', () => {
  const html = navBar('web', 'v1"><script>', [{ id: 'v1"><script>', status: 'stable' }], '../');
  assert.ok(!html.includes('<script>'));
  assert.ok(html.includes('v1&quot;&gt;&lt;script&gt;'));
});

test('changelog: a removed subject links to the previous version, an API-wide entry to the pages', () => {
  const indexes = fixtureIndexes();
  const [removed, api, unknown] = parseChangelog([
    { version: 'v1.1', area: 'Other', protocols: ['web', 'rtm'], kind: 'method-removed', breaking: true, text: 'gone', source: 'diff', subject: { kind: 'method', name: 'gone' } },
    { version: 'v1.1', area: 'General', protocols: ['rtm'], kind: 'server-changed', breaking: true, text: 'server', source: 'diff', subject: { kind: 'api', name: 'API' } },
    { version: 'v1.1', area: 'General', protocols: [], kind: 'x', breaking: false, text: 'The `nothing` thing', source: 'note' },
  ]);
  assert.deepEqual(entryLinks(removed, indexes['v1.1'], indexes['v1.0']), [{ href: 'v1.0/web.html#/other/gone', label: 'Web: gone (as in v1.0)' }]);
  assert.deepEqual(entryLinks(api, indexes['v1.1'], indexes['v1.0']).map((l) => l.href), ['v1.1/rtm.html']);
  assert.deepEqual(entryLinks(unknown, indexes['v1.1']).map((l) => l.href), ['v1.1/web.html', 'v1.1/rtm.html']);
});

test('the static server serves files and directories and refuses paths outside its folder', async () => {
  const { mkdtempSync, writeFileSync, mkdirSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const { request } = await import('node:http');
  const { createStaticServer, listen } = await import('../src/serve.ts');
  const dir = mkdtempSync(join(tmpdir(), 'ccapi-serve-'));
  mkdirSync(join(dir, 'site', 'v1'), { recursive: true });
  writeFileSync(join(dir, 'site', 'index.html'), '<p>home</p>');
  writeFileSync(join(dir, 'site', 'v1', 'web.html'), '<p>web</p>');
  writeFileSync(join(dir, 'secret.txt'), 'secret');
  const server = createStaticServer(join(dir, 'site'));
  const base = await listen(server, 0);
  // Raw paths: fetch() would normalise the dot segments away before they reach the server.
  const get = (path: string) =>
    new Promise<{ status: number; body: string; type: string }>((ok, fail) => {
      const url = new URL(base);
      const req = request({ host: url.hostname, port: url.port, path, method: 'GET' }, (res) => {
        let body = '';
        res.on('data', (c) => (body += c)).on('end', () => ok({ status: res.statusCode ?? 0, body, type: String(res.headers['content-type']) }));
      });
      req.on('error', fail).end();
    });
  try {
    assert.deepEqual(await get('/'), { status: 200, body: '<p>home</p>', type: 'text/html; charset=utf-8' });
    assert.equal((await get('/v1/web.html?x=1')).body, '<p>web</p>');
    assert.equal((await get('/missing.html')).status, 404);
    for (const path of ['/../secret.txt', '/%2e%2e/secret.txt', '/v1/..%2f..%2fsecret.txt']) {
      const res = await get(path);
      assert.ok(res.status === 403 || res.status === 404, `${path}: ${res.status}`);
      assert.ok(!res.body.includes('secret'), path);
    }
  } finally {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('changelog: migration hint under breaking entries, affected methods and pushes linked, text not repeated', () => {
  const indexes = fixtureIndexes();
  const [b, info] = parseChangelog([
    { version: 'v1.2', area: 'Data structures', protocols: ['web', 'rtm'], kind: 'x', breaking: true, text: 'In `ChatNew`, x. Affects `get_chat` (Web & RTM), `chat_deactivated` (RTM). Migration: Handle <i>it</i>.', source: 'diff', subject: { kind: 'structure', name: 'ChatNew' }, migration: 'Handle <i>it</i>.', affects: [{ kind: 'method', name: 'get_chat', protocols: ['web', 'rtm'] }, { kind: 'push', name: 'chat_deactivated', protocols: ['rtm'] }, { kind: 'method', name: 'nowhere', protocols: ['web'] }] },
    { version: 'v1.2', area: 'Data structures', protocols: ['rtm'], kind: 'y', breaking: false, text: 'y. Migration: keep', source: 'diff', migration: 'keep', affects: 'bogus' },
  ]);
  const affected = affectedLinks(b, indexes['v1.2']);
  // a name that is also an Object.prototype member is not "in" the index unless the spec has it
  assert.deepEqual(affectedLinks({ ...b, affects: [{ kind: 'method', name: 'constructor', protocols: ['web', 'rtm'] }] }, indexes['v1.2']), []);
  assert.deepEqual(affected.map((l) => l.href), ['v1.2/web.html#/chats/get_chat', 'v1.2/rtm.html#operation-request-get_chat', 'v1.2/rtm.html#operation-receive-chat_deactivated']);
  assert.equal(entryText(b, affected), 'In `ChatNew`, x.');
  assert.deepEqual(info.affects, []);
  assert.equal(entryText(info, []), 'y. Migration: keep', 'a non-breaking entry keeps its text');
  const html = renderChangelogBody([b, info], [{ id: 'v1.2', status: 'stable' }], indexes);
  assert.match(html, /<div class="affects">Affects: <a class="ref" href="v1\.2\/web\.html#\/chats\/get_chat">Web: get_chat<\/a>/);
  assert.ok(html.includes('<div class="migration"><strong>Migration:</strong> Handle &lt;i&gt;it&lt;/i&gt;.</div>'));
  assert.equal(html.match(/class="migration"/g)?.length, 1, 'only the breaking entry shows a hint');
  assert.ok(!html.includes('<i>'));
});

test('history: since / renamed / removed badges and the per-version methods index', () => {
  const history = parseHistory({
    versions: ['v1.0', 'v1.1', 'v1.2'],
    methods: { resume_chat: { since: 'v1.0', changedIn: ['v1.2'], renamedIn: 'v1.2', renamedFrom: 'activate_chat', events: [] }, activate_chat: { since: 'v1.0', changedIn: [], renamedTo: 'resume_chat', removedIn: 'v1.2' }, get_chat: { since: 'v1.1', changedIn: [] } },
    pushes: { chat_deactivated: { since: 'v1.0<b>', changedIn: [] } },
    structures: {},
  });
  assert.deepEqual(historyBadges(history.methods.resume_chat, 'v1.2').map((b) => b.label), ['since v1.0', 'renamed in v1.2 (was activate_chat)', 'changed in v1.2']);
  assert.deepEqual(historyBadges(history.methods.activate_chat, 'v1.1').map((b) => b.label), ['since v1.0', 'renamed to resume_chat in v1.2']);
  assert.deepEqual(historyBadges(history.methods.get_chat, 'v1.1'), [{ cls: 'hist new', label: 'since v1.1' }]);
  assert.deepEqual(historyBadges(undefined, 'v1.1'), []);
  const html = renderMethodsIndex(fixtureIndexes()['v1.2'], history);
  assert.ok(html.includes('<li><code>resume_chat</code> <a href="v1.2/web.html#/chat-access/resume_chat">Web</a> <a href="v1.2/rtm.html#operation-request-resume_chat">RTM</a> <span class="badge hist">since v1.0</span> <span class="badge hist renamed">renamed in v1.2 (was activate_chat)</span>'));
  assert.ok(html.includes('since v1.0&lt;b&gt;') && !html.includes('<b>'));
  assert.match(html, /\(3 methods, 1 pushes\)/);
  assert.throws(() => parseHistory([]), /expected/);
});

test('policy page: every rule with its facts, example and anchor, all escaped', () => {
  const rules = parseRules({
    rules: [
      { id: 'method-added', level: 'INFO', breaking: false, direction: 'any', area: 'operation', kind: 'method-added', message: 'New `{name}`.', description: 'd', migration: null, example: { before: 'a: 1\n', after: 'a: 1\nb: 2\n', startLine: 3, findings: ['New `b`.'], why: 'harmless' } },
      { id: 'x<script>', level: 'ERR', breaking: true, direction: 'request', area: 'a"b', kind: 'k', message: '<img src=x onerror=1>', description: '</script>', migration: 'Do <b>this</b>.', example: { before: '<script>window.__xss=1</script>', after: '', findings: [] } },
    ],
  });
  assert.equal(ruleAnchor('x<script>'), 'rule-x-script');
  const html = renderPolicyBody(rules);
  assert.ok(html.indexOf('id="rule-x-script"') < html.indexOf('id="rule-method-added"'), 'breaking rules first');
  assert.ok(html.includes('<pre tabindex="0"><code>a: 1\nb: 2\n</code></pre>') && html.includes('<h3>Before (from line 3)</h3>'));
  assert.ok(html.includes('<strong>Migration:</strong> Do &lt;b&gt;this&lt;/b&gt;.'));
  assert.ok(html.includes('&lt;script&gt;window.__xss=1&lt;/script&gt;') && html.includes('&lt;img src=x onerror=1&gt;'));
  for (const bad of ['<script', '<img', '<b>', 'a"b']) assert.ok(!html.includes(bad), bad);
  assert.match(html, /2 rules<\/span>: <span class="count">1 breaking/);
  assert.throws(() => parseRules({ rules: [{ level: 'ERR' }] }), /needs an "id"/);
});

test('docs:serve on a busy port prints one line with the fix and exits 2; a free port is announced', async () => {
  const { createServer } = await import('node:net');
  const { main, DEFAULT_PORT } = await import('../src/commands.ts');
  const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  const dir = mkdtempSync(join(tmpdir(), 'serve-'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>x</title>');
  const blocker = createServer();
  await new Promise<void>((ok) => blocker.listen(0, '127.0.0.1', ok));
  const busy = (blocker.address() as { port: number }).port;
  try {
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['serve', '--out', dir, '--port', String(busy)], { out: (l) => out.push(l), err: (l) => err.push(l) });
    assert.equal(code, 2);
    assert.equal(err.length, 1, err.join('\n'));
    assert.match(err[0], new RegExp(`127\\.0\\.0\\.1:${busy} is already in use; pick another: npm run docs:serve -- --port ${busy + 1}`));
    // A bare number is the port too (npm run docs:serve --port N hands the script only the number).
    const bare: string[] = [];
    assert.equal(await main(['serve', '--out', dir, String(busy)], { out: () => {}, err: (l) => bare.push(l) }), 2);
    assert.match(bare[0], new RegExp(`:${busy} is already in use`));
    const bad = await main(['serve', '--out', dir, '--port', 'eighty'], { out: () => {}, err: (l) => err.push(l) });
    assert.equal(bad, 2);
    assert.equal(DEFAULT_PORT, 8080);
  } finally {
    blocker.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('changelog: grouped items (changelog.json `items`) render with their lines as sub-items; flat records stay one item each', () => {
  const indexes = fixtureIndexes();
  const data = {
    entries: [
      { version: 'v1.2', area: 'Chat access', protocols: ['web', 'rtm'], kind: 'method-renamed', breaking: true, text: 'The `resume_chat` method was renamed. Migration: Call it by its new name.', migration: 'Call it by its new name.', source: 'diff', subject: { kind: 'method', name: 'resume_chat' }, item: 'v1.2/method/resume_chat' },
      { version: 'v1.2', area: 'Chat access', protocols: ['rtm'], kind: 'field-added', breaking: false, text: 'x', source: 'diff', subject: { kind: 'method', name: 'resume_chat' }, item: 'v1.2/method/resume_chat' },
    ],
    items: [
      {
        id: 'v1.2/method/resume_chat', version: 'v1.2', area: 'Chat access', subjects: [{ kind: 'method', name: 'resume_chat' }], protocols: ['web', 'rtm'],
        breaking: true, containsBreaking: true, text: 'The `resume_chat` method was renamed. Migration: Call it by its new name.', migration: 'Call it by its new name.', affects: null,
        lines: [
          { text: 'has a new field `a`. (RTM)', breaking: false, protocols: ['rtm'], migration: null, entries: [1] },
          { text: 'no longer returns `<b>`. Migration: Stop reading it.', breaking: true, protocols: ['web'], migration: 'Stop reading it.', entries: [1] },
        ],
        entries: [0, 1],
      },
    ],
  };
  const items = parseChangelogItems(data)!;
  assert.equal(items.length, 1);
  assert.equal(items[0].id, 'v1.2-method-resume_chat');
  assert.deepEqual(items[0].lines.map((l) => [l.id, l.text, l.breaking]), [['v1.2-method-resume_chat-1', 'has a new field `a`. (RTM)', false], ['v1.2-method-resume_chat-2', 'no longer returns `<b>`.', true]]);
  const html = renderChangelogBody(parseChangelog(data), [{ id: 'v1.1', status: 'stable' }, { id: 'v1.2', status: 'preview' }], indexes, null, items);
  assert.match(html, /<li class="entry breaking" id="v1\.2-method-resume_chat"[^>]*data-breaking="1"/);
  assert.match(html, /<ul class="sub"><li id="v1\.2-method-resume_chat-1" class="line">/);
  assert.match(html, /<li id="v1\.2-method-resume_chat-2" class="line breaking">.*<code>&lt;b&gt;<\/code>.*<strong>Migration:<\/strong> Stop reading it\./);
  assert.ok(html.includes('href="v1.2/rtm.html#operation-request-resume_chat"'), 'the item links to its subject');
  // Without `items`, one list item per record, with a stable anchor that does not depend on position.
  assert.equal(parseChangelogItems(data.entries), null);
  const flat = itemsFromEntries(parseChangelog(data.entries));
  const again = itemsFromEntries(parseChangelog([data.entries[1], data.entries[0]]));
  assert.equal(flat[0].id, again[1].id);
  assert.notEqual(flat[0].id, flat[1].id);
});
