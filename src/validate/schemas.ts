/**
 * Choosing the schema of each resource, kubeconform-style: the configured locations are tried in
 * order (`default` = the official OpenAPI spec of the Kubernetes version, anything else a
 * kubeconform `-schema-location` template), and custom resources also find the CRDs given in the
 * configuration or present in the same input.
 */
import type { JsonObject } from '../engine/types.js';
import type { Finding as ReportFinding, ResourceStatus } from '../report/model.js';
import {
  ExternalSchemas,
  convertCrds,
  createStore,
  createValidator,
  importCrds,
  inMemorySource,
  listCached,
  openCachedBundle,
  type BundleSource,
  type SchemaLookup,
  type Validator,
} from '../validator/index.js';
import { expandCrdPaths } from './crd-files.js';
import { officialSpec } from './official-spec.js';
import type { ValidateSettings } from './settings.js';

export interface SchemaCheck {
  status: Exclude<ResourceStatus, 'error'> | 'error';
  findings: ReportFinding[];
}

function kindMatches(list: readonly string[], apiVersion: string, kind: string): boolean {
  // kubeconform matches -skip/-reject entries against the kind or `group/version/Kind`.
  return list.includes(kind) || list.includes(`${apiVersion}/${kind}`);
}

function noSchemaMessage(apiVersion: string, kind: string, tried: string[], lookup: SchemaLookup | undefined): string {
  const why =
    lookup && !lookup.found && lookup.reason === 'unknown-api-version'
      ? `; kind ${kind} exists in ${lookup.knownApiVersions.map((v) => JSON.stringify(v)).join(', ')}`
      : lookup && !lookup.found && lookup.suggestion
        ? `; did you mean kind ${JSON.stringify(lookup.suggestion)}?`
        : '';
  return (
    `no schema found for ${apiVersion}/${kind}${why} (tried: ${tried.join(', ')}). ` +
    `For a custom resource, pass its CRD with --crd <file|dir>, list it under "crds" in mop.json, ` +
    `or import it with \`mop schemas import --crd <file|dir>\`; --ignore-missing-schemas skips such resources`
  );
}

function typeMeta(object: JsonObject): { apiVersion: string; kind: string } {
  return {
    apiVersion: typeof object.apiVersion === 'string' ? object.apiVersion : '',
    kind: typeof object.kind === 'string' ? object.kind : '',
  };
}

/** The schema sources of one set of settings, before the input's own CRDs are added. */
export interface SchemaSources {
  settings: ValidateSettings;
  cacheDir: string;
  /** The official spec, the configured CRDs, and the CRDs imported into the cache. */
  bundles: BundleSource[];
  /** Schema-location templates that will be asked (local, or remote when downloads are on). */
  templates: string[];
  /** The locations tried, in order (`default` and the templates). */
  tried: string[];
  /** Remote locations not asked because downloads are off. */
  skipped: string[];
}

/** Opens the schema bundles and locations for these settings (downloading the spec if allowed). */
export async function openSchemaSources(settings: ValidateSettings, cacheDir: string, options: { download: boolean }): Promise<SchemaSources> {
  const locations = settings.schemaLocations.length > 0 ? settings.schemaLocations : ['default'];
  const bundles: BundleSource[] = [];
  if (locations.includes('default')) bundles.push(await officialSpec(settings.kubernetesVersion, cacheDir, options));
  if (settings.crds.length > 0) bundles.push(importCrds(expandCrdPaths(settings.crds), cacheDir));
  // CRDs imported with `mop schemas import --crd` (or from a cluster) apply to every run.
  for (const cached of listCached(cacheDir)) {
    if (cached.source !== 'crd') continue;
    const bundle = openCachedBundle(cacheDir, cached.id);
    if (bundle) bundles.push(bundle);
  }
  // --no-download also keeps remote schema locations from being fetched: they are skipped, and
  // the "no schema" message says so.
  const templates = locations.filter((l) => l !== 'default' && (options.download || !/^https?:\/\//.test(l)));
  const tried = locations.filter((l) => l === 'default' || templates.includes(l));
  const skipped = locations.filter((l) => l !== 'default' && !templates.includes(l));
  return { settings, cacheDir, bundles, templates, tried, skipped };
}

/**
 * What the schema answers for these sources depend on, as a string for cache keys: the settings,
 * each bundle's content hash, the locations. Undefined when a schema-location template is asked:
 * what a template answers (a remote catalog, local files) can change without anything here changing.
 */
export function schemaFingerprint(sources: SchemaSources): string | undefined {
  if (sources.templates.length > 0) return undefined;
  return JSON.stringify([sources.settings, sources.bundles.map((b) => [b.id, b.hash]), sources.tried, sources.skipped]);
}

export class SchemaResolver {
  private constructor(
    private readonly settings: ValidateSettings,
    private readonly validator: Validator,
    private readonly external: ExternalSchemas | undefined,
    private readonly locations: string[],
    /** Remote locations not asked because downloads are off. */
    private readonly skippedLocations: string[] = [],
  ) {}

  /**
   * Opens the schema sources for these settings. `inputCrds` are CustomResourceDefinition objects
   * found in the input itself; they validate the custom resources beside them.
   */
  static async open(
    settings: ValidateSettings,
    cacheDir: string,
    inputCrds: readonly JsonObject[],
    options: { download: boolean },
  ): Promise<SchemaResolver> {
    return SchemaResolver.fromSources(await openSchemaSources(settings, cacheDir, options), inputCrds);
  }

  /** A resolver over sources opened with {@link openSchemaSources}, plus the CRDs of the input. */
  static fromSources(sources: SchemaSources, inputCrds: readonly JsonObject[]): SchemaResolver {
    const { settings, templates } = sources;
    const bundles = [...sources.bundles];
    if (inputCrds.length > 0) bundles.push(inMemorySource(convertCrds(inputCrds as JsonObject[], { id: 'input-crds', label: 'CRDs in the input' })));
    const external =
      templates.length > 0
        ? new ExternalSchemas(templates, { kubernetesVersion: settings.kubernetesVersion, strict: settings.strict })
        : undefined;
    const validator = createValidator(createStore(bundles), { strict: settings.strict, cacheDir: sources.cacheDir });
    return new SchemaResolver(settings, validator, external, sources.tried, sources.skipped);
  }

  /** Checks many objects; synchronous per object unless a schema-location template must be fetched. */
  async checkAll(objects: readonly JsonObject[]): Promise<SchemaCheck[]> {
    const out: SchemaCheck[] = new Array(objects.length);
    for (let i = 0; i < objects.length; i++) {
      const local = this.checkLocal(objects[i]);
      out[i] = local ?? (await this.check(objects[i]));
    }
    return out;
  }

  async check(object: JsonObject): Promise<SchemaCheck> {
    const local = this.checkLocal(object);
    if (local) return local;
    const { apiVersion, kind } = typeMeta(object);
    let lookup: SchemaLookup | undefined;
    for (const location of this.locations) {
      if (location === 'default') {
        lookup = this.validator.lookup(apiVersion, kind);
        if (lookup.found) return this.fromFindings(this.validator.validate(object));
        continue;
      }
      const found = await (this.external as ExternalSchemas).lookup(apiVersion, kind);
      if (found.status === 'found') return this.fromFindings(found.schema.validate(object));
      if (found.status === 'error') {
        return { status: 'error', findings: [{ rule: 'schema-location', severity: 'error', path: '', message: found.message }] };
      }
    }
    // CRD bundles sit in the same store as the official spec; try them when only templates were set.
    if (!this.locations.includes('default')) {
      lookup = this.validator.lookup(apiVersion, kind);
      if (lookup.found) return this.fromFindings(this.validator.validate(object));
    }
    if (this.settings.ignoreMissingSchemas) return { status: 'skipped', findings: [] };
    const tried = [
      ...this.locations.map((l) => (l === 'default' ? `Kubernetes ${this.settings.kubernetesVersion} OpenAPI spec` : l)),
      ...this.skippedLocations.map((l) => `${l} (not fetched: --no-download)`),
    ];
    return { status: 'error', findings: [{ rule: 'missing-schema', severity: 'error', path: '', message: noSchemaMessage(apiVersion, kind, tried, lookup) }] };
  }

  /**
   * The answer when no remote location needs asking: reject/skip lists, objects without type
   * metadata, and objects the first location (the local store) has a schema for.
   */
  private checkLocal(object: JsonObject): SchemaCheck | undefined {
    const { apiVersion, kind } = typeMeta(object);
    if (kindMatches(this.settings.reject, apiVersion, kind)) {
      return { status: 'error', findings: [{ rule: 'rejected-kind', severity: 'error', path: '/kind', message: `kind ${kind} is rejected by the configuration (--reject)` }] };
    }
    if (kindMatches(this.settings.skip, apiVersion, kind)) return { status: 'skipped', findings: [] };
    if (apiVersion === '' || kind === '') return this.fromFindings(this.validator.validate(object));
    if (this.locations[0] === 'default' && this.validator.lookup(apiVersion, kind).found) {
      return this.fromFindings(this.validator.validate(object));
    }
    return undefined;
  }

  private fromFindings(findings: ReportFinding[]): SchemaCheck {
    return { status: findings.some((f) => f.severity === 'error') ? 'invalid' : 'valid', findings };
  }
}
