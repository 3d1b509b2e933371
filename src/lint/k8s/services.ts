/** Services and the workloads they select, shared by the Service and endpoint rules. */
import type { JsonObject } from '../../engine/types.js';
import type { ManifestIndex, Workload } from './index-store.js';
import { objectAt, stringMap } from './json.js';
import { kindOf, namespaceOf } from './objects.js';
import { mapSelectorMatches } from './selectors.js';

/** The Service's selector, or undefined when it has none (manual Endpoints, ExternalName). */
export function serviceSelector(service: JsonObject): Record<string, string> | undefined {
  if (kindOf(service) !== 'Service') return undefined;
  const spec = objectAt(service.spec);
  if (spec.type === 'ExternalName') return undefined;
  const selector = stringMap(spec.selector);
  return Object.keys(selector).length === 0 ? undefined : selector;
}

/** The workloads of the environment whose pods a Service selects (same namespace). */
export function selectedWorkloads(service: JsonObject, index: ManifestIndex, defaultNamespace: string): Workload[] {
  const selector = serviceSelector(service);
  if (!selector) return [];
  const namespace = namespaceOf(service) ?? defaultNamespace;
  return index.workloads.filter((w) => (namespaceOf(w.object) ?? defaultNamespace) === namespace && mapSelectorMatches(selector, w.pod.labels));
}
