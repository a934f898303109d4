/**
 * The one sanitiser (src/markdown.ts) against generated hostile descriptions: every payload in every Markdown
 * context (plain, escaped backticks, code spans, fences whose info string holds a backtick, links, headings,
 * lists, tables, block quotes, HTML comments) must come out with no active markup and nothing to fetch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownText, renderInlineMarkdown, renderMarkdown } from '../src/markdown.ts';

export const PAYLOADS = [
  '<script>window.__xss=1</script>',
  '<img src="http://127.0.0.1:9/beacon.png" onerror="window.__xss=1">',
  '<form action="http://127.0.0.1:9/steal"><input type="password" name="p"><button>Log in</button></form>',
  '<iframe src="http://127.0.0.1:9/"></iframe>',
  '<a href="javascript:window.__xss=1">click</a>',
  '<svg onload="window.__xss=1"><use href="http://127.0.0.1:9/x.svg#a"/></svg>',
  '<style>@import url(http://127.0.0.1:9/x.css)</style>',
  '<link rel="stylesheet" href="http://127.0.0.1:9/x.css">',
  '<meta http-equiv="refresh" content="0;url=http://127.0.0.1:9/">',
  '![beacon](http://127.0.0.1:9/b.png)',
  '[click](javascript:window.__xss=1)',
  '[data](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)',
  '<object data="http://127.0.0.1:9/x"></object><embed src="http://127.0.0.1:9/y">',
  '<video poster="http://127.0.0.1:9/p.png"><source src="http://127.0.0.1:9/v.mp4"></video>',
  '<div style="background:url(http://127.0.0.1:9/bg.png)">styled</div>',
  '</script><script>window.__xss=1</script>',
];

export const CONTEXTS: Array<(p: string) => string> = [
  (p) => p,
  (p) => `text before ${p} after`,
  (p) => `\\\`${p}\\\``,
  (p) => `\\\\\`${p}\\\\\``,
  (p) => `\`${p}\``,
  (p) => `\`\`${p} \` ${p}\`\``,
  (p) => `\`unclosed ${p}`,
  (p) => `\`\`\`js\`\n${p}\n\`\`\`\n${p}`,
  (p) => `\`\`\`\`a\`b\n${p}\n\`\`\`\n${p}\n\`\`\`\``,
  (p) => `~~~\`\n${p}\n~~~\n${p}`,
  (p) => `\`\`\`\n${p}`,
  (p) => `# ${p}\n\n> ${p}\n\n- ${p}\n  1. ${p}`,
  (p) => `| a | b |\n|---|---|\n| ${p} | \`${p}\` |`,
  (p) => `<!-- ${p} -->${p}`,
  (p) => `[label ${p}](https://example.com "${p}")`,
  (p) => `    ${p}\n\n${p}`,
  (p) => `*${p}* **${p}** _${p}_`,
  (p) => `<div>\n\n${p}\n\n</div>`,
];

/** What must never come out of the sanitiser: an active tag, an event handler, a fetchable or script URL. */
export function hostile(html: string): string | null {
  const tag = /<(script|img|form|input|button|iframe|svg|style|link|meta|object|embed|video|source|div|textarea|select|base)\b/i.exec(html);
  if (tag) return `tag <${tag[1]}>`;
  const attr = /<[a-z][^>]*\s(on[a-z]+|src|srcset|style|action|formaction|poster|data)\s*=/i.exec(html);
  if (attr) return `attribute ${attr[1]}`;
  const href = /<a\b[^>]*href\s*=\s*"(?!https?:|#|mailto:)([^"]*)"/i.exec(html);
  if (href) return `link ${href[1]}`;
  return null;
}

test('no hostile description survives the sanitiser, in any Markdown context', () => {
  let cases = 0;
  for (const payload of PAYLOADS) {
    for (const [i, context] of CONTEXTS.entries()) {
      const md = context(payload);
      for (const html of [renderMarkdown(md), renderInlineMarkdown(md)]) {
        cases++;
        const bad = hostile(html);
        assert.equal(bad, null, `context ${i} of ${JSON.stringify(payload)} gave ${bad}:\n${html}`);
      }
    }
  }
  assert.ok(cases >= 500, `${cases} cases`);
});

test('the detector itself flags what it must (a test that cannot fail is a defect)', () => {
  for (const payload of PAYLOADS.filter((p) => p.startsWith('<') && !p.startsWith('</'))) assert.notEqual(hostile(payload), null, payload);
  assert.notEqual(hostile('<a href="javascript:x">a</a>'), null);
  assert.equal(hostile('<p><a href="https://x.y">a</a> <code>&lt;img&gt;</code></p>'), null);
});

test('ordinary Markdown still renders: code, emphasis, lists, links, tables; headings are demoted', () => {
  assert.equal(renderMarkdown('Use `chat_id` **now**.'), '<p>Use <code>chat_id</code> <strong>now</strong>.</p>\n');
  assert.match(renderMarkdown('- a\n- b'), /<ul>\n<li>a<\/li>\n<li>b<\/li>\n<\/ul>/);
  assert.match(renderMarkdown('[docs](https://example.com/x)'), /<a href="https:\/\/example.com\/x">docs<\/a>/);
  assert.match(renderMarkdown('# Title'), /<h4>Title<\/h4>/);
  assert.match(renderMarkdown('| a |\n|---|\n| 1 |'), /<table>/);
  assert.equal(renderMarkdown('a <b>x</b>'), '<p>a &lt;b&gt;x&lt;/b&gt;</p>\n');
  assert.equal(markdownText('The `a<b>` **c**'), 'The a<b> c');
});
