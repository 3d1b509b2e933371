/**
 * parseYaml: gopkg.in/yaml.v3 v3.0.1 decoding (resolve.go / decode.go) followed by Tanka's
 * json.Marshal + json.Unmarshal round trip.
 */
import { describe, expect, test } from 'vitest';
import { parseYaml } from '../../src/tanka/natives/index.js';

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('documents', () => {
  test.each([
    ['', []],
    ['# only a comment\n', []],
    ['---\n', [null]],
    ['--- # comment\n', [null]],
    ['a: 1\n---\n', [{ a: 1 }, null]],
    ['a: 1\n...\n', [{ a: 1 }]],
    ['---\na: 1\n---\n- 2\n---\nthree\n', [{ a: 1 }, [2], 'three']],
    ['~', [null]],
  ])('%j -> %j', (input, expected) => {
    expect(parseYaml(input)).toEqual(expected);
  });
});

describe('scalars resolve as in yaml.v3 (YAML 1.2 style)', () => {
  test.each([
    // booleans: only true/false spellings
    ['true', true],
    ['False', false],
    ['TRUE', true],
    ['on', 'on'],
    ['yes', 'yes'],
    ['No', 'No'],
    ['y', 'y'],
    // null
    ['null', null],
    ['Null', null],
    ['nULL', 'nULL'],
    // integers
    ['017', 15],
    ['0o17', 15],
    ['-0o17', -15],
    ['0x1f', 31],
    ['0X1F', 31],
    ['+0x1f', 31],
    ['-0x1f', -31],
    ['0b101', 5],
    ['-0b101', -5],
    ['1_000', 1000],
    ['08', 8], // not octal: falls back to a float
    ['-0', 0],
    ['12345678901234567890', 12345678901234567000], // uint64
    ['99999999999999999999999', 1e23], // beyond uint64: a float
    // floats
    ['1.5', 1.5],
    ['.5', 0.5],
    ['+.5', 0.5],
    ['1.', 1],
    ['1e3', 1000],
    ['1e400', '1e400'], // out of float64 range: stays a string
    ['.5e400', '.5e400'],
    ['0x1p-2', '0x1p-2'],
    ['1:20', '1:20'], // no sexagesimal numbers
    // timestamps become RFC 3339 strings through json.Marshal
    ['2001-12-14', '2001-12-14T00:00:00Z'],
    ['2001-1-2', '2001-01-02T00:00:00Z'],
    ['2001-12-14t21:59:43.10-05:00', '2001-12-14T21:59:43.1-05:00'],
    ['2001-12-14T21:59:43.123456789123Z', '2001-12-14T21:59:43.123456789Z'],
    ['2001-12-14T21:59:43+00:00', '2001-12-14T21:59:43Z'],
    ['2001-12-14 21:59:43.10', '2001-12-14T21:59:43.1Z'],
    ['2001-12-14   21:59:43', '2001-12-14T21:59:43Z'],
    ['2001-12-14 21:59:43.10 -5', '2001-12-14 21:59:43.10 -5'], // Go's time.Parse rejects it
    ['2001-02-29', '2001-02-29'], // no such day: a string
    ['2000-02-29', '2000-02-29T00:00:00Z'],
    ['2001-12-14T21:59:43', '2001-12-14T21:59:43'], // T form needs a zone
    ['20011-12-14', '20011-12-14'],
    // quoted and block scalars are strings
    ['"017"', '017'],
    ["'true'", 'true'],
    ['|\n  017\n', '017\n'],
    // explicit tags
    ['!!str 017', '017'],
    ['!!int "017"', 15],
    ['!!float 1', 1],
    ['!!binary aGVsbG8=', 'hello'],
    ['!custom 017', '017'],
    ['! 017', 15], // the non-specific tag leaves plain scalars to resolution
  ])('%j', (input, expected) => {
    expect(parseYaml(input)).toEqual([expected]);
  });

  test('explicit tags that do not fit the text fail', () => {
    expect(errorOf(() => parseYaml('!!int abc'))).toBe('parsing yaml: yaml: cannot decode !!str `abc` as a !!int');
    expect(errorOf(() => parseYaml('!!bool yes'))).toBe('parsing yaml: yaml: cannot decode !!str `yes` as a !!bool');
    expect(errorOf(() => parseYaml('!!binary a'))).toBe('parsing yaml: yaml: !!binary value contains invalid base64 data');
  });
});

describe('json.Marshal failures read "converting yaml to json"', () => {
  test.each([
    ['a: .nan', 'json: unsupported value: NaN'],
    ['a: .inf', 'json: unsupported value: +Inf'],
    ['- -.Inf', 'json: unsupported value: -Inf'],
    ['1: a', 'json: unsupported type: map[interface {}]interface {}'],
    ['a:\n  true: 1', 'json: unsupported type: map[interface {}]interface {}'],
    ['a:\n  ~: 1', 'json: unsupported type: map[interface {}]interface {}'],
    ['a:\n  2001-12-14: 1', 'json: unsupported type: map[interface {}]interface {}'],
    [
      'a: 2001-12-14T00:00:00+24:00',
      'json: error calling MarshalJSON for type time.Time: Time.MarshalJSON: timezone hour outside of range [0,23]',
    ],
  ])('%j', (input, message) => {
    expect(errorOf(() => parseYaml(input))).toBe(`converting yaml to json: ${message}`);
  });

  test('keys are visited in sorted order, so the first failing key decides the error', () => {
    expect(errorOf(() => parseYaml('b: .nan\na: {1: x}'))).toBe(
      'converting yaml to json: json: unsupported type: map[interface {}]interface {}',
    );
    expect(errorOf(() => parseYaml('a: .nan\nb: {1: x}'))).toBe('converting yaml to json: json: unsupported value: NaN');
  });

  test('earlier documents are fine, the failing one decides', () => {
    expect(errorOf(() => parseYaml('a: 1\n---\nb: .nan\n---\n"'))).toBe(
      'converting yaml to json: json: unsupported value: NaN',
    );
  });
});

describe('anchors, aliases and merges', () => {
  test('aliases copy the anchored value', () => {
    expect(parseYaml('a: &x [1, {b: 2}]\nc: *x')).toEqual([{ a: [1, { b: 2 }], c: [1, { b: 2 }] }]);
  });

  test('anchors stay defined for the following documents, as in one go-yaml Decoder', () => {
    expect(parseYaml('a: &x 1\n---\nb: *x')).toEqual([{ a: 1 }, { b: 1 }]);
  });

  test('a redefined anchor refers to the latest definition', () => {
    expect(parseYaml('a: &x 1\nb: *x\nc: &x 2\nd: *x')).toEqual([{ a: 1, b: 1, c: 2, d: 2 }]);
  });

  test('merge keys: explicit keys win wherever the << stands, then earlier merged maps', () => {
    const yaml = [
      'base: &base {a: 1, b: 1, c: 1}',
      'other: &other {b: 2, d: 2}',
      'one:',
      '  b: explicit',
      '  <<: *base',
      'many:',
      '  <<: [*other, *base]',
      '  c: explicit',
      'inline:',
      '  <<: {x: 1}',
      '  y: 2',
    ].join('\n');
    expect(parseYaml(yaml)).toEqual([
      {
        base: { a: 1, b: 1, c: 1 },
        other: { b: 2, d: 2 },
        one: { a: 1, b: 'explicit', c: 1 },
        many: { a: 1, b: 2, c: 'explicit', d: 2 },
        inline: { x: 1, y: 2 },
      },
    ]);
  });

  test('merging something other than maps fails', () => {
    expect(errorOf(() => parseYaml('a: &x 1\nb:\n  <<: *x'))).toBe(
      'parsing yaml: yaml: map merge requires map or sequence of maps as the value',
    );
    expect(errorOf(() => parseYaml('b:\n  <<: [1]'))).toBe('parsing yaml: yaml: map merge requires map or sequence of maps as the value');
  });

  test('a quoted "<<" is an ordinary key', () => {
    expect(parseYaml('"<<": {a: 1}')).toEqual([{ '<<': { a: 1 } }]);
  });

  test('alias errors', () => {
    expect(errorOf(() => parseYaml('a: *nope'))).toBe("parsing yaml: yaml: unknown anchor 'nope' referenced");
    expect(errorOf(() => parseYaml('&a [*a]'))).toBe("parsing yaml: yaml: anchor 'a' value contains itself");
  });

  test('an alias bomb ends in yaml.v3\'s "excessive aliasing" error, quickly', () => {
    const lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 9; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      lines.push(`${name}: &${name} [${Array(9).fill('*' + prev).join(',')}]`);
    }
    const started = Date.now();
    expect(errorOf(() => parseYaml(lines.join('\n')))).toBe('parsing yaml: yaml: document contains excessive aliasing');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  test('moderate aliasing is allowed', () => {
    const docs = parseYaml('a: &a [1, 2, 3]\nb: [*a, *a, *a, *a]');
    expect((docs[0] as { b: unknown[] }).b).toHaveLength(4);
  });
});

describe('mappings', () => {
  test('duplicate keys fail with every duplicate listed (v3 is strict)', () => {
    expect(errorOf(() => parseYaml('a: 1\nb: 2\na: 3\n"b": 4'))).toBe(
      'parsing yaml: yaml: unmarshal errors:\n  line 3: mapping key "a" already defined at line 1\n  line 4: mapping key "b" already defined at line 2',
    );
  });

  test('keys that are collections fail', () => {
    expect(errorOf(() => parseYaml('? [a]\n: 1'))).toBe('parsing yaml: yaml: invalid map key: []interface {}{"a"}');
  });

  test('empty values and flow forms', () => {
    expect(parseYaml('a:\nb: ~\nc: {d, e: f}\ng: [h: i, j]')).toEqual([
      { a: null, b: null, c: { d: null, e: 'f' }, g: [{ h: 'i' }, 'j'] },
    ]);
  });

  test('keys keep their text when a string map', () => {
    expect(parseYaml('"1": a\n\'true\': b')).toEqual([{ '1': 'a', true: 'b' }]);
  });
});

describe('syntax errors read "parsing yaml"', () => {
  test('an unclosed quote', () => {
    expect(errorOf(() => parseYaml("'"))).toBe('parsing yaml: yaml: found unexpected end of stream');
  });
  test('errors after the first line carry the line', () => {
    expect(errorOf(() => parseYaml('a: 1\nb: "x'))).toBe('parsing yaml: yaml: line 2: found unexpected end of stream');
    expect(errorOf(() => parseYaml('a:\n  - b\n c: d'))).toMatch(/^parsing yaml: yaml: line 3: /);
  });
});

describe('hostile input is bounded', () => {
  test('deep nesting is refused with a clear error instead of exhausting the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(errorOf(() => parseYaml(deep))).toBe('parsing yaml: yaml: document nested deeper than 400 levels, which mop refuses');
    let block = '';
    for (let i = 0; i < 1000; i++) block += ' '.repeat(i) + '-\n';
    expect(errorOf(() => parseYaml(block))).toMatch(/nested deeper than 400 levels/);
  });
  test('nesting within the limit decodes', () => {
    const docs = parseYaml('['.repeat(300) + '1' + ']'.repeat(300));
    let v: unknown = docs[0];
    let depth = 0;
    while (Array.isArray(v)) {
      v = v[0];
      depth++;
    }
    expect([depth, v]).toEqual([300, 1]);
  });
});
