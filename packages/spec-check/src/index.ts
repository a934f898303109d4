export { checkVersion, expectedTypes, formatFinding, type Documents } from './check.js';
export { bundleSpecs, generatedVersions, indexedVersions, loadGenerated, loadIndex, referenceDir, repoRoot } from './load.js';
export { applyWaivers, loadWaivers, matches, type Waiver } from './waivers.js';
export * from './types.js';
export { checkRenames, checkRenamesOf, hasFieldPath, oldFieldPath, rawRenamePointers, type RenameMark, type RenameReport } from './renames.js';
export { missingKeys } from './keys.js';
export { loadKnownExamples, type KnownExample } from './known.js';
