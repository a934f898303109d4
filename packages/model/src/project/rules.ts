/**
 * The conventions of our specs (docs/modelling.md), each decided here once; the project view
 * (view.ts) and every tool reading it use these functions. The frame rules that the generic model
 * shares live in ../frames.ts and are re-exported here.
 */
export { isFrame, framePayload, isErrorFrame } from '../frames.js';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** A component whose name ends so is a method/push payload, never a data structure (also `2faRequest`). */
const PAYLOAD_NAME = /(Request|Response|Push)$/;

export function isPayloadName(name: string): boolean {
  return PAYLOAD_NAME.test(name);
}

/** Query parameters every Web method takes; they are no argument of the method. */
export const COMMON_QUERY: ReadonlySet<string> = new Set(['license_id', 'organization_id']);

/** A Web method's name: its operationId, else the last segment of `/action/<method>`. */
export function webMethodName(path: string, op: Any): string {
  return String(op?.operationId ?? path.split('/').pop());
}

/** `start_chat` -> `StartChat` (the prefix of a method's payload components). */
export function pascal(wire: string): string {
  return wire
    .split(/[_\-\s]+/)
    .filter(Boolean)
    .map((p) => p[0]!.toUpperCase() + p.slice(1))
    .join('');
}

/** A push's name is the `action` constant of its frame, else the operation id. */
export function pushName(frame: Any, operationId: string): string {
  const action = frame?.properties?.action;
  return String(action && typeof action === 'object' && action.const !== undefined && action.const !== null ? action.const : operationId);
}

/**
 * The v3.0 Web envelope: a request body (after following `$ref`s) that is an object whose only
 * property is `payload`, carrying the method's arguments. Later versions send the arguments as the body.
 */
export function isPayloadEnvelope(body: Any): boolean {
  const props = body && typeof body === 'object' ? body.properties : undefined;
  return !!props && typeof props === 'object' && Object.keys(props).length === 1
    && !!props.payload && typeof props.payload === 'object' && !Array.isArray(props.payload);
}

/** The error structure each protocol's error replies carry (docs/modelling.md, "Errors"). */
export function errorStructure(protocol: 'web' | 'rtm', has: (name: string) => boolean): string | undefined {
  const own = protocol === 'web' ? 'WebError' : 'RtmError';
  return has(own) ? own : has('Error') ? 'Error' : undefined;
}
