export { type Diagnostic, hasErrors, formatDiagnostic, formatDiagnostics } from './diagnostics.js';
export { readSource, getByPointer, MAX_FILE_BYTES, type Source } from './read.js';
export { scanRefs, type RefScan } from './refs.js';
export { loadSpec, loadVersionFolder, findVersionDocuments, detectKind, type LoadOptions, type LoadResult, type SpecKind, type VersionFolder } from './load.js';
export { stableJson, writeFilesAtomically } from './write.js';
