// The environment's namespace.
//
// Pod Security Admission: OBI's DaemonSet is privileged (eBPF needs it, see lib/obi.libsonnet), and
// node-exporter, cAdvisor and Promtail use the host network or host paths, which only the
// "privileged" level admits; with any of them the namespace enforces "privileged". Every other
// workload meets "restricted" (the probers' net.ipv4.ping_group_range sysctl is a safe sysctl),
// and `warn`/`audit` at "restricted" make any regression visible on apply and in the audit log.
local k = import 'k.libsonnet';

{
  '#new':: 'new(config) returns { namespace } with the mop.io/* and environment labels and Pod Security Admission labels.',
  new(config)::
    local component = k.infrastructure(config, 'namespace');
    local hostAccess = ['obi', 'nodeExporter', 'cadvisor', 'promtail'];
    local podSecurityEnforce =
      if std.length([name for name in hostAccess if config.components[name].enabled]) > 0 then 'privileged' else 'restricted';
    {
      namespace: {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: k.clusterMetadata(component, config.namespace) + {
          labels+: {
            'pod-security.kubernetes.io/enforce': podSecurityEnforce,
            'pod-security.kubernetes.io/warn': 'restricted',
            'pod-security.kubernetes.io/audit': 'restricted',
          },
        },
      },
    },
}
