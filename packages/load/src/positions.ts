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
 * are read. `x-` extensions are walked like the rest. Iterative; shared (aliased) objects are visited once.
 */
export function walkPositions(value: unknown, visit: (obj: Record<string, unknown>, keys: Keys) => void): void {
  const seen = new Set<object>();
  const stack: Array<[unknown, Keys]> = [[value, 'keywords']];
  while (stack.length) {
    const [node, keys] = stack.pop()!;
    if (!node || typeof node !== 'object' || seen.has(node)) continue;
    seen.add(node);
    if (Array.isArray(node)) {
      for (let i = node.length - 1; i >= 0; i--) if (node[i] && typeof node[i] === 'object') stack.push([node[i], keys === 'names' ? 'keywords' : keys]);
      continue;
    }
    const obj = node as Record<string, unknown>;
    visit(obj, keys);
    const names = Object.keys(obj);
    for (let i = names.length - 1; i >= 0; i--) {
      const k = names[i];
      const v = obj[k];
      if (!v || typeof v !== 'object') continue;
      if (keys === 'names') stack.push([v, 'keywords']);
      else if (keys === 'example-names') stack.push([v, 'example']);
      else if (keys === 'example' && k === 'value') continue;
      else if (k.startsWith('x-')) stack.push([v, 'keywords']);
      else if (LITERAL_KEYS.has(k)) continue;
      else if (k === 'examples') {
        if (!Array.isArray(v)) stack.push([v, 'example-names']);
      } else stack.push([v, NAME_MAPS.has(k) ? 'names' : 'keywords']);
    }
  }
}
