/**
 * Tanka's `Process` (`pkg/process/process.go`): the evaluated output of an environment becomes the
 * sorted list of Kubernetes objects `tk show`/`tk export` write.
 *
 * extract → unwrap → namespace → injectLabels → resourceDefaults → filter (if targets) → sort.
 */
import type { Environment } from '../tanka/environment.js';
import { EnvExtractionError, ProcessError } from './errors.js';
import { extract } from './extract.js';
import { compileTargets, filter, parseTargetFlags } from './filter.js';
import { injectLabels } from './labels.js';
import type { Manifest } from './manifest.js';
import { namespace } from './namespace.js';
import { resourceDefaults } from './resource-defaults.js';
import { sortManifests } from './sort.js';
import { unwrap } from './unwrap.js';

export interface ProcessOptions {
  /**
   * The `-t/--target` flag values as given, one per occurrence; each is CSV-split as pflag's
   * StringSlice does (so pass raw values, not already-split expressions).
   */
  targets?: readonly string[];
}

/**
 * Processes `env.data`. Throws a ProcessError subclass carrying Tanka's text: TargetError (checked
 * first, as `tk` compiles targets before evaluating), EnvExtractionError wrapping an ExtractionError
 * or SchemaError, SchemaError or ListItemError from unwrapping, LabelError.
 */
export function process(env: Environment, options: ProcessOptions = {}): Manifest[] {
  const matchers = compileTargets(parseTargetFlags(options.targets ?? []));
  if (env.data === null || env.data === undefined) return [];

  let manifests: Manifest[];
  try {
    manifests = extract(env.data);
  } catch (error) {
    if (error instanceof ProcessError) throw new EnvExtractionError(env.metadata.name ?? '', error);
    throw error;
  }
  manifests = unwrap(manifests);
  manifests = namespace(manifests, env.spec.namespace);
  manifests = injectLabels(manifests, env);
  manifests = resourceDefaults(manifests, env);
  if (matchers.length > 0) manifests = filter(manifests, matchers);
  return sortManifests(manifests);
}

/** `process` under a name that does not shadow Node's global `process` in importing modules. */
export const processEnvironment = process;
