/**
 * What clients may leave out (issue 16): an RTM request frame without `payload` when the method has no required
 * parameter (the reference's general request format marks `payload` optional; lc-sdk-js sends `ping` bare), and a
 * v3.3+ filled form without `recipients` (default `all`; customer-sdk 3.x omits it).
 */
import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import type { Validators } from '../src/runtime.js';
import { versions } from './corpus.js';

for (const version of versions()) {
  test(`v${version}: a request frame may leave out payload exactly when the method requires no parameter`, async () => {
    const { validators: v, table } = (await import(`../src/v${version}/index.js`)) as { validators: Validators; table: { rtm: Record<string, { payloadRequired: boolean }> } };
    assert.equal(v.validateRtmOutgoingFrame({ action: 'ping' }).valid, true, 'ping without payload');
    let optional = 0;
    for (const [action, entry] of Object.entries(table.rtm)) {
      const bare = v.validateRtmOutgoingFrame({ action });
      assert.equal(bare.valid, !entry.payloadRequired, `${action}: ${bare.valid ? 'valid' : bare.message}`);
      if (!entry.payloadRequired) optional++;
    }
    // a method with a required parameter still needs its payload
    assert.equal(v.validateRtmOutgoingFrame({ action: 'send_event' }).valid, false);
    assert.ok(optional >= 1);
  });
}

for (const version of versions().filter((x) => x >= '3.3')) {
  test(`v${version}: a filled form event may leave out recipients`, async () => {
    const { validators: v } = (await import(`../src/v${version}/index.js`)) as { validators: Validators };
    const form = { type: 'filled_form', form_id: 'F', fields: [{ type: 'name', id: '1', label: 'Name', answer: 'Ann' }] };
    const r = v.validate('FilledFormInput', form);
    assert.equal(r.valid, true, r.valid ? '' : r.message);
    assert.equal(v.validate('FilledFormInput', { ...form, recipients: 'nobody' }).valid, false, 'recipients stays an enum');
  });
}
