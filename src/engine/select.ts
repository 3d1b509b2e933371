/**
 * Engine choice: `ts` (the TypeScript engine, src/jsonnet), `libjsonnet` (the C++ reference engine)
 * or `binary:<path>` (a `jsonnet`-compatible program, as Tanka's `--jsonnet-implementation`).
 */
import { BinaryEngine } from './binary.js';
import { LibjsonnetEngine } from './libjsonnet.js';
import { TsEngine } from './ts-engine.js';
import type { JsonnetEngine } from './types.js';

export type EngineChoice = 'ts' | 'libjsonnet' | `binary:${string}`;

export const ENGINE_NAMES = ['ts', 'libjsonnet'] as const;

/** The engine used when neither a flag, MOP_ENGINE nor mop.json chooses one. */
export const DEFAULT_ENGINE: EngineChoice = 'ts';

/** Parses an engine name; `where` names the source in the error (`--engine`, `MOP_ENGINE`, ...). */
export function parseEngineChoice(value: string, where: string): EngineChoice {
  if (value === 'ts' || value === 'libjsonnet') return value;
  if (value.startsWith('binary:') && value.length > 'binary:'.length) return value as EngineChoice;
  throw new Error(`${where}: unknown Jsonnet engine "${value}" (expected ts, libjsonnet or binary:<path>)`);
}

/** Whether the engine runs an external program (no natives, no importer). */
export function isBinaryChoice(choice: EngineChoice): choice is `binary:${string}` {
  return choice.startsWith('binary:');
}

export function createEngine(choice: EngineChoice): JsonnetEngine {
  if (choice === 'ts') return new TsEngine();
  if (choice === 'libjsonnet') return new LibjsonnetEngine();
  return new BinaryEngine(choice.slice('binary:'.length));
}
