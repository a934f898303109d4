// The changelog's plain wording of rule messages (src/wording.ts; the table of docs/changelog-wording.md):
// each rewrite, and that no schema keyword survives any rule message rendered with map paths.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { plain, plainMigration } from '../src/wording.ts';
import { messages } from '../src/messages.ts';

const cases: Array<[string, string, string?]> = [
  ['In the `Event` data structure, the schema may now be `Form` (a new oneOf/anyOf alternative).', 'The `Event` data structure may now also be `Form`.'],
  ['In the `EventInput` data structure, the schema no longer accepts the alternative(s) `AnnotationInput` (oneOf/anyOf).', 'The `EventInput` data structure no longer accepts `AnnotationInput`.'],
  ['In the `Event` data structure, the oneOf/anyOf alternatives of the schema changed (added: none; removed: `Annotation`).', 'The `Event` data structure may no longer be `Annotation`.'],
  ['In the `x` push, the oneOf/anyOf alternatives of field `a` changed (added: `B`; removed: `C`).', 'In the `x` push, field `a` may now also be `B`, and may no longer be `C`.'],
  ['In the `F` data structure, field `answer` no longer accepts the alternative(s) `object {group_id,label}`, `string` (oneOf/anyOf).', 'In the `F` data structure, field `answer` no longer accepts an object with `group_id` and `label`, `string`.'],
  ['The `ping` method has a new message, `reply:error_response`.', 'The `ping` method has a new reply message, `error_response`.'],
  ['The `C` data structure has a new field `last_event_per_type{}.thread_created_at`.', 'The `C` data structure has a new field `thread_created_at` in each value of `last_event_per_type`.'],
  ['The `Properties` data structure no longer returns field `{}{}`.', 'In the `Properties` data structure, each property value changed shape.', 'Properties'],
  ['The `m` method no longer accepts request field `chat.properties{}`.', 'In the `m` method, each value of request field `chat.properties` changed shape.'],
  ['The `Settings` data structure no longer returns field `{}.value`.', 'The `Settings` data structure no longer returns field `value` in each setting value.', 'Settings'],
];

for (const [from, to, owner] of cases) test(`wording: ${from}`, () => assert.equal(plain(from, owner), to));

test('a map whose values changed shape: the hint says to send and read the new shape', () => {
  assert.equal(plainMigration('In the `m` method, each value of request field `p` changed shape.', 'Stop sending it.'), 'Send and read the values in their new shape.');
  assert.equal(plainMigration('The `m` method no longer accepts request field `p`.', 'Stop sending it.'), 'Stop sending it.');
});

test('no rule message keeps a schema keyword once worded for the changelog, on plain or map paths', () => {
  const fill = (tpl: string, path: string) => tpl.replace(/\{Subject\}/g, 'The `S` data structure').replace(/\{subject\}/g, 'the `S` data structure')
    .replace(/\{(old)?field\}/g, `field \`${path}\``).replace(/\{(from|to)\}/g, '`object {a,b}`').replace(/\{\w+\}/g, 'x');
  for (const [id, tpl] of Object.entries(messages())) {
    if (/-(description|comment)$/.test(id)) continue;
    for (const path of ['a', 'a{}', 'a{}.b', '{}{}']) {
      const t = plain(fill(tpl, path), 'Things');
      assert.doesNotMatch(t, /\{\}|allOf|oneOf|anyOf|additionalProperties/, `${id} on \`${path}\`: ${t}`);
    }
  }
});

test('an absent value reads as the word "none", never quoted like a value of that name', async () => {
  const { render } = await import('../src/messages.ts');
  const item = { ruleId: 'field-format-changed', subject: 'field', change: 'format', owner: { kind: 'structure', name: 'commit' }, direction: 'response', path: 'url', from: 'uri', to: undefined } as never;
  const text = render('field-format-changed', item);
  assert.match(text, /from `uri` to none\./);
  assert.doesNotMatch(text, /`none`/);
});

test('a security change between alike alternatives says what tells them apart', async () => {
  const { render } = await import('../src/messages.ts');
  const say = (from: string[], to: string[]) => render('operation-security-tightened', { subject: 'operation', change: 'security-tightened', owner: { kind: 'method', name: 'm' }, direction: 'request', from, to } as never);
  const flow = (url: string, scopes: string) => `oauth2:clientCredentials(tokenUrl=${url})[${scopes}]`;
  assert.match(say([flow('https://a/token', 'r')], [flow('https://b/token', 'r')]), /What changed: the `clientCredentials` flow's `tokenUrl` is now `https:\/\/b\/token` \(was `https:\/\/a\/token`\)\.$/);
  assert.match(say([flow('https://a/token', 'r')], [flow('https://a/token', 'r,w')]), /the scope\(s\) `w` must now be granted\.$/);
  assert.match(say(['apiKey:header:x-key'], ['apiKey:query:key']), /the API key moved from header `x-key` to query parameter `key`\.$/);
  assert.match(say(['apiKey:header:x-key', 'http:bearer'], ['apiKey:header:x-key & http:bearer']), /with `apiKey:header:x-key`, `http:bearer` is now needed as well/);
  // nothing alike: no explanation to add
  assert.doesNotMatch(say(['http:bearer'], ['apiKey:header:x-key']), /What changed/);
});
