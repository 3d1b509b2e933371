/** Workloads only mount PersistentVolumeClaims that exist in the environment (claim templates create their own). */
import { missingReferenceRule } from '../k8s/missing-reference.js';

export const missingPvc = missingReferenceRule('missing-pvc', 'PersistentVolumeClaim', 'error');
