/**
 * Document structure: indentation, sequences, mappings, empty collections, explicit keys, root
 * values and `tk show` streams. Cases quoting go-yaml's own encode tests (v2.4.0's
 * encode_test.go, and v3's) say so; [verified] ones come from tanka.md; the rest are derived from
 * emitterc.go's state machine (`yaml_emitter_increase_indent`, `..._emit_block_sequence_item`,
 * `..._emit_block_mapping_key/value`, `..._check_simple_key`).
 */
import { describe, expect, it } from 'vitest';
import type { JsonValue } from '../../src/engine/types.js';
import { marshalYamlV2, marshalYamlV3, showYaml } from '../../src/yaml/index.js';

describe('go-yaml encode tests that apply to JSON values', () => {
  const cases: Array<[JsonValue, string, string]> = [
    // [value, yaml.v2 v2.4.0, yaml.v3]
    [null, 'null\n', 'null\n'],
    [{}, '{}\n', '{}\n'],
    [{ v: 'hi' }, 'v: hi\n', 'v: hi\n'],
    [{ v: 'true' }, 'v: "true"\n', 'v: "true"\n'],
    [{ v: 'false' }, 'v: "false"\n', 'v: "false"\n'],
    [{ v: true }, 'v: true\n', 'v: true\n'],
    [{ v: false }, 'v: false\n', 'v: false\n'],
    [{ v: 10 }, 'v: 10\n', 'v: 10\n'],
    [{ v: -10 }, 'v: -10\n', 'v: -10\n'],
    // Go's test marshals an int64 here; from JSON it is a float64, hence %g (derived)
    [{ v: 4294967296 }, 'v: 4.294967296e+09\n', 'v: 4.294967296e+09\n'],
    [{ v: '10' }, 'v: "10"\n', 'v: "10"\n'],
    [{ v: 0.1 }, 'v: 0.1\n', 'v: 0.1\n'],
    [{ v: -0.1 }, 'v: -0.1\n', 'v: -0.1\n'],
    [{ v: null }, 'v: null\n', 'v: null\n'],
    [{ v: '' }, 'v: ""\n', 'v: ""\n'],
    [{ v: ['A', 'B'] }, 'v:\n- A\n- B\n', 'v:\n    - A\n    - B\n'],
    [{ v: ['A', 1, { B: [2, 3] }] }, 'v:\n- A\n- 1\n- B:\n  - 2\n  - 3\n', 'v:\n    - A\n    - 1\n    - B:\n        - 2\n        - 3\n'],
    [{ a: { b: 'c' } }, 'a:\n  b: c\n', 'a:\n    b: c\n'],
    [{ a: '-' }, "a: '-'\n", "a: '-'\n"],
    [123, '123\n', '123\n'],
    [{ hello: 'world' }, 'hello: world\n', 'hello: world\n'],
    [{ a: [1, 2] }, 'a:\n- 1\n- 2\n', 'a:\n    - 1\n    - 2\n'],
    [{ a: null }, 'a: null\n', 'a: null\n'],
    [{ a: 'off' }, 'a: "off"\n', 'a: "off"\n'],
    [{ a: '<foo>' }, 'a: <foo>\n', 'a: <foo>\n'],
    [{ a: '1:1' }, 'a: "1:1"\n', 'a: "1:1"\n'],
    [{ a: '\u0000' }, 'a: "\\0"\n', 'a: "\\0"\n'],
    [{ a: '你好' }, 'a: 你好\n', 'a: 你好\n'],
    [{ a: '2015-02-24T18:19:39Z' }, 'a: "2015-02-24T18:19:39Z"\n', 'a: "2015-02-24T18:19:39Z"\n'],
    [{ a: 'b: c' }, "a: 'b: c'\n", "a: 'b: c'\n"],
    [{ a: 'Hello #comment' }, "a: 'Hello #comment'\n", "a: 'Hello #comment'\n"],
    [{ a: '你好 #comment' }, "a: '你好 #comment'\n", "a: '你好 #comment'\n"],
    [{ a: { b: [{ c: 1, d: 2 }] } }, 'a:\n  b:\n  - c: 1\n    d: 2\n', 'a:\n    b:\n        - c: 1\n          d: 2\n'],
    [{ _: { hi: 'there' } }, '_:\n  hi: there\n', '_:\n    hi: there\n'],
    [{ _: [1, 'A'] }, '_:\n- 1\n- A\n', '_:\n    - 1\n    - A\n'],
    [{ _: 'BAR!' }, '_: BAR!\n', '_: BAR!\n'],
  ];
  it.each(cases)('%j', (value, v2, v3) => {
    expect(marshalYamlV2(value)).toBe(v2);
    expect(marshalYamlV3(value)).toBe(v3);
  });

  it('matches the v3 SetIndent-free mapping nesting (4 spaces per level)', () => {
    expect(marshalYamlV3({ a: { b: { c: 'd' } } })).toBe('a:\n    b:\n        c: d\n');
  });
});

describe('yaml.v2 indentation [verified]', () => {
  it('indents mappings by 2 and does not indent sequences under a key', () => {
    expect(marshalYamlV2({ arr: [1] })).toBe('arr:\n- 1\n');
    expect(marshalYamlV2([[1, 2]])).toBe('- - 1\n  - 2\n');
    expect(marshalYamlV2([{ a: 1, b: 2 }])).toBe('- a: 1\n  b: 2\n');
  });

  it('nests sequences of sequences and of mappings', () => {
    expect(marshalYamlV2({ a: [[1, 2], [[3]], [], {}], b: [{}], c: [[]] })).toBe(
      'a:\n- - 1\n  - 2\n- - - 3\n- []\n- {}\nb:\n- {}\nc:\n- []\n',
    );
    expect(marshalYamlV2([{ a: [{ b: [1] }] }])).toBe('- a:\n  - b:\n    - 1\n');
    expect(marshalYamlV2({ a: { b: { c: [{ d: { e: [1] } }] } } })).toBe(
      'a:\n  b:\n    c:\n    - d:\n        e:\n        - 1\n',
    );
  });
});

describe('yaml.v3 indentation (Tanka manifestYamlFromJson)', () => {
  it('indents by 4 and indents sequences under their key [verified]', () => {
    expect(marshalYamlV3({ list: ['a'] })).toBe('list:\n    - a\n');
  });

  it('aligns to multiples of 4, except +2 right inside a sequence item', () => {
    // increase_indent v3: in a block sequence item +2 (skip "- "), else round up to a multiple of 4
    expect(marshalYamlV3({ a: [[1, 2], [[3]], [], {}], b: [{}], c: [[]] })).toBe(
      'a:\n    - - 1\n      - 2\n    - - - 3\n    - []\n    - {}\nb:\n    - {}\nc:\n    - []\n',
    );
    expect(marshalYamlV3([{ a: [{ b: [1] }] }])).toBe('- a:\n    - b:\n        - 1\n');
    expect(marshalYamlV3({ spec: { list: ['a', { x: 1, y: [1, 2] }] } })).toBe(
      'spec:\n    list:\n        - a\n        - x: 1\n          "y":\n            - 1\n            - 2\n',
    );
  });
});

describe('empty collections and scalars at the root', () => {
  it('writes {} and [] inline', () => {
    for (const m of [marshalYamlV2, marshalYamlV3]) {
      expect(m({})).toBe('{}\n');
      expect(m([])).toBe('[]\n');
      expect(m({ a: {}, b: [] })).toBe('a: {}\nb: []\n');
      expect(m([{}, []])).toBe('- {}\n- []\n');
    }
  });

  it('writes root scalars on one line', () => {
    for (const m of [marshalYamlV2, marshalYamlV3]) {
      expect(m(null)).toBe('null\n');
      expect(m(true)).toBe('true\n');
      expect(m('x')).toBe('x\n');
      expect(m('yes')).toBe('"yes"\n');
      expect(m('')).toBe('""\n');
      expect(m(' x')).toBe("' x'\n");
      expect(m(1e6)).toBe('1e+06\n');
    }
  });
});

describe('long keys: explicit `? key` beyond 128 bytes [verified]', () => {
  const k128 = 'k'.repeat(128);
  const k129 = 'k'.repeat(129);

  it('keeps simple keys up to 128 bytes', () => {
    expect(marshalYamlV2({ [k128]: 'v' })).toBe(`${k128}: v\n`);
    // 64 two-byte characters = 128 bytes
    expect(marshalYamlV2({ ['é'.repeat(64)]: 1 })).toBe(`${'é'.repeat(64)}: 1\n`);
  });

  it('uses `? key` then `: value` beyond', () => {
    expect(marshalYamlV2({ [k129]: 'v' })).toBe(`? ${k129}\n: v\n`);
    expect(marshalYamlV3({ [k129]: 'v' })).toBe(`? ${k129}\n: v\n`);
    expect(marshalYamlV2({ ['é'.repeat(65)]: 1 })).toBe(`? ${'é'.repeat(65)}\n: 1\n`);
    expect(marshalYamlV2({ [k129]: '' })).toBe(`? ${k129}\n: ""\n`);
    expect(marshalYamlV2({ [k129]: [] })).toBe(`? ${k129}\n: []\n`);
  });

  it('puts collection values right after the `:`', () => {
    // the `:` indicator keeps `indention`, so the first item or key pads to its indentation on
    // the same line
    expect(marshalYamlV2({ [k129]: [1, 2] })).toBe(`? ${k129}\n: - 1\n  - 2\n`);
    expect(marshalYamlV2({ [k129]: { a: 1, b: 2 } })).toBe(`? ${k129}\n: a: 1\n  b: 2\n`);
    expect(marshalYamlV2({ [k129]: 'x\ny' })).toBe(`? ${k129}\n: |-\n  x\n  y\n`);
    // v3 rounds the nested indentation up to 4
    expect(marshalYamlV3({ [k129]: { a: 1, b: 2 } })).toBe(`? ${k129}\n:   a: 1\n    b: 2\n`);
    expect(marshalYamlV3({ [k129]: [1, 2] })).toBe(`? ${k129}\n:   - 1\n    - 2\n`);
  });

  it('places explicit keys among simple ones in sorted order', () => {
    expect(marshalYamlV2({ z: 1, [k129]: 2, a: 3 })).toBe(`a: 3\n? ${k129}\n: 2\nz: 1\n`);
  });
});

describe('tk show stream (showYaml)', () => {
  it('prints nothing for no manifests', () => {
    expect(showYaml([])).toBe('');
  });

  it('separates documents with ---, none before the first [verified]', () => {
    expect(showYaml([{ a: 'b' }])).toBe('a: b\n');
    // go-yaml TestEncoderMultipleDocuments
    expect(showYaml([{ a: 'b' }, { c: 'd' }])).toBe('a: b\n---\nc: d\n');
    expect(showYaml([{ a: 1 }, { b: [1] }, { c: {} }])).toBe('a: 1\n---\nb:\n- 1\n---\nc: {}\n');
  });

  it('puts non-mapping documents on the --- line as the emitter does', () => {
    expect(showYaml(['a', 'b'])).toBe('a\n--- b\n');
    expect(showYaml([[1], [2]])).toBe('- 1\n---\n- 2\n');
    expect(showYaml([{}, {}])).toBe('{}\n--- {}\n');
    expect(showYaml([null, null])).toBe('null\n--- null\n');
    expect(showYaml(['a\nb', 1])).toBe('|-\n  a\n  b\n--- 1\n');
  });

  it('needs no document end marker after a kept literal block', () => {
    expect(showYaml([{ a: 'x\n\n' }, { b: 1 }])).toBe('a: |+\n  x\n\n---\nb: 1\n');
  });

  it('renders a Kubernetes manifest stream', () => {
    const manifests: JsonValue[] = [
      {
        apiVersion: 'v1',
        kind: 'ConfigMap',
        metadata: { name: 'grafana', namespace: 'default', labels: { 'tanka.dev/environment': 'abc' } },
        data: { 'grafana.ini': '[server]\nhttp_port = 3000\n', enabled: 'true', replicas: '3' },
      },
      {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: { name: 'grafana' },
        spec: {
          replicas: 1,
          template: {
            spec: {
              containers: [
                {
                  name: 'grafana',
                  image: 'grafana/grafana:10.0.0',
                  args: ['--config=/etc/grafana/grafana.ini'],
                  ports: [{ containerPort: 3000, name: 'http' }],
                  resources: { limits: { cpu: '1', memory: '1Gi' } },
                },
              ],
            },
          },
        },
      },
    ];
    expect(showYaml(manifests)).toBe(
      [
        'apiVersion: v1',
        'data:',
        '  enabled: "true"',
        '  grafana.ini: |',
        '    [server]',
        '    http_port = 3000',
        '  replicas: "3"',
        'kind: ConfigMap',
        'metadata:',
        '  labels:',
        '    tanka.dev/environment: abc',
        '  name: grafana',
        '  namespace: default',
        '---',
        'apiVersion: apps/v1',
        'kind: Deployment',
        'metadata:',
        '  name: grafana',
        'spec:',
        '  replicas: 1',
        '  template:',
        '    spec:',
        '      containers:',
        '      - args:',
        '        - --config=/etc/grafana/grafana.ini',
        '        image: grafana/grafana:10.0.0',
        '        name: grafana',
        '        ports:',
        '        - containerPort: 3000',
        '          name: http',
        '        resources:',
        '          limits:',
        '            cpu: "1"',
        '            memory: 1Gi',
        '',
      ].join('\n'),
    );
  });
});

describe('unicode', () => {
  it('writes non-ASCII text raw and sorts it by code point', () => {
    expect(marshalYamlV2({ zeta: 'ζ', ä: 'ü', a: '日本語' })).toBe('a: 日本語\nzeta: ζ\nä: ü\n');
    expect(marshalYamlV3({ 'ключ': ['значение'] })).toBe('ключ:\n    - значение\n');
  });
});

describe('size', () => {
  it('emits thousands of manifests in linear time', () => {
    const manifests: JsonValue[] = Array.from({ length: 3000 }, (_, i) => ({
      apiVersion: 'v1',
      kind: 'ConfigMap',
      metadata: { name: `cm-${i}`, labels: { app: 'x', index: String(i) } },
      data: { 'config.yaml': `key: ${i}\nother: value\n`, description: 'a '.repeat(60) + i },
    }));
    const start = performance.now();
    const out = showYaml(manifests);
    const elapsed = performance.now() - start;
    expect(out.split('\n---\n')).toHaveLength(3000);
    expect(out).toContain('  name: cm-2999\n');
    // generous bound: about 50 ms on a laptop; guards against quadratic behaviour only
    expect(elapsed).toBeLessThan(5000);
  });
});
