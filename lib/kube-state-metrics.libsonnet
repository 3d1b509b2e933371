// kube-state-metrics: metrics about the state of Kubernetes objects (pods, deployments, nodes...).
//
// It exports only the resources listed in rbac.libsonnet's kubeStateMetricsResources (its
// --resources flag), and its ClusterRole grants list and watch on exactly those: never Secrets
// or ConfigMaps, whose list would hand it every secret of the cluster.
local catalog = import 'catalog.libsonnet';
local exporter = import 'kubernetes/exporter.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, deployment, service }.',
  new(config)::
    local ports = catalog.kubeStateMetrics.ports;
    local resources = std.sort(std.flattenArrays([
      rbac.kubeStateMetricsResources[group]
      for group in std.objectFields(rbac.kubeStateMetricsResources)
    ]));
    exporter.new(config, 'kubeStateMetrics', {
      container: {
        args: [
          '--port=%d' % ports['http-metrics'],
          '--telemetry-port=%d' % ports.telemetry,
          '--resources=' + std.join(',', resources),
        ],
        livenessProbe: k.httpProbe('http-metrics', '/healthz', initialDelaySeconds=5),
        readinessProbe: k.httpProbe('telemetry', '/readyz', initialDelaySeconds=5),
      },
    }),
}
