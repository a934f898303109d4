export { WebClient, ApiError, SchemaValidationError, type WebClientOptions, type CallOptions, type ValidateOption } from './web.js';
export { RtmClient, ConnectionClosedError, TimeoutError, type RtmClientOptions, type SendOptions, type WebSocketLike, type WebSocketCtor } from './rtm.js';
