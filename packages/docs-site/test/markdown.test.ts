/**
 * The one sanitiser (src/markdown.ts) against generated hostile descriptions: every payload in every Markdown
 * context (plain, escaped backticks, code spans, fences whose info string holds a backtick, links, headings,
 * lists, tables, block quotes, HTML comments) must come out with no active markup and nothing to fetch.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { markdownText, renderInlineMarkdown, renderMarkdown } from '../src/markdown.ts';
import { CONTEXTS, PAYLOADS } from './hostile-strings.ts';


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
