/**
 * ajv compilation of per-GVK validators, their standalone code, and loading that code back.
 *
 * ajv itself is loaded lazily: a warm run that finds every validator in the cache only evaluates
 * the cached standalone code, which needs nothing but ajv's small runtime helpers and
 * `validatorRuntime` (formats, regexp engine, list-map check) under a fixed module name.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, ErrorObject, KeywordCxt, Options } from 'ajv';
import type { KeywordErrorCxt } from 'ajv/dist/types/index.js';
import { bundleUri, sha256 } from './bundle.js';
import { FORMATS } from './formats.js';
import { LIST_MAP_KEYS_KEYWORD, LOWERING_VERSION, lowerBundle } from './lower.js';
import { goRegExp } from './regexp.js';
import type { BundleSource } from './types.js';

const require = createRequire(import.meta.url);

/** The module name standalone code uses to reach `validatorRuntime`. */
export const RUNTIME_MODULE = 'mop:validator-runtime';
const RUNTIME_REQUIRE = `require(${JSON.stringify(RUNTIME_MODULE)})`;

/** Bump when `validatorRuntime`'s shape changes (cached code refers to it by name). */
const RUNTIME_VERSION = 1;

export interface ValidateFunction {
  (data: unknown): boolean;
  errors?: ErrorObject[] | null;
}

/** For list-type=map arrays: the indexes of the first two items with equal keys, or null. */
function findDuplicateMapKey(items: unknown[], keys: string[]): [number, number] | null {
  const seen = new Map<string, number>();
  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== 'object' || item === null || Array.isArray(item)) continue;
    const record = item as Record<string, unknown>;
    const key = JSON.stringify(keys.map((k) => record[k] ?? null));
    const first = seen.get(key);
    if (first !== undefined) return [first, i];
    seen.set(key, i);
  }
  return null;
}

const regExpEngine = Object.assign((pattern: string) => goRegExp(pattern), { code: `${RUNTIME_REQUIRE}.regExp` });

export const validatorRuntime = {
  formats: Object.fromEntries(Object.entries(FORMATS).map(([name, f]) => [name, { type: f.type, validate: f.validate }])),
  regExp: regExpEngine,
  findDuplicateMapKey,
};

function ajvVersion(): string {
  return (require('ajv/package.json') as { version: string }).version;
}

/** Options that are plain data: they go into the cache fingerprint as they are. */
const PLAIN_OPTIONS = {
  strict: false,
  allErrors: true,
  validateSchema: false,
  addUsedSchema: false,
  messages: false,
  validateFormats: true,
  // Shared definitions become functions rather than being inlined: faster compiles, smaller code.
  inlineRefs: false,
} as const;
const CODE_OPTIONS = { source: true, lines: false, optimize: 1 } as const;

function ajvOptions(): Options {
  const { _ } = require('ajv') as typeof import('ajv');
  return {
    ...PLAIN_OPTIONS,
    code: {
      ...CODE_OPTIONS,
      // Raw code: must spell RUNTIME_MODULE.
      formats: _`require("mop:validator-runtime").formats`,
      regExp: regExpEngine,
    },
  };
}

/**
 * Identifies everything compiled code depends on besides the schema: ajv's version, the options,
 * the lowering and the runtime shape. Cheap: does not load ajv.
 */
export function compilerFingerprint(): string {
  return JSON.stringify({ ajv: ajvVersion(), lowering: LOWERING_VERSION, runtime: RUNTIME_VERSION, module: RUNTIME_MODULE, PLAIN_OPTIONS, CODE_OPTIONS });
}

/** Cache key of one compiled validator. */
export function validatorKey(bundleHash: string, definition: string, strict: boolean, fingerprint: string): string {
  return sha256(JSON.stringify({ bundleHash, definition, strict, fingerprint }));
}

function addListMapKeysKeyword(ajv: AjvClass): void {
  const { _, stringify } = require('ajv') as typeof import('ajv');
  ajv.addKeyword({
    keyword: LIST_MAP_KEYS_KEYWORD,
    type: 'array',
    schemaType: 'array',
    error: { message: 'duplicate list-map key', params: ({ params }: KeywordErrorCxt) => _`{i: ${params.i}, j: ${params.j}, keys: ${params.keys}}` },
    code(cxt: KeywordCxt) {
      const { gen, data, schema } = cxt;
      // Raw code: must spell RUNTIME_MODULE.
      const fn = gen.scopeValue('func', { ref: findDuplicateMapKey, code: _`require("mop:validator-runtime").findDuplicateMapKey` });
      const dup = gen.const('dup', _`${fn}(${data}, ${stringify(schema)})`);
      gen.if(_`${dup} !== null`, () => {
        cxt.setParams({ i: _`${dup}[0]`, j: _`${dup}[1]`, keys: stringify(schema) });
        cxt.error();
      });
    },
  });
}

/** Compiles validators for one strictness; bundles are lowered and registered on first use. */
export class SchemaCompiler {
  private ajv: AjvClass | undefined;
  private readonly registered = new Set<string>();

  constructor(private readonly strict: boolean) {}

  private instance(): AjvClass {
    if (!this.ajv) {
      const { Ajv } = require('ajv') as typeof import('ajv');
      const ajv = new Ajv(ajvOptions());
      for (const [name, check] of Object.entries(validatorRuntime.formats)) ajv.addFormat(name, check as never);
      addListMapKeysKeyword(ajv);
      this.ajv = ajv;
    }
    return this.ajv;
  }

  /** Compiles the validator of one definition and returns it with its standalone source. */
  compile(bundle: BundleSource, definition: string): { validate: ValidateFunction; source: string } {
    const ajv = this.instance();
    const uri = bundleUri(`${bundle.id}@${bundle.hash.slice(0, 16)}`);
    if (!this.registered.has(uri)) {
      ajv.addSchema(lowerBundle(uri, bundle.loadDefs(), { strict: this.strict }));
      this.registered.add(uri);
    }
    const validate = ajv.getSchema(`${uri}#/$defs/${definition}`);
    if (!validate) throw new Error(`no definition ${JSON.stringify(definition)} in bundle ${bundle.id}`);
    const standaloneCode = (require('ajv/dist/standalone') as { default: (ajv: AjvClass, fn: unknown) => string }).default;
    return { validate: validate as ValidateFunction, source: standaloneCode(ajv, validate) };
  }
}

/** Only ajv's runtime helpers and our runtime may be required by standalone code. */
function standaloneRequire(id: string): unknown {
  if (id === RUNTIME_MODULE) return validatorRuntime;
  if (id.startsWith('ajv/dist/runtime/')) return require(id);
  throw new Error(`standalone validator requires unexpected module ${JSON.stringify(id)}`);
}

/** Evaluates standalone validator code (CommonJS) into a function. Throws if the code is broken. */
export function loadStandalone(source: string): ValidateFunction {
  const module: { exports: unknown } = { exports: {} };
  // The code is ajv's output for our own schemas, read back from our checksummed cache: as trusted
  // as this package's files (whoever can write the cache directory can write those too).
  new Function('require', 'module', 'exports', source)(standaloneRequire, module, module.exports);
  if (typeof module.exports !== 'function') throw new Error('standalone validator code did not export a function');
  return module.exports as ValidateFunction;
}
