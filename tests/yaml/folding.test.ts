/**
 * Line folding. yaml.v2 v2.4.0 folds plain, single- and double-quoted scalars at a space once the
 * column is past best_width = 80 (`emitter.column > emitter.best_width` in the writers of
 * emitterc.go); the continuation is written by `yaml_emitter_write_indent` at the scalar's
 * indentation, i.e. its parent's plus 2. Keys written as simple keys never fold
 * (`allow_breaks = !simple_key_context`). yaml.v3 sets best_width = -1, i.e. never folds.
 *
 * The boundary cases count columns by hand: after `k: ` the text starts at column 3, so a space
 * at text index i is met at column 3 + i and breaks the line when 3 + i > 80.
 */
import { describe, expect, it } from 'vitest';
import { marshalYamlV2, marshalYamlV3, showYaml } from '../../src/yaml/index.js';

const x = (n: number) => 'x'.repeat(n);
const WORDS = Array.from({ length: 30 }, (_, i) => `word${i}`).join(' ');

describe('yaml.v2 folding at 80 columns', () => {
  it("matches go-yaml v2.4.0's TestLineWrapping", () => {
    const v = {
      a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ',
    };
    expect(marshalYamlV2(v)).toBe(
      "a: 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz\n" +
        "  ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 '\n",
    );
  });

  it('plain: breaks at the first space met past column 80', () => {
    // space at index 78 -> column 81 > 80: break
    expect(marshalYamlV2({ k: `${x(78)} y` })).toBe(`k: ${x(78)}\n  y\n`);
    // space at index 77 -> column 80, not > 80: no break
    expect(marshalYamlV2({ k: `${x(77)} y` })).toBe(`k: ${x(77)} y\n`);
    // a space followed by another space is never a break point (`!is_space(value, i+1)`), and
    // after a space run (`spaces`) no break either
    expect(marshalYamlV2({ k: `${x(78)}  y` })).toBe(`k: ${x(78)}  y\n`);
    // no space, no fold: lines may be arbitrarily long
    expect(marshalYamlV2({ k: x(200) })).toBe(`k: ${x(200)}\n`);
  });

  it('plain: folds repeatedly, every continuation at the scalar indentation', () => {
    expect(marshalYamlV2({ a: WORDS })).toBe(
      'a: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n' +
        '  word25 word26 word27 word28 word29\n',
    );
  });

  it('indents continuations 2 more than the key, however deep', () => {
    expect(marshalYamlV2({ a: { b: { c: WORDS } } })).toBe(
      'a:\n  b:\n    c: word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '      word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n' +
        '      word24 word25 word26 word27 word28 word29\n',
    );
  });

  it('indents continuations of sequence items past the dash', () => {
    expect(marshalYamlV2([WORDS])).toBe(
      '- word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n' +
        '  word25 word26 word27 word28 word29\n',
    );
    // an indentless sequence under a nested key: items at 2, item text at 4
    expect(marshalYamlV2({ a: { b: [`${x(80)} y`] } })).toBe(`a:\n  b:\n  - ${x(80)}\n    y\n`);
  });

  it('indents continuations of a root scalar by best_indent', () => {
    // root scalar: increase_indent(flow=true) with indent -1 sets indent = best_indent = 2
    expect(marshalYamlV2(WORDS)).toBe(
      'word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12 word13\n' +
        '  word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24 word25\n' +
        '  word26 word27 word28 word29\n',
    );
  });

  it('single-quoted: same rule, never at the first or last character', () => {
    // `k: '` is 4 columns: space at index 77 -> column 81
    expect(marshalYamlV2({ k: `#${x(76)} y` })).toBe(`k: '#${x(76)}\n  y'\n`);
    expect(marshalYamlV2({ k: `#${x(75)} y` })).toBe(`k: '#${x(75)} y'\n`);
    expect(marshalYamlV2({ a: `"${WORDS}` })).toBe(
      `a: '"word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n` +
        '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n' +
        "  word25 word26 word27 word28 word29'\n",
    );
  });

  it('double-quoted: folds too, escaping a following space with a backslash', () => {
    // a trailing TAB forces double quotes in v2; `k: "` is 4 columns
    expect(marshalYamlV2({ k: `${x(77)} y\t` })).toBe(`k: "${x(77)}\n  y\\t"\n`);
    expect(marshalYamlV2({ k: `${x(76)} y\t` })).toBe(`k: "${x(76)} y\\t"\n`);
    // two spaces: the first becomes the break, the second is kept as `\ ` on the next line
    expect(marshalYamlV2({ k: `${x(77)}  y\t` })).toBe(`k: "${x(77)}\n  \\ y\\t"\n`);
    expect(marshalYamlV2({ a: `yes ${WORDS}\t` })).toBe(
      'a: "yes word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11\n' +
        '  word12 word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23\n' +
        '  word24 word25 word26 word27 word28 word29\\t"\n',
    );
  });

  it('counts columns in characters, not bytes', () => {
    // 78 two-byte characters before the space: still column 81
    const e = 'é'.repeat(78);
    expect(marshalYamlV2({ k: `${e} y` })).toBe(`k: ${e}\n  y\n`);
    expect(marshalYamlV2({ k: `${'é'.repeat(77)} y` })).toBe(`k: ${'é'.repeat(77)} y\n`);
  });

  it('never folds a simple key', () => {
    const key = `${x(40)} ${x(40)} ${x(40)}`; // 122 bytes: still a simple key
    expect(marshalYamlV2({ [key]: 1 })).toBe(`${key}: 1\n`);
  });

  it('folds a long key written as an explicit `? key`', () => {
    expect(marshalYamlV2({ [`${WORDS} ${WORDS}`]: 1 })).toBe(
      '? word0 word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12\n' +
        '  word13 word14 word15 word16 word17 word18 word19 word20 word21 word22 word23 word24\n' +
        '  word25 word26 word27 word28 word29 word0 word1 word2 word3 word4 word5 word6 word7\n' +
        '  word8 word9 word10 word11 word12 word13 word14 word15 word16 word17 word18 word19\n' +
        '  word20 word21 word22 word23 word24 word25 word26 word27 word28 word29\n' +
        ': 1\n',
    );
  });

  it('never folds literal blocks', () => {
    expect(marshalYamlV2({ k: `${WORDS}\n` })).toBe(`k: |\n  ${WORDS}\n`);
  });

  it('folds in tk show output the same way', () => {
    expect(showYaml([{ a: 1 }, { k: `${x(78)} y` }])).toBe(`a: 1\n---\nk: ${x(78)}\n  y\n`);
  });
});

describe('yaml.v3 never folds', () => {
  it("matches go-yaml v3's 'Ensure that strings do not wrap'", () => {
    const s = 'abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ 1234567890 ';
    expect(marshalYamlV3({ a: s })).toBe(`a: '${s}'\n`);
  });

  it('keeps plain, single- and double-quoted text on one line', () => {
    expect(marshalYamlV3({ a: WORDS })).toBe(`a: ${WORDS}\n`);
    expect(marshalYamlV3({ a: `#${WORDS}` })).toBe(`a: '#${WORDS}'\n`);
    expect(marshalYamlV3({ a: `${WORDS}\u0007` })).toBe(`a: "${WORDS}\\a"\n`);
    expect(marshalYamlV3({ a: { b: { c: [WORDS] } } })).toBe(`a:\n    b:\n        c:\n            - ${WORDS}\n`);
  });
});
