/**
 * Types shared by the schema validator modules: GVKs, schema bundles, lookups and findings.
 */
import type { JsonObject, JsonValue } from '../engine/types.js';

/** A JSON Schema node as we store it: an object, or `true`/`false`. */
export type JsonSchema = JsonObject | boolean;

/** A Kubernetes group/version/kind. The core group is `""`. */
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

/** `apps/v1`, or `v1` for the core group. */
export function apiVersionOf(gvk: { group: string; version: string }): string {
  return gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
}

/** Splits `apps/v1` into group and version; `v1` is the core group. */
export function parseApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

/** One GVK served by a bundle, and the definition (a key of the bundle's `$defs`) that describes it. */
export interface GvkEntry extends Gvk {
  definition: string;
}

/**
 * A converted set of schemas: one JSON Schema document (`$defs`) plus the GVK index into it.
 * Definitions `$ref` each other as `#/$defs/<name>`, so recursive types stay finite.
 *
 * The definitions are *normalized* Kubernetes semantics, not yet ajv input: optional properties
 * implicitly accept `null`, `nullable: true` marks explicit nullability, and
 * `x-kubernetes-preserve-unknown-fields` / `x-kubernetes-embedded-resource` are kept so that the
 * strict/non-strict lowering (lower.ts) can decide where unknown fields are allowed.
 */
export interface SchemaBundle {
  /** Stable identifier, also the cache directory name: `k8s-v1.32.0`, `crds-<hash>`. */
  id: string;
  source: 'openapi' | 'crd';
  /** For humans: `Kubernetes v1.32.0`, `CRDs (3 files)`. */
  label: string;
  /** sha256 of the canonical content (entries + defs); keys the compiled-validator cache. */
  hash: string;
  entries: GvkEntry[];
  defs: Record<string, JsonSchema>;
}

/**
 * A bundle whose definitions may still be on disk: the GVK index is always loaded (it is small),
 * the definitions only when a validator must be compiled.
 */
export interface BundleSource {
  readonly id: string;
  readonly source: 'openapi' | 'crd';
  readonly label: string;
  readonly hash: string;
  readonly entries: readonly GvkEntry[];
  /** Throws if the stored definitions are missing or corrupt. */
  loadDefs(): Record<string, JsonSchema>;
}

/** The answer to "is there a schema for this apiVersion/kind?". */
export type SchemaLookup =
  | { found: true; bundle: BundleSource; entry: GvkEntry }
  | {
      found: false;
      /** `unknown-api-version`: the kind exists, under other apiVersions; `unknown-kind`: it does not exist at all. */
      reason: 'unknown-kind' | 'unknown-api-version';
      apiVersion: string;
      kind: string;
      /** apiVersions that do define this kind (for `unknown-api-version`). */
      knownApiVersions: string[];
      /** A close kind name under the same apiVersion (for `unknown-kind`), e.g. `Deployment` for `Deploymnet`. */
      suggestion?: string;
    };

export type Severity = 'error' | 'warning';

/** Rule identifiers of validator findings. */
export type ValidationRule =
  | 'unknown-field'
  | 'invalid-type'
  | 'required-field'
  | 'invalid-quantity'
  | 'invalid-format'
  | 'invalid-value'
  | 'pattern-mismatch'
  | 'out-of-range'
  | 'duplicate-item'
  | 'wrong-api-version'
  | 'unknown-kind'
  | 'missing-type-meta'
  | 'schema-violation';

/** One real problem found in a manifest. */
export interface Finding {
  rule: ValidationRule;
  severity: Severity;
  /** JSON pointer into the manifest ("" is the root). */
  path: string;
  /** Human message, starting with the location: `at /spec/replicas: got string "3", want integer`. */
  message: string;
}

export type { JsonObject, JsonValue };
