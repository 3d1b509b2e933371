/**
 * Decoding YAML as gopkg.in/yaml.v3 v3.0.1 does, for Tanka's `parseYaml` native and for reading
 * `helm template` / `kustomize build` output.
 *
 * The `yaml` package parses the text (syntax only: failsafe schema, no tag resolution, duplicate
 * keys allowed); this module then walks its AST the way go-yaml's decoder (decode.go) walks its
 * node tree: scalar resolution (resolve.go: YAML 1.2 booleans, `0o17`/`017`/`0x1f` integers,
 * timestamps as `time.Time`), `<<` merges with v3.0.1's precedence (explicit keys, then the merged
 * maps in order), anchors bound at parse time across the whole stream, v3's duplicate-key errors,
 * and its alias-expansion limit ("document contains excessive aliasing"), which bounds alias bombs.
 *
 * Values come out as {@link GoValue}s (Go's types matter: a map with a non-string key is a
 * `map[interface{}]interface{}` that `json.Marshal` rejects); {@link goValueToJson} then does the
 * `json.Marshal` + `json.Unmarshal` round trip Tanka applies.
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { parseGoDecimalFloatOk, parseGoUint } from '../../yaml/go-strconv.js';
import { compareBytes } from '../../util/go-json.js';
import { setOwn } from './go-json.js';
import { goByteSlice, goDecodeUtf8, goFormatFloatV, goLen, goQuote } from './go-format.js';
import { marshalGoTimestamp, parseGoYamlTimestamp, type GoTimestamp } from '../../yaml/go-timestamp.js';
import type { Document, LineCounter } from 'yaml';
import { lazyModule } from '../../util/lazy-module.js';

const yaml = lazyModule<typeof import('yaml')>('yaml');

/** An error as yaml.v3's `Decoder.Decode` returns it (`yaml: ...`). */
export class YamlV3Error extends Error {
  override readonly name = 'YamlV3Error';
}

/** An error as `json.Marshal` returns it for a decoded YAML value. */
export class GoJsonMarshalError extends Error {
  override readonly name = 'GoJsonMarshalError';
}

// ------------------------------------------------------------------------------------------------
// Go values

/** A Go `int` (`int64`) or, beyond its range, `uint64`. */
export class GoInt {
  constructor(
    readonly value: bigint,
    readonly unsigned: boolean,
  ) {}
}

/** A Go `time.Time` decoded from an unquoted timestamp. */
export class GoTime {
  constructor(readonly time: GoTimestamp) {}
}

/**
 * A decoded mapping: `map[string]interface{}` when every key is a string, else
 * `map[interface{}]interface{}` (`general`). Entries are keyed by Go key identity.
 */
export class GoMap {
  readonly entries = new Map<string, { key: GoValue; value: GoValue }>();
  constructor(readonly general: boolean) {}
}

/** What yaml.v3 stores in an `interface{}`; `number` is a float64. */
export type GoValue = null | boolean | string | number | GoInt | GoTime | GoValue[] | GoMap;

let unhashable = 0;

/** Identity of a Go map key: equal Go values (same dynamic type and value) share one. */
function keyIdentity(key: GoValue): string {
  if (key === null) return 'nil';
  if (typeof key === 'string') return 's:' + key;
  if (typeof key === 'boolean') return 'b:' + key;
  if (typeof key === 'number') return 'f:' + (Object.is(key, -0) ? '-0' : String(key));
  if (key instanceof GoInt) return (key.unsigned ? 'u:' : 'i:') + key.value;
  if (key instanceof GoTime) return 't:' + JSON.stringify(key.time);
  return 'x:' + unhashable++; // unhashable in Go; never equal to another key
}

/** Go's `%#v`, for the "invalid map key" message. */
function goSharpV(v: GoValue): string {
  if (v === null) return 'interface {}(nil)';
  if (typeof v === 'string') return goQuote(v);
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFormatFloatV(v);
  if (v instanceof GoInt) return v.unsigned ? `0x${v.value.toString(16)}` : String(v.value);
  if (v instanceof GoTime) return marshalGoTimestamp(v.time);
  if (Array.isArray(v)) return `[]interface {}{${v.map(goSharpV).join(', ')}}`;
  const type = v.general ? 'map[interface {}]interface {}' : 'map[string]interface {}';
  const items = [...v.entries.values()].map((e) => `${goSharpV(e.key)}:${goSharpV(e.value)}`);
  return `${type}{${items.sort().join(', ')}}`;
}

/**
 * `json.Marshal` then `json.Unmarshal` into `interface{}`: numbers become float64, timestamps RFC
 * 3339 strings. Throws Go's error for NaN/±Inf and for maps with non-string keys; map keys are
 * visited in Go's sorted order, so the first error is the one Go reports.
 */
export function goValueToJson(value: GoValue): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new GoJsonMarshalError(`json: unsupported value: ${goFormatFloatV(value)}`);
    return value;
  }
  if (value instanceof GoInt) return Number(value.value);
  if (value instanceof GoTime) {
    try {
      return marshalGoTimestamp(value.time);
    } catch (error) {
      throw new GoJsonMarshalError(`json: error calling MarshalJSON for type time.Time: ${(error as Error).message}`);
    }
  }
  if (Array.isArray(value)) return value.map(goValueToJson);
  if (value.general) throw new GoJsonMarshalError('json: unsupported type: map[interface {}]interface {}');
  const out: JsonObject = {};
  const entries = [...value.entries.values()].sort((a, b) => compareBytes(a.key as string, b.key as string));
  for (const { key, value: v } of entries) setOwn(out, key as string, goValueToJson(v));
  return out;
}

// ------------------------------------------------------------------------------------------------
// Node tree (go-yaml's yaml.Node, reduced to what decoding needs)

const STR = '!!str';
const NULL = '!!null';
const BOOL = '!!bool';
const INT = '!!int';
const FLOAT = '!!float';
const TIMESTAMP = '!!timestamp';
const SEQ = '!!seq';
const MAP = '!!map';
const BINARY = '!!binary';
const MERGE = '!!merge';
const LONG_PREFIX = 'tag:yaml.org,2002:';

function shortTag(tag: string): string {
  return tag.startsWith(LONG_PREFIX) ? '!!' + tag.slice(LONG_PREFIX.length) : tag;
}

interface YNode {
  kind: 'scalar' | 'mapping' | 'sequence' | 'alias';
  /** Go's `Node.Tag`: explicit (short form) or what the parser implied. */
  tag: string;
  /** Scalar text, or the alias' anchor name. */
  value: string;
  /** Quoted or block scalar (go-yaml's Single/Double/Literal/Folded style). */
  styled: boolean;
  line: number;
  /** Mapping: key, value, key, value...; sequence: items. */
  content: YNode[];
  alias: YNode | null;
}

function indicatedString(n: YNode): boolean {
  return n.kind === 'scalar' && (shortTag(n.tag) === STR || ((n.tag === '' || n.tag === '!') && n.styled));
}

/** go-yaml's `Node.ShortTag()`. */
function nodeShortTag(n: YNode): string {
  if (indicatedString(n)) return STR;
  if (n.tag === '' || n.tag === '!') {
    switch (n.kind) {
      case 'mapping': return MAP;
      case 'sequence': return SEQ;
      case 'alias': return n.alias ? nodeShortTag(n.alias) : '';
      case 'scalar': return resolve('', n.value).tag;
    }
  }
  return shortTag(n.tag);
}

/**
 * Turns one `yaml` document into go-yaml nodes. Anchors live in `anchors`, shared by the whole
 * stream as in go-yaml's parser, and are registered before a collection's children are read, so
 * `&a [*a]` refers to itself (and fails to decode, as in Go).
 */
class NodeBuilder {
  constructor(
    private readonly anchors: Map<string, YNode>,
    private readonly lines: LineCounter,
  ) {}

  private line(offset: number | undefined): number {
    return offset === undefined ? 1 : this.lines.linePos(offset).line;
  }

  private empty(line: number): YNode {
    return { kind: 'scalar', tag: NULL, value: '', styled: false, line, content: [], alias: null };
  }

  build(ast: unknown, parentLine: number): YNode {
    if (ast === null || ast === undefined) return this.empty(parentLine);
    if (yaml().isAlias(ast)) {
      const target = this.anchors.get(ast.source);
      if (!target) throw new YamlV3Error(`yaml: unknown anchor '${ast.source}' referenced`);
      return { kind: 'alias', tag: '', value: ast.source, styled: false, line: this.line(ast.range?.[0]), content: [], alias: target };
    }
    if (yaml().isScalar(ast)) {
      // With the failsafe schema and no tag resolution every scalar value is its text.
      const value = typeof ast.value === 'string' ? ast.value : String(ast.source ?? ast.value ?? '');
      const styled = ast.type !== undefined && ast.type !== 'PLAIN';
      const tag = explicitTag(ast.tag) ?? (styled ? STR : value === '<<' ? MERGE : resolve('', value).tag);
      const n: YNode = { kind: 'scalar', tag, value, styled, line: this.line(ast.range?.[0]), content: [], alias: null };
      if (ast.anchor) this.anchors.set(ast.anchor, n);
      return n;
    }
    const collection = ast as { anchor?: string; tag?: string; items: unknown[]; range?: [number, number, number] | null };
    const kind = yaml().isMap(ast) ? 'mapping' : 'sequence';
    const line = this.line(collection.range?.[0]);
    const n: YNode = {
      kind,
      tag: explicitTag(collection.tag) ?? (kind === 'mapping' ? MAP : SEQ),
      value: '',
      styled: false,
      line,
      content: [],
      alias: null,
    };
    // Registered before the children are read, as go-yaml's parser does.
    if (collection.anchor) this.anchors.set(collection.anchor, n);
    for (const item of collection.items) {
      if (yaml().isPair(item)) {
        const key = this.build(item.key, line);
        const value = this.build(item.value, key.line);
        if (kind === 'mapping') n.content.push(key, value);
        else n.content.push({ kind: 'mapping', tag: MAP, value: '', styled: false, line: key.line, content: [key, value], alias: null });
      } else {
        n.content.push(this.build(item, line));
      }
    }
    return n;
  }
}

/** An explicit tag in go-yaml's short form; the non-specific `!` counts as none. */
function explicitTag(tag: string | undefined): string | null {
  return tag !== undefined && tag !== '!' ? shortTag(tag) : null;
}

// ------------------------------------------------------------------------------------------------
// resolve.go

type Resolved = { tag: string; value: GoValue };

const RESOLVE_MAP = new Map<string, Resolved>();
for (const [tag, value, words] of [
  [BOOL, true, ['true', 'True', 'TRUE']],
  [BOOL, false, ['false', 'False', 'FALSE']],
  [NULL, null, ['', '~', 'null', 'Null', 'NULL']],
  [FLOAT, NaN, ['.nan', '.NaN', '.NAN']],
  [FLOAT, Infinity, ['.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF']],
  [FLOAT, -Infinity, ['-.inf', '-.Inf', '-.INF']],
  [MERGE, '<<', ['<<']],
] as const) {
  for (const word of words) RESOLVE_MAP.set(word, { tag, value });
}

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MAX = (1n << 63n) - 1n;

function fail(message: string): never {
  throw new YamlV3Error('yaml: ' + message);
}

/** `strconv.ParseInt(s, base, 64)`, or null. */
function parseGoInt(s: string, base: number): bigint | null {
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    s = s.slice(1);
  }
  const un = parseGoUint(s, base);
  if (un === null) return null;
  if (neg ? un > INT64_MAX + 1n : un > INT64_MAX) return null;
  return neg ? -un : un;
}

/** An int result: Go keeps values fitting int64 as `int`, larger ones as `uint64`. */
function intResult(s: string, base: number, allowUnsigned: boolean): Resolved | null {
  const i = parseGoInt(s, base);
  if (i !== null) return { tag: INT, value: new GoInt(i, false) };
  if (!allowUnsigned) return null;
  const u = parseGoUint(s, base);
  return u === null ? null : { tag: INT, value: new GoInt(u, true) };
}

function hintOf(s: string): string {
  if (s === '') return 'N';
  const c = s[0];
  if (c === '+' || c === '-') return 'S';
  if (c >= '0' && c <= '9') return 'D';
  if ('yYnNtTfFoO~'.includes(c)) return 'M';
  if (c === '.') return '.';
  return '';
}

/** resolve.go `resolve(tag, in)`: the implied tag and Go value; fails like Go for a bad explicit tag. */
function resolve(tagIn: string, input: string): Resolved {
  const tag = shortTag(tagIn);
  if (!['', STR, BOOL, INT, FLOAT, NULL, TIMESTAMP].includes(tag)) return { tag, value: input };
  const out = resolveUnchecked(tag, input);
  // The deferred check of resolve.go: an explicit tag must agree with what the text resolves to.
  if (tag === '' || tag === out.tag || tag === STR || tag === BINARY) return out;
  if (tag === FLOAT && out.tag === INT && out.value instanceof GoInt && !out.value.unsigned) {
    return { tag: FLOAT, value: Number(out.value.value) };
  }
  return fail(`cannot decode ${shortTag(out.tag)} \`${input}\` as a ${shortTag(tag)}`);
}

function resolveUnchecked(tag: string, input: string): Resolved {
  const hint = hintOf(input);
  if (hint === '' || tag === STR || tag === BINARY) return { tag: STR, value: input };
  const known = RESOLVE_MAP.get(input);
  if (known) return known;
  switch (hint) {
    case '.':
      if (parseGoDecimalFloatOk(input)) return { tag: FLOAT, value: Number(input.replace(/_/g, '')) };
      break;
    case 'D':
    case 'S': {
      if (tag === '' || tag === TIMESTAMP) {
        const t = parseGoYamlTimestamp(input);
        if (t) return { tag: TIMESTAMP, value: new GoTime(t) };
      }
      const plain = input.replace(/_/g, '');
      const asInt = intResult(plain, 0, true);
      if (asInt) return asInt;
      if (YAML_STYLE_FLOAT.test(plain)) {
        const f = Number(plain);
        if (Number.isFinite(f)) return { tag: FLOAT, value: f };
      }
      if (plain.startsWith('0b')) {
        const r = intResult(plain.slice(2), 2, true);
        if (r) return r;
      } else if (plain.startsWith('-0b')) {
        const r = intResult('-' + plain.slice(3), 2, false);
        if (r) return r;
      }
      // YAML 1.2 octals (0o17); 1.1 octals (017) were already read by the base-0 parse above.
      if (plain.startsWith('0o')) {
        const r = intResult(plain.slice(2), 8, true);
        if (r) return r;
      } else if (plain.startsWith('-0o')) {
        const r = intResult('-' + plain.slice(3), 8, false);
        if (r) return r;
      }
      break;
    }
  }
  return { tag: STR, value: input };
}

/** `base64.StdEncoding.DecodeString` after go-yaml's check; newlines are ignored as in Go. */
function decodeBinary(text: string): string {
  const clean = text.replace(/[\r\n]/g, '');
  if (clean.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(={0,2})$/.test(clean) || /=[^=]/.test(clean)) {
    fail('!!binary value contains invalid base64 data');
  }
  return goDecodeUtf8(Buffer.from(clean, 'base64'));
}

// ------------------------------------------------------------------------------------------------
// decode.go

/** Where a decoded node goes, as the Go `reflect.Value` kinds the natives use. */
type Out =
  | { kind: 'iface' }
  | { kind: 'string' }
  /** An existing map (merge target, or the fresh `map[string]interface{}` of a manifest). */
  | { kind: 'map'; map: GoMap; keyKind: 'string' | 'iface'; isNew: boolean; typeName: string };

const IFACE: Out = { kind: 'iface' };
const STRING: Out = { kind: 'string' };

interface Result {
  good: boolean;
  value: GoValue;
}

const ALIAS_RATIO_RANGE_LOW = 400_000;
const ALIAS_RATIO_RANGE_HIGH = 4_000_000;

function allowedAliasRatio(decodeCount: number): number {
  if (decodeCount <= ALIAS_RATIO_RANGE_LOW) return 0.99;
  if (decodeCount >= ALIAS_RATIO_RANGE_HIGH) return 0.1;
  return 0.99 - 0.89 * ((decodeCount - ALIAS_RATIO_RANGE_LOW) / (ALIAS_RATIO_RANGE_HIGH - ALIAS_RATIO_RANGE_LOW));
}

function outTypeName(out: Out): string {
  if (out.kind === 'string') return 'string';
  if (out.kind === 'map') return out.typeName;
  return 'interface {}';
}

/** One document's decoder state (go-yaml makes a new decoder per `Decode` call). */
class Decoder {
  private decodeCount = 0;
  private aliasCount = 0;
  private aliasDepth = 0;
  private readonly aliases = new Set<YNode>();
  private mergedFields: Set<string> | null = null;
  readonly terrors: string[] = [];

  unmarshal(n: YNode, out: Out): Result {
    this.decodeCount++;
    if (this.aliasDepth > 0) this.aliasCount++;
    if (
      this.aliasCount > 100 &&
      this.decodeCount > 1000 &&
      this.aliasCount / this.decodeCount > allowedAliasRatio(this.decodeCount)
    ) {
      fail('document contains excessive aliasing');
    }
    switch (n.kind) {
      case 'alias': return this.alias(n, out);
      case 'scalar': return this.scalar(n, out);
      case 'mapping': return this.mapping(n, out);
      case 'sequence': return this.sequence(n, out);
    }
  }

  private alias(n: YNode, out: Out): Result {
    if (this.aliases.has(n)) fail(`anchor '${n.value}' value contains itself`);
    this.aliases.add(n);
    this.aliasDepth++;
    const result = this.unmarshal(n.alias as YNode, out);
    this.aliasDepth--;
    this.aliases.delete(n);
    return result;
  }

  private terror(n: YNode, tag: string, out: Out): Result {
    if (n.tag !== '') tag = n.tag;
    let value = '';
    if (tag !== SEQ && tag !== MAP) {
      value = goLen(n.value) > 10 ? ` \`${goByteSlice(n.value, 7)}...\`` : ` \`${n.value}\``;
    }
    this.terrors.push(`line ${n.line}: cannot unmarshal ${shortTag(tag)}${value} into ${outTypeName(out)}`);
    return { good: false, value: null };
  }

  private scalar(n: YNode, out: Out): Result {
    let tag: string;
    let resolved: GoValue;
    if (indicatedString(n)) {
      tag = STR;
      resolved = n.value;
    } else {
      ({ tag, value: resolved } = resolve(n.tag, n.value));
      if (tag === BINARY) resolved = decodeBinary(resolved as string);
    }
    if (resolved === null) {
      // d.null: interfaces (and maps) can hold nil; a string cannot.
      return { good: out.kind !== 'string', value: null };
    }
    if (out.kind === 'iface') return { good: true, value: resolved };
    if (out.kind === 'string') return { good: true, value: tag === BINARY ? resolved : n.value };
    return this.terror(n, tag, out);
  }

  private sequence(n: YNode, out: Out): Result {
    if (out.kind !== 'iface') return this.terror(n, SEQ, out);
    const items: GoValue[] = [];
    for (const child of n.content) {
      const r = this.unmarshal(child, IFACE);
      if (r.good) items.push(r.value);
    }
    return { good: true, value: items };
  }

  private mapping(n: YNode, out: Out): Result {
    const c = n.content;
    // v3's Decoder is strict about duplicate keys (same node kind and text).
    const errorsBefore = this.terrors.length;
    for (let i = 0; i < c.length; i += 2) {
      for (let j = i + 2; j < c.length; j += 2) {
        if (c[i].kind === c[j].kind && c[i].value === c[j].value) {
          this.terrors.push(`line ${c[j].line}: mapping key ${goQuote(c[j].value)} already defined at line ${c[i].line}`);
        }
      }
    }
    if (this.terrors.length > errorsBefore) return { good: false, value: null };

    let map: GoMap;
    let keyOut: Out;
    let mapIsNew: boolean;
    if (out.kind === 'string') return this.terror(n, MAP, out);
    if (out.kind === 'iface') {
      map = new GoMap(!isStringMap(n));
      keyOut = map.general ? IFACE : STRING;
      mapIsNew = true;
    } else {
      map = out.map;
      keyOut = out.keyKind === 'string' ? STRING : IFACE;
      mapIsNew = out.isNew;
    }
    const mapOut: Out = {
      kind: 'map',
      map,
      keyKind: keyOut === STRING ? 'string' : 'iface',
      isNew: false,
      typeName: map.general ? 'map[interface {}]interface {}' : 'map[string]interface {}',
    };

    const mergedFields = this.mergedFields;
    this.mergedFields = null;
    let mergeNode: YNode | null = null;
    for (let i = 0; i < c.length; i += 2) {
      if (isMerge(c[i])) {
        mergeNode = c[i + 1];
        continue;
      }
      const k = this.unmarshal(c[i], keyOut);
      if (!k.good) continue;
      const id = keyIdentity(k.value);
      if (mergedFields !== null) {
        if (mergedFields.has(id)) continue;
        mergedFields.add(id);
      }
      if (Array.isArray(k.value) || k.value instanceof GoMap) fail(`invalid map key: ${goSharpV(k.value)}`);
      const v = this.unmarshal(c[i + 1], IFACE);
      if (v.good || (nodeShortTag(c[i + 1]) === NULL && (mapIsNew || !map.entries.has(id)))) {
        map.entries.set(id, { key: k.value, value: v.good ? v.value : null });
      }
    }
    this.mergedFields = mergedFields;
    if (mergeNode !== null) this.merge(n, mergeNode, mapOut);
    return { good: true, value: map };
  }

  /** v3.0.1 merge: keys already in the map (explicit ones, then earlier merged maps) win. */
  private merge(parent: YNode, merge: YNode, out: Out): void {
    const mergedFields = this.mergedFields;
    if (mergedFields === null) {
      this.mergedFields = new Set();
      for (let i = 0; i < parent.content.length; i += 2) {
        const k = this.unmarshal(parent.content[i], IFACE);
        if (k.good) this.mergedFields.add(keyIdentity(k.value));
      }
    }
    const wantMap = (): never => fail('map merge requires map or sequence of maps as the value');
    switch (merge.kind) {
      case 'mapping':
        this.unmarshal(merge, out);
        break;
      case 'alias':
        if (merge.alias && merge.alias.kind !== 'mapping') wantMap();
        this.unmarshal(merge, out);
        break;
      case 'sequence':
        for (const ni of merge.content) {
          if (ni.kind === 'alias') {
            if (ni.alias && ni.alias.kind !== 'mapping') wantMap();
          } else if (ni.kind !== 'mapping') {
            wantMap();
          }
          this.unmarshal(ni, out);
        }
        break;
      default:
        wantMap();
    }
    this.mergedFields = mergedFields;
  }

  /** `Decoder.Decode(&v)` with `v interface{}`. */
  decodeInterface(doc: YNode): GoValue {
    this.decodeCount++; // the document node
    const r = this.unmarshal(doc, IFACE);
    this.throwTypeErrors();
    return r.value;
  }

  /**
   * `Decoder.Decode(&m)` with Tanka's `manifest.Manifest`: a null document leaves `m` nil (null);
   * otherwise its `UnmarshalYAML` decodes into a fresh `map[string]interface{}`.
   */
  decodeStringMap(doc: YNode): GoMap | null {
    this.decodeCount++; // the document node
    const target = this.resolveAliases(doc);
    if (nodeShortTag(target) === NULL && target.kind === 'scalar') return null;
    this.decodeCount++; // the call that reaches the unmarshaler
    const map = new GoMap(false);
    const r = this.unmarshal(doc, { kind: 'map', map, keyKind: 'string', isNew: true, typeName: 'map[string]interface {}' });
    this.throwTypeErrors();
    return r.good ? map : null;
  }

  private resolveAliases(n: YNode): YNode {
    let target = n;
    const seen = new Set<YNode>();
    while (target.kind === 'alias' && target.alias && !seen.has(target)) {
      seen.add(target);
      target = target.alias;
    }
    return target;
  }

  private throwTypeErrors(): void {
    if (this.terrors.length > 0) {
      throw new YamlV3Error(`yaml: unmarshal errors:\n  ${this.terrors.join('\n  ')}`);
    }
  }
}

function isMerge(n: YNode): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (n.tag === '' || n.tag === '!' || shortTag(n.tag) === MERGE);
}

function isStringMap(n: YNode): boolean {
  for (let i = 0; i < n.content.length; i += 2) {
    const tag = nodeShortTag(n.content[i]);
    if (tag !== STR && tag !== MERGE) return false;
  }
  return true;
}

// ------------------------------------------------------------------------------------------------
// Streams

/**
 * Nesting deeper than this is refused before parsing. yaml.v3 allows 10000 flow levels, but the
 * `yaml` package's recursive composer can hit the stack limit inside V8's regexp engine, which
 * aborts the whole process instead of throwing; real manifests stay far below this.
 */
export const MAX_YAML_DEPTH = 400;

/**
 * A cheap upper bound of the nesting depth of a YAML text: block levels by indentation, compact
 * `- - x` levels, and flow brackets that open a collection (not `[` inside a plain word).
 */
function estimateNestingDepth(src: string): number {
  const indents: number[] = [];
  let flow = 0;
  let max = 0;
  for (const rawLine of src.split('\n')) {
    const line = rawLine.endsWith('\r') ? rawLine.slice(0, -1) : rawLine;
    let indent = 0;
    while (line[indent] === ' ') indent++;
    const rest = line.slice(indent);
    if (rest === '' || rest.startsWith('#')) continue;
    while (indents.length > 0 && indents[indents.length - 1] >= indent) indents.pop();
    indents.push(indent);
    let compact = 0;
    let k = 0;
    while ((rest[k] === '-' || rest[k] === '?') && (rest[k + 1] === ' ' || rest[k + 1] === undefined)) {
      compact++;
      k += 2;
      while (rest[k] === ' ') k++;
    }
    let lineFlowMax = flow;
    for (let i = k; i < rest.length; i++) {
      const ch = rest[i];
      if ((ch === '[' || ch === '{') && (i === 0 || ' \t[{,:'.includes(rest[i - 1]))) {
        flow++;
        lineFlowMax = Math.max(lineFlowMax, flow);
      } else if ((ch === ']' || ch === '}') && flow > 0) {
        flow--;
      }
    }
    max = Math.max(max, indents.length + compact + lineFlowMax);
  }
  return max;
}

/** A parsed document, ready to decode in stream order. */
export interface YamlV3Document {
  /** Decodes like `Decode(&v)` with `v interface{}`. */
  decodeInterface(): GoValue;
  /** Decodes like `Decode(&m)` with Tanka's `manifest.Manifest` (before its JSON round trip). */
  decodeStringMap(): GoMap | null;
}

function formatParseError(doc: Document.Parsed, lines: LineCounter): string {
  const error = doc.errors[0];
  const line = lines.linePos(error.pos[0]).line;
  let message = error.message.split('\n')[0];
  // libyaml's wording for the most common mistakes; the rest keep the `yaml` package's text.
  if (error.code === 'MISSING_CHAR' && /quote/i.test(message)) message = 'found unexpected end of stream';
  else if (error.code === 'TAB_AS_INDENT') message = 'found character that cannot start any token';
  // go-yaml prints no line for a problem on the first line (its marks are 0-based there).
  return line > 1 ? `yaml: line ${line}: ${message}` : `yaml: ${message}`;
}

/**
 * The documents of a YAML stream, in order, as yaml.v3's `Decoder` yields them: an empty or
 * comment-only stream has none; `---` alone is one null document. A syntax error surfaces when the
 * iteration reaches the broken document (earlier documents decode first, as in Go).
 */
export function* yamlV3Documents(src: string): Generator<YamlV3Document> {
  if (estimateNestingDepth(src) > MAX_YAML_DEPTH) {
    throw new YamlV3Error(`yaml: document nested deeper than ${MAX_YAML_DEPTH} levels, which mop refuses`);
  }
  const lines = new (yaml().LineCounter)();
  const parsed = yaml().parseAllDocuments(src, {
    schema: 'failsafe',
    resolveKnownTags: false,
    uniqueKeys: false,
    merge: false,
    prettyErrors: false,
    lineCounter: lines,
  });
  if (!Array.isArray(parsed)) return;
  const anchors = new Map<string, YNode>();
  for (const doc of parsed) {
    if (doc.errors.length > 0) throw new YamlV3Error(formatParseError(doc, lines));
    const root = new NodeBuilder(anchors, lines).build(doc.contents, 1);
    yield {
      decodeInterface: () => new Decoder().decodeInterface(root),
      decodeStringMap: () => new Decoder().decodeStringMap(root),
    };
  }
}
