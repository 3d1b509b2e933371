/**
 * A js-yaml schema that reads plain scalars the way Kubernetes does. kubectl, the API server and
 * kubeconform decode manifests with sigs.k8s.io/yaml, which is go-yaml v2: YAML 1.1 scalars, so
 * `yes`/`on`/`y` are booleans and `0644` is octal 420, while js-yaml's default is YAML 1.2. The
 * rules below port `resolve()` of go-yaml v2.4 (resolve.go) for decoding into `interface{}`:
 *
 *   - the first character decides whether resolution is tried at all (`resolveTable`);
 *   - a fixed map: null words, YAML 1.1 bool words, `.inf`/`.nan` spellings, `<<`;
 *   - `.5`-style floats; then, with underscores removed, Go's `ParseInt(s, 0, 64)` (0x, 0o, 0b
 *     and leading-0 octal prefixes), `ParseUint`, and decimal floats; a float that overflows
 *     float64 stays a string, as in Go;
 *   - timestamps stay strings: go-yaml v2 resolves them but hands `interface{}` targets the text.
 *
 * Integers beyond 2^53 lose precision, as with `JSON.parse`. Explicit tags other than the core
 * ones (`!!binary`, `!!timestamp`, `!!set`, custom `!Tags`) are reported as errors.
 */
import { parseGoDecimalFloatOk, parseGoUint } from '../yaml/go-strconv.js';
import type { Schema, Type } from 'js-yaml';
import { lazyModule } from '../util/lazy-module.js';

const jsYaml = lazyModule<typeof import('js-yaml')>('js-yaml');

type Resolved =
  | { tag: 'null'; value: null }
  | { tag: 'bool'; value: boolean }
  | { tag: 'int' | 'float'; value: number }
  | { tag: 'str' | 'merge'; value: string };

const MAP = new Map<string, Resolved>();
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP.set(s, { tag: 'null', value: null });
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE']) MAP.set(s, { tag: 'bool', value: true });
for (const s of ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE']) MAP.set(s, { tag: 'bool', value: false });
for (const s of ['.nan', '.NaN', '.NAN']) MAP.set(s, { tag: 'float', value: NaN });
for (const s of ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']) MAP.set(s, { tag: 'float', value: Infinity });
for (const s of ['-.inf', '-.Inf', '-.INF']) MAP.set(s, { tag: 'float', value: -Infinity });
MAP.set('<<', { tag: 'merge', value: '<<' });

/** resolve.go `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_LIMIT = 1n << 63n;

/** `strconv.ParseInt(s, 0, 64)`, or undefined on a syntax or range error. */
function parseGoInt(s: string): number | undefined {
  let sign = 1n;
  let digits = s;
  if (s[0] === '+' || s[0] === '-') {
    if (s[0] === '-') sign = -1n;
    digits = s.slice(1);
  }
  const n = parseGoUint(digits, 0);
  if (n === null) return undefined;
  if (sign > 0n ? n >= INT64_LIMIT : n > INT64_LIMIT) return undefined;
  return Number(sign * n);
}

/** What go-yaml v2 makes of a plain scalar. */
export function resolveGoYamlScalar(s: string): Resolved {
  const c = s === '' ? '' : s[0];
  const digit = c >= '0' && c <= '9';
  // resolveTable: anything else never resolves (every non-ASCII first character included).
  if (!(c === '' || digit || c === '+' || c === '-' || c === '.' || 'yYnNtTfFoO~<'.includes(c))) return { tag: 'str', value: s };
  const mapped = MAP.get(s);
  if (mapped) return mapped;
  if (c === '.') {
    if (parseGoDecimalFloatOk(s)) return { tag: 'float', value: Number(s.replace(/_/g, '')) };
  } else if (digit || c === '+' || c === '-') {
    const plain = s.replace(/_/g, '');
    const int = parseGoInt(plain);
    if (int !== undefined) return { tag: 'int', value: int };
    const uint = parseGoUint(plain, 0);
    if (uint !== null) return { tag: 'int', value: Number(uint) };
    if (YAML_STYLE_FLOAT.test(plain) && parseGoDecimalFloatOk(plain)) return { tag: 'float', value: Number(plain) };
  }
  return { tag: 'str', value: s };
}

// js-yaml asks every implicit type in turn about the same scalar: resolve it once.
let lastInput: string | undefined;
let lastResolved: Resolved = { tag: 'str', value: '' };
function cached(s: string): Resolved {
  if (s !== lastInput) {
    lastInput = s;
    lastResolved = resolveGoYamlScalar(s);
  }
  return lastResolved;
}

function scalarType(tag: 'null' | 'bool' | 'int' | 'float', accepts: ReadonlyArray<Resolved['tag']>): Type {
  return new (jsYaml().Type)(`tag:yaml.org,2002:${tag}`, {
    kind: 'scalar',
    // `data` is null for an empty node with an explicit tag (`!!null`).
    resolve: (data: string | null) => accepts.includes(data === null ? 'null' : cached(data).tag),
    construct: (data: string | null) => {
      if (data === null) return null;
      const value = cached(data).value;
      return tag === 'float' ? Number(value) : value;
    },
  });
}

/**
 * go-yaml v2's scalars, `<<` merge keys, and the failsafe string/sequence/mapping. Implicit types
 * are tried in this order; an explicit `!!float` also takes an integer, as in Go.
 */
export function goYamlV2Schema(): Schema {
  return (goYamlV2 ??= jsYaml().FAILSAFE_SCHEMA.extend({
    implicit: [
      scalarType('null', ['null']),
      scalarType('bool', ['bool']),
      scalarType('int', ['int']),
      scalarType('float', ['float', 'int']),
      // js-yaml's loader recognizes merge keys by this tag.
      new (jsYaml().Type)('tag:yaml.org,2002:merge', { kind: 'scalar', resolve: (data: string | null) => data === '<<' }),
    ],
  }));
}

let goYamlV2: Schema | undefined;
