export { normalize, emitModel, pascal, CodegenError, type Model, type Schema, type Json } from './normalize.js';
export { generate, generateVersion, readModel, writeOutputs, loadModel, findRoot, bundledVersions, type Output } from './generate.js';
export { emitStructures, emitWeb, emitRtm, emitTypesIndex, banner } from './emit-types.js';
export { emitStandalone, emitValidatorsIndex, emitSchemasJson, allSchemas, schemaBase, exportName } from './emit-validators.js';
export { emitClientIndex } from './emit-client.js';
