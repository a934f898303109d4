import { canonicalize, childKeys, itemKeys, refHolders, type Keys } from '@ccapi/load';
import { emptyObjectAt, flatten, groupOf, refsOf, Resolver, schemaRefName, singlePart, type Reads } from './flatten.js';
import { escapeToken as esc, lastToken } from './pointer.js';
import { mediaKey } from './media.js';
import { framePayload, isErrorFrame as isErrorFrameSchema, isFrame } from './frames.js';
import type { DocumentKind, Field, Fields, Model, Operation, Protocol, Server, Structure } from './types.js';

const VERBS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];
const DEFAULT_AREA = 'Other';

export interface NormaliseOptions {
  file?: string;
  /** Defaults to `web` for OpenAPI and `rtm` for AsyncAPI. */
  protocol?: Protocol;
  /**
   * A model of another version of the document (api-diff's base): what it derived from places that
   * are equal in both documents is taken over instead of derived again (see `Derivation`).
   */
  reuse?: Model;
  /**
   * The model of the other version being compared, as evidence for a fact this document leaves open
   * (which side wrote an AsyncAPI 3 document whose operations do not say: its AsyncAPI 2 version, or
   * an AsyncAPI 3 version whose operations do). Unlike `reuse`, it may change the result, so callers
   * that compare two versions pass it whether or not they reuse.
   */
  counterpart?: Model;
  /**
   * Who an AsyncAPI 3 document describes, when the caller knows (api-diff's `--written-by`): the
   * server's own application (what it sends, clients receive) or a client's. It overrides every guess.
   */
  writtenBy?: 'client' | 'server';
  /** Every object of `doc` holding a `$ref`, once per place, when the loader already listed them. */
  refHolders?: Iterable<Record<string, unknown>>;
}

/**
 * What a model was derived from, kept beside it (not in it) so that a model of the next version can
 * reuse the parts whose sources did not change. A data structure's fields depend on its schema and
 * on what its flattening read elsewhere (allOf parts and followed refs by value, alternatives' shapes
 * as facts): each entry keeps that record. Reused parts are the same objects, so the diff skips them
 * by identity.
 */
interface Derivation {
  doc: Record<string, any>;
  resolver: Resolver;
  schemasBase: string;
  uses: Map<string, number>;
  /** alias components (`A: {$ref: B}`) -> their direct target */
  aliases: Map<string, string>;
  structures: Map<string, { reads: SavedReads; refs: Set<string> }>;
  /**
   * OpenAPI path items: the refs they resolved, the components whose ownership payload() consulted
   * (their use counts must be equal), the ownerships it recorded, and the operations they gave.
   */
  paths: Map<string, { reads: SavedReads; consulted: string[]; owned: Array<[string, string, 'request' | 'response']>; ops: Array<[string, Operation]> }>;
}
const derivations = new WeakMap<Model, Derivation>();

/** Frame schemas read as one object (see frameView), and where each of their properties is written. */
const frameViews = new WeakMap<object, any>();
const WRITTEN_AT = Symbol('written at');
const VIEW_AT = Symbol('read from');

/**
 * Is a component named by a payload's `$ref` chain used elsewhere too (then the payload keeps it as
 * a reference)? `uses` counts an alias's uses as uses of its target (`effectiveUses`).
 */
function shared(uses: Map<string, number>, name: string): boolean {
  return (uses.get(name) ?? 0) !== 1;
}

/**
 * Uses of each component, the uses of every alias (`A: {$ref: B}`) counting as uses of its target,
 * along alias chains: a structure that one operation names directly and another through an alias
 * is used twice, whichever way a bundler writes it. `refCounts` leaves out the aliases' own refs.
 */
function effectiveUses(refCounts: Map<string, number>, aliasTargets: Map<string, string>): Map<string, number> {
  const uses = new Map(refCounts);
  const into = new Map<string, string[]>();
  for (const [a, t] of aliasTargets) (into.get(t) ?? into.set(t, []).get(t)!).push(a);
  // each alias has one target, so the aliases into a component form a tree (a cycle adds nothing)
  const done = new Map<string, number>();
  const open = new Set<string>();
  const total = (name: string): number => {
    const known = done.get(name);
    if (known !== undefined) return known;
    if (open.has(name)) return 0;
    open.add(name);
    let n = refCounts.get(name) ?? 0;
    for (const a of into.get(name) ?? []) n += total(a);
    done.set(name, n);
    return n;
  };
  for (const t of into.keys()) uses.set(t, total(t));
  return uses;
}

/**
 * The structures a payload names, per fields object: an operation reused from another version's
 * model keeps its fields objects, and the places they were read from are equal in both documents.
 */
const payloadRefsOf = new WeakMap<Fields, Set<string>>();
function payloadRefs(fields: Fields, schemaAt: (pointer: string) => unknown): Set<string> {
  let refs = payloadRefsOf.get(fields);
  if (!refs) payloadRefsOf.set(fields, (refs = refsOf(fields, schemaAt)));
  return refs;
}

/** What a derivation read, kept as lists. */
interface SavedReads {
  refs: string[];
  facts: Array<[string, string | boolean]>;
}
const saved = (r: Reads): SavedReads => ({ refs: [...r.refs], facts: [...r.facts] });

/** Keywords that only document (nothing this model derives reads them): see sameWire. */
const PROSE_KEYWORDS = new Set(['description', 'example', 'examples', 'externalDocs', '$comment']);
/**
 * The specification extensions this package reads (the project view's too); any other `x-` keyword
 * (GitHub's `x-github`, Stripe's `x-expandableFields`) is passed over like prose when deciding reuse.
 * A test holds every `'x-…'` literal of this package to this list.
 */
export const READ_EXTENSIONS = new Set(['x-renamed-from', 'x-stability-level', 'x-sunset', 'x-rtm-equivalent', 'x-web-equivalent', 'x-pushes']);
const unread = (n: string) => PROSE_KEYWORDS.has(n) || (n.startsWith('x-') && !READ_EXTENSIONS.has(n));

/**
 * `sameJson`, except that documentation keywords (`description`, examples, `externalDocs`) and
 * extensions this package does not read (READ_EXTENSIONS) are passed over where they are keywords
 * (a property or a response called `description` is compared: keys are read as positions.ts reads
 * them). It decides whether what was derived from a part of the earlier version is reused: nothing
 * derived reads those keys, and releases rewrite them everywhere (GitHub 2021 -> 2022 changed
 * `x-github` in most path items: 3 of 860 operations were reused, now 287). `summary` is compared
 * (an operation's title comes from it).
 */
export function sameWire(a: unknown, b: unknown): boolean {
  const xs: unknown[] = [a], ys: unknown[] = [b];
  // how each pair's keys are read; `undefined`: literal data, compared whole
  const ks: Array<Keys | undefined> = ['keywords'];
  while (xs.length) {
    const x = xs.pop(), y = ys.pop(), k = ks.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (k === undefined) {
      if (!sameJson(x, y)) return false;
      continue;
    }
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      const ik = itemKeys(k);
      for (let i = 0; i < x.length; i++) xs.push(x[i]), ys.push(y[i]), ks.push(ik);
      continue;
    }
    if (Array.isArray(y)) return false;
    const prose = k === 'keywords' || k === 'example';
    const kx = prose ? Object.keys(x).filter((n) => !unread(n)) : Object.keys(x);
    const ky = prose ? Object.keys(y).filter((n) => !unread(n)) : Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (let i = 0; i < kx.length; i++) {
      if (kx[i] !== ky[i]) return false;
      const vx = (x as Record<string, unknown>)[kx[i]], vy = (y as Record<string, unknown>)[ky[i]];
      xs.push(vx), ys.push(vy);
      ks.push(vx && typeof vx === 'object' ? childKeys(k, kx[i], vx) : k);
    }
  }
  return true;
}

/** Deep equality of parsed JSON, keys in the same order (field order follows key order). Iterative. */
export function sameJson(a: unknown, b: unknown): boolean {
  const xs: unknown[] = [a], ys: unknown[] = [b];
  while (xs.length) {
    const x = xs.pop(), y = ys.pop();
    if (x === y) continue;
    if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
    if (Array.isArray(x)) {
      if (!Array.isArray(y) || x.length !== y.length) return false;
      for (let i = 0; i < x.length; i++) xs.push(x[i]), ys.push(y[i]);
      continue;
    }
    if (Array.isArray(y)) return false;
    const kx = Object.keys(x), ky = Object.keys(y);
    if (kx.length !== ky.length) return false;
    for (let i = 0; i < kx.length; i++) {
      if (kx[i] !== ky[i]) return false;
      xs.push((x as Record<string, unknown>)[kx[i]]), ys.push((y as Record<string, unknown>)[ky[i]]);
    }
  }
  return true;
}

/** Is a media type XML (`application/xml`, `text/xml`, `application/atom+xml`), parameters aside? */
export function isXmlMedia(media: string): boolean {
  const m = mediaType(media);
  return m === 'application/xml' || m === 'text/xml' || m.endsWith('+xml');
}

/**
 * What one side of an operation carries as XML, where `xml` names elements and attributes (see
 * Field.xml): the main payload when an XML media type shares its schema, and each body of an XML
 * media type read apart (`<side> <media>`; on the response side also the error bodies,
 * `status <code> <media>`). The one place that decides which payloads travel as XML: the model
 * marks the structures they reach (`Structure.xml`), the diff keeps an operation's `xml` changes
 * only where this is not empty.
 */
export function xmlPayloads(o: Operation, side: 'request' | 'response'): Fields[] {
  const out: Fields[] = [];
  if ((side === 'request' ? o.requestMedia : o.responseMedia).some((m) => isXmlMedia(m) && !o.bodies?.[`${side} ${m}`])) out.push(o[side]);
  for (const k in o.bodies) if (k.startsWith('request ') === (side === 'request') && isXmlMedia(k.slice(k.lastIndexOf(' ') + 1))) out.push(o.bodies[k]);
  return out;
}

/** A media type's `type/subtype` as `mediaKey` reads it (in lower case), its parameters aside. */
const mediaType = (media: string): string => mediaKey(media).split(';')[0];

/** The request maps of all operations (to tell on which side a payload sits). */
const requestMaps = new WeakSet<Fields>();

function newOperation(kind: 'method' | 'push', key: string, name: string, protocol: Protocol, pointer: string): Operation {
  const request: Fields = Object.create(null);
  requestMaps.add(request);
  return {
    kind, key, name, protocol, area: DEFAULT_AREA, pointer, deprecated: false,
    request, response: Object.create(null), requestMedia: [], responseMedia: [], statuses: [], hasResponsePayload: false,
    messages: Object.create(null), security: [],
  };
}

function securityNames(sec: unknown): string[] {
  if (!Array.isArray(sec)) return [];
  const names = new Set<string>();
  for (const req of sec) if (req && typeof req === 'object') for (const k of Object.keys(req)) names.add(k);
  return [...names].sort();
}

function pickJson(content: Record<string, any> | undefined): { media: string; schema: any } | undefined {
  if (!content || typeof content !== 'object') return undefined;
  // the first media type in document order: adding another one later does not change the pick
  const media = Object.keys(content)[0];
  return media ? { media, schema: mediaSchema(media, content[media]) } : undefined;
}

const BYTES = Object.freeze({ type: 'string', format: 'binary' });
const TEXT = Object.freeze({ type: 'string' });
/**
 * The schema of a Media Type Object. Without one, a body of a type that has no structure of its own
 * (a PDF, an image, `application/octet-stream`) is bytes: the schema OpenAPI 3.0 writes as `type:
 * string, format: binary`, which 3.1 leaves out; a `text/*` body is a string. A JSON, XML, form or
 * multipart body without a schema stays without one (nothing said of its structure).
 */
function mediaSchema(media: string, entry: any): unknown {
  if (entry && typeof entry === 'object' && entry.schema !== undefined) return entry.schema;
  const m = mediaType(media);
  if (m === 'application/json' || m.endsWith('+json') || isXmlMedia(media) || m.startsWith('multipart/') || m === 'application/x-www-form-urlencoded' || m.includes('*')) return undefined;
  return m.startsWith('text/') ? TEXT : BYTES;
}

/** The target name when a schema is only a `$ref` to a data structure (plus annotations). */
function isAlias(schema: any): string | undefined {
  if (!schema || typeof schema !== 'object' || typeof schema.$ref !== 'string') return undefined;
  if (!Object.keys(schema).every((k) => k === '$ref' || k === 'description' || k === 'summary' || k === 'title' || k.startsWith('x-'))) return undefined;
  return schemaRefName(schema.$ref);
}

/**
 * How many times each components/schemas entry is the target of a `$ref` in the document: the refs
 * the loader reads as references (literal data such as examples and defaults holds none), counted
 * once per place. `holders` is that list when the loader already made it.
 */
function countSchemaRefs(doc: unknown, holders: Iterable<Record<string, unknown>> = refHolders(doc, true)): Map<string, number> {
  const counts = new Map<string, number>();
  for (const h of holders) {
    const n = typeof h.$ref === 'string' ? schemaRefName(h.$ref) : undefined;
    if (n !== undefined) counts.set(n, (counts.get(n) ?? 0) + 1);
  }
  return counts;
}

/** Each declared security scheme's ways and offered scopes, by name. */
function securitySchemesOf(schemes: unknown, deref: (x: any) => any): Model['securitySchemes'] {
  const out: NonNullable<Model['securitySchemes']> = Object.create(null);
  if (!schemes || typeof schemes !== 'object') return out;
  for (const [name, raw] of Object.entries(schemes)) {
    const s = deref(raw);
    out[name] = { ways: schemeWays(s), scopes: schemeScopes(s), pointer: `/components/securitySchemes/${esc(name)}` };
  }
  return out;
}

/** A security scheme as the wire sees it: its kind and where the credential goes, never its name. */
export function schemeOnWire(s: any): string {
  if (!s || typeof s !== 'object') return 'unknown';
  const t = String(s.type ?? '');
  if (t === 'apiKey' || t === 'httpApiKey') {
    const where = String(s.in ?? '');
    // header names are compared without case; AsyncAPI's `user`/`password` keys have no name
    const name = where === 'header' ? String(s.name ?? '').toLowerCase() : String(s.name ?? '');
    return name ? `apiKey:${where}:${name}` : `apiKey:${where}`;
  }
  if (t === 'http') return `http:${String(s.scheme ?? '').toLowerCase()}`;
  return t;
}

const FLOW_URLS = ['authorizationUrl', 'tokenUrl', 'refreshUrl'] as const;

/** The OAuth2 flows of a scheme (OpenAPI 3.x, AsyncAPI 2.x/3.x share the object), by flow type. */
function oauthFlows(s: any): Array<[string, any]> {
  const flows = s?.flows;
  if (!flows || typeof flows !== 'object') return [];
  return Object.entries(flows).filter(([, f]) => f && typeof f === 'object').sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * The ways a client obtains and presents the credential of a security scheme, each as the wire
 * sees it: what a client needs to get a credential is part of the scheme's identity. Each OAuth2
 * flow is one way (`oauth2:<flow>(<url keyword>=<url>, ...)`: a client built for one flow uses its
 * URLs), an OpenID Connect scheme is bound to its discovery URL; every other kind is one way
 * (`schemeOnWire`). The one place that decides which changes of a scheme reach a client:
 * `wayServes` compares two of these.
 */
export function schemeWays(s: any): string[] {
  const kind = schemeOnWire(s);
  if (kind === 'openIdConnect') return [`openIdConnect(${urlKey(String(s.openIdConnectUrl ?? ''))})`];
  if (kind !== 'oauth2') return [kind];
  const flows = oauthFlows(s);
  if (!flows.length) return [kind];
  return flows.map(([type, f]) => `oauth2:${type}(${FLOW_URLS.filter((k) => typeof f[k] === 'string').map((k) => `${k}=${urlKey(f[k])}`).join(', ')})`);
}

/** The port each scheme (or AsyncAPI protocol) connects to when none is written (IANA's registrations). */
const DEFAULT_PORTS: Record<string, string> = { http: '80', https: '443', ws: '80', wss: '443', mqtt: '1883', mqtts: '8883', 'secure-mqtt': '8883', amqp: '5672', amqps: '5671' };

/**
 * A URL as what it addresses: scheme and host in lower case (both are case-insensitive), the
 * scheme's default port and trailing slashes dropped. A relative URL stays as written (trailing
 * slashes aside); one without a scheme that does not start with `/` (AsyncAPI `host` + `pathname`)
 * starts with its host and takes `scheme` when one is given. Servers, token and discovery URLs are
 * compared by it.
 */
export function urlKey(url: string, scheme?: string): string {
  // a scheme is followed by `//`: `host:8883` (AsyncAPI `host`) is a host and port
  const m = /^(?:([a-z][a-z0-9+.-]*):(?=\/\/))?(?:\/\/)?([^/?#]*)([^?#]*)/i.exec(url);
  if (!m || (m[1] === undefined && url.startsWith('/'))) return url.replace(/\/+$/, '');
  const sch = (m[1] ?? scheme ?? '').toLowerCase();
  let host = m[2].toLowerCase();
  const port = /:(\d+)$/.exec(host);
  if (port && DEFAULT_PORTS[sch] === port[1]) host = host.slice(0, -port[0].length);
  return `${sch ? `${sch}:` : ''}//${host}${m[3].replace(/\/+$/, '')}`;
}

/**
 * Does the way `now` (of the revision) serve a client built for the way `was`? The same way, or
 * the same OAuth2 flow at the same URLs with a refresh URL added: a client that had none refreshes
 * (if at all) where it gets tokens, which still works.
 */
export function wayServes(was: string, now: string): boolean {
  if (was === now) return true;
  // the scheme's name, when a way carries one (see securityAlternatives), must be the same
  const named = /<[^<>]*>$/;
  const wasName = named.exec(was)?.[0] ?? '', nowName = named.exec(now)?.[0] ?? '';
  if (wasName !== nowName) return false;
  was = was.slice(0, was.length - wasName.length);
  now = now.slice(0, now.length - nowName.length);
  if (!was.startsWith('oauth2:') || !now.startsWith('oauth2:') || was.includes('refreshUrl=')) return false;
  return now.replace(/(, )?refreshUrl=[^,()]*\)$/, ')') === was;
}

/** The scopes a scheme's OAuth2 flows offer (AsyncAPI 3: `availableScopes`), sorted. */
export function schemeScopes(s: any): string[] {
  const out = new Set<string>();
  for (const [, f] of oauthFlows(s)) {
    const scopes = f.scopes ?? f.availableScopes;
    if (scopes && typeof scopes === 'object') for (const k of Object.keys(scopes)) out.add(k);
  }
  return [...out].sort();
}

/**
 * The alternatives a client may satisfy: OpenAPI / AsyncAPI 2 security requirement objects
 * (`{scheme: [scopes]}`, all of one object together) or AsyncAPI 3 scheme lists (each entry one
 * alternative, scopes on the scheme). No requirement at all is the anonymous alternative `''`.
 * A scheme with several ways of obtaining its credential (OAuth2 flows) gives one alternative per
 * way: a client uses one of them.
 */
export function securityAlternatives(list: unknown, schemes: Record<string, any>, deref: (x: any) => any, v3: boolean): string[] {
  if (!Array.isArray(list) || list.length === 0) return [''];
  // each way carries the scheme's name (`<name>`): names do not reach the wire, but two schemes of
  // one kind that a document keeps apart are two credentials (the diff decides which names matter)
  const req = (scheme: any, scopes: unknown, name?: string) => {
    const sc = `[${(Array.isArray(scopes) ? scopes.map(String) : []).sort().join(',')}]`;
    const tag = name ? `<${name.replace(/[<>[\]&]/g, '_')}>` : '';
    return schemeWays(scheme).map((w) => `${w}${tag}${sc}`);
  };
  const out = list.flatMap((entry: any): string[] => {
    if (v3) {
      const s = deref(entry);
      return req(s, s?.scopes, typeof entry?.$ref === 'string' ? lastToken(entry.$ref) : undefined);
    }
    if (!entry || typeof entry !== 'object') return [''];
    // every combination of one way per scheme required together (few: schemes with several flows are rare)
    let combos: string[][] = [[]];
    for (const k of Object.keys(entry)) {
      const ways = req(deref(schemes[k]), entry[k], k);
      combos = combos.length * ways.length > 64 ? combos.map((c) => [...c, ways[0]]) : combos.flatMap((c) => ways.map((w) => [...c, w]));
    }
    return combos.map((c) => c.sort().join(' & '));
  });
  return [...new Set(out)].sort();
}

/**
 * Which side an AsyncAPI 3 document is read from when nothing in it says so: the server's.
 * AsyncAPI 3 describes one application, and an API's provider publishes the document of its own
 * application (a broker-side IoT platform that receives telemetry and sends commands, Slack's RTM
 * document that receives a client's frames and sends events). A description written for a client
 * shows the client's requests as `send` + `reply`, which `writtenByServer` counts, so it does not
 * fall back to this. The one place that default is decided.
 */
const SERVER_SIDE_WITHOUT_EVIDENCE = true;

/**
 * Is an AsyncAPI 3 document written from the server's side (its `send` is what a client receives)?
 * Only its operations say so, and only request/reply ones reliably:
 * - `receive` + `reply`: the described application answers requests (a server); `send` + `reply`:
 *   it asks (a client). The majority decides, so a server that also pings its clients (one `send`
 *   + `reply`) stays a server; one operation more can at most even out a majority of one;
 * - one-way operations only break a tie between those two kinds: a server pushes more kinds of
 *   message than it takes one-way, so mostly `send` is a server. On their own (a document with no
 *   reply at all) they are no evidence: a publish/subscribe document sends or receives mostly
 *   whatever its domain does (a sensor mostly sends), and one added operation would flip it;
 * - nothing else is: servers, protocols, security and channels read the same from either side,
 *   and titles or descriptions are prose.
 * Without evidence: `SERVER_SIDE_WITHOUT_EVIDENCE`.
 */
export function writtenByServer(operations: any[]): boolean {
  return sideEvidence(operations) ?? SERVER_SIDE_WITHOUT_EVIDENCE;
}

/** What the operations say of the side (see `writtenByServer`); undefined when they say nothing. */
function sideEvidence(operations: any[]): boolean | undefined {
  // answered `receive`s minus answered `send`s; one-way `send`s minus one-way `receive`s
  let answering = 0, sending = 0, withReply = 0;
  for (const op of operations) {
    if (!op || typeof op !== 'object') continue;
    const n = op.action === 'send' ? 1 : op.action === 'receive' ? -1 : 0;
    if (op.reply) { answering -= n; withReply++; } else sending += n;
  }
  if (answering !== 0) return answering > 0;
  if (withReply > 0 && sending !== 0) return sending > 0;
  return undefined;
}

/**
 * The side each AsyncAPI 3 model was read from, and whether anything said so (its own operations or
 * the other version's) rather than the default. Two versions of one application are written from
 * the same side: a version that gains its first `reply` must not turn every operation of the pair around.
 */
export interface DocumentSide {
  serverSide: boolean;
  /** what decided it: the caller, the document's own operations, the other version's, or nothing (the default) */
  decidedBy: 'caller' | 'operations' | 'other version' | 'default';
}
const sides = new WeakMap<Model, DocumentSide>();

/** How an AsyncAPI 3 model's side was decided (undefined for other documents). */
export function sideOf(model: Model): DocumentSide | undefined {
  return sides.get(model);
}

/** Where a value written as `x0` lives: its `$ref`'s target, else `written` (where it is written). */
const refPlace = (x0: any, written: string): string => (typeof x0?.$ref === 'string' ? x0.$ref.slice(1) : written);

/**
 * The keywords of AsyncAPI message bindings that hold schemas of what travels with the message (a
 * Kafka record's key, HTTP headers, MQTT 5 correlation data), by protocol: the one place that knows
 * them. They are read into fields (see `messageBindingSchemas`); every other binding keyword is a value.
 */
export const BINDING_SCHEMAS: Record<string, string[]> = { kafka: ['key'], http: ['headers'], mqtt: ['correlationData'] };
/**
 * The keywords of AsyncAPI operation bindings that hold schemas of values the client chooses: the
 * query of an HTTP request, the consumer group and client id of a Kafka consumer. They are read into
 * fields (see `operationBindingSchemas`) on the side that chooses them; every other keyword is a value.
 */
export const OPERATION_BINDING_SCHEMAS: Record<string, string[]> = { http: ['query'], kafka: ['groupId', 'clientId'] };
/** Binding keywords that name where messages go instead of the channel's address (a Kafka topic): `<protocol>.<keyword>`. */
export const BINDING_DESTINATIONS = new Set(['kafka.topic']);

/** An AsyncAPI message as an operation reads it (traits applied). */
interface Message {
  name: string;
  payload: any;
  contentType: string;
  pointer: string;
  headers: any;
  headersPointer: string;
  /** `bindings` (traits applied) and where they are written */
  bindings: any;
  bindingsPointer: string;
  /** `correlationId.location` */
  correlation?: string;
  /** `<schemaFormat> <schema JSON>` of a payload that is not JSON Schema */
  opaque?: string;
}

/** JSON Merge Patch (RFC 7396) of plain JSON values: `patch` applied to `target`. */
function mergePatch(target: any, patch: any): any {
  if (!patch || typeof patch !== 'object' || Array.isArray(patch)) return patch;
  const out: Record<string, any> = target && typeof target === 'object' && !Array.isArray(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** Documentation keys of schema languages (Avro's `doc`, ...): an opaque payload is compared without them. */
const PROSE = new Set(['doc', 'description', 'title', 'summary', 'example', 'examples']);

/**
 * A Protobuf schema written as text, without what never reaches the wire: comments (`//` at a line's
 * start or after a space, so a URL in an option stays; `/* *\/`) and the layout of blanks. Any other
 * payload as it is.
 */
function schemaText(format: string, payload: unknown): unknown {
  if (typeof payload !== 'string' || !/protobuf/i.test(format)) return payload;
  return payload.replace(/\/\*[\s\S]*?\*\//g, ' ').replace(/(^|\s)\/\/[^\n]*/g, '$1').replace(/\s+/g, ' ').replace(/ ?([{};=,<>()[\]]) ?/g, '$1').trim();
}

/** Is an AsyncAPI `schemaFormat` a JSON Schema dialect (AsyncAPI's own, JSON Schema, OpenAPI's schema object)? */
export function isJsonSchemaFormat(format: string): boolean {
  return /^application\/(vnd\.aai\.asyncapi|schema|vnd\.oai\.openapi)([+;]|$)/.test(format);
}

/**
 * The side of a reply-less AsyncAPI 3 document, from an AsyncAPI 2 version of the same API: AsyncAPI 2
 * says it unambiguously (`publish` is what a client sends). Each operation found in the AsyncAPI 2
 * model (by key, or on the same channel address when every operation there goes one way) votes for
 * the reading that keeps its direction; the AsyncAPI converter's output (publish -> `receive`)
 * reads as the server's. No votes, or a tie: undefined (no evidence).
 */
function sideOf2(ops: Array<[string, any, string | undefined]>, v2: Model): boolean | undefined {
  const byAddress = new Map<string, Set<string>>();
  for (const o of Object.values(v2.operations)) if (o.channel !== undefined) {
    const kinds = byAddress.get(o.channel) ?? new Set<string>();
    kinds.add(o.kind);
    byAddress.set(o.channel, kinds);
  }
  let votes = 0;
  for (const [id, op, address] of ops) {
    if (!op || typeof op !== 'object' || (op.action !== 'send' && op.action !== 'receive')) continue;
    let kind = Object.hasOwn(v2.operations, id) ? v2.operations[id].kind : undefined;
    if (!kind) {
      const kinds = address !== undefined ? byAddress.get(address) : undefined;
      if (kinds?.size === 1) kind = [...kinds][0] as 'method' | 'push';
    }
    if (kind) votes += (kind === 'method') === (op.action === 'send') ? -1 : 1;
  }
  return votes === 0 ? undefined : votes > 0;
}

/**
 * The key of a parameter among an operation's inputs: `<in>:<name>`. Header names are compared
 * without regard to case (HTTP header names are case-insensitive), so they are keyed in lower case;
 * the written name stays the field's label.
 */
/** A path with its percent-escapes decoded (as written when an escape is malformed). */
function decodedPath(path: string): string {
  if (!path.includes('%')) return path;
  try { return decodeURI(path); } catch { return path; }
}

export function parameterKey(p: { in?: unknown; name?: unknown }): string {
  const name = String(p.name);
  return `${String(p.in)}:${p.in === 'header' ? name.toLowerCase() : name}`;
}

/**
 * A parameter given as one scalar in `text/plain` (`content` instead of `schema`) is written as the
 * value's text, which is what the location's default style writes for a scalar: the same wire.
 */
function plainScalar(media: string, f: Field): boolean {
  return mediaType(media) === 'text/plain' && f.ref === undefined && !f.variants && SCALAR_TYPES.has(f.type ?? '');
}

/** How a parameter goes on the wire: its style and explode, the location's defaults filled in. */
export function parameterStyle(p: { in?: string; style?: unknown; explode?: unknown }, value?: Field): string {
  const style = typeof p.style === 'string' ? p.style : p.in === 'query' || p.in === 'cookie' ? 'form' : 'simple';
  let explode = typeof p.explode === 'boolean' ? p.explode : style === 'form';
  // `explode` splits arrays and objects only: a scalar is written the same either way, and so is an
  // array in `simple` style (`a,b,c` both ways), so for them the style's default is what is written
  if (value && value.ref === undefined && !value.variants && (SCALAR_TYPES.has(value.type ?? '') || (style === 'simple' && value.type === 'array'))) explode = style === 'form';
  return `${style}/${explode ? 'explode' : 'no-explode'}`;
}
const SCALAR_TYPES = new Set(['string', 'number', 'integer', 'boolean']);

/**
 * Header parameters OpenAPI says to ignore: the media types a request accepts and carries are its
 * responses' and body's, its credentials are `security`'s.
 */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** Builds the protocol-neutral model of an OpenAPI 3.0/3.1 or AsyncAPI 2.x/3.x document. */
export function normalise(doc: Record<string, any>, kind: DocumentKind, options: NormaliseOptions = {}): Model {
  // keywords next to `$ref` apply in JSON Schema 2020-12 dialects: OpenAPI 3.1+ and AsyncAPI 3+
  const version = String(kind === 'openapi' ? doc.openapi : doc.asyncapi);
  const refSiblings = kind === 'openapi' ? !/^(2|3\.0)(\.|$)/.test(version) : !/^[12](\.|$)/.test(version);
  const resolver = new Resolver(doc, refSiblings, kind !== 'openapi' || !refSiblings);
  const protocol: Protocol = options.protocol ?? (kind === 'openapi' ? 'web' : 'rtm');
  const model: Model = {
    kind, protocol, file: options.file ?? '',
    specVersion: String(kind === 'openapi' ? doc.openapi : doc.asyncapi),
    ...(typeof doc.info?.version === 'string' ? { apiVersion: doc.info.version } : {}),
    // records keyed by names from the spec have no prototype (a method may be called `constructor`)
    operations: Object.create(null), structures: Object.create(null), servers: Object.create(null), channels: Object.create(null),
    globalSecurity: securityNames(doc.security),
    securitySchemes: securitySchemesOf(doc.components?.securitySchemes, (x) => resolver.deref(x)),
  };
  /**
   * A payload whose schema is a `$ref` chain (`Response -> Alias -> Target`) is flattened into the
   * operation when every component on the chain is referenced exactly once in the document (it
   * belongs to that operation). A component referenced elsewhere is a shared data structure: the
   * payload then is a leaf pointing at it, so its changes are reported once, on the structure. This
   * gives the same model whether a bundler kept the alias components or inlined them.
   */
  const refCounts = countSchemaRefs(doc, options.refHolders);
  // an alias component (`A: {$ref: B}`) is the same thing as its target: its own ref is no use of B
  const schemasIn = (doc.components?.schemas ?? doc.definitions ?? {}) as Record<string, any>;
  const aliases = new Map<string, string>();
  for (const [name, sch] of Object.entries(schemasIn)) {
    const target = isAlias(sch);
    if (target !== undefined) { aliases.set(name, target); refCounts.set(target, (refCounts.get(target) ?? 1) - 1); }
  }
  const uses = effectiveUses(refCounts, aliases);
  /** components owned by one payload -> the operation using them */
  const owners = new Map<string, string>();
  const ownedSide = new Map<string, 'request' | 'response'>();
  /**
   * Schema components written as a message's `headers` (`headers: {$ref: ...}`), with the objects
   * holding those refs: one that nothing else refers to is no data structure. Its properties are the
   * messages' header fields, compared there in the way each message travels; as a structure it
   * would be told a second time, with no operation to take a direction from.
   */
  const headerHolders = new Map<string, Set<object>>();

  const derivation: Derivation = { doc, resolver, schemasBase: '', uses, aliases, structures: new Map(), paths: new Map() };
  derivations.set(model, derivation);
  const priorOfKind = options.reuse && options.reuse.kind === kind && options.reuse.protocol === protocol ? derivations.get(options.reuse) : undefined;
  // what was derived under other `$ref` rules cannot be taken over
  const prior = priorOfKind && priorOfKind.resolver.refSiblings === refSiblings && priorOfKind.resolver.nullableKeyword === resolver.nullableKeyword ? priorOfKind : undefined;
  const sameAt = new Map<string, boolean>();
  /** Would what an earlier derivation read come out the same here (equal values, equal facts)? */
  const readsSame = (reads: SavedReads) => reads.refs.every((ref) => {
    let same = sameAt.get(ref);
    if (same === undefined) sameAt.set(ref, (same = sameWire(prior!.resolver.get(ref), resolver.get(ref))));
    return same;
  }) && reads.facts.every(([key, value]) => resolver.recompute(key) === value);
  // what payload() looked at and decided while one path item was read (for its reuse later)
  let ownership: { consulted: string[]; owned: Array<[string, string, 'request' | 'response']> } | undefined;
  /** `keep: false` only records which components the (empty) payload owns. */
  const payload = (schema: any, ptr: string, out: Fields, rootRequired: boolean, opName: string, keep = true) => {
    let node = schema;
    let at = ptr;
    // a payload written `allOf: [{$ref: X}]` names X as `$ref: X` does (see singlePart): it owns X,
    // or keeps it as a reference, the same way
    const unwrap = () => {
      const part = node && typeof node === 'object' && node.$ref === undefined && node.nullable === undefined ? singlePart(node) : node;
      if (part !== node && part && typeof part === 'object' && typeof part.$ref === 'string') node = part, at = `${at}/allOf/0`;
    };
    unwrap();
    // what the chain passes through, for a `$dynamicRef` below (see flatten's `via`)
    const via: Array<[unknown, string]> = [];
    for (let hops = 0; node && typeof node === 'object' && typeof node.$ref === 'string' && hops < 20; hops++) {
      const name = schemaRefName(node.$ref);
      if (name === undefined) break;
      ownership?.consulted.push(name);
      if (shared(uses, name)) {
        if (keep) flatten(node, at, resolver, { followRoot: false, rootRequired }, out);
        return;
      }
      owners.set(name, opName);
      ownedSide.set(name, requestMaps.has(out) ? 'request' : 'response');
      ownership?.owned.push([name, opName, ownedSide.get(name)!]);
      via.push([node, at]);
      at = node.$ref.slice(1);
      const next = resolver.get(node.$ref);
      if (next === undefined) break;
      node = next;
      unwrap();
    }
    if (keep) flatten(node, at, resolver, { followRoot: true, rootRequired, via }, out);
  };

  if (kind === 'openapi') {
    // a path item reads nothing else of the document but what its resolver calls note, the ownership
    // of the components its payloads name, and the security the whole document declares
    const globalsSame = !!prior && sameJson(prior.doc.security, doc.security) && sameJson(prior.doc.components?.securitySchemes, doc.components?.securitySchemes);
    const priorPaths = (prior?.doc.paths ?? {}) as Record<string, unknown>;
    for (const [path, item0] of Object.entries<any>(doc.paths ?? {})) {
      const was = globalsSame && Object.hasOwn(priorPaths, path) ? prior!.paths.get(path) : undefined;
      if (was && sameWire(priorPaths[path], item0) && was.consulted.every((n) => shared(prior!.uses, n) === shared(uses, n) && prior!.aliases.has(n) === aliases.has(n)) && readsSame(was.reads)) {
        // the same operation objects: the diff sees them unchanged by identity
        for (const [key, o] of was.ops) model.operations[key] = o;
        for (const [n, opName, side] of was.owned) owners.set(n, opName), ownedSide.set(n, side);
        derivation.paths.set(path, was);
        continue;
      }
      ownership = { consulted: [], owned: [] };
      const ops: Array<[string, Operation]> = [];
      const { reads } = resolver.record(() => {
        const item = resolver.deref(item0);
        if (!item || typeof item !== 'object') return;
        // a path is a URI reference: `%C3%A4` and `ä` are the same path
        const template = decodedPath(path).replace(/\{[^}]*\}/g, '{}');
        const pathParams = [...path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
        for (const verb of VERBS) {
          const op = item[verb];
          if (!op || typeof op !== 'object') continue;
          const key = `${verb.toUpperCase()} ${template}`;
          const name = typeof op.operationId === 'string' ? op.operationId : `${verb.toUpperCase()} ${decodedPath(path)}`;
          const ptr = `/paths/${esc(path)}/${verb}`;
          const o = newOperation('method', key, name, protocol, ptr);
          fillOpenApiOperation(o, op, item, ptr, pathParams);
          model.operations[key] = o;
          ops.push([key, o]);
          // callbacks: requests the provider sends to a URL the client gave in this operation. Their
          // display name follows the parent's path, not its operationId (renaming that is no change of theirs)
          if (op.callbacks && typeof op.callbacks === 'object') {
            for (const [cbName, cb0] of Object.entries<any>(op.callbacks)) {
              const cb = resolver.deref(cb0);
              if (!cb || typeof cb !== 'object' || cbName.startsWith('x-')) continue;
              const cbPtr = typeof cb0?.$ref === 'string' ? cb0.$ref.slice(1) : `${ptr}/callbacks/${esc(cbName)}`;
              for (const [expression, cbItem0] of Object.entries<any>(cb)) {
                if (expression.startsWith('x-')) continue;
                for (const [c, cop] of providerCalls(cbItem0, `${cbPtr}/${esc(expression)}`, (v) => `${key} callback ${cbName} ${v.toUpperCase()} ${expression}`,
                  (cop) => (typeof cop.operationId === 'string' ? cop.operationId : `${cbName} callback of ${verb.toUpperCase()} ${decodedPath(path)}`))) {
                  // a callback without tags belongs with the operation that registers it
                  if (!(Array.isArray(cop.tags) && cop.tags[0])) c.area = o.area;
                  c.callback = { parent: key, name: cbName, verb: c.key.slice(`${key} callback ${cbName} `.length).split(' ')[0], expression };
                  model.operations[c.key] = c;
                  ops.push([c.key, c]);
                }
              }
            }
          }
        }
      });
      derivation.paths.set(path, { reads: saved(reads), ...ownership, ops });
      ownership = undefined;
    }
    for (const [name, item0] of Object.entries<any>(doc.webhooks ?? {})) {
      for (const [o] of providerCalls(item0, `/webhooks/${esc(name)}`, (verb) => `webhook ${name}${verb === 'post' ? '' : ` ${verb.toUpperCase()}`}`,
        (op) => (typeof op.operationId === 'string' ? op.operationId : name))) model.operations[o.key] = o;
    }
    for (const [name, s0] of Object.entries<any>(doc.servers ?? {})) {
      const s = s0 ?? {};
      model.servers[name] = { name, url: String(s.url ?? ''), variables: serverVars(s.variables), pointer: `/servers/${name}` };
    }
  } else if (String(doc.asyncapi).startsWith('2.')) {
    for (const [ch, chan0] of Object.entries<any>(doc.channels ?? {})) {
      const chan = resolver.deref(chan0) ?? {};
      model.channels[ch] = { address: ch, pointer: `/channels/${esc(ch)}` };
      if (Array.isArray(chan.servers)) model.channels[ch].servers = chan.servers.map(String);
      for (const verb of ['publish', 'subscribe'] as const) {
        const op = chan[verb];
        if (!op || typeof op !== 'object') continue;
        const name = typeof op.operationId === 'string' ? op.operationId : `${verb} ${ch}`;
        const ptr = `/channels/${esc(ch)}/${verb}`;
        const o = newOperation(verb === 'publish' ? 'method' : 'push', name, name, protocol, ptr);
        o.channel = ch;
        o.action = verb;
        commonAsync(o, op);
        const chanPtr = typeof chan0?.$ref === 'string' ? chan0.$ref.slice(1) : `/channels/${esc(ch)}`;
        channelParameters(o, chan, ch, chanPtr, false);
        wsHandshake(o, chan, chanPtr);
        noteBindings(o, chan.bindings, 'channel');
        const msgs = messagesOf(op.message, `${ptr}/message`);
        addMessages(o, msgs);
        model.operations[name] = o;
      }
    }
    servers2();
  } else {
    for (const [id, chan0] of Object.entries<any>(doc.channels ?? {})) {
      const chan = resolver.deref(chan0) ?? {};
      model.channels[id] = { address: String(chan.address ?? id), pointer: `/channels/${esc(id)}` };
      if (chan.address === undefined || chan.address === null) model.channels[id].dynamic = true;
      if (Array.isArray(chan.servers)) model.channels[id].servers = chan.servers.map((x: any) => (typeof x?.$ref === 'string' ? lastToken(x.$ref) : String(x)));
    }
    const ops3 = Object.entries<any>(doc.operations ?? {}).map(([id, x]) => {
      const op = resolver.deref(x);
      const address = resolver.deref(op?.channel)?.address;
      return [id, op, typeof address === 'string' ? address : undefined] as [string, any, string | undefined];
    });
    // evidence in this order: the document's own operations, the other version's (its AsyncAPI 2
    // operations, or the side its AsyncAPI 3 operations gave), then the default
    const cp = options.counterpart?.kind === 'asyncapi' ? options.counterpart : undefined;
    const fromOps = options.writtenBy ? undefined : sideEvidence(ops3.map(([, op]) => op));
    const other = options.writtenBy || fromOps !== undefined || !cp ? undefined
      : cp.specVersion.startsWith('2.') ? sideOf2(ops3, cp) : sides.get(cp)?.decidedBy !== 'default' ? sides.get(cp)?.serverSide : undefined;
    const side: DocumentSide = options.writtenBy ? { serverSide: options.writtenBy === 'server', decidedBy: 'caller' }
      : fromOps !== undefined ? { serverSide: fromOps, decidedBy: 'operations' }
      : other !== undefined ? { serverSide: other, decidedBy: 'other version' }
      : { serverSide: SERVER_SIDE_WITHOUT_EVIDENCE, decidedBy: 'default' };
    const serverSide = side.serverSide;
    sides.set(model, side);
    for (const [id, op0] of Object.entries<any>(doc.operations ?? {})) {
      const op = resolver.deref(op0);
      if (!op || typeof op !== 'object') continue;
      const ptr = `/operations/${esc(id)}`;
      // the action as the client sees it: a document written from the server's side is mirrored
      const action = serverSide ? ({ send: 'receive', receive: 'send' } as Record<string, string>)[op.action] ?? String(op.action ?? '') : String(op.action ?? '');
      const o = newOperation(action === 'receive' ? 'push' : 'method', id, id, protocol, ptr);
      o.action = action;
      commonAsync(o, op);
      // an operation that lists no messages carries every message of its channel (as @asyncapi/parser reads it)
      let channelMessages: Message[] = [];
      if (op.channel?.$ref) {
        o.channel = lastToken(String(op.channel.$ref));
        let chanPtr = String(op.channel.$ref);
        let chan: any = op.channel;
        for (let hops = 0; chan && typeof chan.$ref === 'string' && hops < 20; hops++) chan = resolver.get((chanPtr = chan.$ref));
        if (chan && typeof chan === 'object') {
          channelParameters(o, chan, typeof chan.address === 'string' ? chan.address : undefined, chanPtr.slice(1), true);
          wsHandshake(o, chan, chanPtr.slice(1));
          noteBindings(o, chan.bindings, 'channel');
          if (!Array.isArray(op.messages)) channelMessages = everyMessage(chanPtr, chan);
        }
      }
      const msgs = Array.isArray(op.messages) ? op.messages.flatMap((m: any, i: number) => messagesOf(m, `${ptr}/messages/${i}`)) : channelMessages;
      addMessages(o, msgs);
      if (op.reply && typeof op.reply === 'object') {
        const reply = resolver.deref(op.reply);
        // a reply that lists no messages carries every message of its channel, as an operation does
        let replyMessages: Message[] = [];
        if (Array.isArray(reply?.messages)) replyMessages = reply.messages.flatMap((m: any, i: number) => messagesOf(m, `${ptr}/reply/messages/${i}`));
        else if (typeof reply?.channel?.$ref === 'string') {
          let rPtr = String(reply.channel.$ref);
          let rChan: any = reply.channel;
          for (let hops = 0; rChan && typeof rChan.$ref === 'string' && hops < 20; hops++) rChan = resolver.get((rPtr = rChan.$ref));
          replyMessages = everyMessage(rPtr, rChan);
        }
        addReplies(o, replyMessages);
        const where = replyAddress(reply, resolver.deref(op.channel));
        if (where !== undefined) o.replyAddress = where;
        // a reply channel without an address of its own: where it is, the request says at run time
        const replyId = typeof reply?.channel?.$ref === 'string' ? lastToken(reply.channel.$ref) : undefined;
        const replyChannel = replyId !== undefined && Object.hasOwn(model.channels, replyId) ? model.channels[replyId] : undefined;
        if (replyChannel?.dynamic && where !== undefined) replyChannel.runtime = true;
      }
      model.operations[id] = o;
    }
    for (const [name, s0] of Object.entries<any>(doc.servers ?? {})) {
      const s = resolver.deref(s0) ?? {};
      model.servers[name] = {
        name, protocol: s.protocol, url: `${s.host ?? ''}${s.pathname ?? ''}`, ...versionOf(s),
        variables: serverVars(s.variables), pointer: `/servers/${esc(name)}`,
        securityAlternatives: securityAlternatives(s.security, doc.components?.securitySchemes ?? {}, (x) => resolver.deref(x), true),
      };
    }
  }

  // data structures
  const schemas = (doc.components?.schemas ?? doc.definitions ?? {}) as Record<string, any>;
  const base = doc.components?.schemas ? '/components/schemas' : '/definitions';
  const owned = new Set(owners.keys());
  // unreferenced components are no part of the API surface (and bundlers name them differently)
  const used = new Set([...refCounts].filter(([, n]) => n > 0).map(([k]) => k));
  for (let grew = true; grew;) {
    grew = false;
    for (const [a, t] of aliases) if (used.has(a) && !used.has(t)) { used.add(t); grew = true; }
  }
  const structRefs = new Map<string, Set<string>>();
  const built = new Map<string, Structure>();
  model.schemas = Object.create(null);
  if (aliases.size) model.aliases = Object.assign(Object.create(null), Object.fromEntries(aliases));
  const schemaAt = (p: string) => resolver.get(`#${p}`);
  derivation.schemasBase = base;
  const priorSchemas = prior && prior.schemasBase === base ? ((prior.doc.components?.schemas ?? prior.doc.definitions ?? {}) as Record<string, any>) : undefined;
  /** The earlier model's fields for this schema, when the schema and every place they depend on are equal. */
  const reusable = (name: string, schema: unknown): { fields: Fields; reads: SavedReads; refs: Set<string> } | undefined => {
    const was = prior && priorSchemas && Object.hasOwn(priorSchemas, name) ? prior.structures.get(name) : undefined;
    const fields = was && options.reuse!.schemas && Object.hasOwn(options.reuse!.schemas, name) ? options.reuse!.schemas[name] : undefined;
    if (!was || !fields || !sameWire(priorSchemas![name], schema) || !readsSame(was.reads)) return undefined;
    return { fields, ...was };
  };
  for (const [name, schema] of Object.entries(schemas)) {
    const ptr = `${base}/${esc(name)}`;
    let derived = reusable(name, schema);
    if (!derived) {
      const { value, reads } = resolver.record(() => {
        const f = flatten(schema, ptr, resolver, { followRoot: true, rootRequired: true });
        return { fields: f, refs: refsOf(f, schemaAt) };
      });
      derived = { ...value, reads: saved(reads) };
    }
    const { fields } = derived;
    derivation.structures.set(name, { reads: derived.reads, refs: derived.refs });
    const rootSchema = resolver.deref(schema);
    const s: Structure = { name, fields, pointer: ptr, usage: { request: false, response: false } };
    const rf = rootSchema?.['x-renamed-from'] ?? schema?.['x-renamed-from'];
    if (rf !== undefined) s.renamedFrom = String(rf);
    structRefs.set(name, derived.refs);
    built.set(name, s);
    model.schemas![name] = fields;
  }
  // a structure reached only through a discriminator (a subtype its mapping names, or one extending
  // a base type) has no `$ref` to it, and is as much a part of the API as the base that selects it
  for (const queue = [...used]; queue.length;) for (const r of structRefs.get(queue.pop()!) ?? []) if (!used.has(r) && Object.hasOwn(schemas, r)) used.add(r), queue.push(r);
  const headersOnly = (name: string) => headerHolders.has(name) && headerHolders.get(name)!.size === refCounts.get(name);
  // usage: which structures are reachable from what clients send / receive
  // one walk per side from every payload's references (and the components a payload owns)
  const starts = { request: new Set<string>(), response: new Set<string>() };
  for (const o of Object.values(model.operations)) {
    for (const r of payloadRefs(o.request, schemaAt)) starts.request.add(r);
    for (const r of payloadRefs(o.response, schemaAt)) starts.response.add(r);
    for (const [k, fields] of Object.entries(o.bodies ?? {})) for (const r of payloadRefs(fields, schemaAt)) starts[k.startsWith('request ') ? 'request' : 'response'].add(r);
    // an operation's other messages travel its way, their replies the other way
    for (const [k, fields] of Object.entries(o.otherPayloads ?? {})) {
      const side = (o.kind === 'method') !== k.startsWith('reply:') ? 'request' : 'response';
      for (const r of payloadRefs(fields, schemaAt)) starts[side].add(r);
    }
  }
  for (const [name, side] of ownedSide) for (const r of structRefs.get(name) ?? []) starts[side].add(r);
  // a named group of alternatives (see flatten's groupMembers) that no payload or structure names
  // itself, only unions of its kind through their members, is no data structure: its members are
  const named = (name: string) => starts.request.has(name) || starts.response.has(name) || [...structRefs.values()].some((refs) => refs.has(name));
  const groupOnly = (name: string) => (groupOf(schemas[name], 'oneOf') !== undefined || groupOf(schemas[name], 'anyOf') !== undefined) && !named(name);
  for (const [name, s] of built) if (!owned.has(name) && !aliases.has(name) && used.has(name) && !headersOnly(name) && !groupOnly(name)) model.structures[name] = s;
  // structures some body carries as XML, where `xml` names elements and attributes (see Field.xml):
  // an XML media type beside the main one with the same schema carries the main fields
  const xmlStarts = new Set<string>();
  for (const o of Object.values(model.operations)) {
    for (const side of ['request', 'response'] as const) for (const fields of xmlPayloads(o, side)) for (const r of payloadRefs(fields, schemaAt)) xmlStarts.add(r);
  }
  // every structure reachable from some starts (through the structures they name) is marked
  const reach = (from: Iterable<string>, mark: (st: Structure) => void) => {
    const queue = [...from];
    const seen = new Set<string>();
    while (queue.length) {
      const n = queue.pop()!;
      if (seen.has(n)) continue;
      seen.add(n);
      const st = model.structures[n];
      if (st) mark(st);
      for (const r of structRefs.get(n) ?? []) if (!seen.has(r)) queue.push(r);
    }
  };
  reach(xmlStarts, (st) => { st.xml = true; });
  for (const side of ['request', 'response'] as const) reach(starts[side], (st) => { st.usage[side] = true; });
  return model;

  /**
   * Where the reply of an AsyncAPI 3 operation travels, which is where its receiver listens: the
   * runtime expression of `reply.address.location` (the address is read from the request, e.g.
   * `$message.header#/replyTo`), else the address of `reply.channel`, else the operation's own
   * channel's address. Undefined when none is known (a reply channel whose address is `null` with no
   * `reply.address`): nothing to compare.
   */
  function replyAddress(reply: any, opChannel: any): string | undefined {
    const at = resolver.deref(reply?.address);
    if (at && typeof at === 'object' && typeof at.location === 'string') return at.location;
    const chan = reply?.channel !== undefined ? resolver.deref(reply.channel) : opChannel;
    return chan && typeof chan === 'object' && typeof chan.address === 'string' ? chan.address : undefined;
  }

  /** A server's `protocolVersion` (numbers as written: `5` and `5.0` are told apart by the comparison). */
  function versionOf(s: any): { protocolVersion?: string } {
    return typeof s.protocolVersion === 'string' || typeof s.protocolVersion === 'number' ? { protocolVersion: String(s.protocolVersion) } : {};
  }

  function servers2() {
    for (const [name, s0] of Object.entries<any>(doc.servers ?? {})) {
      const s = resolver.deref(s0) ?? {};
      model.servers[name] = {
        name, protocol: s.protocol, url: String(s.url ?? ''), ...versionOf(s), variables: serverVars(s.variables), pointer: `/servers/${esc(name)}`,
        securityAlternatives: securityAlternatives(s.security, doc.components?.securitySchemes ?? {}, (x) => resolver.deref(x), false),
      };
    }
  }

  /** A response's headers as fields `header:<lower-case name>` of `out` (required as declared). */
  function responseHeaders(headers: Array<[string, any]>, responsePtr: string, out: Fields) {
    for (const [h, h0] of headers) {
      const hd = resolver.deref(h0) ?? {};
      flatten(hd.schema ?? {}, `${responsePtr}/headers/${esc(h)}`, resolver, { followRoot: false, rootRequired: hd.required === true, prefix: `header:${h.toLowerCase()}`, label: h }, out);
    }
  }

  function serverVars(vars: any): Server['variables'] {
    const out: Server['variables'] = Object.create(null);
    if (vars && typeof vars === 'object') for (const [k, v0] of Object.entries<any>(vars)) {
      const v = resolver.deref(v0) ?? {};
      out[k] = { default: v.default !== undefined ? String(v.default) : undefined, enum: Array.isArray(v.enum) ? v.enum.map(String) : undefined };
    }
    return out;
  }

  /**
   * A channel's parameters are part of the address the client builds, whichever way the operation's
   * messages flow (a client supplies the values to send and to subscribe alike): they are request
   * fields of every operation on the channel, like OpenAPI path parameters. Keyed by their position
   * in the address (`channel:#0`), since neither the channel's key nor the parameter's name reaches
   * the wire; a parameter the address does not name keeps its name (`channel:<name>`). AsyncAPI 2
   * gives a parameter a `schema`; AsyncAPI 3 lists string values on the parameter itself.
   */
  function channelParameters(o: Operation, chan: any, address: string | undefined, chanPtr: string, v3: boolean) {
    const params = chan?.parameters;
    if (!params || typeof params !== 'object' || Array.isArray(params)) return;
    const inAddress = address ? [...address.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]) : [];
    for (const [name, p0] of Object.entries<any>(params)) {
      const p = resolver.deref(p0);
      if (!p || typeof p !== 'object') continue;
      const ptr = typeof p0?.$ref === 'string' ? p0.$ref.slice(1) : `${chanPtr}/parameters/${esc(name)}`;
      const idx = inAddress.indexOf(name);
      const prefix = idx >= 0 ? `channel:#${idx}` : `channel:${name}`;
      const schema = v3
        ? { type: 'string', ...(Array.isArray(p.enum) ? { enum: p.enum } : {}), ...(p.default !== undefined ? { default: p.default } : {}) }
        : p.schema ?? {};
      flatten(schema, v3 ? ptr : `${ptr}/schema`, resolver, { followRoot: false, rootRequired: true, prefix, label: name }, o.request);
    }
  }

  /**
   * A channel's WebSocket binding (`bindings.ws`) describes the HTTP handshake a client makes to open
   * the connection, whichever way the operation's messages then flow: its `query` and `headers`
   * schemas (objects whose properties are the parameters) are request fields of every operation on
   * the channel, `handshake-query:<name>` and `handshake-header:<lower-case name>` (distinct from the
   * message headers, `header:<name>`, which travel with each message). `method` is the field
   * `handshake:method`: GET is what every WebSocket client sends, so only another method is required.
   */
  function wsHandshake(o: Operation, chan: any, chanPtr: string) {
    const bindings0 = chan?.bindings;
    const bindings = resolver.deref(bindings0);
    const ws0 = bindings && typeof bindings === 'object' ? bindings.ws : undefined;
    const ws = resolver.deref(ws0);
    if (!ws || typeof ws !== 'object') return;
    const wsPtr = refPlace(ws0, `${refPlace(bindings0, `${chanPtr}/bindings`)}/ws`);
    for (const [key, where] of [['query', 'handshake-query'], ['headers', 'handshake-header']] as const) {
      propertiesAsFields(ws[key], `${wsPtr}/${key}`, (name) => `${where}:${where === 'handshake-header' ? name.toLowerCase() : name}`, o.request);
    }
    if (typeof ws.method === 'string') {
      const method = ws.method.toUpperCase();
      flatten({ type: 'string', enum: [method] }, `${wsPtr}/method`, resolver, { followRoot: false, rootRequired: method !== 'GET', prefix: 'handshake:method', label: 'method' }, o.request);
    }
  }

  /**
   * The properties of the object schema written at `s0` (its `$ref`s followed), as fields named
   * `prefix(name)` in `out`, required where it lists them: a handshake's query or headers, an HTTP
   * binding's query.
   */
  function propertiesAsFields(s0: any, ptr0: string, prefix: (name: string) => string, out: Fields) {
    let s = s0, ptr = ptr0;
    for (let hops = 0; s && typeof s.$ref === 'string' && hops < 20; hops++) { ptr = s.$ref.slice(1); s = resolver.get(s.$ref); }
    if (!s || typeof s !== 'object' || !s.properties || typeof s.properties !== 'object') return;
    const required = Array.isArray(s.required) ? s.required.map(String) : [];
    for (const [name, schema] of Object.entries<any>(s.properties)) {
      flatten(schema, `${ptr}/properties/${esc(name)}`, resolver, { followRoot: false, rootRequired: required.includes(name), prefix: prefix(name), label: name }, out);
    }
  }

  /**
   * An operation's messages (or its reply's) in an order the list's own never decides, since that
   * order never reaches the wire: error replies (`success: false` frames) last, and by their frame's
   * constant `action` (what receivers dispatch on; then the payload's shape) when every message has
   * one; otherwise as listed.
   * The first is the main message, whose payload fills the operation's side; reordering the list (or
   * renaming a message) changes nothing.
   */
  function inWireOrder(msgs0: Message[]): Message[] {
    const actions = new Map(msgs0.map((m) => [m, frameActionOf(m.payload)]));
    const errors = new Set(msgs0.filter((m) => isErrorFrame(m.payload)));
    const byAction = msgs0.length > 1 && msgs0.every((m) => actions.get(m) !== undefined);
    const cmp = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
    // frames of one action are told apart by what they carry
    return [...msgs0].sort((a, b) => (errors.has(a) ? 1 : 0) - (errors.has(b) ? 1 : 0)
      || (byAction ? cmp(actions.get(a)!, actions.get(b)!) || cmp(resolver.shape(a.payload), resolver.shape(b.payload)) : 0));
  }

  /**
   * A message's payload and headers read into a fields map of their own (a request map when
   * `request`). A frame's `action` is a field of a reply's (what the client reads), not of a message
   * the operation sends (what it is matched by, see noteMessage).
   */
  function messageFields(o: Operation, m: Message, request: boolean, withAction: boolean): Fields {
    const fields: Fields = Object.create(null);
    if (request) requestMaps.add(fields);
    if (m.opaque === undefined) {
      payload(unwrapFrame(m.payload), `${m.pointer}/payload`, fields, !request || frameRequires(m.payload), o.name);
      frameEnvelope(m, fields, withAction);
    }
    messageHeaders(m, fields);
    return fields;
  }

  /**
   * An AsyncAPI operation's messages; the main one's payload (see `inWireOrder`) is what a method
   * sends or a push carries, the others are `otherPayloads`.
   */
  function addMessages(o: Operation, msgs0: Message[]) {
    for (const m of msgs0) noteMessage(o, m, '');
    const msgs = inWireOrder(msgs0);
    const first = msgs[0];
    if (!first) return;
    const out = o.kind === 'method' ? o.request : o.response;
    if (first.opaque === undefined) {
      payload(unwrapFrame(first.payload), `${first.pointer}/payload`, out, o.kind !== 'method' || frameRequires(first.payload), o.name);
      // (the main message's `action` is the operation's wire name, `frameAction`, judged as such)
      frameEnvelope(first, out, false);
    }
    messageHeaders(first, out);
    o.mainMessage = first.name;
    const action = frameActionOf(first.payload);
    if (action !== undefined) o.frameAction = action;
    for (const m of msgs.slice(1)) (o.otherPayloads ??= Object.create(null))[m.name] = messageFields(o, m, o.kind === 'method', false);
    if (o.kind === 'push') o.hasResponsePayload = true;
  }

  /**
   * An AsyncAPI 3 operation's reply messages (keyed `reply:<name>`): what the client receives for a
   * request it sent, what it sends back for a push that asks (a server's `send` + `reply`). The main
   * one (see `inWireOrder`: the first that is not an error frame) fills `response` (a push's:
   * `request`), the others besides error frames are `otherPayloads`, matched by wire identity like
   * the request's messages.
   */
  function addReplies(o: Operation, rmsgs: Message[]) {
    for (const m of rmsgs) noteMessage(o, m, 'reply:');
    const ordered = inWireOrder(rmsgs);
    const main = ordered[0];
    if (!main) return;
    const answers = o.kind === 'push';
    const out = answers ? o.request : o.response;
    const inner = unwrapFrame(main.payload);
    if (!answers) o.hasResponsePayload = !emptyObjectAt(resolver, inner);
    if (main.opaque === undefined) {
      payload(inner, `${main.pointer}/payload`, out, !answers || frameRequires(main.payload), o.name, answers || o.hasResponsePayload);
      frameEnvelope(main, out, true);
    }
    messageHeaders(main, out);
    o.mainReply = `reply:${main.name}`;
    for (const m of ordered.slice(1)) if (!isErrorFrame(m.payload)) (o.otherPayloads ??= Object.create(null))[`reply:${m.name}`] = messageFields(o, m, answers, true);
    // the error frame a request may get back (`success: false`) is read like an error response's body
    const error = answers ? undefined : ordered.find((m) => isErrorFrame(m.payload) && m.opaque === undefined);
    if (error) (o.bodies ??= Object.create(null))[`status error ${error.contentType || 'application/json'}`] = messageFields(o, error, false, true);
  }

  /**
   * Must a client send a message's data: a frame's `payload` property when its frame requires it;
   * any other payload is the message. Like an OpenAPI request body's `required`; what a client
   * receives is read as always there, like a response body.
   */
  function frameRequires(pl: any): boolean {
    const s = frameView(pl);
    return !isFrame(s) || (Array.isArray(s.required) && s.required.includes('payload'));
  }

  /**
   * A frame's own properties beside its `payload` (`action`, `type`, `request_id`, `success`...):
   * the envelope a client builds or reads, each a field `frame:<name>` of the map the payload fills,
   * so a constant, a type or a required flag that changes there is judged like the payload's.
   */
  function frameEnvelope(m: Message, out: Fields, withAction: boolean): void {
    const s = frameView(m.payload, typeof m.payload?.$ref === 'string' ? m.payload.$ref.slice(1) : `${m.pointer}/payload`);
    if (!isFrame(s)) return;
    const required: unknown[] = Array.isArray(s.required) ? s.required : [];
    for (const k of Object.keys(s.properties)) {
      if (k === 'payload' || (k === 'action' && !withAction)) continue;
      flatten(s.properties[k], s[WRITTEN_AT][k], resolver, { followRoot: false, rootRequired: required.includes(k), prefix: `frame:${k}` }, out);
    }
  }

  /**
   * A frame schema read as one object: its properties and required keys, with where each property
   * is written, gathered through `allOf` (a frame written as a shared envelope and a part of its own
   * is the same frame as one written out).
   */
  function frameView(schema: any, at = ''): any {
    const s = resolver.deref(schema);
    if (!s || typeof s !== 'object' || Array.isArray(s)) return s;
    const known = frameViews.get(s);
    // (the places are read from `at`: a view made without it serves every reader but frameEnvelope)
    if (known && (!at || known[VIEW_AT] === at)) return known;
    const defs: Record<string, any[]> = Object.create(null), where: Record<string, string> = Object.create(null), required = new Set<string>();
    const gather = (part: any, ptr: string, depth: number) => {
      const p = resolver.deref(part);
      if (!p || typeof p !== 'object' || depth > 8) return;
      const here = typeof part?.$ref === 'string' ? part.$ref.slice(1) : ptr;
      if (p.properties && typeof p.properties === 'object') for (const k of Object.keys(p.properties)) (defs[k] ??= []).push(p.properties[k]), where[k] = `${here}/properties/${esc(k)}`;
      if (Array.isArray(p.required)) for (const k of p.required) if (typeof k === 'string') required.add(k);
      if (Array.isArray(p.allOf)) p.allOf.forEach((x: any, i: number) => gather(x, `${here}/allOf/${i}`, depth + 1));
    };
    gather(schema, at, 0);
    // a property given by several parts is all of them (an envelope's `action: {type: string}` and the
    // frame's own `const`); a constant among them is kept in sight for those that look for one
    const properties: Record<string, any> = Object.create(null);
    for (const [k, list] of Object.entries(defs)) {
      if (list.length === 1) { properties[k] = list[0]; continue; }
      const fixed = list.map((x) => resolver.deref(x)).find((x) => x && typeof x === 'object' && x.const !== undefined);
      properties[k] = fixed ? { allOf: list, const: fixed.const } : { allOf: list };
    }
    const view = Array.isArray(s.allOf) ? { ...s, properties, required: [...required] } : { ...s };
    view[WRITTEN_AT] = where;
    view[VIEW_AT] = at;
    frameViews.set(s, view);
    return view;
  }

  /** The constant `action` of a frame-style payload (what receivers dispatch on), if it has one. */
  function frameActionOf(pl: any): string | undefined {
    const action = resolver.deref(frameView(pl)?.properties?.action);
    return action && (typeof action.const === 'string' || (Array.isArray(action.enum) && action.enum.length === 1)) ? String(action.const ?? action.enum[0]) : undefined;
  }

  /**
   * Records a message of an operation under its name (a label): its content type, what identifies it
   * on the wire (the one rule: a frame's constant `action`; otherwise content type, header names and
   * payload shape), where its correlation id is read, and a payload in a format that is not JSON Schema.
   */
  function noteMessage(o: Operation, m: Message, prefix: string) {
    const key = prefix + m.name;
    o.messages[key] = m.contentType;
    const action = frameActionOf(m.payload);
    const h = resolver.deref(m.headers);
    const headerNames = h && typeof h === 'object' && h.properties && typeof h.properties === 'object' ? Object.keys(h.properties).map((x) => x.toLowerCase()).sort().join(',') : '';
    (o.messageWire ??= Object.create(null))[key] = action !== undefined ? `action:${action}`
      : `${m.contentType} headers(${headerNames}) ${m.opaque !== undefined ? m.opaque : resolver.shape(m.payload)}`;
    if (m.correlation !== undefined) (o.correlation ??= Object.create(null))[key] = m.correlation;
    noteBindings(o, m.bindings, `message ${key}`);
    if (m.opaque !== undefined) (o.opaquePayloads ??= Object.create(null))[key] = m.opaque;
  }

  /**
   * A message's headers are on the wire like its payload: each is a field `header:<name>` (lower
   * case, as for OpenAPI headers) in the map the payload goes to, so the payload's direction is theirs.
   */
  function messageHeaders(m: Message, out: Fields) {
    messageBindingSchemas(m, out);
    const named = m.headers && typeof m.headers.$ref === 'string' ? schemaRefName(m.headers.$ref) : undefined;
    if (named !== undefined) (headerHolders.get(named) ?? headerHolders.set(named, new Set()).get(named)!).add(m.headers);
    const h = resolver.deref(m.headers);
    if (!h || typeof h !== 'object' || !h.properties || typeof h.properties !== 'object') return;
    // the headers object itself, `header:*`: whether headers it does not list are accepted
    out['header:*'] = { path: 'header:*', label: '*', type: 'object', required: false, nullable: false, hasDefault: false, limits: {}, pointer: m.headersPointer, ...(h.additionalProperties === false ? { closed: true } : {}) };
    const required = Array.isArray(h.required) ? h.required.map(String) : [];
    for (const [name, schema] of Object.entries<any>(h.properties)) {
      flatten(schema, `${m.headersPointer}/properties/${esc(name)}`, resolver, { followRoot: false, rootRequired: required.includes(name), prefix: `header:${name.toLowerCase()}`, label: name }, out);
    }
  }

  /**
   * The schemas a message's protocol bindings give (`BINDING_SCHEMAS`: a Kafka key...) travel with
   * it like its headers: each is a field `binding:<protocol>/<keyword>` in the map the payload goes
   * to, optional (a Kafka key may be absent).
   */
  function messageBindingSchemas(m: Message, out: Fields) {
    const b = resolver.deref(m.bindings);
    if (!b || typeof b !== 'object') return;
    for (const [proto, keys] of Object.entries(BINDING_SCHEMAS)) {
      const pb = resolver.deref(b[proto]);
      if (!pb || typeof pb !== 'object') continue;
      const at = refPlace(b[proto], `${m.bindingsPointer}/${esc(proto)}`);
      for (const k of keys) if (pb[k] && typeof pb[k] === 'object') {
        flatten(pb[k], `${at}/${esc(k)}`, resolver, { followRoot: false, rootRequired: false, prefix: `binding:${proto}/${k}`, label: `${proto}.${k}` }, out);
      }
    }
  }

  /**
   * The other keywords of protocol bindings (`bindings.<protocol>.<keyword>`: MQTT `qos` and `retain`,
   * a Kafka `topic`...) as values, on the operation that uses them (`Operation.bindings`), keyed
   * `<where> <protocol>.<keyword>`. Schemas (`BINDING_SCHEMAS`) and a channel's WebSocket handshake
   * are fields; `bindingVersion` versions the binding's own description, not the traffic.
   */
  function noteBindings(o: Operation, bindings0: any, where: string) {
    const b = resolver.deref(bindings0);
    if (!b || typeof b !== 'object' || Array.isArray(b)) return;
    for (const [proto, v0] of Object.entries<any>(b)) {
      if (where === 'channel' && proto === 'ws') continue;
      const v = resolver.deref(v0);
      if (!v || typeof v !== 'object' || Array.isArray(v)) continue;
      const schemas = where.startsWith('message ') ? BINDING_SCHEMAS[proto] ?? [] : where === 'operation' ? OPERATION_BINDING_SCHEMAS[proto] ?? [] : [];
      for (const [k, x] of Object.entries<any>(v)) {
        if (k === 'bindingVersion' || schemas.includes(k) || x === undefined) continue;
        (o.bindings ??= Object.create(null))[`${where} ${proto}.${k}`] = JSON.stringify(canonicalize(resolver.deref(x), false)) ?? 'null';
      }
    }
  }

  /** A message with its traits applied: each trait merged in order (JSON Merge Patch), the message's own keywords last. */
  function withTraits(m: any): any {
    if (!Array.isArray(m.traits) || m.traits.length === 0) return m;
    let out: any = {};
    for (const t of m.traits) out = mergePatch(out, resolver.deref(t));
    const { traits: _t, ...own } = m;
    return mergePatch(out, own);
  }

  /**
   * The schemas of an operation's bindings (`OPERATION_BINDING_SCHEMAS`) as fields of the side that
   * chooses the values. An HTTP query is sent by whoever sends the operation's message: the client for
   * a method (`query:<name>`, like an OpenAPI query parameter), the application for a push. A Kafka
   * group or client id is the consumer's: the client's on a push (`binding:kafka/groupId`); on a method
   * the application consumes, and its own ids are not part of what clients rely on.
   */
  function operationBindingSchemas(o: Operation, op: any) {
    const b = resolver.deref(op.bindings);
    if (!b || typeof b !== 'object') return;
    const bPtr = refPlace(op.bindings, `${o.pointer}/bindings`);
    const http = resolver.deref(b.http);
    if (http && typeof http === 'object') propertiesAsFields(http.query, `${refPlace(b.http, `${bPtr}/http`)}/query`, (name) => `query:${name}`, o.kind === 'push' ? o.response : o.request);
    const kafka = resolver.deref(b.kafka);
    if (o.kind !== 'push' || !kafka || typeof kafka !== 'object') return;
    const kafkaPtr = refPlace(b.kafka, `${bPtr}/kafka`);
    for (const k of OPERATION_BINDING_SCHEMAS.kafka) {
      if (kafka[k] && typeof kafka[k] === 'object') flatten(kafka[k], `${kafkaPtr}/${k}`, resolver, { followRoot: false, rootRequired: false, prefix: `binding:kafka/${k}`, label: `kafka.${k}` }, o.request);
    }
  }

  function commonAsync(o: Operation, op0: any) {
    // an operation's traits give it bindings, tags, security... like a message's (the operation's own last)
    const op = withTraits(op0);
    noteBindings(o, op.bindings, 'operation');
    operationBindingSchemas(o, op);
    const tag = Array.isArray(op.tags) && op.tags[0] ? resolver.deref(op.tags[0]) : undefined;
    if (tag?.name) o.area = String(tag.name);
    if (typeof op.summary === 'string') o.title = op.summary;
    if (op.deprecated === true) o.deprecated = true;
    if (op['x-renamed-from'] !== undefined) o.renamedFrom = String(op['x-renamed-from']);
    if (Array.isArray(op.security)) o.security = op.security.map((s: any) => (typeof s?.$ref === 'string' ? s.$ref.split('/').pop() : Object.keys(s ?? {}).join('+'))).sort();
    o.securityAlternatives = securityAlternatives(op.security, doc.components?.securitySchemes ?? {}, (x) => resolver.deref(x), !String(doc.asyncapi).startsWith('2.'));
  }

  /** Every message of a channel (`#/channels/x`), each named as a listed `$ref` to it would name it. */
  function everyMessage(chanPtr: string, chan: any): Message[] {
    if (!chan || typeof chan !== 'object' || !chan.messages || typeof chan.messages !== 'object') return [];
    return Object.keys(chan.messages).flatMap((k) => messagesOf({ $ref: `${chanPtr}/messages/${esc(k)}` }, `${chanPtr.slice(1)}/messages/${esc(k)}`));
  }

  function messagesOf(m0: any, ptr: string): Message[] {
    if (!m0 || typeof m0 !== 'object') return [];
    const refName = typeof m0.$ref === 'string' ? decodeURIComponent(m0.$ref.split('/').pop()) : undefined;
    // where the message is written: the end of its `$ref` chain (an AsyncAPI 3 operation names the
    // channel's message, which names a component), so that its payload's pointer reaches the schema
    let pointer = ptr;
    let hop = m0;
    for (let i = 0; hop && typeof hop.$ref === 'string' && i < 20; i++) { pointer = hop.$ref.slice(1); hop = resolver.get(hop.$ref); }
    const m = resolver.deref(m0);
    if (!m || typeof m !== 'object') return [];
    if (Array.isArray(m.oneOf)) return m.oneOf.flatMap((x: any, i: number) => messagesOf(x, `${pointer}/oneOf/${i}`));
    const msg = withTraits(m);
    let pl = msg.payload;
    let plPtr = `${pointer}/payload`;
    let format = msg.schemaFormat;
    if (pl && typeof pl === 'object' && pl.schemaFormat && pl.schema) { format = pl.schemaFormat; pl = pl.schema; plPtr += '/schema'; }
    // a keyword's place: the message's own, or the first trait that gives it
    const placeOf = (k: string) => {
      const t = msg === m || m[k] !== undefined ? -1 : m.traits.findIndex((x: any) => resolver.deref(x)?.[k] !== undefined);
      return t < 0 ? `${pointer}/${k}` : typeof m.traits[t]?.$ref === 'string' ? `${m.traits[t].$ref.slice(1)}/${k}` : `${pointer}/traits/${t}/${k}`;
    };
    const headersPointer = placeOf('headers');
    const location = resolver.deref(msg.correlationId)?.location;
    return [{
      name: String(msg.name ?? msg.messageId ?? refName ?? `message${ptr.split('/').pop()}`),
      payload: pl,
      // compared by meaning (case, a charset parameter): see media.ts
      contentType: msg.contentType ?? doc.defaultContentType ? mediaKey(String(msg.contentType ?? doc.defaultContentType)) : '',
      pointer: plPtr.replace(/\/payload(\/schema)?$/, ''),
      headers: msg.headers,
      headersPointer,
      bindings: msg.bindings,
      bindingsPointer: typeof msg.bindings?.$ref === 'string' ? msg.bindings.$ref.slice(1) : placeOf('bindings'),
      correlation: typeof location === 'string' ? location : undefined,
      // a payload in another schema language (Avro, RAML...) is kept as written: it is not JSON Schema
      opaque: typeof format === 'string' && !isJsonSchemaFormat(format) ? `${format} ${JSON.stringify(schemaText(format, resolver.deref(pl) ?? null), (k, v) => (PROSE.has(k) ? undefined : v))}` : undefined,
    }];
  }

  /** Our RTM frames carry the data in `payload` next to `action`: use that part. */
  function unwrapFrame(schema: any): any {
    const s = frameView(schema);
    return isFrame(s) ? framePayload(s) : schema;
  }

  function isErrorFrame(schema: any): boolean {
    return isErrorFrameSchema(frameView(schema));
  }

  /**
   * The operations of a path item that the API provider calls on an endpoint of the client (OpenAPI
   * webhooks and callbacks), with the objects they were read from. `keyOf` and `nameOf` give each
   * its matching key and display name.
   */
  function providerCalls(item0: any, itemPtr: string, keyOf: (verb: string) => string, nameOf: (op: any) => string): Array<[Operation, any]> {
    const item = resolver.deref(item0);
    if (!item || typeof item !== 'object') return [];
    const out: Array<[Operation, any]> = [];
    for (const verb of VERBS) {
      const op = item[verb];
      if (!op || typeof op !== 'object') continue;
      const ptr = `${itemPtr}/${verb}`;
      const o = newOperation('push', keyOf(verb), nameOf(op), protocol, ptr);
      fillOpenApiOperation(o, op, item, ptr, [], true);
      out.push([o, op]);
    }
    return out;
  }

  /**
   * Reads an OpenAPI operation into `o`. This is the one place that decides its direction: in an
   * operation the client calls, the request is what the client sends and the success response what
   * it receives; in one the provider calls (`providerCalls`: a webhook or callback), the client
   * receives the request (parameters and body) and sends the response back.
   */
  function fillOpenApiOperation(o: Operation, op: any, item: any, ptr: string, pathParams: string[], providerCalls = false) {
    if (providerCalls) o.providerCalls = true;
    // the maps and media lists of what the operation's request carries and of its reply
    const sent = providerCalls ? o.response : o.request;
    const reply = providerCalls ? o.request : o.response;
    if (Array.isArray(op.tags) && op.tags[0]) o.area = String(op.tags[0]);
    if (typeof op.summary === 'string') o.title = op.summary;
    o.deprecated = op.deprecated === true;
    if (op['x-sunset'] !== undefined) o.sunset = String(op['x-sunset']);
    if (op['x-stability-level'] !== undefined) o.stability = String(op['x-stability-level']);
    if (op['x-renamed-from'] !== undefined) o.renamedFrom = String(op['x-renamed-from']);
    o.security = op.security !== undefined ? securityNames(op.security) : [];
    if (op.security !== undefined) o.ownSecurity = true;
    o.securityAlternatives = securityAlternatives(op.security ?? doc.security, doc.components?.securitySchemes ?? {}, (x) => resolver.deref(x), false);
    // parameters: path-level, then operation-level overrides
    const params = new Map<string, { p: any; ptr: string }>();
    const addParams = (list: any, base: string) => {
      if (!Array.isArray(list)) return;
      list.forEach((p0: any, i: number) => {
        const p = resolver.deref(p0);
        if (!p || typeof p !== 'object' || !p.name) return;
        if (p.in === 'header' && IGNORED_HEADERS.has(String(p.name).toLowerCase())) return;
        params.set(parameterKey(p), { p, ptr: typeof p0?.$ref === 'string' ? p0.$ref.slice(1) : `${base}/parameters/${i}` });
      });
    };
    addParams(item.parameters, ptr.replace(/\/[^/]+$/, ''));
    addParams(op.parameters, ptr);
    for (const { p, ptr: pp } of params.values()) {
      const idx = p.in === 'path' ? pathParams.indexOf(p.name) : -1;
      const prefix = p.in === 'path' && idx >= 0 ? `path:#${idx}` : parameterKey(p);
      let schema = p.schema;
      // a parameter described by `content` is one value written in that media type (`filter={"a":1}`)
      const inContent = !schema && p.content && typeof p.content === 'object' ? pickJson(p.content) : undefined;
      if (inContent) schema = inContent.schema;
      flatten(schema ?? {}, `${pp}/schema`, resolver, { followRoot: false, rootRequired: p.required === true, prefix, label: String(p.name) }, sent);
      const f = sent[prefix];
      if (f) {
        if (p.deprecated === true) f.deprecated = true;
        if (p['x-renamed-from'] !== undefined) f.renamedFrom = String(p['x-renamed-from']);
        if (p.schema === undefined) f.pointer = pp;
        f.style = inContent && !plainScalar(inContent.media, f) ? `content:${inContent.media}` : parameterStyle(inContent ? { in: p.in } : p, f);
        if (p.allowEmptyValue === true && p.in === 'query') f.allowEmpty = true;
        if (p.allowReserved === true && p.in === 'query') f.allowReserved = true;
      }
    }
    const body = resolver.deref(op.requestBody);
    if (body && typeof body === 'object') {
      const bptr = typeof op.requestBody?.$ref === 'string' ? op.requestBody.$ref.slice(1) : `${ptr}/requestBody`;
      const media = Object.keys(body.content ?? {}).sort();
      if (providerCalls) o.responseMedia = media; else o.requestMedia = media;
      const picked = pickJson(body.content);
      if (picked) {
        (o.mainMedia ??= {})[providerCalls ? 'response' : 'request'] = picked.media;
        payload(picked.schema ?? {}, `${bptr}/content/${esc(picked.media)}/schema`, sent, body.required === true, o.name);
        encoding(o, providerCalls ? 'response' : 'request', picked.media, body.content[picked.media]);
        otherMedia(o, providerCalls ? 'response' : 'request', body.content, picked, `${bptr}/content`, body.required === true);
      } else sent[''] = { path: '', required: body.required === true, nullable: false, hasDefault: false, limits: {}, pointer: bptr };
    }
    const responses = op.responses && typeof op.responses === 'object' ? op.responses : {};
    const statuses = Object.keys(responses).sort();
    // the client answers a provider's call: no status it receives, statuses it may answer with
    if (!providerCalls) o.statuses = statuses;
    else o.answers = statuses;
    const twoXX = statuses.filter((s) => /^2/.test(s));
    const success = twoXX.find((s) => resolver.deref(responses[s])?.content) ?? twoXX[0] ?? (responses.default ? 'default' : undefined);
    // what each success status answers with, by structure: a status added later is compared with these
    if (!providerCalls) for (const s of twoXX.length ? twoXX : success ? [success] : []) {
      const picked = pickJson(resolver.deref(responses[s])?.content);
      const body = picked?.schema && !emptyObjectAt(resolver, picked.schema) ? `${picked.media} ${resolver.shape(picked.schema)}` : '';
      (o.successBodies ??= {})[s] = body;
    }
    if (success) {
      if (!providerCalls) o.mainSuccess = success;
      const r = resolver.deref(responses[success]) ?? {};
      const rptr = typeof responses[success]?.$ref === 'string' ? responses[success].$ref.slice(1) : `${ptr}/responses/${success}`;
      const media = Object.keys(r.content ?? {}).sort();
      if (providerCalls) o.requestMedia = media; else o.responseMedia = media;
      const picked = pickJson(r.content);
      if (picked) (o.mainMedia ??= {})[providerCalls ? 'request' : 'response'] = picked.media;
      if (picked && picked.schema) {
        const keep = !emptyObjectAt(resolver, picked.schema);
        if (!providerCalls) o.hasResponsePayload = keep;
        payload(picked.schema, `${rptr}/content/${esc(picked.media)}/schema`, reply, true, o.name, keep);
        if (keep) otherMedia(o, providerCalls ? 'request' : 'response', r.content, picked, `${rptr}/content`, true);
      }
      responseHeaders(Object.entries<any>(r.headers ?? {}), rptr, reply);
    }
    if (providerCalls) o.hasResponsePayload = Object.keys(o.response).length > 0;
    // links say which operation a response leads to, with what: documentation a client may code against
    if (!providerCalls) for (const s of statuses) {
      const links = resolver.deref(responses[s])?.links;
      if (!links || typeof links !== 'object') continue;
      for (const [name, l0] of Object.entries<any>(links)) {
        const l = resolver.deref(l0);
        if (!l || typeof l !== 'object') continue;
        const { description: _d, ...wire } = l;
        // `operationRef` to an operation of this document that has an operationId names the same
        // operation as that id: one spelling, so rewriting one as the other is no change
        if (typeof wire.operationRef === 'string' && wire.operationRef.startsWith('#/paths/')) {
          const target: any = resolver.get(wire.operationRef);
          if (target && typeof target.operationId === 'string') { delete wire.operationRef; wire.operationId = target.operationId; }
        }
        (o.links ??= Object.create(null))[`${s} ${name}`] = JSON.stringify(canonicalize(wire, false)) ?? 'null';
      }
    }
    {
      // error bodies are part of what a client parses: judged like the success response, by status
      // and media type (see `Operation.bodies`)
      for (const s of statuses) {
        if (s === success) continue;
        const r = resolver.deref(responses[s]);
        // the headers of any other response (an error's `WWW-Authenticate` or `Retry-After`, a
        // redirect's `Location`, a 206's `Content-Range`) are read like a body: by status. In a call
        // the provider makes they are what the client's endpoint answers with (judged as it sends them)
        if (r?.headers && typeof r.headers === 'object') {
          const hp = typeof responses[s]?.$ref === 'string' ? responses[s].$ref.slice(1) : `${ptr}/responses/${esc(s)}`;
          const out: Fields = Object.create(null);
          responseHeaders(Object.entries<any>(r.headers).filter(([h]) => h.toLowerCase() !== 'content-type'), hp, out);
          if (Object.keys(out).length) (o.bodies ??= Object.create(null))[`status ${s} headers`] = out;
        }
        if (providerCalls) continue;
        const content = r?.content;
        if (!(/^[45]/.test(s) || s === 'default') || !content || typeof content !== 'object') continue;
        const rptr = typeof responses[s]?.$ref === 'string' ? responses[s].$ref.slice(1) : `${ptr}/responses/${esc(s)}`;
        (o.errorMedia ??= Object.create(null))[s] = Object.keys(content).sort();
        const first = pickJson(content);
        for (const media of Object.keys(content)) {
          const schema = mediaSchema(media, content[media]);
          if (!schema || (media !== first?.media && sameJson(schema, first?.schema))) continue;
          (o.bodies ??= Object.create(null))[`status ${s} ${media}`] = flatten(schema, `${rptr}/content/${esc(media)}/schema`, resolver, { followRoot: false, rootRequired: true });
        }
      }
    }
    // servers listed for this path or operation instead of the document's
    const servers = Array.isArray(op.servers) ? { list: op.servers, at: `${ptr}/servers` } : Array.isArray(item.servers) ? { list: item.servers, at: `${ptr.replace(/\/[^/]+$/, '')}/servers` } : undefined;
    if (servers && !providerCalls) o.servers = servers.list.map((s0: any, i: number) => {
      const s = resolver.deref(s0) ?? {};
      return { name: String(i), url: String(s.url ?? ''), variables: serverVars(s.variables), pointer: `${servers.at}/${i}` };
    });
  }

  /**
   * The media types of a body beside the one read into the operation's map: each whose schema is
   * written differently is flattened apart (`Operation.bodies`, `<side> <media>`), so a client using
   * it is judged too; one sharing the first's schema is the same comparison.
   */
  function otherMedia(o: Operation, side: 'request' | 'response', content: Record<string, any>, picked: { media: string; schema: any }, cptr: string, required: boolean) {
    for (const media of Object.keys(content)) {
      if (media === picked.media) continue;
      encoding(o, side, media, content[media]);
      const schema = mediaSchema(media, content[media]);
      if (!schema || sameJson(schema, picked.schema)) continue;
      const out: Fields = Object.create(null);
      if (side === 'request') requestMaps.add(out);
      flatten(schema, `${cptr}/${esc(media)}/schema`, resolver, { followRoot: false, rootRequired: required }, out);
      (o.bodies ??= Object.create(null))[`${side} ${media}`] = out;
    }
  }

  /**
   * A form body's `encoding` entries (`Operation.encodings`): how a property is written in a
   * form-urlencoded body, and in a multipart body the media types its part may have (and its style
   * when one is given). The schema they describe may be a shared structure: they are the operation's.
   */
  function encoding(o: Operation, side: 'request' | 'response', media: string, mediaObject: any) {
    const enc = mediaObject?.encoding;
    if (!enc || typeof enc !== 'object') return;
    const form = media === 'application/x-www-form-urlencoded', multipart = media.startsWith('multipart/');
    if (!form && !multipart) return;
    // OpenAPI 3.0 reads a part's `style` and `explode` in form-urlencoded bodies only (3.1 in
    // multipart ones too): elsewhere they are ignored
    const styled = form || !(kind === 'openapi' && !refSiblings);
    for (const [name, e0] of Object.entries<any>(enc)) {
      const e = resolver.deref(e0);
      if (!e || typeof e !== 'object') continue;
      const entry: NonNullable<Operation['encodings']>[string] = {};
      if (form || (styled && (e.style !== undefined || e.explode !== undefined))) entry.style = parameterStyle({ in: 'query', style: e.style, explode: e.explode });
      if (multipart && typeof e.contentType === 'string') entry.types = e.contentType.split(',').map((x: string) => x.trim()).filter(Boolean).sort();
      // headers a part must carry, as written (its Content-Type is `contentType`'s business)
      if (multipart && e.headers && typeof e.headers === 'object') {
        const req = Object.entries<any>(e.headers).filter(([n, h]) => n.toLowerCase() !== 'content-type' && resolver.deref(h)?.required === true).map(([n]) => n).sort();
        if (req.length) entry.headers = req;
        // and what each admits, read as any schema is (descriptions and spellings aside)
        for (const [n, h0] of Object.entries<any>(e.headers)) {
          const h = resolver.deref(h0);
          if (n.toLowerCase() === 'content-type' || !h || typeof h !== 'object' || h.schema === undefined) continue;
          const fields = flatten(h.schema, '', resolver, { followRoot: true, rootRequired: true });
          (entry.headerSchemas ??= Object.create(null))[n.toLowerCase()] = JSON.stringify(canonicalize(Object.values(fields).map(({ pointer: _p, ...f }) => f), false));
        }
      }
      (o.encodings ??= Object.create(null))[`${side} ${media} ${name}`] = entry;
    }
  }
}
