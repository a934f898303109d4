export { checkFrozen, renderFrozenReport, readVersions, runBreaking, type FrozenReport, type BreakingChange, type VersionInfo, type VersionStatus } from './frozen.js';
export { checkChangesets, renderChangesetReport, type ChangesetReport } from './changeset.js';
export { readWaivers, type Waiver } from './waivers.js';
export { GuardInputError, resolveBase } from './git.js';
