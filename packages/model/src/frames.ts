/**
 * RTM frames (`{action, payload, success?, ...}`): where an operation's data is and which reply is an
 * error. One rule for the generic model (normalise) and the project view.
 */

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Any = any;

/** An RTM frame is `{action, payload, ...}`: its `payload` property is the operation's data. */
export function isFrame(schema: Any): boolean {
  return !!schema && typeof schema === 'object' && !!schema.properties && !!schema.properties.action && !!schema.properties.payload;
}

/** The `payload` property schema of a frame schema (undefined when it has none). */
export function framePayload(frame: Any): Any {
  const p = frame && typeof frame === 'object' ? frame.properties : undefined;
  return p && typeof p === 'object' ? p.payload : undefined;
}

/** An error reply frame says `success: false` (as `const` or a one-value `enum`). */
export function isErrorFrame(frame: Any): boolean {
  const succ = frame?.properties?.success;
  return !!succ && (succ.const === false || (Array.isArray(succ.enum) && succ.enum.length === 1 && succ.enum[0] === false));
}
