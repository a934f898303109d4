/** The reference index (packages/spec-check/reference/v3.x.json), written by scripts/extract-reference.ts. */

export interface RefField {
  /** dotted path below the payload / structure root, e.g. `chat.thread.events` */
  path: string;
  /** true = "yes"/"required"/"always"; false = "no"/"optional"/"optionally"/conditional; null = not documented */
  required: boolean | null;
  /** the literal text of the Required / Req./Opt. / Returned cell, when the table has one */
  requiredText?: string;
  /** the literal data type (`string`, `[]string`, `array of objects`, ...); null when not documented */
  type: string | null;
  notes: string;
  /** values listed after "Possible values" in the notes */
  enum?: string[];
  /** "Default: 10", "default `false`", "`desc` (default)" */
  default?: string | number | boolean;
  /** "maximum: 25", "Range: 1-100" */
  maximum?: number;
  minimum?: number;
  /** a reference table row, or a top-level key of a sample payload (existence is all that can be checked) */
  source: 'table' | 'sample';
}

export interface RefMethod {
  /** wire name (`start_chat`) */
  name: string;
  /** heading (`Start Chat`) */
  title: string;
  area: string | null;
  httpMethod?: 'GET' | 'POST';
  /** the method of the same name in the other protocol, when documented */
  equivalent: string | null;
  pushes: string[];
  webhooks: string[];
  request: RefField[];
  response: RefField[];
  line: number;
}

export interface RefPush {
  name: string;
  title: string;
  area: string | null;
  webhooks: string[];
  fields: RefField[];
  line: number;
}

export interface RefStructure {
  /** components/schemas name (`ChatSummary`, `FileInput`) */
  name: string;
  /** reference heading (`Chat summaries`) */
  title: string;
  group: string;
  fields: RefField[];
  line: number;
}

export interface RefProtocol {
  source: string;
  methods: RefMethod[];
  pushes: RefPush[];
  structures: RefStructure[];
  errors: string[];
}

export interface RefIndex {
  version: string;
  web: RefProtocol;
  rtm: RefProtocol;
}

export type Protocol = 'web' | 'rtm';

export type FindingKind =
  | 'method-missing'
  | 'push-missing'
  | 'structure-missing'
  | 'parameter-missing'
  | 'field-missing'
  | 'required-mismatch'
  | 'type-mismatch'
  | 'enum-missing'
  | 'enum-value-missing'
  | 'error-type-missing'
  | 'equivalent-mismatch'
  | 'http-method-mismatch'
  | 'title-mismatch'
  | 'area-mismatch'
  | 'push-link-missing'
  | 'default-mismatch'
  | 'limit-mismatch';

export interface Finding {
  version: string;
  protocol: Protocol;
  kind: FindingKind;
  /** `method:start_chat`, `push:incoming_chat`, `structure:Chat`, `errors` */
  subject: string;
  /** `request.chat.thread.events`, `response.chat_id`, `fields.type`, or the error type */
  path?: string;
  message: string;
}

export interface Stats {
  methods: number;
  pushes: number;
  structures: number;
  parameters: number;
  fields: number;
}

export interface CheckResult {
  findings: Finding[];
  stats: Record<Protocol, Stats>;
}
