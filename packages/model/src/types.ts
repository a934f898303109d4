/** Severity of a diagnostic produced while reading or normalising a document. */
export interface Diagnostic {
  severity: 'error' | 'warning';
  /** Stable code from `@ccapi/load` (`ref-cycle`, `duplicate-key`, ...) when the loader found it. */
  code?: string;
  message: string;
  file: string;
  line?: number;
  column?: number;
  pointer?: string;
  hint?: string;
}

export type Protocol = 'web' | 'rtm';
export type DocumentKind = 'openapi' | 'asyncapi';
/** A document kind as messages name it. */
export const kindName = (kind: DocumentKind): string => (kind === 'openapi' ? 'OpenAPI' : 'AsyncAPI');
export type Scalar = string | number | boolean | null;

/**
 * One field of a payload, flattened: `path` is dotted (`order.item.id`), `[]` stands for array
 * items (`[0]`, `[1]`... for tuple positions) and `{}` for additionalProperties values. The root of a payload has the path `""`.
 * Parameters and headers live in the same maps with a `<in>:` prefix (`query:limit`); path
 * parameters are keyed by position (`path:#0`), and so are AsyncAPI channel parameters, by their
 * position in the channel address (`channel:#0`), in the request of every operation on the channel;
 * so are a channel's WebSocket handshake values (`handshake-query:<name>`, `handshake-header:<name>`, `handshake:method`),
 * and an RTM frame's own properties beside its payload (`frame:action`, `frame:request_id`...).
 * An AsyncAPI message's headers are `header:<name>` (the headers object itself `header:*`: whether it is closed), and the
 * schemas its protocol bindings give `binding:<protocol>/<keyword>` (a Kafka key), in the map its payload goes to.
 */
export interface Field {
  path: string;
  /** Display name of a parameter/header (path parameters are keyed by position). */
  label?: string;
  /** Sorted, `|`-joined JSON types without `null` (e.g. `integer`, `string|integer`). */
  type?: string;
  format?: string;
  required: boolean;
  nullable: boolean;
  enum?: Scalar[];
  default?: unknown;
  hasDefault: boolean;
  /**
   * minimum, maximum, exclusiveMinimum, exclusiveMaximum (OpenAPI 3.0 `exclusiveMinimum: true` is
   * written as the 3.1 numeric form), minLength, maxLength, minItems, maxItems, minProperties,
   * maxProperties, multipleOf; uniqueItems (1). `rangeEnd` reads a numeric range end from them.
   */
  limits: Record<string, number>;
  /**
   * Keywords not modelled one by one (`not`, `contains`, `if`/`then`/`else`, `dependentRequired`,
   * `propertyNames`, the key patterns of `patternProperties`; a second `pattern` or `multipleOf` met
   * in another allOf part), by keyword: canonical JSON, several values one per line. Whether they
   * come from the schema itself or from allOf parts is syntax: both are gathered here.
   * Only present when the schema has any.
   */
  constraints?: Record<string, string>;
  /**
   * How the value is written in an XML body, where it differs from the defaults (`xml`, see
   * flatten's xmlLayout): `attribute`, `name=<element>`, `ns=<namespace>`, `wrapped`, space-separated.
   * Read by the diff only where the value travels as XML (`Structure.xml`, an operation's media).
   */
  xml?: string;
  pattern?: string;
  /** Name of the data structure (components/schemas) this field refers to. */
  ref?: string;
  /** oneOf/anyOf alternatives as `<keyword>:<ref name or empty>=<shape>` (sorted). */
  variants?: string[];
  /**
   * Beside `variants`, in the same order: what each inline alternative admits, flattened with root
   * path `""` (null for an alternative naming a structure, or an inline object, whose properties are
   * fields of this path). Present only when some alternative has content.
   */
  alternatives?: Array<Fields | null>;
  /** Number of allOf parts merged into this field (their keywords are merged into the ones above). */
  allOf?: number;
  readOnly?: boolean;
  writeOnly?: boolean;
  deprecated?: boolean;
  renamedFrom?: string;
  /** `additionalProperties: false`: properties not listed are rejected. */
  closed?: boolean;
  /** A key the object lists as `required` that no property describes: present, with any value. */
  undeclared?: true;
  /**
   * How a parameter is serialised: `<style>/<explode>` with the defaults of its location filled in,
   * or `content:<media>` for a parameter described by `content`.
   */
  style?: string;
  /** A discriminator's values and the structures they select, `<value>=<structure>` (sorted; implicit values included). */
  mapping?: string[];
  /** A query parameter that may be sent empty (`allowEmptyValue: true`). */
  allowEmpty?: boolean;
  /** A query parameter whose value may carry reserved characters (`/?&=`…) unencoded (`allowReserved: true`). */
  allowReserved?: boolean;
  /** JSON pointer of the schema in its document. */
  pointer: string;
}

export type Fields = Record<string, Field>;

export interface Operation {
  kind: 'method' | 'push';
  /** Matching key across versions: `VERB /path/{}` for OpenAPI operations, the operation name otherwise. */
  key: string;
  /** Display name: operationId / AsyncAPI operation id, or `VERB /path`. */
  name: string;
  protocol: Protocol;
  area: string;
  title?: string;
  pointer: string;
  renamedFrom?: string;
  deprecated: boolean;
  sunset?: string;
  stability?: string;
  /**
   * The API provider makes this call to an endpoint of the client (an OpenAPI webhook or callback):
   * the client receives its request and sends the reply, and `securityAlternatives` are what the
   * provider presents, not what the client must present. Decided where the operation is read.
   */
  providerCalls?: boolean;
  /** A call the provider makes: the statuses the client's endpoint may answer with, as documented. */
  answers?: string[];
  /** An OpenAPI callback: the operation that registers it, its name, method and URL expression (the name never reaches the wire). */
  callback?: { parent: string; name: string; verb: string; expression: string };
  /** What the client sends (method request, reply to an OpenAPI webhook or callback; the channel parameters of any AsyncAPI operation). */
  request: Fields;
  /** What the client receives (method success response, push payload). */
  response: Fields;
  requestMedia: string[];
  responseMedia: string[];
  /** OpenAPI: each error status (4xx, 5xx, `default` beside a success status) -> its media types. */
  errorMedia?: Record<string, string[]>;
  statuses: string[];
  /**
   * OpenAPI: each success status (2xx codes and ranges; `default` when there is none) -> what it answers
   * with by structure (`<media type> <shape>`), `''` for no body.
   */
  successBodies?: Record<string, string>;
  /** OpenAPI: the success status whose body and headers are `response` (the first 2xx with content, else the first 2xx, else `default`). */
  mainSuccess?: string;
  hasResponsePayload: boolean;
  /**
   * OpenAPI bodies beside `request`/`response`, each flattened apart:
   * - `request <media>` / `response <media>`: a media type of the main body (the one read into
   *   that map; not the first, which is) whose schema is written differently from the first's;
   * - `status <code> <media>`: the body of an error response (4xx/5xx, and `default` when there is
   *   a success status) that an operation the client calls answers with, each media type.
   * - `status <code> headers`: the headers of any response but the main success one (an error's,
   *   a redirect's `Location`, another success status's).
   * A `$ref` root stays a leaf naming its structure (the structure reports its own changes).
   */
  bodies?: Record<string, Fields>;
  /**
   * OpenAPI: the media type whose body is read into `request` / `response` (the first listed), by
   * map. Two versions whose first media types differ compare bodies media type by media type.
   */
  mainMedia?: { request?: string; response?: string };
  /**
   * OpenAPI: the response links (`<status> <name>` -> the link as canonical JSON, without its
   * description): which operation a response leads to and where its parameters come from.
   */
  links?: Record<string, string>;
  /**
   * OpenAPI form bodies' `encoding` entries, keyed `<side> <media> <property>` (side: the map the
   * body is read into): how the property is written (`style`, `<style>/<explode>` with the query
   * defaults filled in; given for every form-urlencoded entry) and the media types its multipart
   * part may have (`types`, sorted).
   */
  encodings?: Record<string, {
    style?: string; types?: string[];
    /** headers a multipart part must carry, as written */ headers?: string[];
    /** each part header's schema (by lower-case name) as what it admits: its flattened fields, canonical JSON */ headerSchemas?: Record<string, string>;
  }>;
  /**
   * OpenAPI: the servers a path item or operation lists instead of the document's (absent when it
   * lists none).
   */
  servers?: Server[];
  /** AsyncAPI messages of the operation (name -> content type). */
  messages: Record<string, string>;
  /**
   * AsyncAPI: what identifies each message of `messages` on the wire (its name is a label that never
   * reaches it): the frame's constant `action` when it has one, otherwise its content type and the
   * shape of its headers and payload. Messages whose names differ are the same when this is equal.
   */
  messageWire?: Record<string, string>;
  /** AsyncAPI: where a message's correlation id is read (`correlationId.location`), by message name. */
  correlation?: Record<string, string>;
  /**
   * AsyncAPI: payloads in a schema format other than JSON Schema (Avro...), which are not read into
   * fields: `<schemaFormat> <the schema as JSON>`, by message name.
   */
  opaquePayloads?: Record<string, string>;
  channel?: string;
  action?: string;
  security: string[];
  /**
   * What a client must present, by structure: one entry per accepted alternative, each the
   * ` & `-joined requirements `<kind>:<where><<scheme name>>[<scopes>]`; `''` is the alternative of
   * sending no credentials. Scheme names do not reach the wire: the diff keeps only those of schemes
   * of one kind that both versions declare apart.
   */
  securityAlternatives?: string[];
  /** OpenAPI: the operation states its own `security` (an empty list included) instead of inheriting the document's. */
  ownSecurity?: true;
  /** The constant `action` of the frame that carries the payload (the method or push name on the wire). */
  frameAction?: string;
  /** Payloads of the operation's other messages (`message.oneOf`, several messages; other replies as `reply:<name>`), by message name. */
  otherPayloads?: Record<string, Fields>;
  /** The AsyncAPI message whose payload (and headers) fill `request` (a method) or `response` (a push); the rest are `otherPayloads`. */
  mainMessage?: string;
  /** AsyncAPI 3: the reply message (`reply:<name>`) whose payload (and headers) fill `response`; the other replies are `otherPayloads` (error frames aside). */
  mainReply?: string;
  /**
   * AsyncAPI 3: where the operation's reply travels (see normalise's `replyAddress`): a channel
   * address, or a runtime expression (`$message.header#/replyTo`) naming the part of the request that
   * holds it. Absent when the operation has no reply or its address is unknown.
   */
  replyAddress?: string;
  /**
   * AsyncAPI protocol bindings other than schemas (see `BINDING_SCHEMAS`) and the WebSocket handshake:
   * `<where> <protocol>.<keyword>` -> the value as canonical JSON, where `where` is `channel`,
   * `operation` or `message <message key>`.
   */
  bindings?: Record<string, string>;
}

export interface Structure {
  name: string;
  fields: Fields;
  renamedFrom?: string;
  pointer: string;
  /** Is it reachable from what clients send / receive? */
  usage: { request: boolean; response: boolean };
  /** Is it reachable from a body some operation carries as XML (`isXmlMedia`)? */
  xml?: boolean;
}

export interface Server {
  name: string;
  url: string;
  protocol?: string;
  /** AsyncAPI: the version of the protocol the server speaks (`protocolVersion`, as written). */
  protocolVersion?: string;
  variables: Record<string, { default?: string; enum?: string[] }>;
  pointer: string;
  /** AsyncAPI: what a client must present to connect (see `Operation.securityAlternatives`). */
  securityAlternatives?: string[];
}

export interface Model {
  kind: DocumentKind;
  specVersion: string;
  /** The document's own version (`info.version`), when it has one. */
  apiVersion?: string;
  protocol: Protocol;
  file: string;
  operations: Record<string, Operation>;
  /** The data structures the diff reports: components used somewhere, except aliases and payloads owned by one operation. */
  structures: Record<string, Structure>;
  servers: Record<string, Server>;
  /**
   * `dynamic`: an AsyncAPI 3 channel without an address (its key never reaches the wire); `runtime`:
   * a dynamic channel some operation's reply travels on at the address its `reply.address` reads from
   * the request (see `Operation.replyAddress`); `servers`:
   * the names of the only servers that offer the channel (absent: every server).
   */
  channels: Record<string, { address: string; pointer: string; dynamic?: boolean; runtime?: boolean; servers?: string[] }>;
  globalSecurity: string[];
  /**
   * The declared security schemes by name: the ways a client obtains and presents each one's
   * credential (see `schemeWays`) and the OAuth2 scopes its flows offer.
   */
  securitySchemes?: Record<string, { ways: string[]; scopes: string[]; pointer: string }>;
  /**
   * Every components schema flattened (aliases followed, owned and unused ones included), by name:
   * what a `$ref` to that name reaches, so a switch between names can be compared by structure.
   */
  schemas?: Record<string, Fields>;
  /** Alias components (`A: {$ref: B}`): each one's direct target, by name (absent when there is none). */
  aliases?: Record<string, string>;
}
