/**
 * The JSON Schema of the project config file `mop.json`. Its keys are shared by commands:
 * `mop validate` (kubernetesVersion, schemaLocations, crds, strict, ignoreMissingSchemas, skip,
 * reject, environments; read by src/validate/settings.ts), lint settings,
 * `codegen`, and `engine` (src/cli/jsonnet-flags.ts). Top-level keys are closed so that a misspelled key shows up in the editor; a
 * command that adds a key adds it here.
 */
import type { SchemaNode } from '../schema.js';
import { schemaDocument } from './json.js';

const stringList = (description: string): SchemaNode => ({ description, type: 'array', items: { type: 'string' } });

/** The keys `mop validate` reads, at the top level and per environment. */
const VALIDATION_PROPERTIES: Record<string, SchemaNode> = {
  kubernetesVersion: {
    description: 'Kubernetes version whose schemas validate the manifests: master or x.y.z (as kubeconform -kubernetes-version).',
    type: 'string',
    pattern: '^(master|v?[0-9]+\\.[0-9]+\\.[0-9]+)$',
  },
  schemaLocations: stringList(
    'Schema locations tried in order: directories, URLs or kubeconform templates ({{.NormalizedKubernetesVersion}}, {{.StrictSuffix}}, {{.ResourceKind}}, {{.KindSuffix}}, {{.Group}}, {{.ResourceAPIVersion}}); "default" is the built-in source.',
  ),
  crds: stringList('Files or directories of CustomResourceDefinitions whose schemas validate custom resources.'),
  strict: { description: 'Reject fields that the schema does not declare (default true).', type: 'boolean' },
  ignoreMissingSchemas: { description: 'Skip resources whose kind has no schema instead of failing them (as kubeconform -ignore-missing-schemas).', type: 'boolean' },
  skip: stringList('Kinds not checked (Kind or group/version/Kind), as kubeconform -skip.'),
  reject: stringList('Kinds refused outright (Kind or group/version/Kind), as kubeconform -reject.'),
  lint: {
    description: 'Lint settings (rules turned on or off, their options); see the lint section of the README.',
    type: 'object',
  },
  flows: {
    description: 'The intended network flows checked by `mop flows` and the network-flows lint rule (componentLabel, and flows for projects without lib/flows.libsonnet); see the network flows section of the README.',
    type: 'object',
  },
};

const CODEGEN: SchemaNode = {
  description: 'Settings of `mop codegen` and `mop env add`: where the config is and how to read it.',
  type: 'object',
  properties: {
    config: { description: 'The Jsonnet file holding the configuration object (default lib/config.libsonnet).', type: 'string' },
    resolver: { description: 'Function of the configuration object that returns one environment\'s config (default forEnvironment).', type: 'string' },
    environmentsField: { description: 'Field of the configuration object whose keys are the environment names (default environments).', type: 'string' },
    defaultsField: { description: 'Field holding the settings shared by all environments (default defaults).', type: 'string' },
    environments: stringList('The environments to read (default: the keys of environmentsField).'),
    environmentsDir: { description: 'Directory of the Tanka environments (default environments).', type: 'string' },
    out: { description: 'Output directory of the generated schemas and types (default generated).', type: 'string' },
    stub: { description: 'The generated Jsonnet stub (default lib/config.stub.libsonnet).', type: 'string' },
    overrideFiles: stringList('Globs of JSON/YAML config override files checked against the config schema in editors (default environments/*/config.{json,yaml,yml}).'),
    fields: {
      description: 'Field docs by dotted path (storage.className), for config objects you cannot annotate with \'#field\' docs.',
      type: 'object',
      additionalProperties: {
        anyOf: [
          { type: 'string', description: 'The description.' },
          {
            type: 'object',
            properties: {
              description: { type: 'string' },
              enum: { description: 'The allowed values.', type: 'array' },
              format: { description: 'Force or disable a string pattern.', enum: ['go-duration', 'quantity', 'none'] },
              map: { description: 'true: an object with free keys; false: never guess a map.', type: 'boolean' },
            },
            additionalProperties: false,
          },
        ],
      },
    },
  },
  additionalProperties: false,
};

const MOP: SchemaNode = {
  type: 'object',
  properties: {
    $schema: { description: 'Schema of this file, for editors.', type: 'string' },
    ...VALIDATION_PROPERTIES,
    environments: {
      description: 'Per-environment overrides of the validation settings above, by environment name (environments/production).',
      type: 'object',
      additionalProperties: { type: 'object', properties: VALIDATION_PROPERTIES, additionalProperties: false },
    },
    codegen: CODEGEN,
    engine: {
      description:
        'Jsonnet engine of the evaluating commands: ts (the TypeScript engine), libjsonnet (the C++ reference engine) or binary:<path> (a jsonnet-compatible program, without native functions). --engine and MOP_ENGINE override it.',
      type: 'string',
      pattern: '^(ts|libjsonnet|binary:.+)$',
    },
  },
  additionalProperties: false,
};

export function mopSchemaDocument(): SchemaNode {
  return schemaDocument('mop', 'mop project config (mop.json)', 'Settings of the mop commands for this project, at the project root.', MOP);
}
