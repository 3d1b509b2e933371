/**
 * Differential tests: a generated corpus of programs (objects and inheritance, comprehensions, std
 * functions, string formatting, numbers, unicode) evaluated by the TypeScript engine and by the
 * libjsonnet reference engine must agree. Outputs are compared as JSON data (the two engines
 * print some numbers differently, e.g. 1e21, where go-jsonnet and the C++ engine differ too) and,
 * for programs without non-integral or huge numbers, as exact text. Where go-jsonnet and the C++
 * engine disagree (std.length of a function with defaults, functions the C++ 0.20 std lacks) the
 * corpus stays out of the difference.
 */
import { describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { TsEngine } from '../../src/engine/ts-engine.js';
import type { EvaluateOptions } from '../../src/engine/types.js';

const options: EvaluateOptions = { importPaths: [], extCode: { env: '"prod"' }, tlaCode: {}, natives: {} };

/** A small deterministic PRNG so the corpus is the same on every run. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s ^ (s >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
    return s / 0x100000000;
  };
}

function corpus(): { name: string; code: string; exactText: boolean }[] {
  const r = rng(42);
  const pick = <T>(xs: T[]): T => xs[Math.floor(r() * xs.length)]!;
  const int = (n: number) => Math.floor(r() * n);
  const out: { name: string; code: string; exactText: boolean }[] = [];
  const words = ['alpha', 'beta', 'gamma', 'delta', 'ünïcödé', '日本語', 'emoji😀', 'tab\there', 'quote"d', 'back\\slash'];

  // Objects and inheritance.
  for (let i = 0; i < 15; i++) {
    const a = int(100);
    const b = int(100);
    const hide = pick([':', '::', ':::']);
    const plus = pick(['+:', ':']);
    out.push({
      name: `inheritance ${i}`,
      exactText: true,
      code: `
        local base = { a${hide} ${a}, b: self.a + ${b}, nested: { x: 1, y: self.x + 1 }, list: [1, 2], local l = ${i}, withLocal: l * 2 };
        local mid = base { a${hide} super.a * 2, nested${plus} { z: 3 }, list${plus} [3], extra:: 'hidden' };
        local top = mid + { b: super.b + 1, c: self.a, hasExtra: 'extra' in super, keys: std.objectFields(super.nested) };
        { top: top, fields: std.objectFieldsAll(top), visible: std.objectFields(top), eq: top == mid, len: std.length(top) }`,
    });
  }
  // Comprehensions.
  for (let i = 0; i < 10; i++) {
    const n = 3 + int(10);
    const m = 2 + int(5);
    out.push({
      name: `comprehension ${i}`,
      exactText: true,
      code: `
        local xs = std.range(1, ${n});
        {
          arr: [x * y for x in xs if x % 2 == ${i % 2} for y in std.range(1, ${m}) if y != x],
          obj: { ['k' + x]: x * x for x in xs if x > ${int(n)} },
          nested: { [std.toString(x)]: { v: x, local d = x * 2, double: d } for x in xs },
          strs: [c for c in std.stringChars(${JSON.stringify(pick(words))})],
        }`,
    });
  }
  // Standard library.
  const stdCalls = [
    'std.map(function(x) x + 1, [1, 2, 3])',
    'std.filter(function(x) x > 2, [1, 2, 3, 4])',
    'std.foldl(function(a, b) a + b, [1, 2, 3], 10)',
    'std.foldr(function(a, b) a + b, ["a", "b", "c"], "")',
    'std.join(", ", ["a", "b", "c"])',
    'std.join([0], [[1], [2], [3]])',
    'std.split("a,b,,c", ",")',
    'std.splitLimit("a,b,c,d", ",", 2)',
    'std.splitLimitR("a,b,c,d", ",", 2)',
    'std.strReplace("hello world", "o", "0")',
    'std.substr("hello", 1, 3)',
    'std.sort([3, 1, 2])',
    'std.sort(["b", "a", "C"])',
    'std.uniq([1, 1, 2, 3, 3])',
    'std.set([3, 1, 2, 1])',
    'std.setUnion([1, 3], [2, 3])',
    'std.setInter([1, 2, 3], [2, 3, 4])',
    'std.setDiff([1, 2, 3], [2])',
    'std.setMember(2, [1, 2, 3])',
    'std.mergePatch({ a: 1, b: { c: 2 } }, { b: { c: null, d: 3 } })',
    'std.prune({ a: null, b: [], c: {}, d: [null, 1] })',
    'std.flattenArrays([[1], [2, 3], []])',
    'std.reverse([1, 2, 3])',
    'std.range(-2, 3)',
    'std.makeArray(4, function(i) i * i)',
    'std.manifestJsonEx({ a: [1, 2], b: { c: "x" } }, "  ")',
    'std.manifestJson({ a: [1, 2], b: "x" })',
    'std.manifestYamlDoc({ a: [1, 2], b: { c: "x" }, "d e": true })',
    'std.manifestYamlStream([{ a: 1 }, [1, 2]])',
    'std.escapeStringJson("a\\"b\\n")',
    'std.base64("hello")',
    'std.base64Decode("aGVsbG8=")',
    'std.md5("hello")',
    'std.parseJson(\'{"a": [1, 2.5, "x"]}\')',
    'std.parseInt("-123")',
    'std.parseHex("ff")',
    'std.parseOctal("17")',
    'std.asciiUpper("abcDEF")',
    'std.asciiLower("ABCdef")',
    'std.stringChars("héllo")',
    'std.codepoint("é")',
    'std.char(233)',
    'std.startsWith("kubernetes", "kube")',
    'std.endsWith("kubernetes", "tes")',
    'std.isString("x") && std.isNumber(1) && std.isObject({}) && std.isArray([]) && std.isFunction(std.map)',
    'std.type(null)',
    'std.objectHas({ a:: 1 }, "a")',
    'std.objectHasAll({ a:: 1 }, "a")',
    'std.objectValues({ a: 1, b: 2 })',
    'std.objectKeysValues({ a: 1 })',
    'std.get({ a: 1 }, "b", "default")',
    'std.lstripChars("  x  ", " ")',
    'std.rstripChars("  x  ", " ")',
    'std.stripChars("--x--", "-")',
    'std.extVar("env")',
    'std.count([1, 2, 1], 1)',
    'std.all([true, true])',
    'std.any([false, true])',
    'std.encodeUTF8("é😀")',
    'std.decodeUTF8([104, 105])',
    'std.format("%5.2f|%-4d|%05d|%x|%o|%s|%%", [3.14159, 42, 7, 255, 8, [1]])',
    '"%(a)s-%(b)03d" % { a: "x", b: 5 }',
    'std.toString({ a: [1, "x"] })',
    'std.lines(["a", "b"])',
    'std.deepJoin(["a", ["b", ["c"]]])',
    'std.repeat("ab", 3)',
    'std.slice([1, 2, 3, 4, 5], 1, 4, 2)',
    '[1, 2, 3, 4, 5][1:4:2]',
    '"hello"[1:3]',
    'std.min(1, 2) + std.max(3, 4)',
    'std.clamp(5, 1, 3)',
  ];
  stdCalls.forEach((call, i) => out.push({ name: `std ${i}: ${call}`, code: call, exactText: true }));
  // Numbers.
  const numbers = [
    '1 + 2 * 3 - 4 / 8',
    '7 % 3',
    '-7 % 3',
    '5.5 % 2',
    '1 / 3',
    '0.1 + 0.2',
    '1e-7',
    '123456789012345678',
    '2 << 10',
    '-16 >> 2',
    '5 & 3 | 8 ^ 2',
    '~5',
    'std.pow(2, 0.5)',
    'std.floor(-2.5) + std.ceil(2.1)',
    'std.sqrt(2)',
    'std.exp(1)',
    'std.log(10)',
    'std.mantissa(12) + std.exponent(12)',
    '[1 < 2, "a" < "b", [1, 2] < [1, 3], 2 >= 2]',
    'std.abs(-3.5)',
    '-0',
  ];
  numbers.forEach((code, i) => out.push({ name: `number ${i}: ${code}`, code: `[${code}]`, exactText: false }));
  // Unicode and strings.
  for (let i = 0; i < 8; i++) {
    const w = pick(words);
    out.push({
      name: `unicode ${i}`,
      exactText: true,
      code: `local s = ${JSON.stringify(w)}; { s: s, len: std.length(s), up: std.asciiUpper(s), chars: std.stringChars(s), idx: s[0], key: { [s]: s }, cmp: [s < "m", s == ${JSON.stringify(w)}], concat: s + 1 + [2] + { a: 3 } }`,
    });
  }
  // Functions.
  out.push({
    name: 'functions with default and named parameters',
    exactText: true,
    code: `local f(a, b=a + 1, c=b * 2) = [a, b, c]; { p: f(1), n: f(1, c=0), m: f(b=5, a=0), l: std.length(function(x, y) x), curry: (function(x) function(y) x + y)(1)(2) }`,
  });
  out.push({
    name: 'deep lazy recursion',
    exactText: true,
    code: `local fib(n) = if n < 2 then n else fib(n - 1) + fib(n - 2); local sum(n, acc) = if n == 0 then acc else sum(n - 1, acc + n) tailstrict; [fib(15), sum(5000, 0)]`,
  });
  return out;
}

const ts = new TsEngine();
const lib = new LibjsonnetEngine();

describe('differential: TypeScript engine vs libjsonnet', () => {
  for (const { name, code, exactText } of corpus()) {
    it(name, async () => {
      const [mine, reference] = await Promise.all([ts.evaluateSnippet(code, 'corpus.jsonnet', options), lib.evaluateSnippet(code, 'corpus.jsonnet', options)]);
      expect(JSON.parse(mine)).toEqual(JSON.parse(reference));
      if (exactText) expect(mine).toBe(reference);
    });
  }
});
