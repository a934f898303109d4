/**
 * Spec strings are data (issue #17): a schema's `tsType` / `tsEnumNames` never reach the generated
 * code, while a property that is merely called `tsType` stays a property.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emitStructures } from '../src/emit-types.ts';

test('tsType and tsEnumNames in a schema are not copied into the generated types', async () => {
  const model = {
    webPayloads: {},
    rtmPayloads: {},
    structures: {
      Chat: {
        type: 'object',
        properties: {
          id: { type: 'string', tsType: "string; }\nexport const pwned = require('child_process');\nexport interface X {" },
          kind: { type: 'string', enum: ['a', 'b'], tsEnumNames: ['A = (globalThis.pwned = 1)', 'B'] },
          tsType: { type: 'integer' },
        },
      },
    },
  };
  const code = await emitStructures(model as never);
  assert.doesNotMatch(code, /pwned|child_process/);
  assert.match(code, /id\?: string;/);
  assert.match(code, /tsType\?: number;/);
});
