/** Workloads only mount or read Secrets that exist in the environment (or are declared external). */
import { missingReferenceRule } from '../k8s/missing-reference.js';

export const missingSecret = missingReferenceRule('missing-secret', 'Secret', 'error');
