import { describe, expect, it } from 'vitest';
import { compareBytes, goJson } from '../../src/util/go-json.js';

describe('goJson (what tk eval prints)', () => {
  it('sorts keys in Go byte order: a character above U+FFFF after U+E000-U+FFFF', () => {
    // JavaScript's own order (UTF-16 code units) puts the emoji's surrogate first.
    expect(goJson({ '\u{1F600}': 1, '\uE000': 2, b: 3, '10': 4 })).toBe('{"10":4,"b":3,"\uE000":2,"\u{1F600}":1}');
    expect(compareBytes('\uFFFF', '\u{10000}')).toBe(-1);
    expect(compareBytes('a', 'ab')).toBe(-1);
    expect(compareBytes('x', 'x')).toBe(0);
  });

  it('escapes <, > and & as Go does, and indents like json.MarshalIndent', () => {
    expect(goJson({ a: ['<&>'], e: {} }, '  ')).toBe('{\n  "a": [\n    "\\u003c\\u0026\\u003e"\n  ],\n  "e": {}\n}');
  });
});
