/**
 * Names of Object.prototype members (`constructor`, `toString`, `__proto__`, `hasOwnProperty`) are not methods of
 * any version: the mock server answers them like any unknown method (404), where a plain `table[name]` lookup
 * found Object's members and failed with a 500.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startMockServer } from '@ccapi/mock-server';
import { validators } from '@ccapi/validators/v3.3';

const NAMES = ['constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf'];

test('the mock server answers Object.prototype names as unknown Web methods (404, not 500)', async () => {
  const mock = await startMockServer({ version: '3.3', port: 0 });
  try {
    for (const m of NAMES) {
      const r = await fetch(`${mock.webUrl}/action/${m}?license_id=1`, { method: 'POST', headers: { authorization: 'Bearer t', 'content-type': 'application/json' }, body: '{}' });
      const body = (await r.json()) as { error: { message: string } };
      assert.equal(r.status, 404, `${m}: ${r.status} ${body.error.message}`);
      assert.match(body.error.message, /unknown method/);
    }
  } finally {
    await mock.close();
  }
});

test('the validators of a real version refuse Object.prototype names as methods, actions, pushes and schemas', () => {
  for (const m of NAMES) {
    assert.equal(validators.validateWebRequest(m, {}).valid, false, `Web ${m}`);
    assert.equal(validators.validateRtmRequest(m, {}).valid, false, `RTM ${m}`);
    assert.equal(validators.validatePush(m, {}).valid, false, `push ${m}`);
    assert.equal(validators.validate(m, {}).valid, false, `schema ${m}`);
    assert.equal(validators.validateRtmFrame({ type: 'push', action: m, payload: {} }).valid, false, `push frame ${m}`);
  }
  // a missing property reported on an object that inherits toString: the value shown is "nothing", not Object's
  const r = validators.validateStructure('Customer', { toString: undefined });
  assert.equal(r.valid, false);
});
