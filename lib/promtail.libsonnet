// Promtail on every node: tails the container log files of the node's pods and pushes them to
// Loki. Kept for compatibility with the seed's stack; Promtail is deprecated upstream and
// alloy-logs.libsonnet (components.alloyLogs) supersedes it: Alloy tails the same logs through the
// Kubernetes API without root or host paths. Enable one of the two (the configuration refuses both).
//
// HOST ACCESS EXCEPTION. Container logs are files of the kubelet (/var/log/pods, root-owned, mode
// 0640), so Promtail runs as root and mounts /var/log/pods read-only; it keeps its read positions
// in a host directory (/run/promtail, the one writable host path) so that a restarted Promtail
// neither re-sends nor skips lines. Not privileged, no host network or PID namespace, no privilege
// escalation, every capability dropped, read-only root filesystem. The DaemonSet carries
// mop.io/lint-disable and its reason.
//
// Promtail discovers pods cluster-wide (role pod, hence its ClusterRole) and keeps the targets of
// its own node: the __host__ label against HOSTNAME, which the downward API sets to the node name.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#lintDisabledChecks':: 'The lint checks the Promtail DaemonSet is exempt from (its mop.io/lint-disable annotation).',
  lintDisabledChecks:: ['run-as-non-root', 'host-path', 'writable-host-mount', 'deprecated-image'],

  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, configMap, daemonSet, service }.',
  new(config)::
    local c = config.components.promtail;
    local component = k.mopComponent(config, 'promtail');
    local ports = catalog.promtail.ports;
    local positionsDir = '/run/promtail';
    local lokiPush = 'http://loki.%s.svc.%s:%d/loki/api/v1/push' % [config.namespace, config.clusterDomain, catalog.loki.ports.http];
    local promtailConfig = {
      server: { http_listen_port: ports.http, grpc_listen_port: 0, log_level: 'info' },
      positions: { filename: positionsDir + '/positions.yaml' },
      clients: [{ url: lokiPush, external_labels: { cluster: config.clusterName } }],
      scrape_configs: [{
        job_name: 'kubernetes-pods',
        // Container runtimes write CRI-formatted lines (timestamp, stream, flags, message).
        pipeline_stages: [{ cri: {} }],
        kubernetes_sd_configs: [{ role: 'pod' }],
        relabel_configs: [
          { source_labels: ['__meta_kubernetes_pod_node_name'], target_label: '__host__' },
          { source_labels: ['__meta_kubernetes_namespace'], target_label: 'namespace' },
          { source_labels: ['__meta_kubernetes_pod_name'], target_label: 'pod' },
          { source_labels: ['__meta_kubernetes_pod_container_name'], target_label: 'container' },
          { source_labels: ['__meta_kubernetes_pod_node_name'], target_label: 'node' },
          { source_labels: ['__meta_kubernetes_pod_label_app_kubernetes_io_name'], target_label: 'app' },
          {
            source_labels: ['__meta_kubernetes_pod_uid', '__meta_kubernetes_pod_container_name'],
            separator: '/',
            target_label: '__path__',
            replacement: '/var/log/pods/*$1/*.log',
          },
        ],
      }],
    };
    local configYaml = k.yaml(promtailConfig);

    rbac.forComponent(config, 'promtail') + {
      configMap: k.configMap(config, component, 'promtail', { 'promtail.yaml': configYaml }),

      daemonSet: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: k.metadata(config, component, 'promtail', annotations=k.lintDisable(
          $.lintDisabledChecks,
          'Promtail tails the root-owned container log files of its node (/var/log/pods, read-only) and keeps its read positions in /run/promtail on the host so restarts neither re-send nor skip lines; it runs as root, unprivileged, with every capability dropped. It is deprecated upstream and kept for compatibility with the seed stack: alloyLogs supersedes it without root or host paths.',
        )),
        spec: {
          selector: { matchLabels: component.selector },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(configYaml) },
            },
            spec: {
              serviceAccountName: 'promtail',
              // Pod discovery reads the API.
              automountServiceAccountToken: true,
              securityContext: {
                runAsNonRoot: false,
                runAsUser: 0,
                runAsGroup: 0,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              containers: [{
                name: 'promtail',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['-config.file=/etc/promtail/promtail.yaml'],
                env: [{ name: 'HOSTNAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
                ports: [k.containerPort('http', ports.http)],
                readinessProbe: k.httpProbe('http', '/ready', initialDelaySeconds=10),
                livenessProbe: k.tcpProbe('http'),
                resources: c.resources,
                securityContext: {
                  runAsNonRoot: false,
                  runAsUser: 0,
                  allowPrivilegeEscalation: false,
                  privileged: false,
                  readOnlyRootFilesystem: true,
                  capabilities: { drop: ['ALL'] },
                  seccompProfile: { type: 'RuntimeDefault' },
                },
                volumeMounts: [
                  k.volumeMount('config', '/etc/promtail', readOnly=true),
                  k.volumeMount('pod-logs', '/var/log/pods', readOnly=true),
                  k.volumeMount('positions', positionsDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'promtail'),
                { name: 'pod-logs', hostPath: { path: '/var/log/pods', type: 'Directory' } },
                { name: 'positions', hostPath: { path: positionsDir, type: 'DirectoryOrCreate' } },
                k.emptyDirVolume('tmp', '64Mi'),
              ],
            } + k.placement(config, 'promtail', daemonSet=true),
          },
        },
      },

      // Prometheus discovers each pod behind it (one endpoint per node).
      service: k.service(config, component, 'promtail', [k.servicePort('http', ports.http)]),
    },
}
