// Identities and permissions of the MOP components.
//
// Every component that runs pods gets its own ServiceAccount. Only the components that read the
// Kubernetes API get a token mounted and a ClusterRole, with exactly the verbs they use:
// - OBI decorates what it captures with pod, node and service metadata;
// - Alloy's otelcol.processor.k8sattributes adds pod and namespace metadata to incoming telemetry;
// - Prometheus discovers its targets (kubernetes_sd_configs, role endpointslice and pod): the
//   informers behind service discovery only list and watch;
// - kube-state-metrics lists and watches exactly the resources it exports (--resources), never
//   Secrets or ConfigMaps;
// - Promtail discovers the pods of its node (role pod) to find their log files;
// - Alloy in log mode discovers the pods of its node and reads their logs (pods/log, get).
// Components that never call the API and read ConfigMaps get a Role allowing only their own
// ConfigMaps (by name), and their pods do not mount a token at all; components with neither get
// only their ServiceAccount (a Role with an empty resourceNames list would allow every object).
local catalog = import '../catalog.libsonnet';
local k = import 'k.libsonnet';

local read = ['get', 'list', 'watch'];
local watch = ['list', 'watch'];

{
  '#kubeStateMetricsResources':: 'What kube-state-metrics exports (its --resources flag), by API group: its ClusterRole grants list and watch on exactly these.',
  kubeStateMetricsResources:: {
    '': ['namespaces', 'nodes', 'persistentvolumeclaims', 'persistentvolumes', 'pods', 'services'],
    apps: ['daemonsets', 'deployments', 'replicasets', 'statefulsets'],
    batch: ['cronjobs', 'jobs'],
  },

  '#clusterRules':: 'ClusterRole rules of the components that read the Kubernetes API.',
  clusterRules:: {
    obi: [
      { apiGroups: [''], resources: ['pods', 'services', 'nodes'], verbs: read },
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: read },
    ],
    alloy: [
      { apiGroups: [''], resources: ['pods', 'namespaces'], verbs: read },
      { apiGroups: ['apps'], resources: ['replicasets'], verbs: read },
    ],
    prometheus: [
      { apiGroups: [''], resources: ['pods', 'services'], verbs: watch },
      { apiGroups: ['discovery.k8s.io'], resources: ['endpointslices'], verbs: watch },
    ],
    kubeStateMetrics: [
      { apiGroups: [group], resources: $.kubeStateMetricsResources[group], verbs: watch }
      for group in std.objectFields($.kubeStateMetricsResources)
    ],
    promtail: [
      { apiGroups: [''], resources: ['pods'], verbs: watch },
    ],
    alloyLogs: [
      { apiGroups: [''], resources: ['pods'], verbs: read },
      { apiGroups: [''], resources: ['pods/log'], verbs: ['get'] },
    ],
  },

  '#readsApi':: 'readsApi(name) is true for the components that call the Kubernetes API (and so mount a ServiceAccount token).',
  readsApi(name):: std.objectHas(self.clusterRules, name),

  '#forComponent':: 'forComponent(config, name) returns { serviceAccount, clusterRole, clusterRoleBinding } for the components that read the API, { serviceAccount, role, roleBinding } for those that read ConfigMaps, { serviceAccount } for the others.',
  forComponent(config, name)::
    local component = k.mopComponent(config, name);
    local appName = catalog.appName(name);
    local subject = { kind: 'ServiceAccount', name: appName, namespace: config.namespace };
    // Cluster-scoped names carry the namespace so that environments sharing a cluster differ.
    local clusterName = '%s-%s' % [config.namespace, appName];
    {
      serviceAccount: {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: k.metadata(config, component, appName),
        automountServiceAccountToken: $.readsApi(name),
      },
    } + (
      if $.readsApi(name) then {
        clusterRole: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRole',
          metadata: k.clusterMetadata(component, clusterName),
          rules: $.clusterRules[name],
        },
        clusterRoleBinding: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'ClusterRoleBinding',
          metadata: k.clusterMetadata(component, clusterName),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: clusterName },
          subjects: [subject],
        },
      } else if std.length(catalog[name].configMaps) > 0 then {
        role: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: k.metadata(config, component, appName),
          rules: [{
            apiGroups: [''],
            resources: ['configmaps'],
            resourceNames: catalog[name].configMaps,
            verbs: ['get', 'watch'],
          }],
        },
        roleBinding: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'RoleBinding',
          metadata: k.metadata(config, component, appName),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: appName },
          subjects: [subject],
        },
      } else {}
    ),

  '#new':: 'new(config) returns the RBAC objects of every enabled component that runs pods, keyed by component. The component libraries already include their own; use this for RBAC alone.',
  new(config):: {
    [name]: $.forComponent(config, name)
    for name in catalog.workloads
    if config.components[name].enabled
  },
}
