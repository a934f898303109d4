/**
 * Where a key of an OpenAPI/AsyncAPI/JSON Schema document is a keyword, a name, or literal data. The
 * `$ref` check (refs.ts) and the code-keyword check (keywords.ts) read a document the same way.
 */

/** Keys whose value is literal data (a schema's `example`, `default`, `enum`, `const`): a `$ref` inside is data, as in GitHub's SCIM examples. */
const LITERAL_KEYS = new Set(['example', 'default', 'enum', 'const']);
/**
 * Keys whose value maps names to objects: a key inside is a name, never a keyword, so a property or
 * a response called `default`, `enum` or `example` is read like any other (`responses.default` is
 * the default response; `properties.default` a schema).
 */
const NAME_MAPS = new Set([
  'properties', 'patternProperties', '$defs', 'definitions', 'dependentSchemas', 'schemas', 'responses', 'parameters',
  'headers', 'content', 'encoding', 'links', 'callbacks', 'securitySchemes', 'requestBodies', 'pathItems', 'paths',
  'webhooks', 'channels', 'operations', 'messages', 'servers', 'variables', 'serverVariables', 'messageTraits',
  'operationTraits', 'serverBindings', 'channelBindings', 'operationBindings', 'messageBindings', 'correlationIds',
  'replies', 'replyAddresses', 'externalDocs', 'tags', 'mapping', 'scopes', 'availableScopes', 'flows',
]);

/** How an object's keys are read: keywords, names (a NAME_MAPS value), names of Example Objects (an `examples` map), or an Example Object. */
export type Keys = 'keywords' | 'names' | 'example-names' | 'example';

/**
 * Visits every object of a document that is not literal data (the value of a schema's `example`,
 * `default`, `enum` or `const`, an `examples` list, an Example Object's `value`), with how its keys
 * are read. `x-` extensions are walked like the rest. Iterative; shared (aliased) objects are visited
 * once. `tree` (JSON.parse output, where nothing is shared) skips the visited set: on a large spec,
 * hashing every object costs more than the rest of the walk.
 */
export function walkPositions(value: unknown, visit: (obj: Record<string, unknown>, keys: Keys) => void, tree = false): void {
  const seen = tree ? undefined : new Set<object>();
  // two parallel stacks: no tuple per visited value
  const nodes: unknown[] = [value];
  const how: Keys[] = ['keywords'];
  while (nodes.length) {
    const node = nodes.pop();
    const keys = how.pop()!;
    if (!node || typeof node !== 'object') continue;
    if (seen) {
      if (seen.has(node)) continue;
      seen.add(node);
    }
    if (Array.isArray(node)) {
      const items = itemKeys(keys);
      for (let i = node.length - 1; i >= 0; i--) if (node[i] && typeof node[i] === 'object') nodes.push(node[i]), how.push(items);
      continue;
    }
    const obj = node as Record<string, unknown>;
    visit(obj, keys);
    const names = Object.keys(obj);
    for (let i = names.length - 1; i >= 0; i--) {
      const k = names[i];
      const v = obj[k];
      if (!v || typeof v !== 'object') continue;
      const next = childKeys(keys, k, v);
      if (next === undefined) continue;
      nodes.push(v);
      how.push(next);
    }
  }
}

/** How the keys of `v`, the value of key `k` of an object read as `keys`, are read; undefined for literal data (not walked). */
export function childKeys(keys: Keys, k: string, v: object): Keys | undefined {
  if (keys === 'names') return 'keywords';
  if (keys === 'example-names') return 'example';
  if (keys === 'example' && k === 'value') return undefined;
  if (k.startsWith('x-')) return 'keywords';
  if (LITERAL_KEYS.has(k)) return undefined;
  if (k === 'examples') return Array.isArray(v) ? undefined : 'example-names';
  return NAME_MAPS.has(k) ? 'names' : 'keywords';
}

/** How the items of an array held where objects are read as `keys` are read. */
export const itemKeys = (keys: Keys): Keys => (keys === 'names' ? 'keywords' : keys);
