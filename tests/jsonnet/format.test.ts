/**
 * The native std.format / `%` against libjsonnet, whose std.format is std.jsonnet's Jsonnet code
 * (the code go-jsonnet runs too): a generated corpus of conversions × flags × widths × precisions
 * × values must print identically, and each of std.jsonnet's format errors must come with the same
 * message.
 */
import { describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { TsEngine } from '../../src/engine/ts-engine.js';
import type { EvaluateOptions } from '../../src/engine/types.js';

const options: EvaluateOptions = { importPaths: [], extCode: {}, tlaCode: {}, natives: {} };
const ts = new TsEngine();
const lib = new LibjsonnetEngine();

async function both(code: string): Promise<[string, string]> {
  const run = (p: Promise<string>) => p.then((out) => out, (e: Error) => `ERROR ${e.message.split('\n')[0]}`);
  return Promise.all([run(ts.evaluateSnippet(code, 'format.jsonnet', options)), run(lib.evaluateSnippet(code, 'format.jsonnet', options))]);
}

const numbers = ['0', '1', '-1', '7', '42', '-42', '255', '-255', '0.5', '-0.5', '3.14159', '-2.71828', '123456.789', '1e-7', '1.5e-5', '9.9999999', '0.000123', '1e15', '-1e15', '1e20', '123456789012', '0.1', '99.995', '1e-300'];
const flags = ['', '-', '0', '+', ' ', '#', '-0', '+0', '#0', '- ', '+ '];
const widths = ['', '1', '5', '12'];
const precisions = ['', '.0', '.1', '.3', '.10', '.'];
const numericConversions = ['d', 'i', 'u', 'o', 'x', 'X', 'f', 'F', 'e', 'E', 'g', 'G'];

/** Every conversion with every precision, and a fixed sample of the flag × width combinations. */
function numericSpecs(): string[] {
  const specs: string[] = [];
  let seed = 7;
  const keep = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return (seed >>> 16) % 12 === 0;
  };
  for (const c of numericConversions) {
    for (const f of flags) {
      for (const w of widths) {
        for (const p of precisions) if ((f === '' && w === '') || keep()) specs.push(`%${f}${w}${p}${c}`);
      }
    }
  }
  return specs;
}

describe('std.format natively, as std.jsonnet formats', () => {
  // %g of 0 fails in both engines (std.log(0) overflows), so it is tested with the errors.
  const specs = numericSpecs();
  const chunk = 300;
  for (let i = 0; i < specs.length; i += chunk) {
    const part = specs.slice(i, i + chunk);
    it(`numeric conversions ${i}-${i + part.length - 1}`, async () => {
      const code = `local ns = [${numbers.join(', ')}]; local specs = ${JSON.stringify(part)};
        [[if s[std.length(s) - 1] == 'g' || s[std.length(s) - 1] == 'G' then (if n == 0 then 'zero' else s % n) else s % n for n in ns] for s in specs]`;
      const [mine, reference] = await both(code);
      expect(mine).toBe(reference);
    });
  }

  it('strings, characters, %% and mapping keys', async () => {
    const cases = [
      `'%s|%10s|%-10s|%.2s|%5%|%%' % ['abc', 'def', 'g', 'hij']`,
      `'%s %s %s %s' % [null, true, [1, {a: 'x'}], {b: [2]}]`,
      `'%c%c%c%3c%-3c|' % [65, 'b', 128512, 'x', 120]`,
      `'%(a)s-%(b)05d-%(c).2f-%(a)10s-%(d)x%%' % { a: 'x', b: -5, c: 2.555, d:: 255 }`,
      `'%*d|%-*d|%.*f|%*.*e' % [5, 42, 4, 7, 2, 3.14159, 12, 3, 1234.5]`,
      `'no codes' % []`,
      `'%s' % 'single'`,
      `'%d items' % 3`,
      `'%s' % [[]]`,
      `std.format('%ld %hd %Lf', [1, 2, 3.5])`,
      `'ünï %s cödé %5s 😀 %-4s|' % ['日本', 'é', '😀']`,
      `'%(a)s' % { a: 1, b: error 'not needed' }`,
      `'%s %s' % [1, 2] + '%d' % [3]`,
      `'%5.1s|' % ['xyz']`,
      `'%#o %#x %#X %#.0f %#.0e %#g %#.3g' % [8, 255, 255, 3, 3, 1.5, 2]`,
      `'%.0g %.1g %.0e %.20f %.15e' % [0.5, 0.05, 12345, 0.1, 1 / 3]`,
    ];
    const [mine, reference] = await both(`[${cases.join(',\n')}]`);
    expect(mine).toBe(reference);
  });

  const errors = [
    `'%' % []`,
    `'%5' % [1]`,
    `'%(a' % { a: 1 }`,
    `'%-' % [1]`,
    `'%.' % [1]`,
    `'%l' % [1]`,
    `'%y' % [1]`,
    `'%d %d' % [1]`,
    `'%d' % [1, 2]`,
    `'%*d' % []`,
    `'%.*f' % [2]`,
    `'%d' % ['x']`,
    `'%f' % [[1]]`,
    `'%x' % [{}]`,
    `'%(a)d' % { a: 'x' }`,
    `'%c' % ['ab']`,
    `'%c' % [[]]`,
    `'%s' % { a: 1 }`,
    `'%(b)s' % { a: 1 }`,
    `'%(a)*d' % { a: 1 }`,
    `'%(a).*f' % { a: 1 }`,
    `'%g' % [0]`,
    `'%.400f' % [1]`,
    `'%.10f' % [1e300]`,
    `'%d %s' % [1, error 'lazy value forced']`,
  ];
  for (const code of errors) {
    it(`fails like std.jsonnet: ${code}`, async () => {
      const [mine, reference] = await both(code);
      expect(mine).toMatch(/^ERROR /);
      // go-jsonnet says "Overflow" where the C++ engine says "overflow".
      expect(mine.replace('ERROR: Overflow', 'ERROR: overflow')).toBe(reference);
    });
  }

  it('does not evaluate values that %% or an unused object field leaves alone', async () => {
    const [mine, reference] = await both(`['%d%%' % [1], '100%%' % [], '%(a)s' % { a: 'x', b: error 'boom' }]`);
    expect(mine).toBe(reference);
    expect(JSON.parse(mine)).toEqual(['1%', '100%', 'x']);
  });
});
