/** Shared set-up of the codegen tests: private copies of the fixture project and its settings. */
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { codegenSettings, type CodegenSettings } from '../../src/codegen/project-config.js';
import { copyFixture } from '../helpers.js';

export const engine = new LibjsonnetEngine();

/** A private copy of tests/fixtures/codegen/project and its codegen settings. */
export function projectCopy(): { root: string; settings: CodegenSettings } {
  const root = copyFixture('codegen', 'project');
  return { root, settings: codegenSettings(root) };
}
