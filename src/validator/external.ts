/**
 * Validation against schemas found at kubeconform-style schema locations (yannh
 * kubernetes-json-schema, datree CRDs-catalog, local openapi2jsonschema output), tried in order.
 *
 * These schemas are used as they are, with kubeconform's semantics: a location that does not have
 * the schema (or has one that does not compile) passes to the next, any other failure stops the
 * search. Relative `$ref`s (the `-local` flavour's `_definitions.json`) are loaded next to the
 * schema. Formats are asserted only for schemas without `$schema` (openapi2jsonschema CRD output),
 * as kubeconform's jsonschema library does. Errors go through the same formatter as ours.
 */
import { createRequire } from 'node:module';
import type { Ajv as AjvClass, AnySchemaObject } from 'ajv';
import { isPlainObject } from './bundle.js';
import { findingsFromErrors } from './findings.js';
import { isGoDuration } from './formats.js';
import { checkSchemaLocation, isHttpLocation, loadSchema, schemaLocationFor, toFilePath } from './locations.js';
import type { Finding, JsonObject } from './types.js';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';

const require = createRequire(import.meta.url);

export interface ExternalSchema {
  /** Where the schema was found. */
  location: string;
  validate(manifest: JsonObject): Finding[];
}

export type ExternalLookup = { status: 'found'; schema: ExternalSchema } | { status: 'not-found' } | { status: 'error'; message: string };

export interface ExternalSchemasOptions {
  /** `master` or `x.y.z`, as kubeconform's -kubernetes-version. */
  kubernetesVersion: string;
  strict: boolean;
  fetch?: typeof fetch;
}

/** OpenAPI 3.0 / draft-04 leftovers ajv (draft-07) rejects: boolean exclusive bounds, `$schema`, `id`. */
function modernize(node: unknown): unknown {
  if (Array.isArray(node)) return node.map((n) => modernize(n));
  if (!isPlainObject(node)) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$schema' || (key === 'id' && typeof value === 'string')) continue;
    out[key] = key === 'enum' || key === 'const' || key === 'default' || key === 'example' ? value : modernize(value);
  }
  for (const [flag, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
    if (typeof out[flag] === 'boolean') {
      if (out[flag] === true && typeof out[bound] === 'number') {
        out[flag] = out[bound];
        delete out[bound];
      } else delete out[flag];
    }
  }
  return out;
}

/** A schema's base URI for resolving its relative `$ref`s. */
function baseUri(location: string): string {
  return isHttpLocation(location) ? location : pathToFileURL(resolve(toFilePath(location))).href;
}

export class ExternalSchemas {
  private readonly cache = new Map<string, Promise<ExternalLookup>>();
  private ajvWithFormats: AjvClass | undefined;
  private ajvNoFormats: AjvClass | undefined;

  /** Throws kubeconform's `failed initialising schema location registry: …` for a bad template. */
  constructor(
    private readonly locations: readonly string[],
    private readonly options: ExternalSchemasOptions,
  ) {
    for (const location of locations) checkSchemaLocation(location);
  }

  /** The first location's schema for this apiVersion/kind; misses are remembered, errors are not. */
  lookup(apiVersion: string, kind: string): Promise<ExternalLookup> {
    const key = `${apiVersion}\n${kind}`;
    let pending = this.cache.get(key);
    if (!pending) {
      pending = this.search(apiVersion, kind);
      this.cache.set(key, pending);
      void pending.then((r) => {
        if (r.status === 'error') this.cache.delete(key);
      });
    }
    return pending;
  }

  private async search(apiVersion: string, kind: string): Promise<ExternalLookup> {
    for (const location of this.locations) {
      const url = schemaLocationFor(location, { kind, apiVersion, kubernetesVersion: this.options.kubernetesVersion, strict: this.options.strict });
      const loaded = await loadSchema(url, { fetch: this.options.fetch });
      if (loaded.status === 'not-found') continue;
      if (loaded.status === 'error') return loaded;
      try {
        const validate = await this.compile(loaded.schema, url);
        return {
          status: 'found',
          schema: {
            location: loaded.location,
            validate: (manifest) => (validate(manifest) ? [] : findingsFromErrors(validate.errors ?? [], manifest)),
          },
        };
      } catch {
        // kubeconform: a schema that does not compile counts as not found here
        continue;
      }
    }
    return { status: 'not-found' };
  }

  private ajv(formats: boolean): AjvClass {
    const existing = formats ? this.ajvWithFormats : this.ajvNoFormats;
    if (existing) return existing;
    const { Ajv } = require('ajv') as typeof import('ajv');
    const ajv = new Ajv({
      strict: false,
      allErrors: true,
      verbose: true,
      validateSchema: false,
      validateFormats: formats,
      logger: false,
      loadSchema: async (uri: string) => {
        const loaded = await loadSchema(uri.startsWith('file:') ? toFilePath(uri.split('#')[0]) : uri.split('#')[0], { fetch: this.options.fetch });
        if (loaded.status !== 'found') throw new Error(`cannot load referenced schema ${uri}: ${loaded.status === 'error' ? loaded.message : 'not found'}`);
        return modernize(loaded.schema) as AnySchemaObject;
      },
    });
    if (formats) {
      const addFormats = (require('ajv-formats') as { default: (ajv: AjvClass) => AjvClass }).default;
      addFormats(ajv);
      const { fullFormats } = require('ajv-formats/dist/formats') as typeof import('ajv-formats/dist/formats.js');
      const iso = fullFormats.duration as RegExp | ((s: string) => boolean);
      ajv.addFormat('duration', (s: string) => isGoDuration(s) || (typeof iso === 'function' ? iso(s) : iso.test(s)));
    }
    if (formats) this.ajvWithFormats = ajv;
    else this.ajvNoFormats = ajv;
    return ajv;
  }

  private async compile(schema: JsonObject, location: string) {
    const formats = schema.$schema === undefined;
    const prepared = modernize(schema) as AnySchemaObject;
    prepared.$id = baseUri(location);
    const ajv = this.ajv(formats);
    const existing = ajv.getSchema(prepared.$id);
    return existing ?? (await ajv.compileAsync(prepared));
  }
}
