/**
 * Native functions through the patched libjsonnet: arguments are manifested to JSON values as
 * go-jsonnet does (arrays and objects included), and functions are refused.
 */
import { Jsonnet } from '@hanazuki/node-jsonnet';
import { describe, expect, it } from 'vitest';
import { LibjsonnetEngine } from '../../src/engine/libjsonnet.js';
import { JsonnetError, type EvaluateOptions, type JsonValue, type NativeFunction } from '../../src/engine/types.js';

const engine = new LibjsonnetEngine();

function options(natives: Record<string, NativeFunction>): EvaluateOptions {
  return { importPaths: [], extCode: {}, tlaCode: {}, natives };
}

/** A native `name(params...)` recording its arguments and returning `result(args)`. */
function recorder(params: string[], result: (args: JsonValue[]) => JsonValue = (args) => args[0]) {
  const calls: JsonValue[][] = [];
  const native: NativeFunction = {
    params,
    fn: (...args) => {
      calls.push(args);
      return result(args);
    },
  };
  return { calls, native };
}

async function evaluate(code: string, natives: Record<string, NativeFunction>): Promise<JsonValue> {
  return JSON.parse(await engine.evaluateSnippet(code, 'test.jsonnet', options(natives))) as JsonValue;
}

describe('native functions receive JSON values', () => {
  it('receives an object holding an array holding an object', async () => {
    const echo = recorder(['v']);
    const out = await evaluate(`std.native('echo')({a: [1, {b: null}]})`, { echo: echo.native });
    expect(echo.calls).toEqual([[{ a: [1, { b: null }] }]]);
    expect(out).toEqual({ a: [1, { b: null }] });
  });

  it('receives a top-level array of every JSON type', async () => {
    const echo = recorder(['v']);
    await evaluate(`std.native('echo')([1, 'two', true, false, null, [3, []], {}])`, { echo: echo.native });
    expect(echo.calls[0][0]).toEqual([1, 'two', true, false, null, [3, []], {}]);
  });

  it('passes several arguments in parameter order, as helmTemplate(name, chart, opts) needs', async () => {
    const helm = recorder(['name', 'chart', 'opts'], (args) => args);
    const out = await evaluate(
      `std.native('helmTemplate')('grafana', './charts/grafana', {calledFrom: std.thisFile, values: {replicas: 2}, apiVersions: ['v1']})`,
      { helmTemplate: helm.native },
    );
    expect(helm.calls).toEqual([
      [
        'grafana',
        './charts/grafana',
        { calledFrom: 'test.jsonnet', values: { replicas: 2 }, apiVersions: ['v1'] },
      ],
    ]);
    expect(out).toEqual(helm.calls[0]);
  });

  it('manifests objects like output: hidden fields left out, self and inheritance evaluated', async () => {
    const echo = recorder(['v']);
    await evaluate(
      `local base = {a: 1, hidden:: 'no', c: self.a + 1, nested: {x: 'x'}};
       std.native('echo')(base + {a: 10, nested+: {y: 'y'}, visible::: 'yes'})`,
      { echo: echo.native },
    );
    expect(echo.calls[0][0]).toEqual({ a: 10, c: 11, nested: { x: 'x', y: 'y' }, visible: 'yes' });
  });

  it('keeps nested values intact through deep nesting', async () => {
    const echo = recorder(['v']);
    await evaluate(`std.native('echo')(std.foldl(function(acc, i) {level: i, inner: [acc]}, std.range(1, 50), null))`, {
      echo: echo.native,
    });
    let value = echo.calls[0][0] as { level: number; inner: JsonValue[] } | null;
    for (let level = 50; level >= 1; level--) {
      expect(value?.level).toBe(level);
      value = value!.inner[0] as typeof value;
    }
    expect(value).toBeNull();
  });

  it('passes unicode strings and keys unchanged, including non-BMP characters and NUL', async () => {
    const echo = recorder(['v']);
    const out = await evaluate(
      `local s = 'žluťoučký 日本語 ✓ 😀 a\\u0000b';
       {
         arg: std.native('echo')({[s]: [s]}),
         len: std.length(std.native('echo')(s)),
       }`,
      { echo: echo.native },
    );
    const s = 'žluťoučký 日本語 ✓ 😀 a\u0000b';
    expect(echo.calls[0][0]).toEqual({ [s]: [s] });
    expect(echo.calls[1][0]).toBe(s);
    // The string came back from JS into Jsonnet with its NUL and its non-BMP character (1 code point).
    expect(out).toEqual({ arg: { [s]: [s] }, len: [...s].length });
  });

  it('passes numbers as doubles', async () => {
    const echo = recorder(['v']);
    await evaluate(`std.native('echo')([0.1, -0, 1e300, 9007199254740993, -2.5])`, { echo: echo.native });
    expect(echo.calls[0][0]).toEqual([0.1, -0, 1e300, 9007199254740992, -2.5]);
  });

  it('makes a field named __proto__ an own field, not the prototype', async () => {
    const echo = recorder(['v']);
    await evaluate(`std.native('echo')({__proto__: {polluted: true}})`, { echo: echo.native });
    const arg = echo.calls[0][0] as Record<string, unknown>;
    expect(Object.getPrototypeOf(arg)).toBe(Object.prototype);
    expect(Object.keys(arg)).toEqual(['__proto__']);
    expect(arg.polluted).toBeUndefined();
  });

  it('manifests lazily computed arguments correctly while the garbage collector runs constantly', async () => {
    // Manifesting evaluates fields and array elements, which allocates and can collect; the patch
    // must keep the partly manifested value rooted. A tiny GC threshold makes collections frequent.
    const vm = new Jsonnet().setGcMinObjects(1).setGcGrowthTrigger(1.01);
    let received: unknown;
    vm.nativeCallback('echo', (value) => (received = value), 'value');
    const value = `{['k' + i]: [{n: j * i, s: std.md5(std.toString(j)), h:: j, o: {l: [j, 'x' + j]}} for j in std.range(1, 20)] for i in std.range(1, 20)}`;
    const direct = JSON.parse(await vm.evaluateSnippet(value)) as unknown;
    const returned = JSON.parse(await vm.evaluateSnippet(`std.native('echo')(${value})`)) as unknown;
    expect(received).toEqual(direct);
    expect(returned).toEqual(direct);
  });

  it('accepts async natives returning objects', async () => {
    const out = await evaluate(`std.native('merge')({a: 1}, {b: [2]})`, {
      merge: {
        params: ['x', 'y'],
        fn: async (x, y) => ({ ...(x as object), ...(y as object) }),
      },
    });
    expect(out).toEqual({ a: 1, b: [2] });
  });
});

describe('native function errors', () => {
  it('refuses a function argument with a clear error, without calling the native', async () => {
    const echo = recorder(['value']);
    const run = evaluate(`std.native('echo')(function(x) x)`, { echo: echo.native });
    await expect(run).rejects.toThrow(JsonnetError);
    await expect(run).rejects.toThrow(
      /^RUNTIME ERROR: couldn't manifest function as JSON: argument "value" of native function "echo" is a function/,
    );
    expect(echo.calls).toEqual([]);
  });

  it('names where a nested function sits', async () => {
    const echo = recorder(['opts']);
    await expect(evaluate(`std.native('echo')({a: [1, {b: function() 1}]})`, { echo: echo.native })).rejects.toThrow(
      /couldn't manifest function as JSON: argument "opts" of native function "echo" has a function at \.a\[1\]\.b/,
    );
    await expect(evaluate(`std.native('echo')({'a b': std.length})`, { echo: echo.native })).rejects.toThrow(
      /has a function at \["a b"\]/,
    );
    expect(echo.calls).toEqual([]);
  });

  it('accepts hidden function fields, which are not manifested', async () => {
    const echo = recorder(['v']);
    await evaluate(`std.native('echo')({f(x):: x, a: 1})`, { echo: echo.native });
    expect(echo.calls[0][0]).toEqual({ a: 1 });
  });

  it('reports errors raised while manifesting an argument, and object assertions', async () => {
    const echo = recorder(['v']);
    await expect(evaluate(`std.native('echo')({a: [error 'boom']})`, { echo: echo.native })).rejects.toThrow(
      /RUNTIME ERROR: boom/,
    );
    await expect(evaluate(`std.native('echo')({assert self.a > 1 : 'a too small', a: 1})`, { echo: echo.native })).rejects.toThrow(
      /a too small/,
    );
    expect(echo.calls).toEqual([]);
  });

  it('fails the Jsonnet call with the message of an error thrown by the native', async () => {
    const run = evaluate(`std.native('fail')({x: 1})`, {
      fail: {
        params: ['opts'],
        fn: () => {
          throw new Error('helmTemplate: opts.calledFrom is unset');
        },
      },
    });
    await expect(run).rejects.toThrow(/^RUNTIME ERROR: helmTemplate: opts.calledFrom is unset\n/);
  });
});

describe('std.native resolves only natives registered by the embedder, as in go-jsonnet', () => {
  it('calls a registered native named like a libjsonnet builtin, and leaves std.parseJson the builtin', async () => {
    // libjsonnet has parseJson and parseYaml builtins; Tanka registers natives of the same names.
    const parseJson = recorder(['json'], (args) => ({ fromNative: args[0] }));
    const parseYaml = recorder(['yaml'], (args) => [args[0]]);
    const out = await evaluate(
      `{
         native: std.native('parseJson')('[1, 2]'),
         yaml: std.native('parseYaml')('a: 1'),
         builtin: std.parseJson('[1, 2]'),
         builtinYaml: std.parseYaml('a: 1'),
       }`,
      { parseJson: parseJson.native, parseYaml: parseYaml.native },
    );
    expect(parseJson.calls).toEqual([['[1, 2]']]);
    expect(parseYaml.calls).toEqual([['a: 1']]);
    expect(out).toEqual({
      native: { fromNative: '[1, 2]' },
      yaml: ['a: 1'],
      builtin: [1, 2],
      builtinYaml: { a: 1 },
    });
  });

  it('gives null for a name with no registered native, even the name of a builtin', async () => {
    // go-jsonnet's builtinNative returns null when the name is not in its nativeFuncs.
    const echo = recorder(['v']);
    const out = await evaluate(
      `[std.native('noSuchNative'), std.native('parseJson'), std.native('parseYaml'), std.native('length'), std.type(std.native('echo'))]`,
      { echo: echo.native },
    );
    expect(out).toEqual([null, null, null, null, 'function']);
  });

  it('fails the evaluation when a missing native is called', async () => {
    // go-jsonnet: "Unexpected type null, expected function"; libjsonnet words it its own way.
    const run = evaluate(`std.native('parseJson')('[1]')`, {});
    await expect(run).rejects.toThrow(JsonnetError);
    await expect(run).rejects.toThrow(/^RUNTIME ERROR: only functions can be called, got null/);
  });
});
