/**
 * The JSON Schema of Tanka's `spec.json` (tanka.dev/v1alpha1 Environment, pkg/spec/v1alpha1 of
 * grafana/tanka). Tanka itself ignores unknown keys and matches keys case-insensitively; the schema
 * is stricter on purpose: an editor flags `injectLables`, which Tanka would silently ignore.
 */
import type { SchemaNode } from '../schema.js';
import { schemaDocument } from './json.js';

const stringMap = (description: string): SchemaNode => ({ description, type: 'object', additionalProperties: { type: 'string' } });
const stringList = (description: string): SchemaNode => ({ description, type: 'array', items: { type: 'string' } });

const SPEC: SchemaNode = {
  type: 'object',
  properties: {
    apiVersion: { description: 'Always tanka.dev/v1alpha1 (Tanka does not check it).', const: 'tanka.dev/v1alpha1' },
    kind: { description: 'Always Environment (Tanka does not check it).', const: 'Environment' },
    metadata: {
      description: 'Identity of the environment.',
      type: 'object',
      properties: {
        name: {
          description: 'Ignored for a spec.json environment: Tanka always uses the directory relative to the project root (environments/<name>).',
          type: 'string',
        },
        namespace: { description: 'Ignored: Tanka sets it to the entrypoint path relative to the project root.', type: 'string' },
        labels: stringMap('Labels matched by `tk env list -l` selectors.'),
      },
      additionalProperties: false,
    },
    spec: {
      description: 'Where and how the environment is applied.',
      type: 'object',
      properties: {
        apiServer: { description: 'Kubernetes API server URL; https:// is prepended when no scheme is given. Exclusive with contextNames.', type: 'string' },
        contextNames: stringList('Regular expressions of kubeconfig context names to apply to, instead of apiServer.'),
        namespace: { description: 'Default namespace of namespaced objects without one (default "default"; "" disables it).', type: 'string', default: 'default' },
        diffStrategy: { description: 'How `tk diff` compares: native, validate, subset, server or none (chosen automatically when empty).', enum: ['', 'native', 'validate', 'subset', 'server', 'none'] },
        applyStrategy: { description: 'How `tk apply` applies: client (default) or server.', enum: ['', 'client', 'server'] },
        injectLabels: { description: 'Add the tanka.dev/environment label to every object.', type: 'boolean', default: false },
        tankaEnvLabelFromFields: stringList('Fields whose values make up the tanka.dev/environment label hash (default [".metadata.name", ".metadata.namespace"]).'),
        resourceDefaults: {
          description: 'Annotations and labels added to every object that lacks them.',
          type: 'object',
          properties: { annotations: stringMap('Default annotations.'), labels: stringMap('Default labels.') },
          additionalProperties: false,
        },
        expectVersions: {
          description: 'Tool versions the environment requires.',
          type: 'object',
          properties: { tanka: { description: 'A semver constraint the Tanka version must satisfy, e.g. ">= 0.28".', type: 'string' } },
          additionalProperties: false,
        },
        exportJsonnetImplementation: { description: 'Jsonnet implementation of `tk export`: go, or binary:<path>.', type: 'string', pattern: '^(go|binary:.+)$' },
      },
      additionalProperties: false,
    },
    data: { description: 'Ignored in spec.json: replaced by the evaluation of main.jsonnet.' },
    namespace: { description: 'Deprecated: use spec.namespace.', type: 'string', deprecated: true },
    server: { description: 'Deprecated: use spec.apiServer.', type: 'string', deprecated: true },
    team: { description: 'Deprecated: use metadata.labels.team.', type: 'string', deprecated: true },
    $schema: { description: 'Schema of this file, for editors.', type: 'string' },
  },
  additionalProperties: false,
};

export function specSchemaDocument(): SchemaNode {
  return schemaDocument('Tanka tanka.dev/v1alpha1 Environment', 'Tanka environment (spec.json)', 'The spec.json of a Tanka environment directory.', SPEC);
}
