/**
 * Literal block scalars. `stringv` asks for a literal block whenever the string contains "\n";
 * `yaml_emitter_select_scalar_style` falls back to double quotes when the analysis forbids block
 * styles (a space before a break, a trailing space, special characters; in v2 also TAB) or in a
 * simple key. `yaml_emitter_write_block_scalar_hints` adds the indentation indicator (the digit of
 * best_indent: 2 in v2, 4 in v3) when the text starts with a space or a break, and the chomping
 * indicator: `-` no final break, nothing for one, `+` for several (or a lone break).
 * Expectations are derived from that code unless marked as go-yaml's own tests.
 */
import { describe, expect, it } from 'vitest';
import { marshalYamlV2, marshalYamlV3 } from '../../src/yaml/index.js';

describe('literal blocks (yaml.v2)', () => {
  it.each([
    // [input, output of {k: input}]
    ['line1\nline2\n', 'k: |\n  line1\n  line2\n'],
    ['line1\nline2', 'k: |-\n  line1\n  line2\n'],
    ['line1\n\n', 'k: |+\n  line1\n\n'],
    ['line1\n\n\n', 'k: |+\n  line1\n\n\n'],
    ['a\n\nb', 'k: |-\n  a\n\n  b\n'],
    [' a\nb\n', 'k: |2\n   a\n  b\n'],
    [' a\nb', 'k: |2-\n   a\n  b\n'],
    [' a\n\n', 'k: |2+\n   a\n\n'],
    ['\nfoo', 'k: |2-\n\n  foo\n'],
    ['\n', 'k: |2+\n\n'],
    ['\n\n', 'k: |2+\n\n\n'],
    ['a\n b', 'k: |-\n  a\n   b\n'],
    ['key: value\n# not a comment\n', 'k: |\n  key: value\n  # not a comment\n'],
    ['yes\n', 'k: |\n  yes\n'],
    ['日本\n語', 'k: |-\n  日本\n  語\n'],
  ])('%j', (input, expected) => {
    expect(marshalYamlV2({ k: input })).toBe(expected);
  });

  it('matches go-yaml v2.4.0 encode_test (literal in an indentless sequence)', () => {
    expect(marshalYamlV2({ v: ['A', 'B\nC'] })).toBe('v:\n- A\n- |-\n  B\n  C\n');
  });

  it('indents the block below its key, at any depth', () => {
    expect(marshalYamlV2({ a: { b: 'x\ny\n' } })).toBe('a:\n  b: |\n    x\n    y\n');
    expect(marshalYamlV2({ a: [{ b: 'x\ny' }] })).toBe('a:\n- b: |-\n    x\n    y\n');
  });

  it('writes a root literal at best_indent', () => {
    expect(marshalYamlV2('a\nb')).toBe('|-\n  a\n  b\n');
    expect(marshalYamlV2(['a\nb\n'])).toBe('- |\n  a\n  b\n');
  });

  it('falls back to double quotes when block styles are impossible', () => {
    // space before a break (space_break)
    expect(marshalYamlV2({ k: 'line1 \nline2\n' })).toBe('k: "line1 \\nline2\\n"\n');
    // trailing space
    expect(marshalYamlV2({ k: 'x\ny ' })).toBe('k: "x\\ny "\n');
    // CR is not printable
    expect(marshalYamlV2({ k: 'x\r\ny' })).toBe('k: "x\\r\\ny"\n');
    // v2 counts TAB as special
    expect(marshalYamlV2({ k: '\tB\n\tC\n' })).toBe('k: "\\tB\\n\\tC\\n"\n');
    // NEL is a non-printable break
    expect(marshalYamlV2({ k: 'a\u0085b\n' })).toBe('k: "a\\Nb\\n"\n');
    // non-BMP characters are not printable
    expect(marshalYamlV2({ k: 'smile 😀\n' })).toBe('k: "smile \\U0001F600\\n"\n');
  });

  it('never uses a block for a key: multiline keys become explicit `? ` keys', () => {
    // check_simple_key: multiline -> not simple; then the key is no simple-key context and may
    // be a literal block
    expect(marshalYamlV2({ 'a\nb': 'v', x: [1] })).toBe('? |-\n  a\n  b\n: v\nx:\n- 1\n');
  });
});

describe('literal blocks (yaml.v3)', () => {
  it('matches go-yaml v3 encode_test', () => {
    expect(marshalYamlV3({ v: ['A', 'B\nC'] })).toBe('v:\n    - A\n    - |-\n      B\n      C\n');
    // "Strings with tabs were disallowed as literals (issue #471)."
    expect(marshalYamlV3({ a: '\tB\n\tC\n' })).toBe('a: |\n    \tB\n    \tC\n');
  });

  it.each([
    ['line1\nline2\n', 'k: |\n    line1\n    line2\n'],
    ['line1\nline2', 'k: |-\n    line1\n    line2\n'],
    ['line1\n\n', 'k: |+\n    line1\n\n'],
    [' a\nb\n', 'k: |4\n     a\n    b\n'],
    [' a\nb', 'k: |4-\n     a\n    b\n'],
    ['a\tb\nc', 'k: |-\n    a\tb\n    c\n'],
    ['line1 \nline2\n', 'k: "line1 \\nline2\\n"\n'],
  ])('%j', (input, expected) => {
    expect(marshalYamlV3({ k: input })).toBe(expected);
  });

  it('reproduces the v3 quirk that drops one leading line break', () => {
    // v3's write_literal_scalar has no put_break after the header; the first break of the value
    // ends the header line instead (emitterc.go, v3.0.1)
    expect(marshalYamlV3({ k: '\nfoo' })).toBe('k: |4-\n    foo\n');
    expect(marshalYamlV3({ k: '\n' })).toBe('k: |4+\n');
    expect(marshalYamlV3('\nfoo')).toBe('|4-\n    foo\n');
    expect(marshalYamlV3(['\nfoo'])).toBe('- |4-\n  foo\n');
  });

  it('indents blocks in sequences past the dash', () => {
    expect(marshalYamlV3({ a: [{ b: 'x\ny' }] })).toBe('a:\n    - b: |-\n        x\n        y\n');
    expect(marshalYamlV3('a\nb')).toBe('|-\n    a\n    b\n');
  });

  it('writes multiline keys as explicit keys', () => {
    expect(marshalYamlV3({ 'a\nb': 'v' })).toBe('? |-\n    a\n    b\n: v\n');
  });
});
