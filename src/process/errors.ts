/**
 * Typed errors of the processing pipeline. Each `.message` is the text Tanka prints for the same
 * input (`pkg/process/extract.go`, `pkg/kubernetes/manifest/errors.go`, `pkg/process/filter.go`,
 * `pkg/spec/v1alpha1/environment.go`), so the CLI prints it and exits 2. Tanka colours the
 * SchemaError when stdout is a terminal; these texts are the uncoloured ones.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';
import { MopError } from '../tanka/errors.js';
import { marshalYamlV2, marshalYamlV3 } from '../yaml/index.js';
import type { SchemaField } from './manifest.js';

/** Base class of every processing error. */
export class ProcessError extends MopError {
  override name = 'ProcessError';
}

/**
 * Tanka's `ErrorPrimitiveReached`: a string, number, bool (or null inside an array) was reached
 * outside any Kubernetes object. `path` is the path of what holds the primitive (Go's
 * `trace.Base()`), `containingObject` the innermost enclosing object (with `__ksonnet` removed) and
 * `reason` why that object is not a Kubernetes object; both are null when no object encloses it.
 */
export class ExtractionError extends ProcessError {
  override name = 'ExtractionError';
  constructor(
    readonly path: string,
    readonly key: string,
    readonly primitive: JsonValue,
    readonly containingObject: JsonObject | null,
    readonly reason: string | null,
  ) {
    // `%s` of a nil error is `%!s(<nil>)`; yaml.v3 writes a nil map as `{}`.
    let message = `found invalid Kubernetes object (at ${path}): ${reason ?? '%!s(<nil>)'}`;
    const dump = tryMarshal(containingObject ?? {}, marshalYamlV3);
    // Tanka only logs a failed marshal and leaves the dump out; an object too deep to print is
    // treated the same way.
    if (dump !== undefined) message += '\n\n' + dump;
    super(message);
  }
}

/**
 * Tanka's `SchemaError`: a Kubernetes object (or List item) failing `Manifest.Verify`. The sample is
 * the yaml.v2 rendering of the object, first 10 lines, indented by 2.
 */
export class SchemaError extends ProcessError {
  override name = 'SchemaError';
  constructor(
    readonly fields: readonly SchemaField[],
    readonly path: string,
    readonly object: JsonObject,
  ) {
    let message = `${path === '' ? 'Resource' : path} has missing or invalid fields:\n`;
    for (const { field, problem } of fields) message += `  - ${field}: ${problem}\n`;
    const yaml = tryMarshal(object, marshalYamlV2);
    if (yaml !== undefined) message += '\nPlease check below object:\n' + indentSample(yaml, 2);
    super(message);
  }
}

/**
 * A List item that is not an object. The text is Tanka's, including its bug: it prints the type it
 * asserted to, not the item's.
 */
export class ListItemError extends ProcessError {
  override name = 'ListItemError';
  constructor(readonly path: string) {
    super("unwrapped list item is not an object, but 'map[string]interface {}'");
  }
}

/** The `tanka.dev/environment` label could not be computed from `spec.tankaEnvLabelFromFields`. */
export class LabelError extends ProcessError {
  override name = 'LabelError';
}

/** An invalid `-t/--target` value: bad CSV in the flag, or an expression that is no valid RE2. */
export class TargetError extends ProcessError {
  override name = 'TargetError';
}

/** An extraction error wrapped by `Process` with the environment's name. */
export class EnvExtractionError extends ProcessError {
  override name = 'EnvExtractionError';
  constructor(
    readonly envName: string,
    override readonly cause: ProcessError,
  ) {
    super(`got an error while extracting env \`${envName}\`: ${cause.message}`);
  }
}

/**
 * Objects nested deeper than this are not dumped into error messages. Real Kubernetes objects are a
 * few dozen levels deep; a hostile one could make the YAML (indentation grows with depth) huge or
 * overflow the emitter's recursion. Tanka would try to print it anyway.
 */
export const MAX_DUMP_DEPTH = 1000;

function deeperThan(value: JsonValue, limit: number): boolean {
  const stack: Array<[JsonValue, number]> = [[value, 0]];
  while (stack.length > 0) {
    const [current, depth] = stack.pop() as [JsonValue, number];
    if (current === null || typeof current !== 'object') continue;
    if (depth >= limit) return true;
    for (const child of Array.isArray(current) ? current : Object.values(current)) stack.push([child, depth + 1]);
  }
  return false;
}

function tryMarshal(value: JsonValue, marshal: (value: JsonValue) => string): string | undefined {
  if (deeperThan(value, MAX_DUMP_DEPTH)) return undefined;
  try {
    return marshal(value);
  } catch {
    return undefined;
  }
}

/** `SampleString(s).Indent(n)`: trimmed, cut to 10 lines (then `...`), each line indented. */
function indentSample(text: string, n: number): string {
  let lines = text.trim().split('\n');
  const truncate = lines.length >= 10;
  if (truncate) lines = lines.slice(0, 10);
  let sample = lines.join('\n');
  if (truncate) sample += '\n...';
  const indent = ' '.repeat(n);
  return indent + sample.split('\n').join('\n' + indent);
}
