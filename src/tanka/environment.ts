/**
 * Tanka's `Environment` (tanka.dev/v1alpha1), field for field as `pkg/spec/v1alpha1/environment.go`
 * marshals it. Key order matters: `tanka.dev/environment` is passed to Jsonnet as the JSON text of
 * this object, and Go marshals struct fields in declaration order.
 */
import type { JsonValue } from '../engine/types.js';

export interface EnvironmentMetadata {
  name?: string;
  namespace?: string;
  labels?: Record<string, string>;
}

export interface EnvironmentSpec {
  apiServer?: string;
  contextNames?: string[];
  namespace: string;
  diffStrategy?: string;
  applyStrategy?: string;
  injectLabels?: boolean;
  tankaEnvLabelFromFields?: string[];
  resourceDefaults: {
    annotations?: Record<string, string>;
    labels?: Record<string, string>;
  };
  expectVersions: { tanka?: string };
  exportJsonnetImplementation?: string;
}

export interface Environment {
  apiVersion: string;
  kind: string;
  metadata: EnvironmentMetadata;
  spec: EnvironmentSpec;
  /** The evaluated Jsonnet output (static envs) or the inline env's `data`. */
  data?: JsonValue;
}
