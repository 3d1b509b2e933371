// cAdvisor on every node: CPU, memory, network and disk metrics of every container.
//
// HOST ACCESS EXCEPTION, kept to what container metrics need. cAdvisor reads the host's cgroup
// hierarchy (/sys), the host's /proc and filesystems (the host root at /rootfs, read-only) and
// asks the container runtime (its socket under /var/run, mounted read-only) which container is
// which; the runtime's socket and state are root-owned, so the container runs as root. It is not
// privileged, uses neither the host network nor the host PID namespace, cannot escalate
// privileges, drops every capability and has a read-only root filesystem. Without
// CAP_SYS_PTRACE it cannot count other users' processes and file descriptors, so the process
// metrics are disabled; without /dev/kmsg it reports no OOM events (kube-state-metrics reports
// OOMKilled terminations). The DaemonSet carries mop.io/lint-disable and its reason.
//
// Metrics keep only the Kubernetes pod, namespace and container names of each container's labels
// (the Prometheus job turns them into namespace, pod and container labels).
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#lintDisabledChecks':: 'The lint checks the cAdvisor DaemonSet is exempt from (its mop.io/lint-disable annotation).',
  lintDisabledChecks:: ['run-as-non-root', 'host-path', 'sensitive-host-mounts'],

  '#new':: 'new(config) returns { serviceAccount, daemonSet, service } (plus nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.cadvisor;
    local component = k.mopComponent(config, 'cadvisor');
    local ports = catalog.cadvisor.ports;
    local hostPath(name, path) = { name: name, hostPath: { path: path, type: 'Directory' } };

    rbac.forComponent(config, 'cadvisor') + {
      daemonSet: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: k.metadata(config, component, component.name, annotations=k.lintDisable(
          $.lintDisabledChecks,
          "cAdvisor reads every container's cgroups, the host /proc and filesystems, and asks the container runtime over its root-owned socket which container is which: it runs as root with those host paths mounted read-only, unprivileged, with every capability dropped.",
        )),
        spec: {
          selector: { matchLabels: component.selector },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: { labels: component.labels },
            spec: {
              serviceAccountName: component.name,
              automountServiceAccountToken: false,
              securityContext: {
                runAsNonRoot: false,
                runAsUser: 0,
                runAsGroup: 0,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              terminationGracePeriodSeconds: 30,
              containers: [{
                name: 'cadvisor',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  '--port=%d' % ports.http,
                  '--housekeeping_interval=' + c.housekeepingInterval,
                  '--max_housekeeping_interval=15s',
                  '--event_storage_event_limit=default=0',
                  '--event_storage_age_limit=default=0',
                  '--disable_metrics=percpu,process,hugetlb,sched,tcp,udp,advtcp,referenced_memory,resctrl',
                  '--docker_only=false',
                  '--store_container_labels=false',
                  '--whitelisted_container_labels=io.kubernetes.container.name,io.kubernetes.pod.name,io.kubernetes.pod.namespace',
                ],
                ports: [k.containerPort('http', ports.http)],
                readinessProbe: k.httpProbe('http', '/healthz', initialDelaySeconds=5),
                livenessProbe: k.httpProbe('http', '/healthz', initialDelaySeconds=30),
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
                  k.volumeMount('rootfs', '/rootfs', readOnly=true),
                  k.volumeMount('var-run', '/var/run', readOnly=true),
                  k.volumeMount('sys', '/sys', readOnly=true),
                  k.volumeMount('disk', '/dev/disk', readOnly=true),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                hostPath('rootfs', '/'),
                hostPath('var-run', '/var/run'),
                hostPath('sys', '/sys'),
                hostPath('disk', '/dev/disk'),
                k.emptyDirVolume('tmp', '64Mi'),
              ],
            } + k.placement(config, 'cadvisor', daemonSet=true),
          },
        },
      },

      service: k.service(config, component, component.name, [k.servicePort('http', ports.http)]),
    } + k.nodePort(config, 'cadvisor', component, 'http', ports.http),
}
