/** `mop diff`: object-by-object comparison of environments, between each other or across commits. */
export { compareObjects, describeRef, isIdentical, refOf, unifiedDiff, type ChangedObject, type CompareOptions, type ObjectDiff, type ObjectRef } from './compare.js';
export { diffEnvironments, type DiffSide, type EnvironmentDiffOptions } from './environments.js';
export { DIFF_FORMATS, renderDiff, renderJson, renderMarkdown, renderText, type DiffFormat, type DiffReport } from './render.js';
export { linkVendor, withWorktree, WorktreeError, type Worktree } from './worktree.js';
