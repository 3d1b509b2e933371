/** The TsEngine adapter: mop's JsonnetEngine contract, including async importers and natives. */
import { describe, expect, it } from 'vitest';
import { TsEngine } from '../../src/engine/ts-engine.js';
import { JsonnetError, type EvaluateOptions, type Importer } from '../../src/engine/types.js';

const base: EvaluateOptions = { importPaths: [], extCode: {}, tlaCode: {}, natives: {} };
const engine = new TsEngine();

describe('TsEngine', () => {
  it('evaluates snippets to the go-jsonnet JSON text, with ext code and TLAs', async () => {
    const out = await engine.evaluateSnippet('function(t) { e: std.extVar("e"), t: t }', 'main.jsonnet', { ...base, extCode: { e: '1 + 1' }, tlaCode: { t: '"x"' } });
    expect(out).toBe('{\n   "e": 2,\n   "t": "x"\n}\n');
  });

  it('awaits asynchronous importers and natives, asking each question once', async () => {
    let asked = 0;
    const importer: Importer = async (_dir, path) => {
      asked++;
      await new Promise((r) => setTimeout(r, 1));
      return path === 'a.libsonnet' ? { foundHere: '<mem>/a.libsonnet', content: '{ b: import "b.libsonnet" }' } : path === 'b.libsonnet' ? { foundHere: '<mem>/b.libsonnet', content: '42' } : undefined;
    };
    const natives = { twice: { params: ['x'], fn: async (x: unknown) => (x as number) * 2 } };
    const out = await engine.evaluateSnippet('[import "a.libsonnet", std.native("twice")(21)]', 'main.jsonnet', { ...base, importer, natives: natives as EvaluateOptions['natives'] });
    expect(JSON.parse(out)).toEqual([{ b: 42 }, 42]);
    expect(asked).toBe(2);
  });

  it('fails an import with the message of a rejecting importer', async () => {
    const importer: Importer = async () => Promise.reject(new Error('async failure'));
    await expect(engine.evaluateSnippet('import "k.txt"', 'main.jsonnet', { ...base, importer })).rejects.toThrow(/couldn't open import "k.txt": async failure/);
  });

  it('raises JsonnetError with the go-jsonnet formatted message', async () => {
    const error = await engine.evaluateSnippet('{ a: error "boom" }', 'main.jsonnet', base).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(JsonnetError);
    expect((error as Error).message).toBe('RUNTIME ERROR: boom\n\tmain.jsonnet:1:6-18\tobject <anonymous>\n\tDuring manifestation');
  });

  it('hands natives a field named __proto__ as an own field, not as the prototype', async () => {
    let received: unknown;
    const natives = { echo: { params: ['v'], fn: (v: unknown) => ((received = v), 1) } };
    await engine.evaluateSnippet(`std.native('echo')({__proto__: {polluted: true}})`, 'm.jsonnet', { ...base, natives: natives as EvaluateOptions['natives'] });
    expect(Object.getPrototypeOf(received)).toBe(Object.prototype);
    expect(Object.keys(received as object)).toEqual(['__proto__']);
    expect((received as { polluted?: boolean }).polluted).toBeUndefined();
  });

  it('parses YAML for std.parseYaml', async () => {
    expect(JSON.parse(await engine.evaluateSnippet('std.parseYaml("a: [1, yes]\\n")', 'm.jsonnet', base))).toEqual({ a: [1, true] });
  });
});
