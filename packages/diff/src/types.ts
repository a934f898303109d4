import type { Field, Operation, Protocol } from '@ccapi/model';

export type Level = 'ERR' | 'WARN' | 'INFO';
export const LEVEL_RANK: Record<Level, number> = { INFO: 0, WARN: 1, ERR: 2 };

export type Direction = 'request' | 'response' | 'none';

export interface Owner {
  /** `parameter`: a shared (components) parameter whose change is reported once for every operation using it. */
  kind: 'method' | 'push' | 'structure' | 'parameter' | 'api';
  name: string;
  area: string;
  title?: string;
}

/**
 * One structural difference between two models, before any judgement. Checks read these; they
 * never look at documents.
 */
export interface DiffItem {
  subject: 'operation' | 'structure' | 'field' | 'server' | 'channel' | 'security';
  /** added, removed, renamed, possibly-renamed, moved, type, format, required, ... */
  change: string;
  owner: Owner;
  protocol: Protocol;
  direction: Direction;
  /** Field path (`order.id`, `query:limit`), server/channel name, media type, status... */
  path?: string;
  /** Old path/name for renames and moves. */
  oldPath?: string;
  from?: unknown;
  to?: unknown;
  base?: Field;
  revision?: Field;
  baseOp?: Operation;
  revOp?: Operation;
  /**
   * A schema that became a union (`wrapped`): does one alternative admit everything it admitted
   * (`old`: requests still accepted), and does every alternative admit nothing more (`all`: responses
   * hold nothing new)? A union that became a plain schema (`variant-removed`): `old` when the plain
   * schema admits every alternative in full.
   */
  covers?: { old: boolean; all: boolean };
  /** A field gone from an object the revision closes (`additionalProperties: false`): sending it is refused. */
  refused?: boolean;
  /** Items of one change seen from both directions share a group: only the worst finding stays. */
  group: number;
  pointer: string;
  file: string;
  /** The body a field belongs to when it is not the operation's main one (`the \`404\` response`). */
  body?: string;
}

export interface Rule {
  id: string;
  level: Level;
  /** Which side of the exchange the rule judges. */
  direction: 'request' | 'response' | 'any';
  /** What the rule is about: operation, structure, field, server, channel, security. */
  area: DiffItem['subject'];
  /** The change kind written into changelog.json (`field-removed`, `method-renamed`, ...). */
  kind: string;
  handler: (item: DiffItem) => boolean;
}

/** An operation that a change to a shared structure reaches, and on which protocols. */
export interface Affected {
  kind: 'method' | 'push';
  name: string;
  protocols: Protocol[];
}

export interface Finding {
  ruleId: string;
  level: Level;
  kind: string;
  breaking: boolean;
  area: string;
  protocols: Protocol[];
  owner: Owner;
  path?: string;
  oldPath?: string;
  from?: unknown;
  to?: unknown;
  direction: Direction;
  text: string;
  location: { file: string; pointer: string };
  reference: string;
  /** What a client must change (breaking findings; the rule's `-comment` message). */
  migration?: string;
  /** Operations reaching the changed structure (findings on a structure only). */
  affects?: Affected[];
  /** The per-operation findings that a grouped finding stands for (kept for the history; not written out). */
  parts?: Finding[];
}
