export { type Diagnostic, hasErrors, formatDiagnostic, formatDiagnostics } from './diagnostics.js';
export { readSource, getByPointer, depthOf, measure, decodePointer, safeDecode, MAX_FILE_BYTES, MAX_DEPTH, type Source, type ReadResult as SourceResult } from './read.js';
export { LIMITS } from './limits.js';
export { scanRefs, inlineExternalRefs, linkedOutside, refHolders, refFile, isInside, pointerOf, type RefScan, type RefTarget } from './refs.js';
export { loadSpec, loadVersionFolder, findVersionDocuments, detectKind, type LoadOptions, type LoadResult, type SpecKind, type VersionFolder } from './load.js';
export { stableJson, canonicalize, writeFilesAtomically } from './write.js';
export { structuralDiagnostics } from './structure.js';
export { findDuplicateJsonKey } from './json-keys.js';
export { codeKeywordDiagnostics, CODE_KEYWORDS } from './keywords.js';
