/**
 * The reference extractor (scripts/extract-reference.ts) on small pages written in the reference's formats, and
 * the committed index's invariants. The real pages are not read here (tests never read /work/shared).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseMdx, parseV30 } from '../../../scripts/extract-reference.ts';
import { indexedVersions, loadIndex } from '../src/load.ts';
import { structureName } from '../src/names.ts';

const mdx = `
# Events

## File

### Request

| Parameter | Required | Data type | Notes |
| --------- | -------- | --------- | ----- |
| \`type\`  | yes      | \`string\`  | \`file\` |
| \`url\`   | no       | \`string\`  | |

### Response

| Field                              | Returned        | Notes |
| ---------------------------------- | :-------------- | ----: |
| \`id\`                               | always          |       |
| \`thumbnail_url\`, \`thumbnail2x_url\` | only for images |       |

# Other common structures

## Chat summaries

## Filled form fields

| Field             | Required | Data type          | Notes |
| ----------------- | -------- | ------------------ | ----- |
| \`fields\`          | yes      | \`array of objects\` | |
| \`type\`            | yes      | \`string\`           | Possible values: \`checkbox\`, \`email\` |
| \`answer.group_id\` | yes      | \`number\`           | For \`group_chooser\` |

## Threads

| Field    | Req./Opt. | Note |
| -------- | --------- | ---- |
| \`active\` | required  | |
| \`queue\`  | optional  | |

# Methods

## Chats

### List Threads

#### Specifics

|                        |                                                                 |
| ---------------------- | --------------------------------------------------------------- |
| **Method URL**         | \`https://api.livechatinc.com/v3.3/customer/action/list_threads\` |
| **RTM API equivalent** | [\`list_threads\`](rtm-reference/#list-threads)                   |

#### Request

| Parameter    | Required | Type     | Notes |
| ------------ | -------- | -------- | ----- |
| \`chat_id\`    | Yes      | \`string\` | |
| \`sort_order\` | No       | \`string\` | Possible values: \`asc\` - oldest first and \`desc\` - newest first (default). |

\`\`\`shell
# not a heading
\`\`\`

#### Response

| Field       | Data type  | Notes |
| ----------- | ---------- | ----- |
| \`event_ids\` | \`[]string\` | |

#### Response

|                   |         |     |
| ----------------- | ------- | --- |
| \`Group Not Found\` | a note  |     |

# Pushes

## Chats

### \`incoming_greeting\`

<CodeResponse title={'Sample push payload'}>

\`\`\`json
{
  "action": "incoming_greeting",
  "type": "push",
  "payload": { "id": 1, "agent": {} } // comment
}
\`\`\`

#### Specifics

|                        |                     |
| ---------------------- | ------------------- |
| **Action**             | \`incoming_greeting\` |
| **Webhook equivalent** | -                   |

#### Push payload

| Field   | Notes               |
| ------- | ------------------- |
| \`agent\` | Present when known. |

## Possible errors

<Errors errors="validation,internal"/>
`;

test('v3.1+ pages: methods, structures, pushes and errors from heterogeneous tables', () => {
  const p = parseMdx(mdx, 'x.mdx', 'web');
  assert.deepEqual(p.errors, ['validation', 'internal']); // page order; the index sorts them
  assert.deepEqual(p.structures.map((s) => s.name), ['File', 'FileInput', 'ChatSummary', 'FilledFormFields', 'Thread']);
  const file = p.structures.find((s) => s.name === 'File')!;
  assert.deepEqual(file.fields.map((f) => [f.path, f.required]), [['id', true], ['thumbnail_url', false], ['thumbnail2x_url', false]]);
  const input = p.structures.find((s) => s.name === 'FileInput')!;
  assert.deepEqual(input.fields.map((f) => [f.path, f.required, f.type]), [['type', true, 'string'], ['url', false, 'string']]);
  const fff = p.structures.find((s) => s.name === 'FilledFormFields')!;
  // item rows nested under `fields`; "For `group_chooser`" makes the yes conditional
  assert.deepEqual(fff.fields.map((f) => [f.path, f.required]), [['fields', true], ['fields.type', true], ['fields.answer.group_id', null]]);
  assert.deepEqual(fff.fields[1].enum, ['checkbox', 'email']);
  const thread = p.structures.find((s) => s.name === 'Thread')!;
  assert.deepEqual(thread.fields.map((f) => [f.path, f.required, f.requiredText]), [['active', true, 'required'], ['queue', false, 'optional']]);

  assert.equal(p.methods.length, 1);
  const m = p.methods[0];
  assert.equal(m.name, 'list_threads');
  assert.equal(m.title, 'List Threads');
  assert.equal(m.area, 'Chats');
  assert.equal(m.equivalent, 'list_threads');
  assert.deepEqual(m.request.map((f) => [f.path, f.required, f.type, f.enum]), [['chat_id', true, 'string', undefined], ['sort_order', false, 'string', ['asc', 'desc']]]);
  assert.deepEqual(m.response.map((f) => [f.path, f.type]), [['event_ids', '[]string']]);

  assert.equal(p.pushes.length, 1);
  const push = p.pushes[0];
  assert.equal(push.name, 'incoming_greeting');
  // the sample is a whole frame: its payload keys are the fields; the table row replaces the sample key
  assert.deepEqual(push.fields.map((f) => [f.path, f.source]), [['id', 'sample'], ['agent', 'table']]);
});

const v30 = `
# Objects

## Access
\`group_ids\` is required.

\`\`\`js
{
	"access": {
		"group_ids": [1, 2]
	}
}
\`\`\`

## Chat
\`\`\`js
{
	"id": "PJ0MRSHTDG",
	"users": [
		// array of "User" objects
	],
	"properties": {
	}
}
\`\`\`
* \`properties\` is optional

# Errors handling

## Possible errors

| Type         | Default Message | Notes |
| ------------ | --------------- | ----- |
| \`internal\`   | Internal        |       |

# Methods

## Send file

| Action      | RTM API | Web API | Push message |
| ----------- | :-----: | :-----: | :----------: |
| \`send_file\` |    -    |    ✓    | [\`incoming_event\`](#incoming-event) |

**Request payload**

| Request object    | Required | Type     | Notes |
| ----------------- | -------- | -------- | ----- |
| \`payload.chat_id\` | Yes      | \`string\` | |

## Login

| Action  | RTM API | Web API | Push message |
| ------- | :-----: | :-----: | :----------: |
| \`login\` |    ✓    |    -    |      -       |

**Sample response payload**
\`\`\`js
{
	"customer_id": "a0c2",
	"__priv_dynamic_config": { "x": 1 }
}
\`\`\`

# Pushes

## Thread closed

| Action          | RTM API | Webhook |
| --------------- | :-----: | :-----: |
| \`thread_closed\` |    ✓    |    ✓    |

**Push payload**

| Object      | Notes |
| ----------- | ----- |
| \`chat_id\`   |       |
`;

test('v3.0 page: one page split by the availability table; objects from samples', () => {
  const { web, rtm } = parseV30(v30, 'x.md');
  assert.deepEqual(web.methods.map((m) => m.name), ['send_file']);
  assert.deepEqual(rtm.methods.map((m) => m.name), ['login']);
  assert.equal(web.methods[0].equivalent, null);
  assert.deepEqual(web.methods[0].pushes, ['incoming_event']);
  assert.deepEqual(web.methods[0].request.map((f) => [f.path, f.required]), [['payload.chat_id', true]]);
  assert.deepEqual(rtm.methods[0].response.map((f) => f.path), ['customer_id']);
  assert.deepEqual(rtm.pushes.map((p) => [p.name, p.webhooks, p.fields.map((f) => f.path)]), [['thread_closed', ['thread_closed'], ['chat_id']]]);
  assert.deepEqual(web.pushes, []);
  assert.deepEqual(web.errors, ['internal']);
  const access = web.structures.find((s) => s.name === 'Access')!;
  assert.deepEqual(access.fields.map((f) => f.path), ['group_ids']);
  const chat = rtm.structures.find((s) => s.name === 'Chat')!;
  assert.deepEqual(chat.fields.map((f) => [f.path, f.required]), [['id', null], ['users', null], ['properties', false]]);
});

test('structure names follow docs/modelling.md', () => {
  assert.equal(structureName('Chat summaries'), 'ChatSummary');
  assert.equal(structureName('Forms'), 'FormTemplate');
  assert.equal(structureName('Filled form'), 'FilledForm');
  assert.equal(structureName('Rich message'), 'RichMessage');
});

test('the committed index covers every version with named methods, pushes and structures', () => {
  const versions = indexedVersions();
  assert.deepEqual(versions, ['3.0', '3.1', '3.2', '3.3', '3.4']);
  for (const v of versions) {
    const idx = loadIndex(v);
    assert.equal(idx.version, v);
    for (const p of ['web', 'rtm'] as const) {
      assert.ok(idx[p].methods.length > 20, `v${v} ${p} methods`);
      assert.ok(idx[p].structures.length > 10, `v${v} ${p} structures`);
      assert.ok(idx[p].errors.length > 10, `v${v} ${p} errors`);
      for (const m of idx[p].methods) assert.match(m.name, /^[a-z_]+$/, `v${v} ${p} ${m.title}`);
      for (const x of idx[p].pushes) assert.match(x.name, /^[a-z_]+$/, `v${v} ${p} ${x.title}`);
    }
    assert.equal(idx.web.pushes.length, 0);
    assert.ok(idx.rtm.pushes.length > 20);
  }
});
