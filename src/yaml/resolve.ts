/**
 * Implicit tag resolution: would this string, written as a plain scalar, read back as something
 * other than a string? Port of go-yaml's `resolve("", s)` (resolve.go) plus the extra checks of
 * `encoder.stringv` (encode.go): `isBase60Float` (both versions) and `isOldBool` (v3 only).
 *
 * yaml.v2 v2.4.0 resolves YAML 1.1 style: its resolve map holds the bool words
 * y/Y/yes/Yes/YES/on/On/ON/n/N/no/No/NO/off/Off/OFF besides true/false, null words and .inf/.nan.
 * yaml.v3 v3.0.1 resolves YAML 1.2 style (bools are only true/false), adds 0o octals, but its
 * `stringv` still quotes the YAML 1.1 bool words via `isOldBool`, so the set of quoted strings is
 * in practice the same for both versions.
 */
import { isGoYamlTimestamp } from './go-timestamp.js';
import { parseGoDecimalFloatOk, parseGoIntOk, parseGoUintOk } from './go-strconv.js';

export type YamlVersion = 2 | 3;

/** resolveTable: the first byte decides whether resolution is attempted at all. */
function hintOf(s: string): string {
  if (s === '') return 'N';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return ''; // 0: never resolved, always a string (covers every non-ASCII first character)
}

const COMMON_MAP = ['', '~', 'null', 'Null', 'NULL', '.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF'];
const COMMON_MAP2 = ['+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF', '<<'];
const V1_1_BOOLS = [
  'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON',
  'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
];
const TRUE_FALSE = ['true', 'True', 'TRUE', 'false', 'False', 'FALSE'];

/** resolveMap of yaml.v2 (YAML 1.1 bools). */
const RESOLVE_MAP_V2 = new Set([...V1_1_BOOLS, ...TRUE_FALSE, ...COMMON_MAP, ...COMMON_MAP2]);
/** resolveMap of yaml.v3. */
const RESOLVE_MAP_V3 = new Set([...TRUE_FALSE, ...COMMON_MAP, ...COMMON_MAP2]);
/** encode.go `isOldBool` (v3). */
const OLD_BOOLS = new Set(V1_1_BOOLS);

/** resolve.go `yamlStyleFloat`. */
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
/** encode.go `base60float`. */
const BASE60_FLOAT = /^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/;

/**
 * True when `resolve("", s)` returns `!!str`. The branches follow resolve.go in order; `plain` is
 * `s` without underscores (so `1_000` is an int).
 */
export function resolvesToString(s: string, version: YamlVersion): boolean {
  const hint = hintOf(s);
  if (hint === '') return true;
  if ((version === 2 ? RESOLVE_MAP_V2 : RESOLVE_MAP_V3).has(s)) return false;
  switch (hint) {
    case 'M':
      return true; // only the map can resolve these
    case '.':
      return !parseGoDecimalFloatOk(s);
    case 'D':
    case 'S': {
      if (isGoYamlTimestamp(s)) return false;
      const plain = s.replace(/_/g, '');
      if (parseGoIntOk(plain, 0)) return false;
      if (parseGoUintOk(plain, 0)) return false;
      if (YAML_STYLE_FLOAT.test(plain) && parseGoDecimalFloatOk(plain)) return false;
      if (plain.startsWith('0b')) {
        if (parseGoIntOk(plain.slice(2), 2) || parseGoUintOk(plain.slice(2), 2)) return false;
      } else if (plain.startsWith('-0b')) {
        if (parseGoIntOk(`-${plain.slice(3)}`, 2)) return false;
      }
      if (version === 3) {
        // "Octals as introduced in version 1.2 of the spec."
        if (plain.startsWith('0o')) {
          if (parseGoIntOk(plain.slice(2), 8) || parseGoUintOk(plain.slice(2), 8)) return false;
        } else if (plain.startsWith('-0o')) {
          if (parseGoIntOk(`-${plain.slice(3)}`, 8)) return false;
        }
      }
      return true;
    }
    default:
      return true; // 'N' only for "", which the map handles
  }
}

/** encode.go `isBase60Float`: YAML 1.1 sexagesimal numbers (`1:20`, `190:20:30.15`). */
export function isBase60Float(s: string): boolean {
  if (s === '') return false;
  const c = s[0];
  if (!(c === '+' || c === '-' || (c >= '0' && c <= '9')) || !s.includes(':')) return false;
  return BASE60_FLOAT.test(s);
}

/**
 * encode.go `stringv`'s `canUsePlain`: the string may be written unquoted as far as its meaning is
 * concerned (the emitter may still quote it for syntactic reasons, see style.ts).
 */
export function canUsePlain(s: string, version: YamlVersion): boolean {
  if (!resolvesToString(s, version) || isBase60Float(s)) return false;
  return version === 2 || !OLD_BOOLS.has(s);
}
