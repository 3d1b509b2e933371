/**
 * Map key order (sorter.go `keyList.Less`). The two long lists are go-yaml's own
 * `TestSortedOutput` orders (string part): yaml.v2 v2.4.0 encode_test.go and the yaml.v3 test,
 * which adds `e2b`, `e4b`, `e21a`. Other expectations are derived from reading sorter.go
 * (comments say how).
 */
import { describe, expect, it } from 'vitest';
import { marshalYamlV2, marshalYamlV3 } from '../../src/yaml/index.js';
import { naturalLess, sortKeys } from '../../src/yaml/key-order.js';

/** go-yaml TestSortedOutput (string keys), identical for v2 and v3. */
const GO_ORDER = [
  '', '.1', '.2', '.a', '1', '2', 'a!10', 'a/0001', 'a/002', 'a/3', 'a/10', 'a/11', 'a/0012',
  'a/100', 'a~10', 'ab/1', 'b/1', 'b/01', 'b/2', 'b/02', 'b/3', 'b/03', 'b1', 'b01', 'b3',
  'c2.10', 'c10.2', 'd1', 'd7', 'd7abc', 'd12', 'd12a',
];

/** Deterministic shuffles, so the result cannot come from the input order. */
function permutations(list: string[]): string[][] {
  const rev = [...list].reverse();
  const rotated = [...list.slice(7), ...list.slice(0, 7)];
  const interleaved = list.filter((_, i) => i % 2 === 1).concat(list.filter((_, i) => i % 2 === 0));
  return [rev, rotated, interleaved];
}

function runes(s: string): number[] {
  return Array.from(s, (c) => c.codePointAt(0)!);
}

describe('natural key order', () => {
  it("reproduces yaml.v2's TestSortedOutput", () => {
    for (const input of permutations(GO_ORDER)) expect(sortKeys(input, 2)).toEqual(GO_ORDER);
  });

  it("reproduces yaml.v3's TestSortedOutput", () => {
    const order = [...GO_ORDER, 'e2b', 'e4b', 'e21a'];
    for (const input of permutations(order)) expect(sortKeys(input, 3)).toEqual(order);
  });

  it('puts non-letters before letters, and compares letters by code point [verified]', () => {
    // tanka.md §5.2: `B` < `No` < `Zeta` < `a9`, `ä` after `z`, `_under` < `B`,
    // `-dash` < `.dot` < `_under` < `1abc` < `2abc`
    const expected = ['-dash', '.dot', '_under', '1abc', '2abc', 'B', 'No', 'Zeta', 'a9', 'a09', 'a10', 'z', 'ä'];
    for (const v of [2, 3] as const) {
      for (const input of permutations(expected)) expect(sortKeys(input, v)).toEqual(expected);
    }
    // v3 also orders `10abc` after `2abc` (consistently; see the v2 cycle below)
    const v3 = ['1abc', '2abc', '10abc'];
    for (const input of permutations(v3)) expect(sortKeys(input, 3)).toEqual(v3);
  });

  it('sorts a prefix first', () => {
    expect(sortKeys(['app.kubernetes.io/name', 'app', 'apps'], 2)).toEqual(['app', 'app.kubernetes.io/name', 'apps']);
  });

  it('differs between v2 and v3 when a letter follows an equal digit', () => {
    // v2: letter vs non-letter -> the non-letter first, so `10` < `1a`.
    // v3: the previous equal rune is a digit (`digits`), so the letter comes first: `1a` < `10`.
    expect(sortKeys(['1a', '10'], 2)).toEqual(['10', '1a']);
    expect(sortKeys(['10', '1a'], 3)).toEqual(['1a', '10']);
    expect(sortKeys(['e2b', 'e21a'], 2)).toEqual(['e21a', 'e2b']);
    expect(sortKeys(['e21a', 'e2b'], 3)).toEqual(['e2b', 'e21a']);
    expect(marshalYamlV2({ '1a': 1, '10': 2 })).toBe('"10": 2\n1a: 1\n');
    expect(marshalYamlV3({ '1a': 1, '10': 2 })).toBe('1a: 1\n"10": 2\n');
  });

  it('compares digit runs as numbers, shorter run first on a tie', () => {
    expect(sortKeys(['v10', 'v2', 'v1', 'v02', 'v010'], 2)).toEqual(['v1', 'v2', 'v02', 'v10', 'v010']);
    expect(sortKeys(['port-8080', 'port-80', 'port-443'], 2)).toEqual(['port-80', 'port-443', 'port-8080']);
  });

  it('wraps digit runs around int64 as Go does', () => {
    // an = an*10 + digit in int64: 9223372036854775808 (2^63) wraps to -2^63, below 1.
    expect(sortKeys(['a1', 'a9223372036854775808'], 2)).toEqual(['a9223372036854775808', 'a1']);
    // 2^63 - 1 does not wrap.
    expect(sortKeys(['a9223372036854775807', 'a1'], 2)).toEqual(['a1', 'a9223372036854775807']);
    // 99999999999999999999 mod 2^64 = 7766279631452241919 > 1
    expect(sortKeys(['a99999999999999999999', 'a1'], 3)).toEqual(['a1', 'a99999999999999999999']);
  });

  it('treats other Unicode letters and digits as Go does (unicode.IsLetter / IsDigit)', () => {
    // 日 and é are letters (rune order), 😀 is a symbol (non-letter: first, by rune against '_').
    expect(sortKeys(['日本', 'é', 'z', '😀', '_'], 2)).toEqual(['_', '😀', 'z', 'é', '日本']);
    // U+0663 ARABIC-INDIC DIGIT THREE is a digit worth 0x663 - '0' = 1587 > 9
    expect(sortKeys(['a\u0663', 'a9'], 2)).toEqual(['a9', 'a\u0663']);
  });

  it('is total and antisymmetric on distinct keys', () => {
    const keys = ['a0a', 'a1', 'a01', '1a', '10', '-', '_', 'A', 'a', 'ä', 'a/1', 'a/01', ''];
    for (const v of [2, 3] as const) {
      for (const x of keys) {
        for (const y of keys) {
          if (x === y) continue;
          expect(naturalLess(runes(x), runes(y), v)).not.toBe(naturalLess(runes(y), runes(x), v));
        }
      }
    }
  });

  it('has v2 cycles that make Go itself order such keys randomly', () => {
    // Documented limitation: Go sorts `MapKeys()` (random iteration order) with an unstable sort,
    // so for these key sets `tk show` output varies between runs; no order is "the" Go order.
    const cycles = [
      ['a0a', 'a1', 'a01'], // 0 < 1 (numbers), 1 < 01 (shorter run), 01 < 0a (non-letter first)
      ['1abc', '2abc', '10abc'], // 1 < 2 < 10 (numbers), but 10abc < 1abc ('0' is no letter)
    ];
    for (const [x, y, z] of cycles.map((c) => c.map(runes))) {
      expect(naturalLess(x, y, 2)).toBe(true);
      expect(naturalLess(y, z, 2)).toBe(true);
      expect(naturalLess(z, x, 2)).toBe(true);
      // v3's digit rule breaks the cycle: the letter after an equal digit comes first
      expect(naturalLess(x, z, 3)).toBe(true);
    }
  });

  it('sorts every mapping of the document, keys quoted as needed', () => {
    const doc = { spec: { template: 1, replicas: 2 }, metadata: { name: 'x' }, apiVersion: 'v1', kind: 'Pod' };
    expect(marshalYamlV2(doc)).toBe('apiVersion: v1\nkind: Pod\nmetadata:\n  name: x\nspec:\n  replicas: 2\n  template: 1\n');
  });
});
