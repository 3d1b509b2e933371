/** Workloads only run as ServiceAccounts that exist in the environment (`default` always exists). */
import { missingReferenceRule } from '../k8s/missing-reference.js';

export const missingServiceAccount = missingReferenceRule('missing-service-account', 'ServiceAccount', 'error');
