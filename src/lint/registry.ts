/** Every lint rule, in the order they are documented and run. */
import { alertmanagerConfig } from './rules/alertmanager-config.js';
import { configEndpoint } from './rules/config-endpoint.js';
import { containerResources } from './rules/container-resources.js';
import { danglingService } from './rules/dangling-service.js';
import { deprecatedApiVersion } from './rules/deprecated-api-version.js';
import { deprecatedImage } from './rules/deprecated-image.js';
import { dropNetRawCapability } from './rules/drop-net-raw-capability.js';
import { duplicateEnvVar } from './rules/duplicate-env-var.js';
import { duplicateNames } from './rules/duplicate-names.js';
import { duplicateObject } from './rules/duplicate-object.js';
import { embeddedConfigSyntax } from './rules/embedded-config-syntax.js';
import { envVarSecret } from './rules/env-var-secret.js';
import { goDuration } from './rules/go-duration.js';
import { grafanaProvisioning } from './rules/grafana-provisioning.js';
import { hostIpc } from './rules/host-ipc.js';
import { hostNetwork } from './rules/host-network.js';
import { hostPath } from './rules/host-path.js';
import { hostPid } from './rules/host-pid.js';
import { hostPort } from './rules/host-port.js';
import { invalidLintDisable } from './rules/invalid-lint-disable.js';
import { invalidTargetPort } from './rules/invalid-target-port.js';
import { latestTag } from './rules/latest-tag.js';
import { mismatchingSelector } from './rules/mismatching-selector.js';
import { missingConfigmap } from './rules/missing-configmap.js';
import { missingNamespace } from './rules/missing-namespace.js';
import { missingProbes } from './rules/missing-probes.js';
import { missingPvc } from './rules/missing-pvc.js';
import { missingRbacReference } from './rules/missing-rbac-reference.js';
import { missingSecret } from './rules/missing-secret.js';
import { missingServiceAccount } from './rules/missing-service-account.js';
import { missingStorageClass } from './rules/missing-storage-class.js';
import { namespaceMatchesSpec } from './rules/namespace-matches-spec.js';
import { networkFlows } from './rules/network-flows.js';
import { noReadOnlyRootFs } from './rules/no-read-only-root-fs.js';
import { privilegeEscalationContainer } from './rules/privilege-escalation-container.js';
import { privilegedContainer } from './rules/privileged-container.js';
import { probePort } from './rules/probe-port.js';
import { prometheusRules } from './rules/prometheus-rules.js';
import { removedApiVersion } from './rules/removed-api-version.js';
import { runAsNonRoot } from './rules/run-as-non-root.js';
import { secretInConfigmap } from './rules/secret-in-configmap.js';
import { sensitiveHostMounts } from './rules/sensitive-host-mounts.js';
import { unwritableVolume } from './rules/unwritable-volume.js';
import { writableHostMount } from './rules/writable-host-mount.js';
import type { Rule } from './types.js';

export const RULES: readonly Rule[] = [
  // Single objects: images and resources.
  latestTag,
  deprecatedImage,
  containerResources,
  missingProbes,
  probePort,
  // Single objects: security.
  runAsNonRoot,
  privilegeEscalationContainer,
  privilegedContainer,
  dropNetRawCapability,
  noReadOnlyRootFs,
  hostNetwork,
  hostPid,
  hostIpc,
  hostPort,
  hostPath,
  writableHostMount,
  sensitiveHostMounts,
  unwritableVolume,
  envVarSecret,
  secretInConfigmap,
  // Single objects: correctness.
  mismatchingSelector,
  duplicateNames,
  duplicateEnvVar,
  removedApiVersion,
  deprecatedApiVersion,
  // Embedded configs.
  embeddedConfigSyntax,
  goDuration,
  alertmanagerConfig,
  prometheusRules,
  grafanaProvisioning,
  // Whole environment.
  duplicateObject,
  missingNamespace,
  namespaceMatchesSpec,
  danglingService,
  invalidTargetPort,
  missingConfigmap,
  missingSecret,
  missingServiceAccount,
  missingPvc,
  missingStorageClass,
  missingRbacReference,
  configEndpoint,
  networkFlows,
  // Opt-outs.
  invalidLintDisable,
];

const BY_ID = new Map(RULES.map((rule) => [rule.id, rule]));

export function ruleById(id: string): Rule | undefined {
  return BY_ID.get(id);
}

/** `{ id: description }` for the report formats that describe rules (SARIF). */
export function ruleDescriptions(): Record<string, string> {
  return Object.fromEntries(RULES.map((rule) => [rule.id, rule.description]));
}
