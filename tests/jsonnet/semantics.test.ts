/**
 * Evaluation semantics: objects (self, super, $, +:, visibility, asserts), laziness, functions,
 * tail calls and the stack limit, errors with go-jsonnet stack traces, imports, ext vars, TLAs and
 * natives, and the manifested output format.
 */
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RuntimeError, evaluateFile, evaluateSnippet, formatError, type VmOptions } from '../../src/jsonnet/index.js';

const run = (code: string, options: VmOptions = {}) => evaluateSnippet(code, 'test.jsonnet', options).toJson();
const text = (code: string) => evaluateSnippet(code, 'test.jsonnet').manifest();
const failure = (code: string, options: VmOptions = {}): string => {
  try {
    evaluateSnippet(code, 'test.jsonnet', options).manifest();
  } catch (e) {
    return formatError(e);
  }
  throw new Error('expected an error');
};

describe('objects', () => {
  it('binds self to the whole object and super to the layers below', () => {
    expect(run('{ a: 1, b: self.a } + { a: 2 }')).toEqual({ a: 2, b: 2 });
    expect(run('{ a: 1 } + { a: super.a + 10 } + { a: super.a * 2 }')).toEqual({ a: 22 });
    expect(run("{ a: 1 } + { b: 'a' in super, c: 'z' in super }")).toEqual({ a: 1, b: true, c: false });
    expect(run('local o = { x: 1, inner: { y: $.x } }; o + { x: 5 }')).toEqual({ x: 5, inner: { y: 5 } });
  });

  it('composes fields with +: at any depth', () => {
    expect(run('{ a: { b: 1, c: [1] } } + { a+: { d: 2, c+: [2] } }')).toEqual({ a: { b: 1, c: [1, 2], d: 2 } });
    expect(run('{} + { a+: { x: 1 } }')).toEqual({ a: { x: 1 } });
    expect(run("{ s: 'a' } + { s+: 'b' }")).toEqual({ s: 'ab' });
  });

  it('inherits visibility unless overridden with :: or :::', () => {
    expect(run('{ a:: 1, b: 2 } + { a: 3 }')).toEqual({ b: 2 });
    expect(run('{ a:: 1 } + { a::: 3 }')).toEqual({ a: 3 });
    expect(run('{ a: 1 } + { a:: 3 }')).toEqual({});
    expect(run('std.objectFieldsAll({ a:: 1, b: 2 })')).toEqual(['a', 'b']);
    expect(run('std.length({ a:: 1, b: 2 })')).toBe(1);
  });

  it('evaluates object locals per object, seeing self', () => {
    expect(run('local base = { local n = self.name, greeting: "hi " + n, name: "a" }; [base, base { name: "b" }]')).toEqual([
      { greeting: 'hi a', name: 'a' },
      { greeting: 'hi b', name: 'b' },
    ]);
  });

  it('checks object asserts on access and manifestation, once', () => {
    expect(failure('{ a: 1, assert self.a > 1 : "too small" }.a')).toMatch(/^RUNTIME ERROR: too small/);
    expect(failure('{ assert false }')).toMatch(/^RUNTIME ERROR: Object assertion failed\./);
    expect(run('local o = { a: 1, assert self.a == 2 }; (o + { a: 2 }).a')).toBe(2);
  });

  it('builds comprehensions', () => {
    expect(run('{ [k]: std.length(k) for k in ["a", "bb"] }')).toEqual({ a: 1, bb: 2 });
    expect(run('[[x, y] for x in [1, 2] for y in [x, 10] if y > 1]')).toEqual([[1, 10], [2, 2], [2, 10]]);
    expect(run('{ local d = x * 2, [std.toString(x)]: d for x in [1, 2] }')).toEqual({ '1': 2, '2': 4 });
    expect(failure('{ [k]: 1 for k in ["a", "a"] }')).toMatch(/Duplicate field name: "a"/);
  });

  it('omits fields named null and rejects other non-strings', () => {
    expect(run('{ [null]: 1, b: 2 }')).toEqual({ b: 2 });
    expect(failure('{ [1]: 1 }')).toMatch(/Field name must be string, got number/);
  });
});

describe('evaluation', () => {
  it('is lazy: unused errors never fire', () => {
    expect(run('local x = error "boom"; { a:: x, b: 1 }')).toEqual({ b: 1 });
    expect(run('local f(x, y) = x; f(1, error "no")')).toBe(1);
    expect(run('[error "a", 2][1]')).toBe(2);
  });

  it('supports default, named and recursive parameters', () => {
    expect(run('local f(a, b=a * 2) = [a, b]; [f(1), f(1, 5), f(b=3, a=2)]')).toEqual([
      [1, 2],
      [1, 5],
      [2, 3],
    ]);
    expect(failure('local f(a) = a; f(1, 2)')).toMatch(/function expected 1 positional argument\(s\), but got 2/);
    expect(failure('local f(a) = a; f(b=1)')).toMatch(/function has no parameter b/);
    expect(failure('local f(a) = a; f()')).toMatch(/Missing argument: a/);
  });

  it('runs deep tailstrict recursion without growing the stack', () => {
    expect(run('local sum(n, acc) = if n == 0 then acc else sum(n - 1, acc + n) tailstrict; sum(100000, 0)')).toBe(5000050000);
  });

  it('stops non-tail recursion at the stack limit like go-jsonnet', () => {
    expect(run('local f(n) = if n == 0 then 0 else 1 + f(n - 1); f(400)')).toBe(400);
    const msg = failure('local f(n) = if n == 0 then 0 else 1 + f(n - 1); f(10000)');
    expect(msg).toMatch(/^RUNTIME ERROR: max stack frames exceeded\./);
    // The trace is cropped to 20 frames like the jsonnet CLI.
    expect(msg.split('\n')).toHaveLength(22);
    expect(msg).toContain('\t...');
  });

  it('reports runtime errors with a go-jsonnet stack trace', () => {
    const msg = failure('local bananas = function(x) error "foo";\nlocal oranges = function(y) bananas(1);\noranges(2)');
    expect(msg).toBe(
      [
        'RUNTIME ERROR: foo',
        '\ttest.jsonnet:1:29-40\tfunction <bananas>',
        '\ttest.jsonnet:2:29-39\tfunction <oranges>',
        '\ttest.jsonnet:3:1-11\t$',
        '\tDuring evaluation\t',
      ].join('\n'),
    );
    expect(failure('{ a: {} + 1 }')).toMatch(/^RUNTIME ERROR: Unexpected type number, expected object/);
    expect(failure('{ a: error "x" }')).toBe(['RUNTIME ERROR: x', '\ttest.jsonnet:1:6-15\tobject <anonymous>', '\tDuring manifestation\t'].join('\n'));
  });

  it('uses go-jsonnet messages for common runtime errors', () => {
    expect(failure('1 / 0')).toMatch(/^RUNTIME ERROR: Division by zero\./);
    expect(failure('{}.x')).toMatch(/^RUNTIME ERROR: Field does not exist: x/);
    expect(failure('[1][5]')).toMatch(/^RUNTIME ERROR: Index 5 out of bounds, not within \[0, 1\)/);
    expect(failure('if 1 then 2')).toMatch(/^RUNTIME ERROR: Unexpected type number, expected boolean/);
    expect(failure('std.extVar("nope")')).toMatch(/Undefined external variable: nope/);
    expect(failure('function(x) x')).toMatch(/Missing argument: x/);
    expect(failure('{ f: function(x) x }')).toMatch(/couldn't manifest function as JSON/);
  });
});

describe('output', () => {
  it('manifests like the go-jsonnet CLI', () => {
    expect(text('{ b: [1, [], {}], a: "x\\u0001é" }')).toBe('{\n   "a": "x\\u0001é",\n   "b": [\n      1,\n      [ ],\n      { }\n   ]\n}\n');
    expect(text('[0.1, 1e21, 1e-7, -0, 123456789012, 2.5e-5]')).toBe(
      '[\n   0.10000000000000001,\n   1000000000000000000000,\n   9.9999999999999995e-08,\n   -0,\n   123456789012,\n   2.5000000000000001e-05\n]\n',
    );
    expect(text('std.toString({ a: [1, "x"] })')).toBe('"{\\"a\\": [1, \\"x\\"]}"\n');
  });

  it('counts strings in code points', () => {
    expect(run('std.length("a😀b")')).toBe(3);
    expect(run('"a😀b"[1]')).toBe('😀');
    expect(run('std.substr("a😀bc", 1, 2)')).toBe('😀b');
    expect(run('std.codepoint("😀")')).toBe(0x1f600);
  });
});

describe('imports, ext vars, TLAs, natives', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jsonnet-test-'));
  mkdirSync(join(dir, 'lib'));
  writeFileSync(join(dir, 'lib', 'util.libsonnet'), '{ name: std.thisFile, sibling: import "other.libsonnet" }');
  writeFileSync(join(dir, 'lib', 'other.libsonnet'), '{ v: 42 }');
  writeFileSync(join(dir, 'lib', 'data.txt'), 'héllo');
  writeFileSync(join(dir, 'main.jsonnet'), 'local u = import "util.libsonnet"; { u: u, s: importstr "lib/data.txt", b: importbin "lib/data.txt" }');

  it('resolves imports from the importing directory, then the library paths', () => {
    const out = evaluateFile(join(dir, 'main.jsonnet'), { importPaths: [join(dir, 'lib')] }).toJson();
    expect(out).toEqual({
      u: { name: join(dir, 'lib', 'util.libsonnet'), sibling: { v: 42 } },
      s: 'héllo',
      b: [104, 195, 169, 108, 108, 111],
    });
  });

  it('asks the importer first, once per (dir, path), and evaluates each file once', () => {
    const asked: string[] = [];
    const out = run('[import "virt.libsonnet", import "virt.libsonnet", (import "virt.libsonnet").n]', {
      importer: (d, p) => {
        asked.push(`${d}|${p}`);
        return p === 'virt.libsonnet' ? { foundHere: '<internal>/virt.libsonnet', content: '{ n: std.thisFile }' } : undefined;
      },
    });
    expect(out).toEqual([{ n: '<internal>/virt.libsonnet' }, { n: '<internal>/virt.libsonnet' }, '<internal>/virt.libsonnet']);
    expect(asked).toEqual(['|virt.libsonnet']);
  });

  it('fails a missing import like go-jsonnet', () => {
    expect(failure('import "nope.libsonnet"')).toMatch(/^RUNTIME ERROR: couldn't open import "nope.libsonnet": no match locally or in the Jsonnet library paths/);
  });

  it('evaluates ext vars, TLAs and natives', () => {
    expect(run('[std.extVar("s"), std.extVar("c").x]', { extVars: { s: 'str' }, extCode: { c: '{ x: 1 + 1 }' } })).toEqual(['str', 2]);
    expect(run('function(a, b=2) [a, b]', { tlaCode: { a: '1' } })).toEqual([1, 2]);
    expect(run('function(a) a', { tlaVars: { a: 'x' } })).toBe('x');
    const natives = { add: { params: ['a', 'b'], fn: (a: unknown, b: unknown) => (a as number) + (b as number) } };
    expect(run('std.native("add")(1, 2)', { natives: natives as VmOptions['natives'] })).toBe(3);
    expect(run('std.native("missing")')).toBeNull();
  });

  it('throws RuntimeError objects carrying the frames', () => {
    try {
      run('error "x"');
    } catch (e) {
      expect(e).toBeInstanceOf(RuntimeError);
      expect((e as RuntimeError).frames[0]!.loc!.line).toBe(1);
    }
  });
});
