/** Workloads only mount or read ConfigMaps that exist in the environment (or are declared external). */
import { missingReferenceRule } from '../k8s/missing-reference.js';

export const missingConfigmap = missingReferenceRule('missing-configmap', 'ConfigMap', 'error');
