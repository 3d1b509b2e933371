// Prometheus node_exporter on every node.
//
// HOST ACCESS EXCEPTION, kept to what host metrics need. node_exporter reports the node, not its
// own container, so it
// - uses the host network (hostNetwork): network device statistics are those of the network
//   namespace the process lives in, and the port (9100) is the node's, where Prometheus scrapes it;
// - mounts the host's /proc, /sys and / read-only (--path.procfs, --path.sysfs, --path.rootfs):
//   CPU, memory, disk, filesystem and pressure statistics of the host. The host root is mounted
//   with HostToContainer propagation so filesystems mounted later are seen too.
// It does NOT use the host PID or IPC namespace, is not privileged, runs as nobody (65534) with
// every capability dropped and a read-only root filesystem. The DaemonSet carries the
// mop.io/lint-disable annotation naming the waived checks and mop.io/lint-disable-reason.
// NetworkPolicies do not apply to host-network pods: Prometheus reaches it by node address
// (network.nodeCidrs).
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#lintDisabledChecks':: 'The lint checks the node-exporter DaemonSet is exempt from (its mop.io/lint-disable annotation).',
  lintDisabledChecks:: ['host-network', 'host-path', 'sensitive-host-mounts'],

  '#new':: 'new(config) returns { serviceAccount, daemonSet, service }.',
  new(config)::
    local c = config.components.nodeExporter;
    local component = k.mopComponent(config, 'nodeExporter');
    local ports = catalog.nodeExporter.ports;
    local hostPath(name, path) = { name: name, hostPath: { path: path, type: 'Directory' } };

    rbac.forComponent(config, 'nodeExporter') + {
      daemonSet: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: k.metadata(config, component, component.name, annotations=k.lintDisable(
          $.lintDisabledChecks,
          "node_exporter reports the host, not its container: it needs the host network (the node's network devices, and the node address Prometheus scrapes) and the host's /proc, /sys and / mounted read-only; it runs as nobody, unprivileged, with every capability dropped.",
        )),
        spec: {
          selector: { matchLabels: component.selector },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: { labels: component.labels },
            spec: {
              serviceAccountName: component.name,
              automountServiceAccountToken: false,
              hostNetwork: true,
              securityContext: k.podSecurityContext(catalog.nodeExporter.user),
              containers: [{
                name: 'node-exporter',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--path.procfs=/host/proc',
                  '--path.sysfs=/host/sys',
                  '--path.rootfs=/host/root',
                  '--web.listen-address=:%d' % ports.metrics,
                  '--collector.filesystem.mount-points-exclude=^/(dev|proc|sys|run/containerd/.+|var/lib/docker/.+|var/lib/kubelet/.+)($|/)',
                ],
                ports: [k.containerPort('metrics', ports.metrics)],
                readinessProbe: k.httpProbe('metrics', '/', initialDelaySeconds=5),
                livenessProbe: k.tcpProbe('metrics'),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('proc', '/host/proc', readOnly=true),
                  k.volumeMount('sys', '/host/sys', readOnly=true),
                  k.volumeMount('root', '/host/root', readOnly=true) + { mountPropagation: 'HostToContainer' },
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                hostPath('proc', '/proc'),
                hostPath('sys', '/sys'),
                hostPath('root', '/'),
                k.emptyDirVolume('tmp', '64Mi'),
              ],
            } + k.placement(config, 'nodeExporter', daemonSet=true),
          },
        },
      },

      // Prometheus discovers the node addresses behind it, one target per node.
      service: k.service(config, component, component.name, [k.servicePort('metrics', ports.metrics)]),
    },
}
