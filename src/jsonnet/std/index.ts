/**
 * The standard library: `std.jsonnet` as shipped with libjsonnet (read from node_modules at run
 * time, parsed once per process), with the functions go-jsonnet implements natively replaced by
 * native TypeScript ones — and added where std.jsonnet lacks them — all hidden, as in go-jsonnet's
 * buildStdObject.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Hide, type Node } from '../ast.js';
import { desugar } from '../desugar.js';
import type { Evaluator } from '../evaluator.js';
import { parse } from '../parser.js';
import { resolve } from '../resolver.js';
import { JObject, Layer, type FieldDef, type Frame } from '../values.js';
import { addCoreNatives } from './core.js';
import { addFormatNatives } from './format.js';
import type { NativeTable } from './helpers.js';
import { addManifestNatives } from './manifest.js';
import { addStringNatives } from './strings.js';

/** The file name std.jsonnet's code carries in stack traces. */
export const STD_FILE = '<std>';

let stdAst: Node | null = null;

/** Where libjsonnet's std.jsonnet is installed. */
export function stdlibPath(): string {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@hanazuki/node-jsonnet');
  return join(dirname(dirname(main)), 'third_party', 'jsonnet', 'stdlib', 'std.jsonnet');
}

function loadStdAst(): Node {
  if (stdAst) return stdAst;
  const src = readFileSync(stdlibPath(), 'utf8');
  const node = desugar(parse(STD_FILE, src), src);
  resolve(node, src);
  stdAst = node;
  return node;
}

/** Builds the base std object for an evaluator and installs it. */
export function installStd(ev: Evaluator): JObject {
  const natives: NativeTable = new Map();
  addCoreNatives(ev, natives);
  addStringNatives(ev, natives);
  addManifestNatives(ev, natives);
  // std.format of a non-string runs std.jsonnet's own code (whatever it makes of it).
  addFormatNatives(ev, natives, () => ev.objectIndex(evaluated as JObject, 'format', { loc: null, ctx: '', label: 'During evaluation' }));

  const frame: Frame = [null, null, null];
  const evaluated = ev.eval(loadStdAst(), frame);
  if (!(evaluated instanceof JObject)) throw new Error('std.jsonnet did not evaluate to an object');
  const base = evaluated.layers[0]!;
  const fields = new Map<string, FieldDef>(base.fields);
  for (const [name, fn] of natives) fields.set(name, { hide: Hide.Hidden, plus: false, body: null, value: fn, env: null });
  const std = new JObject([new Layer(fields, base.env, base.locals, base.asserts)]);
  // std.jsonnet refers to itself as `std`: make that the final object, natives included.
  frame[1] = std;
  frame[2] = std;
  ev.baseStd = std;
  return std;
}
