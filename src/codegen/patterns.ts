/**
 * The two string formats codegen recognises in config values, as regular expressions that both
 * JavaScript (ajv, with the `u` flag) and editors' JSON Schema engines understand.
 */

/**
 * Go's `time.ParseDuration` without a sign: one or more `<number><unit>` pairs, or `0`. Both the
 * micro sign (U+00B5) and the Greek mu (U+03BC) are accepted, as Go does. There is no `d` unit.
 */
export const GO_DURATION_PATTERN = '^(0|([0-9]+(\\.[0-9]+)?(ns|us|µs|μs|ms|s|m|h))+)$';

/** Kubernetes `resource.Quantity` syntax (the expression documented in apimachinery's quantity.go). */
export const QUANTITY_PATTERN =
  '^(\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))(([KMGTPE]i)|[numkMGTPE]|([eE](\\+|-)?(([0-9]+(\\.[0-9]*)?)|(\\.[0-9]+))))?$';

const GO_DURATION = new RegExp(GO_DURATION_PATTERN, 'u');
const QUANTITY = new RegExp(QUANTITY_PATTERN, 'u');

export function isGoDuration(value: string): boolean {
  return GO_DURATION.test(value);
}

export function isQuantity(value: string): boolean {
  return QUANTITY.test(value);
}

const DAY_OR_WEEK = /^([0-9]+)\s*(d|day|days|w|week|weeks)$/i;

/**
 * A Go duration to suggest in place of `value`: days and weeks become hours (`7d` -> `168h`),
 * anything else gets the generic example `168h`.
 */
export function durationSuggestion(value: string): string {
  const match = DAY_OR_WEEK.exec(value.trim());
  if (match) {
    const hours = Number(match[1]) * (match[2].toLowerCase().startsWith('w') ? 168 : 24);
    return `${hours}h`;
  }
  return '168h';
}

/** Field names whose values are Kubernetes resource quantities when they look like one. */
const RESOURCE_NAMES = /^(cpu|memory|storage|ephemeral-storage|hugepages-.+)$/;
const RESOURCE_SUFFIX = /(Size|Storage|Memory|Cpu)$/;
const RESOURCE_PARENTS = new Set(['resources', 'requests', 'limits', 'capacity']);

/**
 * Whether the field at `path` is a resource field: a Kubernetes resource name (`cpu`, `memory`,
 * `storage`, ...), a field below `resources`/`requests`/`limits`, or a camelCase name ending in
 * Size/Storage/Memory/Cpu (`storageSize`). `100m` is both a Go duration and a quantity; on a
 * resource field it is a quantity.
 */
export function isResourceField(path: readonly string[]): boolean {
  const key = path[path.length - 1] ?? '';
  return RESOURCE_NAMES.test(key) || RESOURCE_SUFFIX.test(key) || path.slice(0, -1).some((p) => RESOURCE_PARENTS.has(p));
}
