/**
 * Tanka's data and regex natives called directly. The first block ports the expectations of
 * grafana/tanka pkg/jsonnet/native/funcs_test.go; the rest pins the Go semantics around them
 * (encoding/json errors, json.Indent, regexp replacement rules, Tanka's argument checks).
 */
import { describe, expect, test } from 'vitest';
import {
  escapeStringRegex,
  manifestJsonFromJson,
  parseJson,
  parseYaml,
  regexMatch,
  regexSubst,
  sha256,
  tankaNatives,
} from '../../src/tanka/natives/index.js';
import type { JsonValue } from '../../src/engine/types.js';

const natives = tankaNatives();
const call = async (name: string, ...args: JsonValue[]): Promise<JsonValue> => natives[name].fn(...args);

/** The message of what `fn` throws (the exact text is what Jsonnet users see). */
function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('funcs_test.go', () => {
  test('sha256', () => {
    expect(sha256('foo')).toBe('2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae');
  });
  test('parseJson', () => {
    expect(parseJson('{}')).toEqual({});
    expect(parseJson('{"a": 47}')).toEqual({ a: 47 });
    expect(() => parseJson('')).toThrow('unexpected end of JSON input');
  });
  test('parseYaml', () => {
    expect(parseYaml('')).toEqual([]);
    expect(parseYaml('a: 47')).toEqual([{ a: 47 }]);
    expect(() => parseYaml("'")).toThrow(/^parsing yaml: /);
  });
  test('manifestJsonFromJson', () => {
    expect(manifestJsonFromJson('{}', 4)).toBe('{}\n');
    expect(manifestJsonFromJson('{ "a": 47}', 4)).toBe('{\n    "a": 47\n}\n');
    expect(() => manifestJsonFromJson('', 4)).toThrow('unexpected end of JSON input');
  });
  test('manifestYamlFromJson (registered from manifest-yaml.ts)', async () => {
    expect(await call('manifestYamlFromJson', '{}')).toBe('{}\n');
    expect(await call('manifestYamlFromJson', '{ "a": 47}')).toBe('a: 47\n');
    expect(await call('manifestYamlFromJson', '{ "list": ["a", "b", "c"]}')).toBe('list:\n    - a\n    - b\n    - c\n');
    await expect(call('manifestYamlFromJson', '')).rejects.toThrow('unexpected end of JSON input');
  });
  test('escapeStringRegex', () => {
    expect(escapeStringRegex('')).toBe('');
    expect(escapeStringRegex('([0-9]+).*\\s')).toBe('\\(\\[0-9\\]\\+\\)\\.\\*\\\\s');
    expect(escapeStringRegex('([0-9]+')).toBe('\\(\\[0-9\\]\\+');
  });
  test('regexMatch', () => {
    expect(regexMatch('', 'a')).toBe(true);
    expect(regexMatch('a', 'b')).toBe(false);
    expect(() => regexMatch('[0-', 'b')).toThrow();
  });
  test('regexSubst', () => {
    expect(regexSubst('a', 'b', 'c')).toBe('b');
    expect(regexSubst('p[^m]*', 'pm', 'poe')).toBe('poem');
    expect(() => regexSubst('p[^m*', 'pm', 'poe')).toThrow();
  });
});

describe('parseJson: Go encoding/json', () => {
  test.each([
    ['', 'unexpected end of JSON input'],
    ['   ', 'unexpected end of JSON input'],
    ['{"a": 1', 'unexpected end of JSON input'],
    ['{"a" 1}', "invalid character '1' after object key"],
    ['{"a": 1 "b": 2}', `invalid character '"' after object key:value pair`],
    ['{1: 2}', "invalid character '1' looking for beginning of object key string"],
    ['{"a": 1,}', "invalid character '}' looking for beginning of object key string"],
    ['[1 2]', "invalid character '2' after array element"],
    ['[1,]', "invalid character ']' looking for beginning of value"],
    ['{} x', "invalid character 'x' after top-level value"],
    ['01', "invalid character '1' after top-level value"],
    ['-x', "invalid character 'x' in numeric literal"],
    ['1.e5', "invalid character 'e' after decimal point in numeric literal"],
    ['1e+', 'unexpected end of JSON input'],
    ['1ex', "invalid character 'x' in exponent of numeric literal"],
    ['tru', 'unexpected end of JSON input'],
    ['trux', "invalid character 'x' in literal true (expecting 'e')"],
    ['nul!', "invalid character '!' in literal null (expecting 'l')"],
    ['"a\tb"', "invalid character '\\t' in string literal"],
    ['"\\x"', "invalid character 'x' in string escape code"],
    ['"\\u12g4"', "invalid character 'g' in \\u hexadecimal character escape"],
    ["'a'", "invalid character '\\'' looking for beginning of value"],
    ['\u00e9', "invalid character 'Ã' looking for beginning of value"],
    ['\ufeff{}', "invalid character 'ï' looking for beginning of value"],
    ['[1e400]', 'json: cannot unmarshal number 1e400 into Go value of type float64'],
  ])('%j fails with %j', (input, message) => {
    expect(errorOf(() => parseJson(input))).toBe(message);
  });

  test('values as Go decodes them into interface{}', () => {
    expect(parseJson(' {"a": [1, 2.50, -0, 1e2, true, null, "x\\u00e9\\ud83d\\ude00"]} ')).toEqual({
      a: [1, 2.5, -0, 100, true, null, 'xé😀'],
    });
    expect(parseJson('{"a": 1, "a": 2}')).toEqual({ a: 2 });
    expect(parseJson('"\\ud800x"')).toBe('\ufffdx'); // lone surrogate escapes become U+FFFD
    expect(parseJson('1e-400')).toBe(0);
    const proto = parseJson('{"__proto__": {"x": 1}}') as Record<string, JsonValue>;
    expect(Object.keys(proto)).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
  });

  test('nesting is limited to 10000 levels, as in Go', () => {
    expect(parseJson('['.repeat(10000) + ']'.repeat(10000))).toBeInstanceOf(Array);
    expect(() => parseJson('['.repeat(10001) + ']'.repeat(10001))).toThrow("invalid character '[' exceeded max depth");
  });
});

describe('manifestJsonFromJson: json.Indent', () => {
  test('keeps number text, key order and string escapes; empty containers stay compact', () => {
    const input = '{"z": 1.50e3, "a": [], "m": {}, "s": "\\u00e9\\n", "n": [1, {"b": null}]}';
    expect(manifestJsonFromJson(input, 2)).toBe(
      '{\n  "z": 1.50e3,\n  "a": [],\n  "m": {},\n  "s": "\\u00e9\\n",\n  "n": [\n    1,\n    {\n      "b": null\n    }\n  ]\n}\n',
    );
  });
  test('trims Unicode white space first (bytes.TrimSpace), indent 0 still breaks lines', () => {
    expect(manifestJsonFromJson('\u00a0\n [1,2] \t', 0)).toBe('[\n1,\n2\n]\n');
    expect(manifestJsonFromJson('"x"', 3)).toBe('"x"\n');
  });
  test('invalid JSON fails with the scanner error', () => {
    expect(() => manifestJsonFromJson('{"a": 1} {}', 2)).toThrow("invalid character '{' after top-level value");
  });
});

describe('regexSubst: Go ReplaceAllString and Expand', () => {
  test.each([
    ['a*', 'baaac', 'x', 'xbxcx'], // no replacement of the empty match right after "aaa"
    ['(\\w+) (\\w+)', 'hello world', '$2 $1', 'world hello'],
    ['(\\w+)', 'ab', '$1x', ''], // `$1x` is the group named "1x": empty
    ['(\\w+)', 'ab', '${1}x', 'abx'],
    ['(?P<word>\\w+)', 'ab', '<$word>', '<ab>'],
    ['(?<word>\\w+)', 'ab', '${word}!', 'ab!'],
    ['(\\w+)', 'ab', '$$1', '$1'],
    ['(\\w+)', 'ab', '$0-$00-$9', 'ab--'],
    ['(\\w+)', 'ab', '$ ${ ${1 $', '$ ${ ${1 $'],
    ['(\\w+)', 'ab', '$&', '$&'], // not JavaScript's whole-match reference
    ['(a)|(b)', 'b', '[$1|$2]', '[|b]'],
    ['', '😀é', '-', '-😀-é-'],
  ])('regexSubst(%j, %j, %j) = %j', (regex, src, repl, expected) => {
    expect(regexSubst(regex, src, repl)).toBe(expected);
  });
});

describe('regexMatch: Go RE2', () => {
  test('unanchored, Perl classes, $ only at the very end', () => {
    expect(regexMatch('b+', 'abbbc')).toBe(true);
    expect(regexMatch('(?i)^ABC$', 'abc')).toBe(true);
    expect(regexMatch('a$', 'a\n')).toBe(false);
    expect(regexMatch('\\pL+', 'é')).toBe(true);
  });
  test("invalid patterns fail with Go's error text", () => {
    expect(() => regexMatch('[0-', 'b')).toThrow('error parsing regexp: missing closing ]: `[0-`');
    expect(() => regexMatch('a**', 'b')).toThrow('error parsing regexp: invalid nested repetition operator: `**`');
    expect(() => regexMatch('(?=x)', 'b')).toThrow('error parsing regexp: invalid or unsupported Perl syntax: `(?=`');
    expect(() => regexMatch('\\', 'b')).toThrow('error parsing regexp: trailing backslash at end of expression: ``');
  });
});

describe('argument checks (wrapNativeFunc)', () => {
  test('null and wrongly typed arguments fail before the function runs', async () => {
    await expect(call('parseJson', null)).rejects.toThrow('parseJson(): argument "json" is null');
    await expect(call('parseYaml', 1)).rejects.toThrow('parseYaml(): argument "yaml" has unexpected type');
    await expect(call('regexSubst', 'a', 'b', false)).rejects.toThrow('regexSubst(): argument "repl" has unexpected type');
    await expect(call('manifestJsonFromJson', '{}', '4')).rejects.toThrow(
      'manifestJsonFromJson(): argument "indent" has unexpected type',
    );
    await expect(call('sha256', ['a'])).rejects.toThrow('sha256(): argument "str" has unexpected type');
  });
  test('a float indent is truncated like a Go int conversion', async () => {
    expect(await call('manifestJsonFromJson', '[1]', 2.9)).toBe('[\n  1\n]\n');
  });
  test('parameter names are those go-jsonnet registers', () => {
    expect(Object.fromEntries(Object.entries(natives).map(([name, f]) => [name, f.params]))).toEqual({
      parseJson: ['json'],
      parseYaml: ['yaml'],
      manifestJsonFromJson: ['json', 'indent'],
      manifestYamlFromJson: ['json'],
      escapeStringRegex: ['str'],
      regexMatch: ['regex', 'string'],
      regexSubst: ['regex', 'src', 'repl'],
      sha256: ['str'],
      helmTemplate: ['name', 'chart', 'opts'],
      kustomizeBuild: ['path', 'opts'],
    });
  });
});
