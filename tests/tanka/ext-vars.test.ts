import { describe, expect, it } from 'vitest';
import { variablesToCode } from '../../src/tanka/ext-vars.js';
import { resolve } from 'node:path';

describe('ext vars and TLAs as code', () => {
  it('turns every flag kind into Jsonnet code as Tanka does', () => {
    expect(
      variablesToCode('ext', {
        str: ['a=x=y', 'q=say "hi"'],
        code: ['b={c: 1}'],
        strFile: ['s=data/my "file".txt'],
        codeFile: ['f=lib.jsonnet'],
      }),
    ).toEqual({
      a: '"x=y"',
      q: '"say \\"hi\\""',
      b: '{c: 1}',
      s: `importstr @"${resolve('data/my ""file"".txt')}"`,
      f: `import @"${resolve('lib.jsonnet')}"`,
    });
  });

  it('rejects a value without =', () => {
    expect(() => variablesToCode('tla', { str: ['nothing'] })).toThrow('--tla-str: "nothing" is not of the form <name>=<value>');
  });
});
