// A tiny Kubernetes helper library for the MOP stack.
//
// Deliberately small and dependency-free (no k8s-libsonnet): it only knows the handful of shapes
// the six components need, so every manifest stays readable and every field is one a Kubernetes
// 1.32 API server accepts under strict schema validation.

// Native JSON quoting: concatenating a string to an array manifests the array in the
// interpreter's own code, which is orders of magnitude faster than std.escapeStringJson.
local quote(s) = local json = '' + [s]; std.substr(json, 1, std.length(json) - 2);

// A mapping key can stay bare when it is made of [A-Za-z0-9_.-], does not start like a number or
// an indicator, and is not a YAML 1.1 boolean or null.
local isBareKeyChar(c) =
  local p = std.codepoint(c);
  (p >= 97 && p <= 122) || (p >= 65 && p <= 90) || (p >= 48 && p <= 57) || p == 95 || p == 45 || p == 46;
local specialWords = std.split('y Y n N yes Yes YES no No NO true True TRUE false False FALSE on On ON off Off OFF null Null NULL', ' ');
local isBareKey(key) =
  key != ''
  && !(key[0] == '-' || key[0] == '.' || (key[0] >= '0' && key[0] <= '9'))
  && std.foldl(function(ok, c) ok && isBareKeyChar(c), std.stringChars(key), true)
  && !std.member(specialWords, key);
local yamlKey(key) = if isBareKey(key) then key else quote(key);

local isNonEmptyCollection(v) = (std.isObject(v) || std.isArray(v)) && std.length(v) > 0;
local scalar(v) =
  if std.isString(v) then quote(v)
  else if v == null then 'null'
  else if std.isBoolean(v) then (if v then 'true' else 'false')
  else if std.isObject(v) then '{}'
  else if std.isArray(v) then '[]'
  else '' + v;

local yamlLines(v, indent) =
  if std.isObject(v) && std.length(v) > 0 then
    std.flattenArrays([
      local child = v[key];
      if isNonEmptyCollection(child)
      then [indent + yamlKey(key) + ':'] + yamlLines(child, indent + '  ')
      else [indent + yamlKey(key) + ': ' + scalar(child)]
      for key in std.objectFields(v)
    ])
  else if std.isArray(v) && std.length(v) > 0 then
    std.flattenArrays([
      if isNonEmptyCollection(item) then
        // The item's first line moves up behind the dash.
        local itemLines = yamlLines(item, indent + '  ');
        [indent + '- ' + std.substr(itemLines[0], std.length(indent) + 2, std.length(itemLines[0]))] + itemLines[1:]
      else [indent + '- ' + scalar(item)]
      for item in v
    ])
  else [indent + scalar(v)];

// Lines of an indented JSON value; `suffix` (a comma or nothing) ends its last line.
local jsonLines(v, indent, suffix) =
  if isNonEmptyCollection(v) then
    local isObject = std.isObject(v);
    local keys = if isObject then std.objectFields(v) else std.range(0, std.length(v) - 1);
    local n = std.length(keys);
    [indent + (if isObject then '{' else '[')]
    + std.flattenArrays([
      local key = keys[i];
      local childLines = jsonLines(v[key], indent + '  ', if i < n - 1 then ',' else '');
      if isObject
      then [indent + '  ' + quote(key) + ': ' + std.substr(childLines[0], std.length(indent) + 2, std.length(childLines[0]))] + childLines[1:]
      else childLines
      for i in std.range(0, n - 1)
    ])
    + [indent + (if isObject then '}' else ']') + suffix]
  else [indent + scalar(v) + suffix];

{
  // The identity of one deployable unit of the stack: `name` is the application (`tempo`,
  // `grafana`, ... or `mop` for the shared infrastructure), `role` its architectural role,
  // `version` what it runs, `mopComponent` the MOP component key (`infrastructure` for the shared
  // objects).
  component(config, name, role, version, mopComponent=name):: {
    name: name,
    role: role,
    version: version,
    // Every object carries these: the Kubernetes recommended labels plus the mop.io/* and
    // environment labels, so `kubectl get -l` works across components and environments.
    labels: {
      'app.kubernetes.io/name': name,
      'app.kubernetes.io/component': role,
      'app.kubernetes.io/part-of': config.platform.name,
      'app.kubernetes.io/version': version,
      'app.kubernetes.io/managed-by': 'tanka',
      'mop.io/managed': 'true',
      'mop.io/component': mopComponent,
      'mop.io/version': config.platform.version,
      environment: config.name,
    },
    // Selectors only use labels that never change over the object's life (a workload selector
    // is immutable): never the version.
    selector: $.selector(config, name),
  },

  selector(config, name):: {
    'app.kubernetes.io/name': name,
    'app.kubernetes.io/part-of': config.platform.name,
  },

  // The component descriptor of a MOP component, from the catalog: its Kubernetes name (which
  // may differ from its configuration key: nodeExporter runs as node-exporter) is the app name,
  // the key is the mop.io/component label.
  mopComponent(config, name):: $.component(
    config,
    (import '../catalog.libsonnet').appName(name),
    (import '../catalog.libsonnet')[name].role,
    config.components[name].image.tag,
    name,
  ),

  // Scheduling fields of a pod spec (merged into it): the environment's node selector for
  // Deployments and StatefulSets, the heavy node's selector and tolerations for the components
  // pinned there, and the heavy node's tolerations for every DaemonSet so that it covers that
  // node too. Empty when nothing is configured, so the pod spec is unchanged.
  placement(config, name, daemonSet=false)::
    local heavy = config.scheduling.heavyNode;
    local pinned = std.member(heavy.components, name);
    local selector = (if daemonSet then {} else config.scheduling.nodeSelector) + (if pinned then heavy.nodeSelector else {});
    local tolerations = if pinned || (daemonSet && std.length(heavy.components) > 0) then heavy.tolerations else [];
    { [if selector != {} then 'nodeSelector']: selector }
    + { [if tolerations != [] then 'tolerations']: tolerations },

  // The annotations of a workload exempt from lint checks: which checks, and why (the lint tooling
  // requires the reason).
  lintDisable(checks, reason):: {
    'mop.io/lint-disable': std.join(',', checks),
    'mop.io/lint-disable-reason': reason,
  },

  // A NodePort Service for one port of a component (access.mode NodePort). It sits beside the
  // component's ClusterIP Service, which in-cluster clients keep using, and exposes only that port.
  nodePortService(config, component, portName, port, nodePort):: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: $.metadata(config, component, component.name + '-nodeport'),
    spec: {
      type: 'NodePort',
      selector: component.selector,
      ports: [$.servicePort(portName, port) + { nodePort: nodePort }],
    },
  },

  // { nodePortService } when the environment exposes this component on a node port, else {}.
  nodePort(config, name, component, portName, port)::
    if config.access.mode == 'NodePort' && std.objectHas(config.access.nodePorts, name)
    then { nodePortService: $.nodePortService(config, component, portName, port, config.access.nodePorts[name]) }
    else {},

  // A read-only mount of an optional Secret (created outside the stack): the pod starts without
  // it, and the component fails only the operations that need the files.
  optionalSecretVolume(name, secretName):: {
    name: name,
    secret: { secretName: secretName, optional: true },
  },

  // An environment variable from a key of an optional Secret created outside the stack.
  secretEnv(name, secretName, key):: {
    name: name,
    valueFrom: { secretKeyRef: { name: secretName, key: key, optional: true } },
  },

  // The descriptor of the shared infrastructure objects (namespace, storage, network policies).
  infrastructure(config, role):: $.component(config, config.platform.name, role, config.platform.version, 'infrastructure'),

  // Metadata of a namespaced object: the namespace is always explicit, so the manifests do not
  // depend on Tanka's namespace defaulting.
  metadata(config, component, name, annotations={}):: {
    name: name,
    namespace: config.namespace,
    labels: component.labels,
    [if annotations != {} then 'annotations']: annotations,
  },

  // Metadata of a cluster-scoped object (Namespace, StorageClass, ClusterRole...).
  clusterMetadata(component, name, annotations={}):: {
    name: name,
    labels: component.labels,
    [if annotations != {} then 'annotations']: annotations,
  },

  image(image):: '%s:%s' % [image.repository, image.tag],

  containerPort(name, port, protocol='TCP'):: {
    name: name,
    containerPort: port,
    protocol: protocol,
  },

  // Probes always target a declared container port by name (kube-linter liveness-port and
  // readiness-port), never a bare number.
  httpProbe(port, path, initialDelaySeconds=10, periodSeconds=10, timeoutSeconds=5, failureThreshold=3):: {
    httpGet: { path: path, port: port, scheme: 'HTTP' },
    initialDelaySeconds: initialDelaySeconds,
    periodSeconds: periodSeconds,
    timeoutSeconds: timeoutSeconds,
    failureThreshold: failureThreshold,
  },

  tcpProbe(port, initialDelaySeconds=30, periodSeconds=20, timeoutSeconds=5, failureThreshold=6):: {
    tcpSocket: { port: port },
    initialDelaySeconds: initialDelaySeconds,
    periodSeconds: periodSeconds,
    timeoutSeconds: timeoutSeconds,
    failureThreshold: failureThreshold,
  },

  // The pod-level security context of every unprivileged MOP workload: a fixed non-root user and
  // group (the images' own users), volumes group-owned by that group, RuntimeDefault seccomp.
  podSecurityContext(user, group=user):: {
    runAsNonRoot: true,
    runAsUser: user,
    runAsGroup: group,
    fsGroup: group,
    fsGroupChangePolicy: 'OnRootMismatch',
    seccompProfile: { type: 'RuntimeDefault' },
  },

  // The container-level security context: satisfies the Pod Security Standards "restricted"
  // profile (no privilege escalation, every capability dropped, non-root, RuntimeDefault seccomp).
  containerSecurityContext(readOnlyRootFilesystem=true):: {
    runAsNonRoot: true,
    allowPrivilegeEscalation: false,
    privileged: false,
    readOnlyRootFilesystem: readOnlyRootFilesystem,
    capabilities: { drop: ['ALL'] },
    seccompProfile: { type: 'RuntimeDefault' },
  },

  configMapVolume(name, configMapName):: {
    name: name,
    configMap: { name: configMapName },
  },

  // Writable scratch space for a read-only root filesystem; bounded so a runaway writer cannot
  // fill the node's disk.
  emptyDirVolume(name, sizeLimit='512Mi'):: {
    name: name,
    emptyDir: { sizeLimit: sizeLimit },
  },

  volumeMount(name, mountPath, readOnly=false):: {
    name: name,
    mountPath: mountPath,
    [if readOnly then 'readOnly']: true,
  },

  // Spread replicas over nodes when the scheduler can (kube-linter no-anti-affinity).
  antiAffinity(component):: {
    podAntiAffinity: {
      preferredDuringSchedulingIgnoredDuringExecution: [{
        weight: 100,
        podAffinityTerm: {
          labelSelector: { matchLabels: component.selector },
          topologyKey: 'kubernetes.io/hostname',
        },
      }],
    },
  },

  servicePort(name, port, targetPort=name, protocol='TCP'):: {
    name: name,
    port: port,
    targetPort: targetPort,
    protocol: protocol,
  },

  service(config, component, name, ports, headless=false):: {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: $.metadata(config, component, name),
    spec: {
      type: 'ClusterIP',
      selector: component.selector,
      ports: ports,
    } + (
      if headless then {
        clusterIP: 'None',
        // Peers must find each other before they are ready: ring members join the memberlist
        // cluster while starting up.
        publishNotReadyAddresses: true,
      } else {}
    ),
  },

  // A disruption budget for multi-replica workloads: voluntary evictions take one pod at a time.
  podDisruptionBudget(config, component):: {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: $.metadata(config, component, component.name),
    spec: {
      maxUnavailable: 1,
      selector: { matchLabels: component.selector },
      unhealthyPodEvictionPolicy: 'AlwaysAllow',
    },
  },

  configMap(config, component, name, data):: {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: $.metadata(config, component, name),
    data: data,
  },

  // YAML for an embedded component config, in the block style of std.manifestYamlDoc with
  // indented arrays and bare keys where safe. Written here because libjsonnet's std manifesters
  // escape strings one character at a time in Jsonnet (seconds per environment); this one lets
  // the interpreter's native JSON writer quote strings.
  yaml(value):: std.join('\n', yamlLines(value, '')) + '\n',

  // Indented JSON (dashboards), quoted natively for the same reason.
  json(value):: std.join('\n', jsonLines(value, '', '')) + '\n',
}
