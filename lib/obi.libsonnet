// OpenTelemetry eBPF Instrumentation (OBI, formerly Grafana Beyla): zero-code traces and RED
// metrics for every HTTP/gRPC/SQL/... service on the node, exported over OTLP to Alloy, plus a
// Prometheus endpoint on 9090.
//
// PRIVILEGE EXCEPTION. This is the only privileged workload of the stack, by necessity: OBI loads
// eBPF programs into the kernel and attaches them to other processes (bpf(), perf_event_open(),
// uprobes and kprobes), which needs CAP_BPF/CAP_PERFMON/CAP_SYS_ADMIN-level privileges, root, and
// the host's PID namespace (hostPID) to see the processes it instruments. It also mounts the
// host's cgroup hierarchy (read-only, to map processes to containers) and tracefs (to attach
// kprobes on kernels that need it). A privileged container always runs without a seccomp profile
// and with privilege escalation allowed, so those fields say so explicitly; its root filesystem
// stays read-only. The DaemonSet carries
// the mop.io/lint-disable annotation listing the checks this exception waives, and
// mop.io/lint-disable-reason explaining why. Not hostNetwork: network-flow metrics are not
// enabled, so the pod keeps cluster DNS and its NetworkPolicy applies.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#lintDisabledChecks':: 'The lint checks the OBI DaemonSet is exempt from (its mop.io/lint-disable annotation).',
  lintDisabledChecks:: [
    'privileged-container',
    'privilege-escalation-container',
    'run-as-non-root',
    'host-pid',
    'host-path',
    'sensitive-host-mounts',
    'writable-host-mount',
    'drop-net-raw-capability',
  ],

  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, configMap, daemonSet, service }.',
  new(config)::
    local c = config.components.obi;
    local component = k.mopComponent(config, 'obi');
    local ports = catalog.obi.ports;
    local alloyEndpoint = 'http://alloy.%s.svc.%s:%d' % [config.namespace, config.clusterDomain, catalog.alloy.ports['otlp-grpc']];

    local obiConfig = {
      log_level: c.logLevel,
      discovery: {
        instrument: [{ k8s_namespace: ns } for ns in c.instrumentNamespaces],
        // Never instrument the observability stack itself: its own traffic would feed back into it.
        exclude_instrument: [{ k8s_namespace: ns } for ns in [config.namespace] + c.excludeNamespaces],
      },
      attributes: {
        kubernetes: {
          enable: 'true',
          cluster_name: config.clusterName,
        },
      },
      otel_traces_export: { endpoint: alloyEndpoint, protocol: 'grpc' },
      otel_metrics_export: { endpoint: alloyEndpoint, protocol: 'grpc' },
      prometheus_export: { port: ports.metrics, path: '/metrics' },
    };
    local configYaml = k.yaml(obiConfig);
    local configPath = '/etc/obi/obi.yaml';

    rbac.forComponent(config, 'obi') + {
      configMap: k.configMap(config, component, 'obi', { 'obi.yaml': configYaml }),

      daemonSet: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: k.metadata(config, component, 'obi', annotations={
          'mop.io/lint-disable': std.join(',', $.lintDisabledChecks),
          'mop.io/lint-disable-reason': 'OBI loads eBPF programs into the kernel and attaches them to processes of other containers, which needs a privileged root container in the host PID namespace with the host cgroup and tracefs mounts; it is the only privileged workload of the stack.',
        }),
        spec: {
          selector: { matchLabels: component.selector },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(configYaml) },
            },
            spec: {
              serviceAccountName: 'obi',
              // OBI reads pods, services and nodes from the API to name what it observes.
              automountServiceAccountToken: true,
              // The processes to instrument live in other containers' PID namespaces.
              hostPID: true,
              containers: [{
                name: 'obi',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                env: [{ name: 'OTEL_EBPF_CONFIG_PATH', value: configPath }],
                ports: [k.containerPort('metrics', ports.metrics)],
                readinessProbe: k.httpProbe('metrics', '/metrics', initialDelaySeconds=15),
                livenessProbe: k.tcpProbe('metrics'),
                resources: c.resources,
                // See the privilege exception at the top of this file.
                securityContext: {
                  privileged: true,
                  allowPrivilegeEscalation: true,
                  runAsNonRoot: false,
                  runAsUser: 0,
                  readOnlyRootFilesystem: true,
                  seccompProfile: { type: 'Unconfined' },
                },
                volumeMounts: [
                  k.volumeMount('config', '/etc/obi', readOnly=true),
                  k.volumeMount('cgroup', '/sys/fs/cgroup', readOnly=true),
                  k.volumeMount('tracefs', '/sys/kernel/tracing'),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'obi'),
                { name: 'cgroup', hostPath: { path: '/sys/fs/cgroup', type: 'Directory' } },
                { name: 'tracefs', hostPath: { path: '/sys/kernel/tracing', type: 'Directory' } },
                k.emptyDirVolume('tmp'),
              ],
            } + k.placement(config, 'obi', daemonSet=true),
          },
        },
      },

      service: k.service(config, component, 'obi', [k.servicePort('metrics', ports.metrics)]),
    },
}
