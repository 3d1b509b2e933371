import { describe, expect, test } from 'vitest';
import type { JsonObject, JsonValue } from '../../src/engine/types.js';
import {
  allEnvironmentNames,
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

/** The lint checks a workload is exempt from (its mop.io/lint-disable annotation). */
function waived(workload: Workload): Set<string> {
  const annotations = isObject(workload.manifest.metadata.annotations) ? workload.manifest.metadata.annotations : {};
  const value = annotations['mop.io/lint-disable'];
  return new Set(typeof value === 'string' ? value.split(',') : []);
}

/** The workloads of each environment. */
const expectedWorkloads: Record<string, string[]> = {
  mop: ['DaemonSet/obi', 'Deployment/alloy', 'Deployment/grafana', 'StatefulSet/loki', 'StatefulSet/mimir', 'StatefulSet/tempo'],
  'calo-lab': [
    'DaemonSet/cadvisor',
    'DaemonSet/node-exporter',
    'DaemonSet/promtail',
    'Deployment/blackbox-exporter',
    'Deployment/grafana',
    'Deployment/kube-state-metrics',
    'Deployment/mongodb-exporter',
    'Deployment/mtr-exporter',
    'Deployment/postgres-exporter',
    'Deployment/redis-exporter',
    'Deployment/smokeping-prober',
    'StatefulSet/alertmanager',
    'StatefulSet/loki',
    'StatefulSet/prometheus',
    'StatefulSet/tempo',
  ],
  homelab: ['DaemonSet/alloy-logs', 'Deployment/grafana', 'StatefulSet/loki', 'StatefulSet/tempo'],
};
/** The workloads with host access, each waiving exactly these checks. */
const expectedWaivers: Record<string, Record<string, string[]>> = {
  mop: {
    obi: ['drop-net-raw-capability', 'host-pid', 'privilege-escalation-container', 'privileged-container', 'run-as-non-root', 'sensitive-host-mounts'],
  },
  'calo-lab': {
    cadvisor: ['host-path', 'run-as-non-root', 'sensitive-host-mounts'],
    'node-exporter': ['host-network', 'host-path', 'sensitive-host-mounts'],
    promtail: ['deprecated-image', 'host-path', 'run-as-non-root', 'writable-host-mount'],
  },
  homelab: {},
};
/** The workloads that call the Kubernetes API (and so mount a ServiceAccount token). */
const expectedTokens: Record<string, string[]> = {
  mop: ['alloy', 'obi'],
  'calo-lab': ['kube-state-metrics', 'prometheus', 'promtail'],
  homelab: ['alloy-logs'],
};
const kindOf = (env: string): string => ((environmentNames as readonly string[]).includes(env) ? 'mop' : env);

/** image references: repository[:tag] after the last '/', or a digest. */
function imageTag(image: string): string | undefined {
  if (image.includes('@sha256:')) return 'digest';
  const lastSlash = image.lastIndexOf('/');
  const colon = image.indexOf(':', lastSlash + 1);
  return colon === -1 ? undefined : image.slice(colon + 1);
}

describe('containers', () => {
  for (const env of allEnvironmentNames) {
    test(`${env}: pinned images, requests and limits, probes on declared ports`, async () => {
      const all = await workloads(env);
      expect(all.map((w) => `${w.manifest.kind}/${String(w.manifest.metadata.name)}`).sort()).toEqual(expectedWorkloads[kindOf(env)]);
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

    test(`${env}: every container is locked down, except for the checks its workload waives (and says why)`, async () => {
      for (const workload of await workloads(env)) {
        const { path, pod, containers } = workload;
        const waivers = waived(workload);
        // OBI's privileged container sets everything itself.
        const podContext = isObject(pod.securityContext) ? pod.securityContext : {};
        if (!waivers.has('run-as-non-root')) {
          expect(podContext.runAsNonRoot, path).toBe(true);
          expect(podContext.runAsUser, path).toBeGreaterThan(0);
          expect(podContext.runAsGroup, `${path} root group`).toBeGreaterThan(0);
        }
        expect(pod.hostPID ?? false, path).toBe(waivers.has('host-pid'));
        expect(pod.hostNetwork ?? false, path).toBe(waivers.has('host-network'));
        expect(pod.hostIPC ?? false, path).toBe(false);
        const volumes = new Map(asArray(pod.volumes).filter(isObject).map((v) => [v.name, v]));
        const hostPaths = [...volumes.values()].filter((v) => isObject(v.hostPath));
        expect(hostPaths.length > 0, `${path} hostPath`).toBe(waivers.has('host-path'));
        // Only the ping sysctl, which the restricted profile allows.
        for (const sysctl of asArray(podContext.sysctls).filter(isObject)) expect(sysctl.name, path).toBe('net.ipv4.ping_group_range');
        // Secrets are created outside the stack: every reference is optional.
        for (const volume of volumes.values()) {
          if (isObject(volume.secret)) expect(volume.secret.optional, `${path} secret volume`).toBe(true);
        }

        for (const container of containers) {
          const where = `${path} ${String(container.name)}`;
          const context = asObject(container.securityContext, `${where} securityContext`);
          const privileged = waivers.has('privileged-container');
          if (!waivers.has('run-as-non-root')) expect(effective(container, pod, 'runAsNonRoot'), where).toBe(true);
          expect(context.allowPrivilegeEscalation, where).toBe(waivers.has('privilege-escalation-container'));
          expect(context.privileged ?? false, where).toBe(privileged);
          if (!privileged) {
            expect(asObject(context.capabilities, `${where} capabilities`).drop, where).toEqual(['ALL']);
            expect(asObject(context.capabilities, `${where} capabilities`).add, where).toBeUndefined();
            expect(asObject(effective(container, pod, 'seccompProfile'), `${where} seccomp`).type, where).toBe('RuntimeDefault');
          }
          expect(context.readOnlyRootFilesystem, where).toBe(true);
          for (const env of asArray(container.env).filter(isObject)) {
            const ref = isObject(env.valueFrom) && isObject(env.valueFrom.secretKeyRef) ? env.valueFrom.secretKeyRef : undefined;
            if (ref) expect(ref.optional, `${where} ${String(env.name)}`).toBe(true);
            // No credentials in plain values.
            if (typeof env.value === 'string') expect(env.value, `${where} ${String(env.name)}`).not.toMatch(/:\/\/[^/@\s]+:[^/@\s]+@/);
          }
          // A read-only root needs somewhere to write: every writable mount is an emptyDir or a
          // volume claim (or, for a workload waiving writable-host-mount, its host directory).
          const claims = new Set(
            asArray(asObject(workload.manifest.spec, 'spec').volumeClaimTemplates)
              .filter(isObject)
              .map((t) => asObject(t.metadata, 'claim metadata').name),
          );
          const mounts = asArray(container.volumeMounts).filter(isObject);
          const writable = mounts.filter((m) => m.readOnly !== true);
          expect(writable.some((m) => m.mountPath === '/tmp'), `${where} writable /tmp`).toBe(true);
          for (const mount of writable) {
            const volume = volumes.get(mount.name);
            const ok =
              claims.has(mount.name) ||
              isObject(volume?.emptyDir) ||
              isObject(volume?.persistentVolumeClaim) ||
              (isObject(volume?.hostPath) && (privileged || waivers.has('writable-host-mount')));
            expect(ok, `${where} ${String(mount.mountPath)}`).toBe(true);
          }
          for (const mount of mounts) {
            const volume = volumes.get(mount.name);
            if (isObject(volume?.configMap) || isObject(volume?.secret)) expect(mount.readOnly, `${where} config mounts are read-only`).toBe(true);
            // Host paths are read-only, except the one a writable-host-mount waiver covers.
            if (isObject(volume?.hostPath) && !privileged && !(waivers.has('writable-host-mount') && String(mount.mountPath).startsWith('/run/'))) {
              expect(mount.readOnly, `${where} ${String(mount.mountPath)} host path is read-only`).toBe(true);
            }
          }
        }
      }
    });

    test(`${env}: the workloads with host access are the expected ones, and say why`, async () => {
      const all = await workloads(env);
      const exempt = Object.fromEntries(
        all.filter((w) => waived(w).size > 0).map((w) => [String(w.manifest.metadata.name), [...waived(w)].sort()]),
      );
      // OBI's own list belongs to lib/obi.libsonnet; it includes at least these.
      if (kindOf(env) === 'mop') {
        expect(Object.keys(exempt)).toEqual(['obi']);
        expect(exempt.obi).toEqual(expect.arrayContaining(expectedWaivers.mop.obi));
      } else {
        expect(exempt).toEqual(expectedWaivers[kindOf(env)]);
      }
      for (const workload of all.filter((w) => waived(w).size > 0)) {
        const annotations = asObject(workload.manifest.metadata.annotations, 'annotations');
        expect(String(annotations['mop.io/lint-disable-reason']).length, workload.path).toBeGreaterThan(40);
      }
      // Only OBI is privileged.
      const privileged = all.filter((w) => w.containers.some((c) => isObject(c.securityContext) && c.securityContext.privileged === true));
      expect(privileged.map((w) => w.manifest.metadata.name)).toEqual(kindOf(env) === 'mop' ? ['obi'] : []);
      // Nothing but workloads carries the exemption.
      for (const { manifest } of await manifests(env)) {
        if (podSpec(manifest)) continue;
        expect(isObject(manifest.metadata.annotations) ? manifest.metadata.annotations['mop.io/lint-disable'] : undefined).toBeUndefined();
      }
    });

    test(`${env}: only the components that call the Kubernetes API mount a ServiceAccount token`, async () => {
      const all = await workloads(env);
      const mounting = all
        .filter((w) => w.pod.automountServiceAccountToken === true)
        .map((w) => w.manifest.metadata.name)
        .sort();
      expect(mounting).toEqual(expectedTokens[kindOf(env)]);
      for (const w of all) expect(typeof w.pod.automountServiceAccountToken).toBe('boolean');
    });
  }

  for (const env of environmentNames) {
    test(`${env}: OBI is the one privileged workload, and says why`, async () => {
      const all = await workloads(env);
      const obi = all.find((w) => w.manifest.metadata.name === 'obi') as Workload;
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
    });
  }

  test('calo-lab: the host access of node-exporter, cAdvisor and Promtail is what they need and nothing more', async () => {
    const all = await workloads('calo-lab');
    const byName = (name: string): Workload => all.find((w) => w.manifest.metadata.name === name) as Workload;
    const hostPaths = (w: Workload): Record<string, string> =>
      Object.fromEntries(
        asArray(w.containers[0].volumeMounts)
          .filter(isObject)
          .flatMap((m) => {
            const volume = asArray(w.pod.volumes).filter(isObject).find((v) => v.name === m.name);
            return isObject(volume?.hostPath) ? [[String(volume.hostPath.path), `${String(m.mountPath)}${m.readOnly === true ? ' ro' : ' rw'}`]] : [];
          }),
      );
    const nodeExporter = byName('node-exporter');
    expect(hostPaths(nodeExporter)).toEqual({ '/proc': '/host/proc ro', '/sys': '/host/sys ro', '/': '/host/root ro' });
    expect(nodeExporter.pod.hostNetwork).toBe(true);
    expect(asObject(nodeExporter.pod.securityContext, 'sc').runAsUser).toBe(65534);
    const args = asArray(nodeExporter.containers[0].args);
    expect(args).toEqual(expect.arrayContaining(['--path.procfs=/host/proc', '--path.sysfs=/host/sys', '--path.rootfs=/host/root']));
    const cadvisor = byName('cadvisor');
    expect(hostPaths(cadvisor)).toEqual({ '/': '/rootfs ro', '/var/run': '/var/run ro', '/sys': '/sys ro', '/dev/disk': '/dev/disk ro' });
    expect(cadvisor.pod.hostNetwork ?? false).toBe(false);
    const promtail = byName('promtail');
    expect(hostPaths(promtail)).toEqual({ '/var/log/pods': '/var/log/pods ro', '/run/promtail': '/run/promtail rw' });
    // The probers ping without CAP_NET_RAW, through the ping sysctl.
    for (const name of ['blackbox-exporter', 'smokeping-prober', 'mtr-exporter']) {
      expect(asObject(byName(name).pod.securityContext, name).sysctls).toEqual([{ name: 'net.ipv4.ping_group_range', value: '0 2147483647' }]);
    }
  });

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

});

describe('workload wiring', () => {
  for (const env of allEnvironmentNames) {
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
