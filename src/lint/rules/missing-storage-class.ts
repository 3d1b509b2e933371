/**
 * PersistentVolumeClaims and StatefulSet claim templates only name StorageClasses the environment
 * creates or declares external: a claim for a class that does not exist stays Pending forever.
 * An empty `storageClassName` (static binding) and an absent one (the cluster default) are fine.
 */
import { objectAt, objectsAt, stringAt, pointer } from '../k8s/json.js';
import { describeObject, kindOf } from '../k8s/objects.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const missingStorageClass: EnvironmentRule = {
  id: 'missing-storage-class',
  description: 'Claims (PVCs, volumeClaimTemplates, ephemeral volumes) name StorageClasses the environment defines or declares external.',
  levels: levels('warn', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    const problems: EnvironmentProblem[] = [];
    const check = (index: number, className: string | undefined, path: string, what: string) => {
      if (!className || context.index.exists('StorageClass', undefined, className)) return;
      problems.push({
        index,
        path,
        message: `${what} asks for StorageClass "${className}", which the environment does not define, so the claim stays Pending: define it, use an existing class, or declare it in lint.externalObjects as "StorageClass/${className}" if the cluster provides it`,
      });
    };
    manifests.forEach((object, index) => {
      const kind = kindOf(object);
      if (kind === 'PersistentVolumeClaim') {
        check(index, stringAt(objectAt(object.spec).storageClassName), '/spec/storageClassName', describeObject(object));
      }
      if (kind === 'StatefulSet') {
        objectsAt(objectAt(object.spec).volumeClaimTemplates).forEach((template, i) => {
          check(index, stringAt(objectAt(template.spec).storageClassName), pointer('spec', 'volumeClaimTemplates', i, 'spec', 'storageClassName'), `volumeClaimTemplate "${stringAt(objectAt(template.metadata).name) ?? i}" of ${describeObject(object)}`);
        });
      }
    });
    for (const workload of context.index.workloads) {
      objectsAt(workload.pod.spec.volumes).forEach((volume, i) => {
        const spec = objectAt(objectAt(objectAt(volume.ephemeral).volumeClaimTemplate).spec);
        check(workload.index, stringAt(spec.storageClassName), `${workload.pod.specPointer}/volumes/${i}/ephemeral/volumeClaimTemplate/spec/storageClassName`, `ephemeral volume "${stringAt(volume.name) ?? i}" of ${describeObject(workload.object)}`);
      });
    }
    return problems;
  },
};
