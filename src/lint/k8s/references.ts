/**
 * What a workload's pods need to exist before they can start: the ConfigMaps, Secrets,
 * ServiceAccount and PersistentVolumeClaims they name, with where they name them and whether the
 * reference is optional (`optional: true` lets the pod start without it).
 */
import type { JsonObject } from '../../engine/types.js';
import { objectAt, objectsAt, stringAt, under } from './json.js';
import { containersOf, type PodTemplate } from './objects.js';

export type ReferencedKind = 'ConfigMap' | 'Secret' | 'ServiceAccount' | 'PersistentVolumeClaim';

export interface Reference {
  kind: ReferencedKind;
  name: string;
  optional: boolean;
  /** JSON pointer of the reference. */
  path: string;
  /** How it is used, for messages: `volume "config"`, `env TOKEN of container "app"`. */
  use: string;
}

function optional(source: JsonObject): boolean {
  return source.optional === true;
}

export function podReferences(pod: PodTemplate): Reference[] {
  const refs: Reference[] = [];
  const spec = pod.spec;
  const account = stringAt(spec.serviceAccountName) ?? stringAt(spec.serviceAccount);
  if (account && account !== 'default') {
    refs.push({ kind: 'ServiceAccount', name: account, optional: false, path: under(pod.specPointer, spec.serviceAccountName ? 'serviceAccountName' : 'serviceAccount'), use: 'the pod' });
  }
  objectsAt(spec.imagePullSecrets).forEach((secret, i) => {
    const name = stringAt(secret.name);
    // Without its pull secret the kubelet pulls anonymously: fine for public images only.
    if (name) refs.push({ kind: 'Secret', name, optional: false, path: under(pod.specPointer, 'imagePullSecrets', i, 'name'), use: 'imagePullSecrets' });
  });
  objectsAt(spec.volumes).forEach((volume, i) => {
    const at = (...rest: Array<string | number>) => under(pod.specPointer, 'volumes', i, ...rest);
    const use = `volume "${stringAt(volume.name) ?? i}"`;
    const configMap = objectAt(volume.configMap);
    const cm = stringAt(configMap.name);
    if (cm) refs.push({ kind: 'ConfigMap', name: cm, optional: optional(configMap), path: at('configMap', 'name'), use });
    const secret = objectAt(volume.secret);
    const sn = stringAt(secret.secretName);
    if (sn) refs.push({ kind: 'Secret', name: sn, optional: optional(secret), path: at('secret', 'secretName'), use });
    const claim = stringAt(objectAt(volume.persistentVolumeClaim).claimName);
    if (claim) refs.push({ kind: 'PersistentVolumeClaim', name: claim, optional: false, path: at('persistentVolumeClaim', 'claimName'), use });
    objectsAt(objectAt(volume.projected).sources).forEach((source, j) => {
      for (const [key, kind] of [
        ['configMap', 'ConfigMap'],
        ['secret', 'Secret'],
      ] as const) {
        const ref = objectAt(source[key]);
        const name = stringAt(ref.name);
        if (name) refs.push({ kind, name, optional: optional(ref), path: at('projected', 'sources', j, key, 'name'), use });
      }
    });
  });
  for (const container of containersOf(pod)) {
    const who = `${container.init ? 'init container' : 'container'} "${container.name}"`;
    objectsAt(container.container.env).forEach((env, i) => {
      const from = objectAt(env.valueFrom);
      for (const [key, kind] of [
        ['configMapKeyRef', 'ConfigMap'],
        ['secretKeyRef', 'Secret'],
      ] as const) {
        const ref = objectAt(from[key]);
        const name = stringAt(ref.name);
        if (name) refs.push({ kind, name, optional: optional(ref), path: under(container.pointer, 'env', i, 'valueFrom', key, 'name'), use: `env ${stringAt(env.name) ?? i} of ${who}` });
      }
    });
    objectsAt(container.container.envFrom).forEach((env, i) => {
      for (const [key, kind] of [
        ['configMapRef', 'ConfigMap'],
        ['secretRef', 'Secret'],
      ] as const) {
        const ref = objectAt(env[key]);
        const name = stringAt(ref.name);
        if (name) refs.push({ kind, name, optional: optional(ref), path: under(container.pointer, 'envFrom', i, key, 'name'), use: `envFrom of ${who}` });
      }
    });
  }
  return refs;
}
