import { describe, expect, test } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import {
  asArray,
  asObject,
  cached,
  environmentNames,
  evaluateEnvironment,
  evaluateExample,
  extractManifests,
  isObject,
  podSpec,
  podTemplateLabels,
  type Extracted,
  type Manifest,
} from './stack-helpers.js';

interface Workload {
  path: string;
  manifest: Manifest;
  pod: JsonObject;
  containers: JsonObject[];
}

async function workloads(env: string): Promise<Workload[]> {
  const manifests = extractManifests(await cached(`env:${env}`, () => evaluateEnvironment(env)));
  return manifests.flatMap(({ path, manifest }) => {
    const pod = podSpec(manifest);
    if (!pod) return [];
    const containers = [...asArray(pod.initContainers), ...asArray(pod.containers)].filter(isObject);
    return [{ path, manifest, pod, containers }];
  });
}

async function manifests(env: string): Promise<Extracted[]> {
  return extractManifests(await cached(`env:${env}`, () => evaluateEnvironment(env)));
}

/** The value a container runs with: its own securityContext field, else the pod's. */
function effective(container: JsonObject, pod: JsonObject, field: string): JsonValue | undefined {
  const own = isObject(container.securityContext) ? container.securityContext[field] : undefined;
  if (own !== undefined) return own;
  return isObject(pod.securityContext) ? pod.securityContext[field] : undefined;
}

function isObi(workload: Workload): boolean {
  return workload.manifest.metadata.name === 'obi';
}

/** image references: repository[:tag] after the last '/', or a digest. */
function imageTag(image: string): string | undefined {
  if (image.includes('@sha256:')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : image.slice(colon + 1);
}

describe('containers', () => {
  for (const env of environmentNames) {
    test(`${env}: pinned images, requests and limits, probes on declared ports`, async () => {
      const all = await workloads(env);
      expect(all.map((w) => `${w.manifest.kind}/${String(w.manifest.metadata.name)}`).sort()).toEqual([
        'DaemonSet/obi',
        'Deployment/alloy',
        'Deployment/grafana',
        'StatefulSet/loki',
        'StatefulSet/mimir',
        'StatefulSet/tempo',
      ]);
      for (const { path, containers } of all) {
        for (const container of containers) {
          const where = `${path} ${String(container.name)}`;
          const tag = imageTag(String(container.image));
          expect(tag, where).toBeDefined();
          expect(tag, where).not.toBe('latest');
          expect(tag, where).not.toBe('main');
          expect(container.imagePullPolicy, where).toBe('IfNotPresent');

          const resources = asObject(container.resources, `${where} resources`);
          for (const kind of ['requests', 'limits']) {
            const values = asObject(resources[kind], `${where} ${kind}`);
            expect(values.cpu, `${where} ${kind}.cpu`).toBeTruthy();
            expect(values.memory, `${where} ${kind}.memory`).toBeTruthy();
          }

          const portNames = new Set(asArray(container.ports).filter(isObject).map((p) => p.name));
          for (const probeName of ['livenessProbe', 'readinessProbe']) {
            const probe = asObject(container[probeName], `${where} ${probeName}`);
            const handler = asObject(probe.httpGet ?? probe.tcpSocket ?? probe.grpc, `${where} ${probeName} handler`);
            // A declared port, by name (kube-linter liveness-port / readiness-port).
            expect(typeof handler.port, `${where} ${probeName}`).toBe('string');
            expect(portNames.has(handler.port), `${where} ${probeName} port ${String(handler.port)}`).toBe(true);
          }
        }
      }
    });

    test(`${env}: every container but OBI's is locked down (restricted profile)`, async () => {
      for (const workload of (await workloads(env)).filter((w) => !isObi(w))) {
        const { path, pod, containers } = workload;
        const podContext = asObject(pod.securityContext, `${path} pod securityContext`);
        expect(podContext.runAsNonRoot, path).toBe(true);
        expect(podContext.runAsUser, path).toBeGreaterThan(0);
        expect(podContext.runAsGroup, `${path} root group`).toBeGreaterThan(0);
        expect(pod.hostPID ?? false, path).toBe(false);
        expect(pod.hostNetwork ?? false, path).toBe(false);
        expect(pod.hostIPC ?? false, path).toBe(false);
        for (const volume of asArray(pod.volumes).filter(isObject)) expect(volume.hostPath, `${path} hostPath`).toBeUndefined();

        for (const container of containers) {
          const where = `${path} ${String(container.name)}`;
          const context = asObject(container.securityContext, `${where} securityContext`);
          expect(effective(container, pod, 'runAsNonRoot'), where).toBe(true);
          expect(context.allowPrivilegeEscalation, where).toBe(false);
          expect(context.privileged ?? false, where).toBe(false);
          expect(asObject(context.capabilities, `${where} capabilities`).drop, where).toEqual(['ALL']);
          expect(asObject(context.capabilities, `${where} capabilities`).add, where).toBeUndefined();
          expect(asObject(effective(container, pod, 'seccompProfile'), `${where} seccomp`).type, where).toBe('RuntimeDefault');
          expect(context.readOnlyRootFilesystem, where).toBe(true);
          // A read-only root needs somewhere to write: every writable mount is an emptyDir or a volume claim.
          const volumes = new Map(asArray(pod.volumes).filter(isObject).map((v) => [v.name, v]));
          const claims = new Set(
            asArray(asObject(workload.manifest.spec, 'spec').volumeClaimTemplates)
              .filter(isObject)
              .map((t) => asObject(t.metadata, 'claim metadata').name),
          );
          const writable = asArray(container.volumeMounts)
            .filter(isObject)
            .filter((m) => m.readOnly !== true);
          expect(writable.some((m) => m.mountPath === '/tmp'), `${where} writable /tmp`).toBe(true);
          for (const mount of writable) {
            const volume = volumes.get(mount.name);
            expect(claims.has(mount.name) || isObject(volume?.emptyDir), `${where} ${String(mount.mountPath)}`).toBe(true);
          }
          for (const mount of asArray(container.volumeMounts).filter(isObject)) {
            const volume = volumes.get(mount.name);
            if (isObject(volume?.configMap)) expect(mount.readOnly, `${where} config mounts are read-only`).toBe(true);
          }
        }
      }
    });

    test(`${env}: OBI is the one privileged workload, and says why`, async () => {
      const all = await workloads(env);
      const privileged = all.filter((w) =>
        w.containers.some((c) => isObject(c.securityContext) && c.securityContext.privileged === true),
      );
      expect(privileged.map((w) => w.manifest.metadata.name)).toEqual(['obi']);
      const obi = privileged[0];
      expect(obi.manifest.kind).toBe('DaemonSet');
      expect(obi.pod.hostPID).toBe(true);
      expect(obi.pod.hostNetwork ?? false).toBe(false);
      const annotations = asObject(obi.manifest.metadata.annotations, 'obi annotations');
      const disabled = String(annotations['mop.io/lint-disable']).split(',');
      expect(disabled).toEqual(expect.arrayContaining(['privileged-container', 'host-pid', 'run-as-non-root', 'sensitive-host-mounts']));
      expect(String(annotations['mop.io/lint-disable-reason'])).toMatch(/eBPF/);
      // The mounts eBPF needs, the host cgroup tree read-only.
      const mounts = asArray(obi.containers[0].volumeMounts).filter(isObject);
      expect(mounts.find((m) => m.mountPath === '/sys/fs/cgroup')?.readOnly).toBe(true);
      expect(mounts.some((m) => m.mountPath === '/sys/kernel/tracing')).toBe(true);
      // Nobody else carries the exemption.
      for (const { manifest } of await manifests(env)) {
        if (manifest.metadata.name === 'obi' && manifest.kind === 'DaemonSet') continue;
        expect(isObject(manifest.metadata.annotations) ? manifest.metadata.annotations['mop.io/lint-disable'] : undefined).toBeUndefined();
      }
    });
  }

  test('Grafana runs as 472 with fsGroup 472 and a writable data volume', async () => {
    const grafana = (await workloads('production')).find((w) => w.manifest.metadata.name === 'grafana');
    const context = asObject(grafana?.pod.securityContext, 'grafana securityContext');
    expect(context.runAsUser).toBe(472);
    expect(context.fsGroup).toBe(472);
    const data = asArray(grafana?.containers[0].volumeMounts)
      .filter(isObject)
      .find((m) => m.mountPath === '/var/lib/grafana');
    expect(data?.readOnly).toBeUndefined();
  });

  test('only OBI and Alloy mount a ServiceAccount token', async () => {
    const mounting = (await workloads('dev'))
      .filter((w) => w.pod.automountServiceAccountToken === true)
      .map((w) => w.manifest.metadata.name)
      .sort();
    expect(mounting).toEqual(['alloy', 'obi']);
    for (const w of await workloads('dev')) expect(typeof w.pod.automountServiceAccountToken).toBe('boolean');
  });
});

describe('workload wiring', () => {
  for (const env of environmentNames) {
    test(`${env}: selectors match pod templates, Services select a workload, ServiceAccounts exist`, async () => {
      const all = await manifests(env);
      const pods = (await workloads(env)).map((w) => ({ ...w, labels: podTemplateLabels(w.manifest) }));
      const accounts = new Set(all.filter(({ manifest }) => manifest.kind === 'ServiceAccount').map(({ manifest }) => manifest.metadata.name));
      const configMaps = new Set(all.filter(({ manifest }) => manifest.kind === 'ConfigMap').map(({ manifest }) => manifest.metadata.name));
      const matches = (selector: JsonObject, labels: Record<string, string>): boolean =>
        Object.entries(selector).every(([key, value]) => labels[key] === value);

      for (const pod of pods) {
        const selector = asObject(asObject(asObject(pod.manifest.spec, 'spec').selector, 'selector').matchLabels, 'matchLabels');
        expect(matches(selector, pod.labels), `${pod.path} selector`).toBe(true);
        expect(accounts.has(pod.pod.serviceAccountName), `${pod.path} serviceAccountName`).toBe(true);
        for (const volume of asArray(pod.pod.volumes).filter(isObject)) {
          if (isObject(volume.configMap)) expect(configMaps.has(volume.configMap.name), `${pod.path} configMap`).toBe(true);
        }
        if (pod.manifest.kind === 'StatefulSet') {
          const serviceName = asObject(pod.manifest.spec, 'spec').serviceName;
          const headless = all.find(({ manifest }) => manifest.kind === 'Service' && manifest.metadata.name === serviceName);
          expect(asObject(headless?.manifest.spec, `${pod.path} headless`).clusterIP).toBe('None');
        }
      }

      for (const { path, manifest } of all.filter(({ manifest }) => manifest.kind === 'Service')) {
        const spec = asObject(manifest.spec, `${path} spec`);
        const selector = asObject(spec.selector, `${path} selector`);
        const targets = pods.filter((pod) => matches(selector, pod.labels));
        expect(targets.length, `${path} selects one workload`).toBe(1);
        const portNames = new Set(
          targets[0].containers.flatMap((c) => asArray(c.ports).filter(isObject).map((p) => p.name)),
        );
        for (const port of asArray(spec.ports).filter(isObject)) {
          expect(portNames.has(port.targetPort), `${path} targetPort ${String(port.targetPort)}`).toBe(true);
        }
      }

      for (const { path, manifest } of all.filter(({ manifest }) => manifest.kind === 'PodDisruptionBudget')) {
        const selector = asObject(asObject(asObject(manifest.spec, 'spec').selector, 'selector').matchLabels, 'matchLabels');
        const targets = pods.filter((pod) => matches(selector, pod.labels));
        expect(targets.length, path).toBe(1);
        expect(asObject(targets[0].manifest.spec, 'spec').replicas, path).toBeGreaterThan(1);
      }
    });
  }

  test('the minimal example keeps the same rules', async () => {
    const all = extractManifests(await evaluateExample('minimal.jsonnet'));
    for (const { manifest } of all) {
      const pod = podSpec(manifest);
      if (!pod) continue;
      for (const container of asArray(pod.containers).filter(isObject)) {
        expect(asObject(container.securityContext, 'securityContext').allowPrivilegeEscalation).toBe(false);
        expect(container.livenessProbe).toBeDefined();
      }
    }
  });
});
