export { startMockServer, loadVersion, type MockServer, type MockServerOptions } from './server.js';
export { Synth, type SchemaSet } from './synth.js';
