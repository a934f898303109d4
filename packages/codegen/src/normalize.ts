/**
 * What the emitters need, taken from the project view of `@ccapi/model` (which decides names,
 * payloads, envelopes, error frames and structures): this file only reshapes it into the tables
 * the emitters walk. No spec is read here.
 */
import { apiVersionOf, type ApiExample, type ApiVersion, type Diagnostic, type RtmSide, type Schema, type WebSide } from '@ccapi/model';

import { put } from '@ccapi/model';

export { put, pascal, toComponentRefs } from '@ccapi/model';
export type { Json, Schema } from '@ccapi/model';

/** Refusal of the emit side (ajv cannot compile, payload names clash) and of bad input. */
export class CodegenError extends Error {
  constructor(message: string, readonly diagnostics: Diagnostic[] = []) {
    super(message);
  }
}

/** A Web method as the emitters walk it (the model's WebSide, named for the emitters). */
export interface WebOperation extends Pick<WebSide, 'http' | 'contentType' | 'request' | 'response' | 'query'> {
  method: string;
  /** v3.0 wraps the arguments in `{payload: ...}` (the model's `envelope`). */
  wrapper: WebSide['envelope'];
  pushes: string[];
}

export interface RtmAction extends Pick<RtmSide, 'request' | 'response' | 'payloadRequired' | 'requestMessage' | 'responseMessage' | 'pushes'> {
  action: string;
}

export interface RtmPush {
  push: string;
  payload: string;
  message: string;
}

export type Example = ApiExample;

export interface Model {
  version: string;
  /** Canonical name -> schema, refs rewritten to `#/$defs/<Name>`. */
  structures: Record<string, Schema>;
  webPayloads: Record<string, Schema>;
  rtmPayloads: Record<string, Schema>;
  /** RTM message (frame) schemas keyed by message name. */
  frames: Record<string, Schema>;
  /** Web error body `{error: WebError}`. */
  webErrorBody: Schema | null;
  web: WebOperation[];
  rtm: RtmAction[];
  pushes: RtmPush[];
  errorMessage: string | null;
  examples: Example[];
  /** The Web document with canonical component names (for openapi-typescript). */
  webDocument: Schema;
}

/** The emitters' tables of one project view. */
export function emitModel(view: ApiVersion): Model {
  const structures: Record<string, Schema> = {};
  for (const [name, s] of Object.entries(view.structures)) put(structures, name, s.schema);
  const web: WebOperation[] = [];
  const rtm: RtmAction[] = [];
  for (const m of view.methods) {
    if (m.web) {
      const w = m.web;
      web.push({ method: w.name, http: w.http, contentType: w.contentType, wrapper: w.envelope, request: w.request, response: w.response, query: w.query, pushes: m.rtm?.pushes ?? [] });
    }
    if (m.rtm) {
      const r = m.rtm;
      rtm.push({ action: r.name, request: r.request, response: r.response, payloadRequired: r.payloadRequired, requestMessage: r.requestMessage, responseMessage: r.responseMessage, pushes: r.pushes });
    }
  }
  const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0);
  web.sort(byKey((o) => o.method));
  rtm.sort(byKey((a) => a.action));
  return {
    version: view.version,
    structures,
    webPayloads: view.payloads.web,
    rtmPayloads: view.payloads.rtm,
    frames: view.frames,
    webErrorBody: view.errors.web.body,
    web,
    rtm,
    pushes: view.pushes.map((p) => ({ push: p.name, payload: p.payload, message: p.message })),
    errorMessage: view.errors.rtm.message,
    examples: view.examples,
    webDocument: view.webDocument,
  };
}

/** The emitters' tables of two parsed bundles; refuses (CodegenError with the diagnostics) when the view has errors. */
export function normalize(version: string, web: Schema, rtm: Schema): Model {
  const view = apiVersionOf(web, rtm, { version });
  const errors = view.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new CodegenError(errors.map((d) => d.message).join('\n'), errors);
  return emitModel(view);
}
