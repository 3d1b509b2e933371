// The environment's namespace.
//
// Pod Security Admission: OBI's DaemonSet is privileged (eBPF needs it, see lib/obi.libsonnet), so
// the namespace must enforce the "privileged" level; every other workload meets "restricted", and
// `warn`/`audit` at "restricted" make any regression visible on apply and in the audit log.
local k = import 'k.libsonnet';

{
  '#new':: 'new(config) returns { namespace } with the mop.io/* and environment labels and Pod Security Admission labels.',
  new(config)::
    local component = k.infrastructure(config, 'namespace');
    local podSecurityEnforce = if config.components.obi.enabled then 'privileged' else 'restricted';
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
