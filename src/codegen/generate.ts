/**
 * `mop codegen` in memory: reads the config of every environment, infers the schema and renders
 * every output. Writing (or comparing, for --check) is files.ts's job.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JsonnetEngine } from '../engine/types.js';
import { buildDocIndex, normalizeDoc, type DocIndex } from './docs.js';
import { renderDts } from './emit/dts.js';
import { renderJson, schemaDocument } from './emit/json.js';
import { mopSchemaDocument } from './emit/mop-schema.js';
import { specSchemaDocument } from './emit/spec-schema.js';
import { defaultValues, renderStub } from './emit/stub.js';
import { VSCODE_SETTINGS, mergeVscodeSettings, type SchemaAssociation } from './emit/vscode.js';
import { ConfigReader, type ConfigSamples } from './evaluate.js';
import { headerComment } from './header.js';
import { inferSchema } from './infer.js';
import { CONFIG_SCHEMA_FILE, type CodegenSettings } from './project-config.js';
import { withoutRequired, type SchemaNode } from './schema.js';

export { CONFIG_SCHEMA_FILE } from './project-config.js';
export const OVERRIDES_SCHEMA_FILE = 'config-overrides.schema.json';
export const SPEC_SCHEMA_FILE = 'spec.schema.json';
export const MOP_SCHEMA_FILE = 'mop.schema.json';
export const CONFIG_DTS_FILE = 'config.d.ts';

/**
 * One output. `owned` files are entirely generated (and carry the header); `merged` files belong to
 * the user and only get our entries merged in (.vscode/settings.json).
 */
export interface GeneratedFile {
  /** Path relative to the project root, with `/`. */
  path: string;
  content: string;
  kind: 'owned' | 'merged';
}

export interface GenerateResult {
  files: GeneratedFile[];
  /** The inferred config schema (without the document header). */
  schema: SchemaNode;
  samples: ConfigSamples;
}

/** The docs of every environment, first environment first. */
export function docIndexOf(samples: ConfigSamples): DocIndex {
  return buildDocIndex(
    samples.environments.flatMap((e) => e.docs),
    samples.settings.fields,
  );
}

/** The config schema of the samples. */
export function configSchemaOf(samples: ConfigSamples): SchemaNode {
  return inferSchema(
    samples.environments.map((e) => e.value),
    docIndexOf(samples),
  );
}

/** The schema associations written into the editor settings. */
export function schemaAssociations(settings: CodegenSettings): SchemaAssociation[] {
  const url = (file: string) => `./${settings.out}/${file}`;
  const overrides = settings.overrideFiles;
  return [
    { url: url(SPEC_SCHEMA_FILE), json: [`/${settings.environmentsDir}/**/spec.json`], yaml: [] },
    { url: url(MOP_SCHEMA_FILE), json: ['/mop.json'], yaml: [] },
    {
      url: url(OVERRIDES_SCHEMA_FILE),
      json: overrides.filter((g) => g.endsWith('.json')).map((g) => `/${g}`),
      yaml: overrides.filter((g) => /\.ya?ml$/.test(g)),
    },
  ];
}

/** Renders every output from config samples (no evaluation: usable on fixture samples). */
export function renderOutputs(samples: ConfigSamples, existingSettings: string | undefined): GenerateResult {
  const { settings } = samples;
  const source = settings.config;
  const names = samples.environments.map((e) => e.name);
  const schema = configSchemaOf(samples);
  const rootDoc = normalizeDoc(samples.rootDoc)?.description;
  const resolved = `${settings.resolver}(name) of ${settings.config}`;
  const configTitle = `Configuration of one environment`;
  const configDescription = `The object ${resolved} returns, inferred from the environments ${names.join(', ')}.`;

  const files: GeneratedFile[] = [];
  const owned = (file: string, content: string) => files.push({ path: `${settings.out}/${file}`, content, kind: 'owned' });
  owned(CONFIG_SCHEMA_FILE, renderJson(schemaDocument(source, configTitle, configDescription, schema)));
  owned(
    OVERRIDES_SCHEMA_FILE,
    renderJson(
      schemaDocument(
        source,
        'Configuration overrides of one environment',
        `Any part of the object ${resolved} returns: what a JSON or YAML override file may set.`,
        withoutRequired(schema),
      ),
    ),
  );
  owned(SPEC_SCHEMA_FILE, renderJson(specSchemaDocument()));
  owned(MOP_SCHEMA_FILE, renderJson(mopSchemaDocument()));
  owned(
    CONFIG_DTS_FILE,
    renderDts(schema, {
      header: headerComment(source),
      rootName: 'Config',
      rootDoc: configDescription,
      environments: names,
    }),
  );
  files.push({
    path: settings.stub,
    kind: 'owned',
    content: renderStub(schema, defaultValues(samples.defaults, samples.environments.map((e) => e.value)), {
      header: headerComment(source),
      intro: [
        '',
        `Every key of the configuration ${resolved} returns, with its default value`,
        `and its documentation ('#key' fields, docsonnet style), for editor completion and hover`,
        `(jsonnet-language-server). Nothing imports it: ${settings.config} is the source of truth.`,
      ],
      rootDoc,
    }),
  });
  files.push({ path: VSCODE_SETTINGS, kind: 'merged', content: mergeVscodeSettings(existingSettings, schemaAssociations(settings)) });
  return { files, schema, samples };
}

function readIfExists(path: string): string | undefined {
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Evaluates the project's config and renders every output. */
export async function generate(settings: CodegenSettings, engine?: JsonnetEngine): Promise<GenerateResult> {
  const samples = await new ConfigReader(settings, engine).samples();
  return renderOutputs(samples, readIfExists(join(settings.root, VSCODE_SETTINGS)));
}
