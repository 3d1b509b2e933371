/**
 * Step 4, Tanka's `Label` (`pkg/process/process.go`) and `Environment.NameLabel`
 * (`pkg/spec/v1alpha1/environment.go`, `reflect_utils.go`).
 *
 * With `spec.injectLabels`, every object gets `metadata.labels["tanka.dev/environment"]` =
 * `nameLabel(env)`, overwriting any value the user set. `tk prune` finds orphans by this label, so it
 * must match Tanka's bit for bit.
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../engine/types.js';
import type { Environment } from '../tanka/environment.js';
import { compareBytes } from '../util/go-json.js';
import { LabelError } from './errors.js';
import { ownMapCopy, setOwn, withMetadata, type Manifest } from './manifest.js';

export const LABEL_ENVIRONMENT = 'tanka.dev/environment';

const DEFAULT_LABEL_FIELDS = ['.metadata.name', '.metadata.namespace'];

/**
 * The Go types of `v1alpha1.Environment` as far as `getDeepFieldAsString` sees them: struct fields
 * by JSON tag, in declaration order.
 */
type GoType =
  | { readonly kind: 'string' | 'bool' | 'slice' | 'float64' | 'interface' }
  | { readonly kind: 'map'; readonly elem: GoType }
  | { readonly kind: 'struct'; readonly fields: ReadonlyArray<readonly [string, GoType]> };

const STRING: GoType = { kind: 'string' };
const STRING_MAP: GoType = { kind: 'map', elem: STRING };

const ENVIRONMENT_TYPE: GoType = {
  kind: 'struct',
  fields: [
    ['apiVersion', STRING],
    ['kind', STRING],
    [
      'metadata',
      {
        kind: 'struct',
        fields: [
          ['name', STRING],
          ['namespace', STRING],
          ['labels', STRING_MAP],
        ],
      },
    ],
    [
      'spec',
      {
        kind: 'struct',
        fields: [
          ['apiServer', STRING],
          ['contextNames', { kind: 'slice' }],
          ['namespace', STRING],
          ['diffStrategy', STRING],
          ['applyStrategy', STRING],
          ['injectLabels', { kind: 'bool' }],
          ['tankaEnvLabelFromFields', { kind: 'slice' }],
          [
            'resourceDefaults',
            {
              kind: 'struct',
              fields: [
                ['annotations', STRING_MAP],
                ['labels', STRING_MAP],
              ],
            },
          ],
          ['expectVersions', { kind: 'struct', fields: [['tanka', STRING]] }],
          ['exportJsonnetImplementation', STRING],
        ],
      },
    ],
    ['data', { kind: 'interface' }],
  ],
};

/** The Go type behind an `interface{}` holding decoded JSON. */
function dynamicType(value: unknown, key: string): GoType {
  if (value === null || value === undefined) {
    throw new LabelError(`could not get struct value at path: nil value at "${key}"`);
  }
  if (Array.isArray(value)) return { kind: 'slice' };
  if (typeof value === 'object') return { kind: 'map', elem: { kind: 'interface' } };
  if (typeof value === 'number') return { kind: 'float64' };
  return typeof value === 'boolean' ? { kind: 'bool' } : STRING;
}

/** `getReflectValueAsString`: strings as-is, bools as `true`/`false`, nothing else. */
function leafString(value: unknown, type: GoType): string {
  if (type.kind === 'string') return typeof value === 'string' ? value : '';
  if (type.kind === 'bool') return value === true ? 'true' : 'false';
  throw new LabelError('could not get struct value at path: unsupported value type');
}

/**
 * `getDeepFieldAsString(env, keyPath)`. Deviations, where Tanka has no defined result:
 * - an unknown field or an empty map makes Go panic; here it is a LabelError;
 * - a map step ignores the key and yields the last value Go's (random) map iteration visits; with
 *   one entry that is deterministic and reproduced, with several the entry under the requested key
 *   is taken when present, else the last key in byte order.
 */
function fieldAsString(env: Environment, keyPath: string[]): string {
  let value: unknown = env;
  let type = ENVIRONMENT_TYPE;
  for (let i = 0; ; i++) {
    const key = keyPath[i];
    let next: unknown;
    let nextType: GoType;
    if (type.kind === 'struct') {
      const field = type.fields.find(([tag]) => tag === key);
      if (!field) throw new LabelError(`could not get struct value at path: unknown field "${key}"`);
      next = value === null || value === undefined ? undefined : (value as Record<string, unknown>)[key];
      nextType = field[1];
    } else if (type.kind === 'map') {
      const map = (value ?? {}) as Record<string, unknown>;
      const keys = Object.keys(map).sort(compareBytes);
      if (keys.length === 0) throw new LabelError(`could not get struct value at path: empty map at "${key}"`);
      next = map[Object.hasOwn(map, key) ? key : keys[keys.length - 1]];
      nextType = type.elem;
    } else {
      throw new LabelError('could not get struct value at path: intermediary objects must be object types');
    }
    if (i === keyPath.length - 1) return leafString(next, nextType);
    value = next;
    type = nextType.kind === 'interface' ? dynamicType(next, key) : nextType;
  }
}

/**
 * Tanka's `NameLabel`: the first 48 hex characters of the sha256 of the values of
 * `spec.tankaEnvLabelFromFields` (default `.metadata.name`, `.metadata.namespace`) joined by `:`.
 * Throws LabelError with Tanka's `failed to retrieve field values for label: …` text.
 */
export function nameLabel(env: Environment): string {
  const fields = env.spec.tankaEnvLabelFromFields?.length
    ? env.spec.tankaEnvLabelFromFields
    : DEFAULT_LABEL_FIELDS;
  let values: string[];
  try {
    values = fields.map((field) => fieldAsString(env, field.replace(/^\./, '').split('.')));
  } catch (error) {
    if (error instanceof LabelError) {
      throw new LabelError(`failed to retrieve field values for label: ${error.message}`);
    }
    throw error;
  }
  return createHash('sha256').update(values.join(':'), 'utf8').digest('hex').slice(0, 48);
}

/** Sets `tanka.dev/environment` on every object when `spec.injectLabels` is true. */
export function injectLabels(manifests: readonly Manifest[], env: Environment): Manifest[] {
  // Tanka computes the label per object, so an empty list never fails.
  if (!env.spec.injectLabels || manifests.length === 0) return [...manifests];
  let label: JsonValue;
  try {
    label = nameLabel(env);
  } catch (error) {
    if (error instanceof LabelError) throw new LabelError(`failed to get name label: ${error.message}`);
    throw error;
  }
  return manifests.map(({ path, object }) => ({
    path,
    object: withMetadata(object, (metadata) => setOwn(ownMapCopy(metadata, 'labels'), LABEL_ENVIRONMENT, label)),
  }));
}
