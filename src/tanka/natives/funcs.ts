/**
 * Tanka's data and regex natives (pkg/jsonnet/native/funcs.go) as plain functions, with Go's
 * semantics and error texts. `index.ts` registers them under `std.native`.
 */
import { createHash } from 'node:crypto';
import type { JsonValue } from '../../engine/types.js';
import { goJsonIndent, goJsonUnmarshal, goTrimSpace } from './go-json.js';
import { compileGoRegexp, goQuoteMeta, goRegexpMatchString } from './goregex.js';
import { YamlV3Error, goValueToJson, yamlV3Documents } from './yaml-v3.js';

/** `parseJson(json)`: Go's `json.Unmarshal` into `interface{}` (errors like `unexpected end of JSON input`). */
export function parseJson(json: string): JsonValue {
  return goJsonUnmarshal(json);
}

/**
 * `parseYaml(yaml)`: every document of the stream, decoded by yaml.v3 and passed through
 * `json.Marshal`/`Unmarshal`; always an array (`""` and comment-only give `[]`, `---` gives `[null]`).
 * Errors read `parsing yaml: ...` or `converting yaml to json: ...` as in Tanka.
 */
export function parseYaml(yaml: string): JsonValue[] {
  const docs: JsonValue[] = [];
  const documents = yamlV3Documents(yaml);
  for (;;) {
    let next;
    let value;
    try {
      next = documents.next();
      if (next.done) break;
      value = next.value.decodeInterface();
    } catch (error) {
      if (error instanceof YamlV3Error) throw new Error(`parsing yaml: ${error.message}`, { cause: error });
      throw error;
    }
    try {
      docs.push(goValueToJson(value));
    } catch (error) {
      throw new Error(`converting yaml to json: ${(error as Error).message}`, { cause: error });
    }
  }
  return docs;
}

/**
 * `manifestJsonFromJson(json, indent)`: `bytes.TrimSpace`, `json.Indent` with `indent` spaces and
 * a trailing newline. Values are not re-encoded, so number text and key order stay as written.
 */
export function manifestJsonFromJson(json: string, indent: number): string {
  const width = Math.trunc(indent);
  // Go's strings.Repeat panics on a negative count (a crash in Tanka); here it is an error.
  if (width < 0) throw new Error('manifestJsonFromJson(): strings: negative Repeat count');
  return goJsonIndent(goTrimSpace(json), '', ' '.repeat(width)) + '\n';
}

/** `escapeStringRegex(str)`: Go's `regexp.QuoteMeta`. */
export function escapeStringRegex(str: string): string {
  return goQuoteMeta(str);
}

/** `regexMatch(regex, string)`: Go's `regexp.MatchString` (RE2, unanchored). */
export function regexMatch(regex: string, s: string): boolean {
  return goRegexpMatchString(regex, s);
}

/** `regexSubst(regex, src, repl)`: Go's `ReplaceAllString` (`$1`, `${name}`, `$$`; `$1x` is group "1x"). */
export function regexSubst(regex: string, src: string, repl: string): string {
  return compileGoRegexp(regex).replaceAllString(src, repl);
}

/** `sha256(str)`: lowercase hex SHA-256 of the UTF-8 bytes. */
export function sha256(str: string): string {
  return createHash('sha256').update(str, 'utf8').digest('hex');
}
