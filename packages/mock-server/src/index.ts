export { startMockServer, loadVersion, knownVersions, type MockServer, type MockServerOptions } from './server.js';
export { Synth, type SchemaSet } from './synth.js';
export { MAX_BODY_BYTES, MAX_JSON_DEPTH, jsonDepth } from './limits.js';
export { AGENT, LIMITS } from './state.js';
