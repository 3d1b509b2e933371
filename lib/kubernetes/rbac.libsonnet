// Identities and permissions of the MOP components.
//
// Every component gets its own ServiceAccount. Only the two components that read the Kubernetes
// API get a token mounted and a ClusterRole:
// - OBI decorates what it captures with pod, node and service metadata;
// - Alloy's otelcol.processor.k8sattributes adds pod and namespace metadata to incoming telemetry.
// Tempo, Mimir, Loki and Grafana never call the API: their Role only allows reading their own
// ConfigMaps (by name), and their pods do not mount a token at all.
local catalog = import '../catalog.libsonnet';
local k = import 'k.libsonnet';

local read = ['get', 'list', 'watch'];

{
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
  },

  '#readsApi':: 'readsApi(name) is true for the components that call the Kubernetes API (and so mount a ServiceAccount token).',
  readsApi(name):: std.objectHas(self.clusterRules, name),

  '#forComponent':: 'forComponent(config, name) returns { serviceAccount, clusterRole, clusterRoleBinding } for OBI and Alloy, { serviceAccount, role, roleBinding } for the others.',
  forComponent(config, name)::
    local component = k.mopComponent(config, name);
    local subject = { kind: 'ServiceAccount', name: name, namespace: config.namespace };
    // Cluster-scoped names carry the namespace so that environments sharing a cluster differ.
    local clusterName = '%s-%s' % [config.namespace, name];
    {
      serviceAccount: {
        apiVersion: 'v1',
        kind: 'ServiceAccount',
        metadata: k.metadata(config, component, name),
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
      } else {
        role: {
          apiVersion: 'rbac.authorization.k8s.io/v1',
          kind: 'Role',
          metadata: k.metadata(config, component, name),
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
          metadata: k.metadata(config, component, name),
          roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: name },
          subjects: [subject],
        },
      }
    ),

  '#new':: 'new(config) returns the RBAC objects of every enabled component, keyed by component. The component libraries already include their own; use this for RBAC alone.',
  new(config):: {
    [name]: $.forComponent(config, name)
    for name in std.objectFields(config.components)
    if config.components[name].enabled
  },
}
