import { strict as assert } from 'node:assert';
import { test } from 'node:test';
import { customerIdOf, LIMITS, mergeProperties, Store } from '../src/state.js';

test('memory stays bounded: chats per customer, threads per chat and events per thread are capped, oldest first', () => {
  const store = new Store();
  const me = store.customer('1', 'c1');
  const chats = Array.from({ length: LIMITS.chatsPerCustomer + 5 }, () => store.createChat('1', me, undefined, undefined));
  assert.equal(me.chats.length, LIMITS.chatsPerCustomer);
  assert.throws(() => store.chat('1', 'c1', chats[0]!.id), /not found/);
  assert.equal(store.chat('1', 'c1', chats.at(-1)!.id), chats.at(-1));
  const chat = chats.at(-1)!;
  for (let i = 0; i < LIMITS.threadsPerChat + 3; i++) store.openThread(chat, me, undefined);
  assert.equal(chat.threads.length, LIMITS.threadsPerChat);
  const t = chat.threads.at(-1)!;
  for (let i = 0; i < LIMITS.eventsPerThread + 10; i++) store.addEvent(t, me.id, { type: 'message', text: String(i) });
  assert.equal(t.events.length, LIMITS.eventsPerThread);
  assert.equal(t.events.at(-1)!.id, `${t.id}_${LIMITS.eventsPerThread + 10}`);
  const props = {};
  mergeProperties(props, Object.fromEntries(Array.from({ length: LIMITS.propertyNamespaces + 10 }, (_, i) => [`ns${i}`, { k: i }])));
  assert.equal(Object.keys(props).length, LIMITS.propertyNamespaces);
});

test('property updates cannot reach the prototype; a token maps to one stable customer', () => {
  const props: Record<string, unknown> = {};
  mergeProperties(props, JSON.parse('{"__proto__":{"polluted":true},"ok":{"a":1}}'));
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
  assert.deepEqual(Object.keys(props), ['ok']);
  assert.equal(customerIdOf('Bearer abc'), customerIdOf('abc'));
  assert.notEqual(customerIdOf('abc'), customerIdOf('abd'));
  assert.equal(customerIdOf('Bearer mock.0b5b4c8e-1111-4222-8333-444455556666.x'), '0b5b4c8e-1111-4222-8333-444455556666');
});
