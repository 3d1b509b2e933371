/** The shared shape of the missing-configmap, missing-secret, missing-service-account and missing-pvc rules. */
import { levels, type EnvironmentProblem, type EnvironmentRule, type RuleLevel } from '../types.js';
import { describeObject, namespaceOf } from './objects.js';
import { podReferences, type ReferencedKind } from './references.js';

const CONSEQUENCE: Record<ReferencedKind, string> = {
  ConfigMap: 'the pods stay in ContainerCreating (volume) or CreateContainerConfigError (env)',
  Secret: 'the pods stay in ContainerCreating (volume) or CreateContainerConfigError (env), or pull images anonymously (imagePullSecrets)',
  ServiceAccount: 'the controller cannot create the pods ("serviceaccount not found")',
  PersistentVolumeClaim: 'the pods stay Pending',
};

export function missingReferenceRule(id: string, kind: ReferencedKind, recommended: RuleLevel): EnvironmentRule {
  return {
    id,
    description: `Workloads only reference ${kind}s that the environment defines (or that are declared external); optional references are exempt.`,
    levels: levels(recommended, 'error'),
    scope: 'environment',
    checkEnvironment(_manifests, context) {
      const problems: EnvironmentProblem[] = [];
      for (const workload of context.index.workloads) {
        const namespace = namespaceOf(workload.object) ?? context.environment.namespace;
        for (const ref of podReferences(workload.pod)) {
          if (ref.kind !== kind || ref.optional) continue;
          if (context.index.exists(kind, namespace, ref.name)) continue;
          problems.push({
            index: workload.index,
            path: ref.path,
            message: `${describeObject(workload.object)} uses ${kind} ${namespace}/${ref.name} (${ref.use}), which the environment does not define, so ${CONSEQUENCE[kind]}: define it, fix the name${kind === 'ServiceAccount' || kind === 'PersistentVolumeClaim' ? '' : ', mark the reference optional: true'}, or declare it in lint.externalObjects as "${kind}/${namespace}/${ref.name}" if it is created elsewhere`,
          });
        }
      }
      return problems;
    },
  };
}
