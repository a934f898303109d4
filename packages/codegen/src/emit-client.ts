import type { Model } from './normalize.js';
import { banner } from './emit-types.js';

/** Per-version client entry: the generic clients bound to the version's types and validators. */
export function emitClientIndex(model: Model): string {
  const v = model.version;
  return `${banner(v)}import type { RtmPayloadOptional, RtmPushes, RtmRequests, RtmResponses, WebRequests, WebResponses } from '@ccapi/types/v${v}';
import { validators } from '@ccapi/validators/v${v}';
import { RtmClient as BaseRtmClient, WebClient as BaseWebClient, type RtmClientOptions, type WebClientOptions } from '../core/index.js';

export const version = ${JSON.stringify(v)};
export { ApiError, SchemaValidationError, ConnectionClosedError, TimeoutError } from '../core/index.js';
export type { RtmClientOptions, WebClientOptions, SendOptions, CallOptions } from '../core/index.js';
export type * from '@ccapi/types/v${v}';

/** Web API v${v} client (fetch). */
export class WebClient extends BaseWebClient<WebRequests, WebResponses> {
  constructor(options: WebClientOptions) {
    super(options, validators, version);
  }
}

/** RTM API v${v} client (WebSocket). */
export class RtmClient extends BaseRtmClient<RtmRequests, RtmResponses, RtmPushes, RtmPayloadOptional> {
  constructor(options: RtmClientOptions = {}) {
    super(options, validators, version);
  }
}
`;
}
