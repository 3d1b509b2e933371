// The one configuration object of the MOP stack.
//
// `defaults` holds every setting with its value for all environments; `environments.<name>` holds
// only what that environment changes, written with `+:` so nested objects merge; and
// `forEnvironment(name)` returns the resolved configuration the component libraries take.
//
// Documentation convention: every field `x` has a hidden sibling `'#x':: 'description'` in the
// same object (docsonnet style, plain strings). Tools read these to generate JSON Schema
// descriptions and editor stubs; keep one per field.
//
// Durations are Go durations (`168h`, `5s`), which every component accepts (Tempo's retention is
// a Go time.Duration, which has no `d` unit).

// Go's time.ParseDuration grammar without the sign: one or more <number><unit> pairs, or "0".
local isDigit(c) = c >= '0' && c <= '9';
local scanDigits(s, i) = if i < std.length(s) && isDigit(s[i]) then scanDigits(s, i + 1) else i;
local unitLength(s, i) =
  if std.member(['ns', 'us', 'µs', 'ms'], std.substr(s, i, 2)) then 2
  else if std.member(['s', 'm', 'h'], std.substr(s, i, 1)) then 1
  else 0;
local durationFrom(s, i) =
  if i == std.length(s) then true
  else
    local afterInt = scanDigits(s, i);
    local afterFrac =
      if afterInt < std.length(s) && s[afterInt] == '.' then scanDigits(s, afterInt + 1) else afterInt;
    local hasDigits = afterInt > i || afterFrac > afterInt + 1;
    local unit = unitLength(s, afterFrac);
    hasDigits && unit > 0 && durationFrom(s, afterFrac + unit);
local isGoDuration(s) = std.isString(s) && (s == '0' || (s != '' && durationFrom(s, 0)));

// Prometheus durations (model.ParseDuration): units y, w, d, h, m, s, ms, each at most once and in
// that order, integers only; or "0". Prometheus, Alertmanager and the exporters accept them; Tempo,
// Loki and Mimir do not (use Go durations there).
local promUnits = ['y', 'w', 'd', 'h', 'm', 's', 'ms'];
local promUnitAt(s, i) =
  if std.substr(s, i, 2) == 'ms' then 'ms'
  else if std.member(['y', 'w', 'd', 'h', 'm', 's'], std.substr(s, i, 1)) then std.substr(s, i, 1)
  else '';
local promFrom(s, i, minUnit) =
  if i == std.length(s) then true
  else
    local afterInt = scanDigits(s, i);
    local unit = promUnitAt(s, afterInt);
    local rank = std.find(unit, promUnits);
    afterInt > i && unit != '' && rank[0] >= minUnit && promFrom(s, afterInt + std.length(unit), rank[0] + 1);
local isPromDuration(s) = std.isString(s) && (s == '0' || (s != '' && promFrom(s, 0, 0)));

// A documented resources block, so environment overrides keep the field docs.
local resources(requestCpu, requestMemory, limitCpu, limitMemory) = {
  '#requests':: 'Resources the scheduler reserves for the container.',
  requests: {
    '#cpu':: 'CPU request (Kubernetes quantity, e.g. 250m).',
    cpu: requestCpu,
    '#memory':: 'Memory request (Kubernetes quantity, e.g. 512Mi).',
    memory: requestMemory,
  },
  '#limits':: 'Resources the container may not exceed.',
  limits: {
    '#cpu':: 'CPU limit (Kubernetes quantity).',
    cpu: limitCpu,
    '#memory':: 'Memory limit (Kubernetes quantity); the container is OOM-killed above it.',
    memory: limitMemory,
  },
};

// A documented, pinned image reference.
local image(repository, tag) = {
  '#repository':: 'Image repository (with its registry).',
  repository: repository,
  '#tag':: 'Image tag (a release, never latest).',
  tag: tag,
};

// A sizing preset: the seed's figure of each component is its limit, and half of it its request.
local preset(prometheus, grafana, loki, tempo) = {
  '#prometheus':: 'Prometheus resources in this preset.',
  prometheus: resources(prometheus[0], prometheus[1], prometheus[2], prometheus[3]),
  '#grafana':: 'Grafana resources in this preset.',
  grafana: resources(grafana[0], grafana[1], grafana[2], grafana[3]),
  '#loki':: 'Loki resources in this preset.',
  loki: resources(loki[0], loki[1], loki[2], loki[3]),
  '#tempo':: 'Tempo resources in this preset.',
  tempo: resources(tempo[0], tempo[1], tempo[2], tempo[3]),
};

// Every component, in deployment order: the six MOP components, then the Prometheus-family stack.
local componentNames = [
  'alloy',
  'obi',
  'tempo',
  'mimir',
  'loki',
  'grafana',
  'prometheus',
  'alertmanager',
  'nodeExporter',
  'cadvisor',
  'kubeStateMetrics',
  'blackboxExporter',
  'promtail',
  'alloyLogs',
  'smokeping',
  'mtrExporter',
  'mongodbExporter',
  'postgresExporter',
  'redisExporter',
  'jenkins',
  'fastapi',
];
local statefulComponents = ['tempo', 'mimir', 'loki'];
// Components whose data volume can be a local PersistentVolume (storage.local.volumes).
local localVolumeComponents = ['loki', 'tempo', 'prometheus', 'alertmanager'];
local sizedComponents = ['prometheus', 'grafana', 'loki', 'tempo'];

// The enablement matrix of the seed: groups of components, each a switch that
// components.<name>.enabled defaults to. `key` is the name in the matrix, `component` the
// component's configuration key.
local matrix = {
  core: { prometheus: 'prometheus', grafana: 'grafana', loki: 'loki', promtail: 'promtail', alloyLogs: 'alloyLogs' },
  enhanced: { tempo: 'tempo', alertmanager: 'alertmanager', cadvisor: 'cadvisor' },
  network: { smokeping: 'smokeping', mtrAnalyzer: 'mtrExporter', blackboxEnhanced: 'blackboxExporter' },
  infrastructure: { nodeExporter: 'nodeExporter', kubeStateMetrics: 'kubeStateMetrics' },
  applications: { jenkins: 'jenkins', fastapi: 'fastapi' },
  databases: { mongodb: 'mongodbExporter', postgresql: 'postgresExporter', redis: 'redisExporter' },
  telemetry: { alloy: 'alloy', obi: 'obi', mimir: 'mimir' },
};

// A sizing preset other than custom replaces the resources of the sized components.
local applySizing(config) =
  if config.sizing == 'custom' then config
  else std.foldl(
    function(acc, name) acc { components+: { [name]+: { resources: config.sizingPresets[config.sizing][name] } } },
    sizedComponents,
    config,
  );

// Fails with a message naming the offending field rather than producing a broken manifest.
local validate(config) =
  local durations = [
    ['retention.traces', config.retention.traces],
    ['retention.metrics', config.retention.metrics],
    ['retention.logs', config.retention.logs],
    ['components.alloy.batch.timeout', config.components.alloy.batch.timeout],
  ];
  local badDurations = [d[0] for d in durations if !isGoDuration(d[1])];
  local badReplication = [
    name
    for name in statefulComponents
    if config.components[name].replicationFactor > config.components[name].replicas
  ];
  local filesystemReplicas = [
    name
    for name in statefulComponents
    if config.objectStorage.backend == 'filesystem' && config.components[name].replicas != 1
  ];
  assert config.name != '' : 'config.name must be set';
  assert std.length(badDurations) == 0 :
         'not Go durations (use e.g. "168h", not "7d"): %s' % std.join(', ', badDurations);
  assert std.member(['filesystem', 's3'], config.objectStorage.backend) :
         'objectStorage.backend must be "filesystem" or "s3", got "%s"' % config.objectStorage.backend;
  assert std.objectHas(config.storage.clouds, config.storage.cloud) :
         'storage.cloud must be one of %s, got "%s"' % [std.join(', ', std.objectFields(config.storage.clouds)), config.storage.cloud];
  assert std.member(['mop-standard', 'mop-fast-ssd'], config.storage.className) :
         'storage.className must be mop-standard or mop-fast-ssd, got "%s"' % config.storage.className;
  assert std.length(badReplication) == 0 :
         'replicationFactor exceeds replicas for: %s' % std.join(', ', badReplication);
  assert std.length(filesystemReplicas) == 0 :
         "the filesystem backend keeps data on one pod's volume, so it needs exactly 1 replica: %s" % std.join(', ', filesystemReplicas);
  assert config.components.grafana.replicas == 1 :
         'Grafana keeps users and sessions in its embedded SQLite database: run 1 replica';
  local promDurations = [
    ['retention.prometheus', config.retention.prometheus],
    ['scrapeIntervals.default', config.scrapeIntervals.default],
    ['scrapeIntervals.infrastructure', config.scrapeIntervals.infrastructure],
    ['scrapeIntervals.network', config.scrapeIntervals.network],
    ['components.prometheus.evaluationInterval', config.components.prometheus.evaluationInterval],
  ];
  local badPromDurations = [d[0] for d in promDurations if !isPromDuration(d[1])];
  assert std.length(badPromDurations) == 0 :
         'not Prometheus durations (e.g. "30s", "15d", "1h30m"): %s' % std.join(', ', badPromDurations);
  assert std.member(['custom', 'small', 'medium', 'large'], config.sizing) :
         'sizing must be custom, small, medium or large, got "%s"' % config.sizing;
  assert std.member(['ClusterIP', 'NodePort', 'HTTPRoute'], config.access.mode) :
         'access.mode must be ClusterIP, NodePort or HTTPRoute, got "%s"' % config.access.mode;
  local nodePorts = [config.access.nodePorts[n] for n in std.objectFields(config.access.nodePorts)];
  local badNodePorts = [n for n in std.objectFields(config.access.nodePorts) if config.access.nodePorts[n] < 30000 || config.access.nodePorts[n] > 32767];
  assert std.length(badNodePorts) == 0 :
         'access.nodePorts outside the default node port range 30000-32767: %s' % std.join(', ', badNodePorts);
  assert std.length(std.set(nodePorts)) == std.length(nodePorts) : 'access.nodePorts must be distinct';
  local unknownNodePorts = [n for n in std.objectFields(config.access.nodePorts) if !std.member(componentNames, n)];
  assert std.length(unknownNodePorts) == 0 : 'access.nodePorts names unknown components: %s' % std.join(', ', unknownNodePorts);
  local volumes = config.storage['local'].volumes;
  local badVolumes = [n for n in std.objectFields(volumes) if !std.member(localVolumeComponents, n)];
  assert std.length(badVolumes) == 0 :
         'storage.local.volumes supports %s, not: %s' % [std.join(', ', localVolumeComponents), std.join(', ', badVolumes)];
  local clusteredLocal = [
    n
    for n in std.objectFields(volumes)
    if std.objectHas(config.components[n], 'replicas') && config.components[n].replicas != 1
  ];
  assert std.length(clusteredLocal) == 0 :
         'a local PersistentVolume serves one pod: %s must run 1 replica' % std.join(', ', clusteredLocal);
  assert !(config.components.promtail.enabled && config.components.alloyLogs.enabled) :
         'promtail and alloyLogs would both ship every pod log to Loki: enable one of them';
  local orphanShippers = [n for n in ['promtail', 'alloyLogs'] if config.components[n].enabled && !config.components.loki.enabled];
  assert std.length(orphanShippers) == 0 :
         '%s ship logs to Loki, which is not enabled' % std.join(', ', orphanShippers);
  config;

{
  '#':: 'The MOP stack configuration: defaults, per-environment overrides, and forEnvironment(name) to resolve one environment.',

  '#isGoDuration':: 'isGoDuration(value) is true when value is a Go duration string such as "168h" or "1m30s" (exported for tests and callers validating their own overrides).',
  isGoDuration:: isGoDuration,

  '#isPromDuration':: 'isPromDuration(value) is true when value is a Prometheus duration such as "15d" or "1h30m" (units y, w, d, h, m, s, ms in that order).',
  isPromDuration:: isPromDuration,

  '#componentNames':: 'Every component of the configuration (components.<name>), in deployment order: the six MOP components, then the Prometheus-family stack.',
  componentNames:: componentNames,

  '#matrix':: 'The enablement matrix: for each group of components.<group>, its switch names and the component each one enables.',
  matrix:: matrix,

  '#platform':: 'Identity of the platform itself, shared by all environments.',
  platform: {
    '#name':: 'Platform name; the value of the app.kubernetes.io/part-of label.',
    name: 'mop',
    '#version':: 'Platform release; the value of the mop.io/version label.',
    version: '1.0.0',
  },

  '#defaults':: 'Settings shared by every environment; environments override parts of it.',
  defaults: {
    // The merged configuration (defaults + environment + overrides): the matrix switches below
    // are read through it, so an environment that flips components.core.prometheus enables
    // components.prometheus.
    local root = self,
    '#name':: 'Environment name (dev, staging, production, calo-lab or homelab); set by forEnvironment and used as the environment label.',
    name: '',
    '#namespace':: 'Namespace every namespaced object of the environment lives in.',
    namespace: 'observability-dev',
    '#clusterName':: 'Name of the Kubernetes cluster, reported by OBI as k8s.cluster.name.',
    clusterName: 'mop',
    '#clusterDomain':: 'DNS suffix of the cluster, used to build service addresses.',
    clusterDomain: 'cluster.local',

    '#storage':: 'Persistent volumes: the StorageClasses the stack creates and the one its volumes use.',
    storage: {
      '#cloud':: 'Cloud provider (or on-premises storage system) whose CSI driver provisions volumes: gke, eks, aks or longhorn.',
      cloud: 'gke',
      '#className':: 'StorageClass of every PersistentVolumeClaim: mop-standard or mop-fast-ssd.',
      className: 'mop-standard',
      '#reclaimPolicy':: 'What happens to a volume when its claim is deleted: Delete, or Retain to keep the data.',
      reclaimPolicy: 'Delete',
      '#manageStorageClasses':: 'Whether this environment creates the cluster-scoped mop-standard and mop-fast-ssd StorageClasses; turn it off in all but one environment sharing a cluster.',
      manageStorageClasses: true,
      '#clouds':: 'CSI provisioner and volume parameters of each StorageClass, per cloud provider.',
      clouds: {
        '#gke':: 'Google Kubernetes Engine: the Compute Engine persistent disk CSI driver.',
        gke: {
          '#provisioner':: 'CSI driver name.',
          provisioner: 'pd.csi.storage.gke.io',
          '#standard':: 'Map of StorageClass parameters of mop-standard.',
          standard: { type: 'pd-balanced' },
          '#fastSsd':: 'Map of StorageClass parameters of mop-fast-ssd.',
          fastSsd: { type: 'pd-ssd' },
        },
        '#eks':: 'Amazon EKS: the EBS CSI driver.',
        eks: {
          '#provisioner':: 'CSI driver name.',
          provisioner: 'ebs.csi.aws.com',
          '#standard':: 'Map of StorageClass parameters of mop-standard.',
          standard: { type: 'gp3', encrypted: 'true' },
          '#fastSsd':: 'Map of StorageClass parameters of mop-fast-ssd.',
          fastSsd: { type: 'io2', iopsPerGB: '50', allowAutoIOPSPerGBIncrease: 'true', encrypted: 'true' },
        },
        '#aks':: 'Azure AKS: the Azure Disk CSI driver.',
        aks: {
          '#provisioner':: 'CSI driver name.',
          provisioner: 'disk.csi.azure.com',
          '#standard':: 'Map of StorageClass parameters of mop-standard.',
          standard: { skuName: 'StandardSSD_LRS' },
          '#fastSsd':: 'Map of StorageClass parameters of mop-fast-ssd.',
          fastSsd: { skuName: 'Premium_LRS' },
        },
        '#longhorn':: "On-premises clusters with Longhorn: its CSI driver; mop-standard keeps three replicas of each volume, mop-fast-ssd one replica on the pod's node.",
        longhorn: {
          '#provisioner':: 'CSI driver name.',
          provisioner: 'driver.longhorn.io',
          '#standard':: 'Map of StorageClass parameters of mop-standard.',
          standard: { numberOfReplicas: '3', staleReplicaTimeout: '2880' },
          '#fastSsd':: 'Map of StorageClass parameters of mop-fast-ssd.',
          fastSsd: { numberOfReplicas: '1', dataLocality: 'best-effort', staleReplicaTimeout: '2880' },
        },
      },
      '#local':: 'Local PersistentVolumes: a directory on a named node, for clusters without a CSI driver (a homelab). The PersistentVolume pins the pod to that node.',
      'local': {
        '#className':: 'StorageClass of the local volumes and their claims (kubernetes.io/no-provisioner, WaitForFirstConsumer).',
        className: 'local-storage',
        '#manageStorageClass':: 'Whether this environment creates that StorageClass when it has local volumes (turn it off when another environment of the cluster does).',
        manageStorageClass: true,
        '#reclaimPolicy':: 'What happens to a local volume when its claim is deleted: Retain (the default, the data stays on the node) or Delete.',
        reclaimPolicy: 'Retain',
        '#volumes':: "Map of component (loki, tempo, prometheus, alertmanager) to { node, path, size }: a PersistentVolume of that size at that directory of that node (kubernetes.io/hostname), bound to the claim the component mounts instead of a volumeClaimTemplate. The directory must exist and belong to the component's user (10001 for Loki and Tempo, 65534 for Prometheus and Alertmanager).",
        volumes: {},
      },
    },

    '#objectStorage':: 'Where Tempo, Mimir and Loki keep their blocks and chunks.',
    objectStorage: {
      '#backend':: "filesystem (the pod's PersistentVolume; single replica only) or s3 (any S3-compatible object store).",
      backend: 'filesystem',
      '#s3':: 'S3-compatible object storage settings, used when backend is s3.',
      s3: {
        '#endpoint':: 'Host (and optional :port) of the S3 API, without scheme.',
        endpoint: 's3.eu-west-1.amazonaws.com',
        '#region':: 'Bucket region.',
        region: 'eu-west-1',
        '#insecure':: 'Use plain HTTP instead of HTTPS (only for an in-cluster test store).',
        insecure: false,
        '#forcePathStyle':: 'Address buckets as endpoint/bucket instead of bucket.endpoint (MinIO and most non-AWS stores).',
        forcePathStyle: false,
        '#buckets':: 'Bucket name per component.',
        buckets: {
          '#tempo':: "Bucket of Tempo's trace blocks.",
          tempo: 'mop-tempo',
          '#mimir':: "Bucket of Mimir's TSDB blocks (prefix blocks/) and ruler rules (prefix ruler/).",
          mimir: 'mop-mimir',
          '#loki':: "Bucket of Loki's chunks, index and delete requests.",
          loki: 'mop-loki',
        },
        '#credentialsSecret':: 'Optional Secret with AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY, loaded as environment variables; without it the SDKs use workload identity (IRSA, GKE Workload Identity).',
        credentialsSecret: 'mop-object-storage',
        '#egressCIDRs':: "Address ranges the backends may reach the object store at; narrow it to the store's ranges or VPC endpoint.",
        egressCIDRs: ['0.0.0.0/0'],
        '#port':: 'TCP port of the S3 endpoint (443 for HTTPS).',
        port: 443,
      },
    },

    '#retention':: 'How long data is kept, as Go durations.',
    retention: {
      '#traces':: 'Tempo block retention (compactor.compaction.block_retention).',
      traces: '72h',
      '#metrics':: 'Mimir block retention (limits.compactor_blocks_retention_period).',
      metrics: '168h',
      '#logs':: 'Loki retention (limits_config.retention_period, enforced by the compactor).',
      logs: '168h',
      '#prometheus':: 'Prometheus TSDB retention (--storage.tsdb.retention.time), a Prometheus duration: unlike the Go durations above, "30d" is valid here.',
      prometheus: '15d',
    },

    '#scrapeIntervals':: 'Prometheus scrape intervals per kind of target, as Prometheus durations.',
    scrapeIntervals: {
      '#default':: 'Interval of every job without a more specific one (the stack itself, databases, applications).',
      default: '30s',
      '#infrastructure':: 'Interval of node-exporter, cAdvisor and kube-state-metrics.',
      infrastructure: '15s',
      '#network':: 'Interval of the blackbox probes, smokeping and mtr (their own probing runs on its own schedule).',
      network: '60s',
    },

    '#sizing':: "Resource preset of Prometheus, Grafana, Loki and Tempo: custom (each component's own resources), small, medium or large; a preset replaces those four components' resources with sizingPresets.<preset>.",
    sizing: 'custom',
    '#sizingPresets':: 'The sizing presets of the seed: its figure of each component is the limit, half of it the request.',
    sizingPresets: {
      '#small':: 'Minimum requirements (small environment).',
      small: preset(['500m', '1Gi', '1000m', '2Gi'], ['250m', '256Mi', '500m', '512Mi'], ['250m', '512Mi', '500m', '1Gi'], ['250m', '512Mi', '500m', '1Gi']),
      '#medium':: 'Recommended requirements (medium environment, the CALO lab).',
      medium: preset(['1000m', '2Gi', '2000m', '4Gi'], ['500m', '512Mi', '1000m', '1Gi'], ['500m', '1Gi', '1000m', '2Gi'], ['500m', '1Gi', '1000m', '2Gi']),
      '#large':: 'Production requirements (large environment).',
      large: preset(['2000m', '4Gi', '4000m', '8Gi'], ['1000m', '1Gi', '2000m', '2Gi'], ['1000m', '2Gi', '2000m', '4Gi'], ['1000m', '2Gi', '2000m', '4Gi']),
    },

    '#access':: 'How users reach the UIs and APIs.',
    access: {
      '#mode':: 'ClusterIP (in-cluster Services only; an ingress controller in another namespace may reach Grafana), NodePort (an extra NodePort Service per component of nodePorts) or HTTPRoute (Grafana behind a Gateway API HTTPRoute at components.grafana.subPath).',
      mode: 'ClusterIP',
      '#nodePorts':: "Map of component to the node port of its UI or API in NodePort mode (the seed's port table); disabled components are skipped.",
      nodePorts: {
        grafana: 30300,
        prometheus: 30090,
        loki: 30310,
        alertmanager: 30930,
        tempo: 30320,
        blackboxExporter: 30115,
        smokeping: 30800,
        cadvisor: 30080,
        mtrExporter: 30808,
      },
      '#nodePortSourceCIDRs':: 'Client address ranges the NetworkPolicies admit on node ports (kube-proxy may rewrite the source to a node address, so include the node network).',
      nodePortSourceCIDRs: ['0.0.0.0/0'],
      '#httpRoute':: 'The Gateway API HTTPRoute of Grafana (mode HTTPRoute).',
      httpRoute: {
        '#parentRefs':: 'Gateways (name, namespace, optional sectionName) the route attaches to; their listeners must allow routes from this namespace.',
        parentRefs: [{ name: 'eg', namespace: 'envoy-gateway-system' }],
        '#hostnames':: 'Hostnames the route matches; empty matches every hostname of the listener.',
        hostnames: [],
      },
    },

    '#scheduling':: 'Where pods run.',
    scheduling: {
      '#nodeSelector':: 'Map of node labels every Deployment and StatefulSet is scheduled on (DaemonSets run on every node); empty for any node.',
      nodeSelector: {},
      '#heavyNode':: 'A dedicated, tainted node for the storage-heavy backends.',
      heavyNode: {
        '#components':: 'Components pinned to the heavy node: their pods get its node selector and tolerations (DaemonSets always tolerate it, so they cover that node too).',
        components: [],
        '#nodeSelector':: 'Map of the labels of the heavy node.',
        nodeSelector: { hardware: 'heavy' },
        '#tolerations':: "Tolerations of the heavy node's taints (Kubernetes toleration objects).",
        tolerations: [{ key: 'heavy', operator: 'Equal', value: 'true', effect: 'NoSchedule' }],
      },
    },

    '#network':: 'Destinations outside the stack that NetworkPolicies allow.',
    network: {
      '#dns':: 'Cluster DNS every pod may query.',
      dns: {
        '#namespace':: 'Namespace of the cluster DNS pods.',
        namespace: 'kube-system',
        '#podLabels':: 'Map of labels selecting the cluster DNS pods (CoreDNS keeps k8s-app: kube-dns).',
        podLabels: { 'k8s-app': 'kube-dns' },
      },
      '#kubeApiServer':: 'The Kubernetes API, which OBI and Alloy query for pod metadata.',
      kubeApiServer: {
        '#cidrs':: 'Addresses of the API server endpoints (kubectl get endpoints kubernetes); narrow the default.',
        cidrs: ['0.0.0.0/0'],
        '#ports':: 'API server ports (443 for the kubernetes Service, 6443 for most endpoints).',
        ports: [443, 6443],
      },
      '#nodeCidrs':: 'Addresses of the cluster nodes: node-exporter listens on the host network, so Prometheus reaches it there.',
      nodeCidrs: ['0.0.0.0/0'],
      '#probeTargets':: 'What the network probers (blackbox exporter, smokeping, mtr-exporter) may reach.',
      probeTargets: {
        '#cidrs':: 'Address ranges of the probed endpoints; narrow the default.',
        cidrs: ['0.0.0.0/0'],
        '#tcpPorts':: 'TCP ports the HTTP, HTTPS, TLS and TCP probes use (DNS on 53 is always allowed to the probers).',
        tcpPorts: [80, 443],
        '#icmp':: 'Allow ICMP echo (ping, smokeping, mtr) to cidrs. NetworkPolicy has no ICMP protocol: this adds an egress rule without ports to cidrs, which admits every protocol there.',
        icmp: true,
      },
    },

    '#components':: "Per-component settings (image, replicas, resources, options), and the enablement matrix of the seed: each components.<group>.<switch> is the default of a component's enabled.",
    components: {
      '#core':: 'Enablement matrix: the core of the Prometheus-family stack and the log shippers.',
      core: {
        '#prometheus':: 'Prometheus (components.prometheus).',
        prometheus: false,
        '#grafana':: 'Grafana (components.grafana).',
        grafana: true,
        '#loki':: 'Loki (components.loki).',
        loki: true,
        '#promtail':: 'Promtail (components.promtail), superseded by alloyLogs.',
        promtail: false,
        '#alloyLogs':: 'Alloy in log mode (components.alloyLogs).',
        alloyLogs: false,
      },
      '#enhanced':: 'Enablement matrix: tracing, alerting and container metrics.',
      enhanced: {
        '#tempo':: 'Tempo (components.tempo).',
        tempo: true,
        '#alertmanager':: 'Alertmanager (components.alertmanager).',
        alertmanager: false,
        '#cadvisor':: 'cAdvisor (components.cadvisor).',
        cadvisor: false,
      },
      '#network':: 'Enablement matrix: network monitoring.',
      network: {
        '#smokeping':: 'smokeping_prober (components.smokeping).',
        smokeping: false,
        '#mtrAnalyzer':: 'mtr-exporter (components.mtrExporter).',
        mtrAnalyzer: false,
        '#blackboxEnhanced':: 'blackbox_exporter (components.blackboxExporter).',
        blackboxEnhanced: false,
      },
      '#infrastructure':: 'Enablement matrix: node and Kubernetes object metrics.',
      infrastructure: {
        '#nodeExporter':: 'node_exporter (components.nodeExporter).',
        nodeExporter: false,
        '#kubeStateMetrics':: 'kube-state-metrics (components.kubeStateMetrics).',
        kubeStateMetrics: false,
      },
      '#applications':: 'Enablement matrix: application metrics, off by default as in the seed.',
      applications: {
        '#jenkins':: "Jenkins' Prometheus plugin (components.jenkins).",
        jenkins: false,
        '#fastapi':: 'FastAPI application metrics (components.fastapi).',
        fastapi: false,
      },
      '#databases':: 'Enablement matrix: database exporters.',
      databases: {
        '#mongodb':: 'mongodb_exporter (components.mongodbExporter).',
        mongodb: false,
        '#postgresql':: 'postgres_exporter (components.postgresExporter).',
        postgresql: false,
        '#redis':: 'redis_exporter (components.redisExporter).',
        redis: false,
      },
      '#telemetry':: 'Enablement matrix: the MOP OpenTelemetry pipeline.',
      telemetry: {
        '#alloy':: 'The Alloy gateway (components.alloy).',
        alloy: true,
        '#obi':: 'OBI (components.obi).',
        obi: true,
        '#mimir':: 'Mimir (components.mimir).',
        mimir: true,
      },

      '#alloy':: 'Grafana Alloy, the OpenTelemetry gateway (Deployment).',
      alloy: {
        '#enabled':: 'Deploy this component (defaults to components.telemetry.alloy).',
        enabled: root.components.telemetry.alloy,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/grafana/alloy',
          '#tag':: 'Image tag (a release, never latest).',
          tag: 'v1.12.2',
        },
        '#replicas':: 'Number of gateway pods.',
        replicas: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('100m', '256Mi', '500m', '512Mi'),
        '#batch':: 'otelcol.processor.batch settings.',
        batch: {
          '#timeout':: 'Send a batch at the latest after this Go duration.',
          timeout: '5s',
          '#sendBatchSize':: 'Send a batch once it holds this many spans, data points or log records.',
          sendBatchSize: 8192,
        },
        '#logLevel':: 'Alloy log level: debug, info, warn or error.',
        logLevel: 'info',
      },
      '#obi':: 'OpenTelemetry eBPF Instrumentation (privileged DaemonSet on every node).',
      obi: {
        '#enabled':: 'Deploy this component (defaults to components.telemetry.obi).',
        enabled: root.components.telemetry.obi,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/otel/ebpf-instrument',
          '#tag':: 'Image tag (a release, never latest or main).',
          tag: 'v0.13.0',
        },
        '#resources':: 'Container resource requests and limits.',
        resources: resources('100m', '256Mi', '500m', '512Mi'),
        '#instrumentNamespaces':: 'Namespace globs whose processes OBI instruments.',
        instrumentNamespaces: ['*'],
        '#excludeNamespaces':: "Namespace globs never instrumented, in addition to the stack's own namespace.",
        excludeNamespaces: ['kube-system'],
        '#logLevel':: 'OBI log level: DEBUG, INFO, WARN or ERROR.',
        logLevel: 'INFO',
      },
      '#tempo':: 'Grafana Tempo, the trace store (StatefulSet).',
      tempo: {
        '#enabled':: 'Deploy this component (defaults to components.enhanced.tempo).',
        enabled: root.components.enhanced.tempo,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/grafana/tempo',
          '#tag':: 'Image tag (a release, never latest).',
          tag: '2.9.0',
        },
        '#replicas':: 'Number of pods; more than 1 runs scalable monolithic mode and needs the s3 backend.',
        replicas: 1,
        '#replicationFactor':: 'Ingester replication factor; at most replicas.',
        replicationFactor: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('200m', '512Mi', '1', '1Gi'),
        '#storageSize':: "Size of each pod's volume (WAL, and blocks with the filesystem backend).",
        storageSize: '10Gi',
        '#directIngestion':: "Accept OTLP (4317, 4318) straight from workloads in other namespaces, without the Alloy gateway (the seed's direct Tempo ingestion).",
        directIngestion: false,
      },
      '#mimir':: 'Grafana Mimir, the metrics store (StatefulSet, monolithic mode).',
      mimir: {
        '#enabled':: 'Deploy this component (defaults to components.telemetry.mimir).',
        enabled: root.components.telemetry.mimir,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/grafana/mimir',
          '#tag':: 'Image tag (a release, never latest).',
          tag: '2.17.2',
        },
        '#replicas':: 'Number of pods; more than 1 needs the s3 backend.',
        replicas: 1,
        '#replicationFactor':: 'Ingester and store-gateway replication factor; at most replicas.',
        replicationFactor: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('250m', '512Mi', '1', '2Gi'),
        '#storageSize':: "Size of each pod's volume (TSDB head and WAL, compactor scratch, blocks with the filesystem backend).",
        storageSize: '10Gi',
        '#maxGlobalExemplarsPerUser':: "Exemplars kept in memory (0 disables exemplar storage, which Grafana's trace links need).",
        maxGlobalExemplarsPerUser: 100000,
      },
      '#loki':: 'Grafana Loki, the log store (StatefulSet, monolithic mode).',
      loki: {
        '#enabled':: 'Deploy this component (defaults to components.core.loki).',
        enabled: root.components.core.loki,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/grafana/loki',
          '#tag':: 'Image tag (a release, never latest).',
          tag: '3.6.3',
        },
        '#replicas':: 'Number of pods; more than 1 needs the s3 backend.',
        replicas: 1,
        '#replicationFactor':: 'Write replication factor; at most replicas.',
        replicationFactor: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('200m', '512Mi', '1', '1Gi'),
        '#storageSize':: "Size of each pod's volume (WAL, index cache, chunks with the filesystem backend).",
        storageSize: '10Gi',
        '#schemaFrom':: 'First day (YYYY-MM-DD) of the TSDB v13 schema period; never change it once data exists.',
        schemaFrom: '2024-04-01',
      },
      '#grafana':: 'Grafana, the UI (Deployment).',
      grafana: {
        '#enabled':: 'Deploy this component (defaults to components.core.grafana).',
        enabled: root.components.core.grafana,
        '#image':: 'Container image, pinned.',
        image: {
          '#repository':: 'Image repository.',
          repository: 'docker.io/grafana/grafana',
          '#tag':: 'Image tag (a release, never latest).',
          tag: '12.3.1',
        },
        '#replicas':: 'Number of pods; must stay 1 with the embedded SQLite database.',
        replicas: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('100m', '256Mi', '500m', '512Mi'),
        '#adminSecret':: 'Optional Secret whose key admin-password sets the admin password (otherwise Grafana asks to change admin/admin at first login).',
        adminSecret: 'grafana-admin',
        '#subPath':: 'URL path Grafana is served under (e.g. /grafana behind a shared gateway); empty serves it at the root.',
        subPath: '',
      },

      '#prometheus':: 'Prometheus, the metrics database of the Prometheus-family stack (StatefulSet).',
      prometheus: {
        '#enabled':: 'Deploy this component (defaults to components.core.prometheus).',
        enabled: root.components.core.prometheus,
        '#image':: 'Container image, pinned (3.5 is a long-term support release).',
        image: image('docker.io/prom/prometheus', 'v3.5.0'),
        '#resources':: 'Container resource requests and limits (replaced by a sizing preset).',
        resources: resources('250m', '512Mi', '1', '2Gi'),
        '#storageSize':: 'Size of the TSDB volume.',
        storageSize: '30Gi',
        '#retentionSize':: 'Largest TSDB size before the oldest blocks are dropped (--storage.tsdb.retention.size); keep it below storageSize.',
        retentionSize: '25GB',
        '#evaluationInterval':: 'How often recording and alerting rules are evaluated (Prometheus duration).',
        evaluationInterval: '30s',
        '#logLevel':: 'Log level: debug, info, warn or error.',
        logLevel: 'info',
      },
      '#alertmanager':: 'Prometheus Alertmanager (StatefulSet).',
      alertmanager: {
        '#enabled':: 'Deploy this component (defaults to components.enhanced.alertmanager).',
        enabled: root.components.enhanced.alertmanager,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/prom/alertmanager', 'v0.28.1'),
        '#replicas':: 'Number of pods; several form a gossip cluster on port 9094.',
        replicas: 1,
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '64Mi', '200m', '256Mi'),
        '#storageSize':: 'Size of the volume holding silences and the notification log.',
        storageSize: '2Gi',
        '#notificationSecret':: 'Secret created outside the stack with the notification credentials, mounted as files (optional: without it the pod starts and notifications fail): keys slack-webhook-url, smtp-password, webhook-url.',
        notificationSecret: 'alertmanager-notifications',
        '#route':: 'Grouping and timing of the route tree (Prometheus durations).',
        route: {
          '#groupBy':: 'Labels alerts are grouped by.',
          groupBy: ['alertname', 'namespace', 'severity'],
          '#groupWait':: 'Wait before the first notification of a group.',
          groupWait: '30s',
          '#groupInterval':: 'Wait before notifying about new alerts of a group.',
          groupInterval: '5m',
          '#repeatInterval':: 'Wait before repeating a notification.',
          repeatInterval: '4h',
        },
        '#receivers':: 'Notification channels; alerts route to the enabled ones (none enabled: alerts are kept in Alertmanager only).',
        receivers: {
          '#slack':: 'Slack incoming webhook (URL in the notification Secret, key slack-webhook-url).',
          slack: {
            '#enabled':: 'Send warnings and critical alerts to Slack.',
            enabled: false,
            '#channel':: 'Channel to post to.',
            channel: '#alerts',
          },
          '#email':: 'E-mail over SMTP (password in the notification Secret, key smtp-password).',
          email: {
            '#enabled':: 'Send critical alerts by e-mail.',
            enabled: false,
            '#to':: 'Recipient address.',
            to: 'oncall@example.org',
            '#from':: 'Sender address.',
            from: 'alertmanager@example.org',
            '#smarthost':: 'SMTP server host:port (587 for STARTTLS).',
            smarthost: 'smtp.example.org:587',
            '#username':: 'SMTP user name.',
            username: 'alertmanager@example.org',
          },
          '#webhook':: 'Generic webhook (URL in the notification Secret, key webhook-url).',
          webhook: {
            '#enabled':: 'Send every alert to the webhook.',
            enabled: false,
          },
        },
        '#egressCIDRs':: 'Address ranges of the notification endpoints (Slack, SMTP server, webhook).',
        egressCIDRs: ['0.0.0.0/0'],
        '#egressPorts':: 'TCP ports of the notification endpoints (443 for Slack and webhooks, 587 for SMTP submission).',
        egressPorts: [443, 587],
      },
      '#nodeExporter':: 'Prometheus node_exporter on every node (DaemonSet, host network, host filesystems read-only).',
      nodeExporter: {
        '#enabled':: 'Deploy this component (defaults to components.infrastructure.nodeExporter).',
        enabled: root.components.infrastructure.nodeExporter,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/prom/node-exporter', 'v1.9.1'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '64Mi', '250m', '128Mi'),
      },
      '#cadvisor':: 'cAdvisor on every node (DaemonSet, root, host filesystems read-only).',
      cadvisor: {
        '#enabled':: 'Deploy this component (defaults to components.enhanced.cadvisor).',
        enabled: root.components.enhanced.cadvisor,
        '#image':: 'Container image, pinned.',
        image: image('gcr.io/cadvisor/cadvisor', 'v0.52.1'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('150m', '200Mi', '300m', '512Mi'),
        '#housekeepingInterval':: 'How often container statistics are collected (Go duration).',
        housekeepingInterval: '10s',
      },
      '#kubeStateMetrics':: 'kube-state-metrics (Deployment, ClusterRole limited to the resources it exports).',
      kubeStateMetrics: {
        '#enabled':: 'Deploy this component (defaults to components.infrastructure.kubeStateMetrics).',
        enabled: root.components.infrastructure.kubeStateMetrics,
        '#image':: 'Container image, pinned.',
        image: image('registry.k8s.io/kube-state-metrics/kube-state-metrics', 'v2.16.0'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '128Mi', '250m', '256Mi'),
      },
      '#blackboxExporter':: 'Prometheus blackbox_exporter (Deployment) and its probe targets.',
      blackboxExporter: {
        '#enabled':: 'Deploy this component (defaults to components.network.blackboxEnhanced).',
        enabled: root.components.network.blackboxEnhanced,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/prom/blackbox-exporter', 'v0.27.0'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '64Mi', '200m', '128Mi'),
        '#dnsQueryName':: 'Name the dns module resolves.',
        dnsQueryName: 'kubernetes.io',
        '#targets':: 'Probes Prometheus runs through the exporter: { module, target } with module one of http_2xx, https, tcp_connect, dns, icmp, tls_expiry (the target is a URL for http_2xx and https, host:port for tcp_connect and tls_expiry, a DNS server for dns, a host for icmp).',
        targets: [
          { module: 'http_2xx', target: 'http://example.com' },
          { module: 'https', target: 'https://prometheus.io' },
          { module: 'tls_expiry', target: 'prometheus.io:443' },
          { module: 'tcp_connect', target: 'github.com:443' },
          { module: 'dns', target: '1.1.1.1:53' },
          { module: 'icmp', target: '1.1.1.1' },
        ],
      },
      '#promtail':: 'Promtail (DaemonSet), kept for compatibility: alloyLogs supersedes it (Promtail is deprecated upstream in favour of Alloy).',
      promtail: {
        '#enabled':: 'Deploy this component (defaults to components.core.promtail).',
        enabled: root.components.core.promtail,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/grafana/promtail', '3.5.8'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('100m', '64Mi', '200m', '128Mi'),
      },
      '#alloyLogs':: 'Grafana Alloy in log mode (DaemonSet): discovers the pods of its node, tails their logs through the Kubernetes API and ships them to Loki with namespace, pod, container, node and cluster labels.',
      alloyLogs: {
        '#enabled':: 'Deploy this component (defaults to components.core.alloyLogs).',
        enabled: root.components.core.alloyLogs,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/grafana/alloy', 'v1.12.2'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('100m', '128Mi', '500m', '512Mi'),
        '#logLevel':: 'Alloy log level: debug, info, warn or error.',
        logLevel: 'info',
      },
      '#smokeping':: 'smokeping_prober (Deployment): ICMP latency and loss histograms, the Prometheus-native Smokeping.',
      smokeping: {
        '#enabled':: 'Deploy this component (defaults to components.network.smokeping).',
        enabled: root.components.network.smokeping,
        '#image':: 'Container image, pinned.',
        image: image('quay.io/superq/smokeping-prober', 'v0.12.0'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('20m', '32Mi', '100m', '64Mi'),
        '#interval':: 'Ping interval per host (Go duration).',
        interval: '1s',
        '#hosts':: 'Hosts to ping.',
        hosts: ['1.1.1.1', '8.8.8.8'],
      },
      '#mtrExporter':: 'mtr-exporter (Deployment): hop-by-hop path loss and latency from periodic mtr runs.',
      mtrExporter: {
        '#enabled':: 'Deploy this component (defaults to components.network.mtrAnalyzer).',
        enabled: root.components.network.mtrAnalyzer,
        '#image':: 'Container image, pinned.',
        image: image('ghcr.io/mgumz/mtr-exporter', '0.4.0'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('20m', '32Mi', '200m', '128Mi'),
        '#schedule':: 'How often each destination is traced (cron syntax or @every <Go duration>).',
        schedule: '@every 60s',
        '#cycles':: 'Probes sent to each hop per run (mtr -c).',
        cycles: 10,
        '#destinations':: 'Map of job label to the host traced.',
        destinations: { cloudflare: '1.1.1.1', google: '8.8.8.8' },
      },
      '#mongodbExporter':: 'Percona mongodb_exporter (Deployment).',
      mongodbExporter: {
        '#enabled':: 'Deploy this component (defaults to components.databases.mongodb).',
        enabled: root.components.databases.mongodb,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/percona/mongodb_exporter', '0.47.1'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '64Mi', '200m', '256Mi'),
        '#connectionSecret':: 'Secret created outside the stack whose key mongodb-uri holds the connection URI with credentials (loaded as MONGODB_URI; optional reference).',
        connectionSecret: 'mongodb-exporter',
        '#database':: 'Where the database runs, for the egress NetworkPolicy.',
        database: {
          '#namespace':: 'Namespace of the database pods.',
          namespace: 'databases',
          '#podLabels':: 'Map of labels selecting the database pods.',
          podLabels: { 'app.kubernetes.io/name': 'mongodb' },
          '#port':: 'Database port.',
          port: 27017,
        },
      },
      '#postgresExporter':: 'postgres_exporter (Deployment).',
      postgresExporter: {
        '#enabled':: 'Deploy this component (defaults to components.databases.postgresql).',
        enabled: root.components.databases.postgresql,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/prometheuscommunity/postgres-exporter', 'v0.17.1'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '64Mi', '200m', '256Mi'),
        '#connectionSecret':: 'Secret created outside the stack whose key data-source-name holds the connection string with credentials (loaded as DATA_SOURCE_NAME; optional reference).',
        connectionSecret: 'postgres-exporter',
        '#database':: 'Where the database runs, for the egress NetworkPolicy.',
        database: {
          '#namespace':: 'Namespace of the database pods.',
          namespace: 'databases',
          '#podLabels':: 'Map of labels selecting the database pods.',
          podLabels: { 'app.kubernetes.io/name': 'postgresql' },
          '#port':: 'Database port.',
          port: 5432,
        },
      },
      '#redisExporter':: 'redis_exporter (Deployment).',
      redisExporter: {
        '#enabled':: 'Deploy this component (defaults to components.databases.redis).',
        enabled: root.components.databases.redis,
        '#image':: 'Container image, pinned.',
        image: image('docker.io/oliver006/redis_exporter', 'v1.74.0'),
        '#resources':: 'Container resource requests and limits.',
        resources: resources('50m', '32Mi', '200m', '128Mi'),
        '#address':: 'Redis address (redis://host:port), not a secret.',
        address: 'redis://redis.databases.svc.cluster.local:6379',
        '#connectionSecret':: 'Secret created outside the stack whose key redis-password holds the password (loaded as REDIS_PASSWORD; optional reference).',
        connectionSecret: 'redis-exporter',
        '#database':: 'Where the database runs, for the egress NetworkPolicy.',
        database: {
          '#namespace':: 'Namespace of the database pods.',
          namespace: 'databases',
          '#podLabels':: 'Map of labels selecting the database pods.',
          podLabels: { 'app.kubernetes.io/name': 'redis' },
          '#port':: 'Database port.',
          port: 6379,
        },
      },
      '#jenkins':: "Jenkins metrics from its Prometheus plugin: a Prometheus scrape job, no workload (the seed's Jenkins exporter image used the removed Docker schema 1 format).",
      jenkins: {
        '#enabled':: 'Scrape Jenkins (defaults to components.applications.jenkins).',
        enabled: root.components.applications.jenkins,
        '#namespace':: 'Namespace of the Jenkins controller.',
        namespace: 'jenkins',
        '#service':: 'Service of the Jenkins controller.',
        service: 'jenkins',
        '#podLabels':: 'Map of labels selecting the Jenkins controller pods.',
        podLabels: { 'app.kubernetes.io/name': 'jenkins' },
        '#port':: 'HTTP port of Jenkins.',
        port: 8080,
        '#metricsPath':: 'Path of the Prometheus plugin endpoint.',
        metricsPath: '/prometheus/',
      },
      '#fastapi':: 'FastAPI application metrics (prometheus-fastapi-instrumentator): a Prometheus scrape job discovering pods by label, no workload.',
      fastapi: {
        '#enabled':: 'Scrape FastAPI applications (defaults to components.applications.fastapi).',
        enabled: root.components.applications.fastapi,
        '#namespaces':: 'Namespaces of the applications.',
        namespaces: ['applications'],
        '#podLabels':: 'Map of labels selecting the application pods.',
        podLabels: { 'app.kubernetes.io/component': 'fastapi' },
        '#port':: 'Port of the /metrics endpoint.',
        port: 8000,
        '#metricsPath':: 'Path of the metrics endpoint.',
        metricsPath: '/metrics',
      },
    },
  },

  '#environments':: 'Per-environment overrides of defaults (merged with +:).',
  environments: {
    '#dev':: 'Development: one replica of everything, data on PersistentVolumes (filesystem backend), short retention.',
    dev: {
      namespace: 'observability-dev',
      clusterName: 'mop-dev',
    },
    '#staging':: 'Staging: replicated backends on S3-compatible storage, medium retention.',
    staging: {
      namespace: 'observability-staging',
      clusterName: 'mop-staging',
      objectStorage+: {
        backend: 's3',
        s3+: { buckets+: { tempo: 'mop-staging-tempo', mimir: 'mop-staging-mimir', loki: 'mop-staging-loki' } },
      },
      retention+: { traces: '168h', metrics: '720h', logs: '336h' },
      components+: {
        alloy+: {
          replicas: 2,
          resources: resources('200m', '512Mi', '1', '1Gi'),
        },
        tempo+: {
          replicas: 2,
          resources: resources('500m', '1Gi', '2', '2Gi'),
          storageSize: '20Gi',
        },
        mimir+: {
          replicas: 3,
          replicationFactor: 3,
          resources: resources('500m', '1Gi', '2', '4Gi'),
          storageSize: '20Gi',
        },
        loki+: {
          replicas: 3,
          replicationFactor: 3,
          resources: resources('500m', '1Gi', '2', '2Gi'),
          storageSize: '20Gi',
        },
      },
    },
    '#production':: 'Production: three-way replicated backends on S3, fast SSD volumes kept on deletion, long retention.',
    production: {
      namespace: 'observability',
      clusterName: 'mop-production',
      storage+: { className: 'mop-fast-ssd', reclaimPolicy: 'Retain' },
      objectStorage+: {
        backend: 's3',
        s3+: { buckets+: { tempo: 'mop-production-tempo', mimir: 'mop-production-mimir', loki: 'mop-production-loki' } },
      },
      retention+: { traces: '336h', metrics: '2160h', logs: '744h' },
      components+: {
        alloy+: {
          replicas: 3,
          resources: resources('500m', '1Gi', '2', '2Gi'),
        },
        obi+: {
          resources: resources('200m', '512Mi', '1', '1Gi'),
        },
        tempo+: {
          replicas: 3,
          replicationFactor: 3,
          resources: resources('1', '2Gi', '4', '4Gi'),
          storageSize: '50Gi',
        },
        mimir+: {
          replicas: 3,
          replicationFactor: 3,
          resources: resources('1', '4Gi', '4', '8Gi'),
          storageSize: '100Gi',
        },
        loki+: {
          replicas: 3,
          replicationFactor: 3,
          resources: resources('1', '2Gi', '4', '4Gi'),
          storageSize: '50Gi',
        },
        grafana+: {
          resources: resources('250m', '512Mi', '1', '1Gi'),
        },
      },
    },
    '#calo-lab':: "The CALO lab's 17-service Prometheus-family stack (seed 003): Prometheus, Grafana, Loki and Promtail, Tempo with direct ingestion, Alertmanager, cAdvisor, node-exporter, kube-state-metrics, the network probers and the database exporters on NodePorts, medium sizing; Jenkins and FastAPI present but off.",
    'calo-lab': {
      namespace: 'ao-os',
      clusterName: 'calo-lab',
      sizing: 'medium',
      access+: { mode: 'NodePort' },
      // An on-premises cluster: volumes from Longhorn.
      storage+: { cloud: 'longhorn' },
      retention+: { traces: '168h', logs: '168h', prometheus: '30d' },
      scrapeIntervals+: { default: '30s', infrastructure: '15s', network: '60s' },
      scheduling+: { nodeSelector: { 'ao-node': 'observability' } },
      components+: {
        core+: { prometheus: true, grafana: true, loki: true, promtail: true },
        enhanced+: { tempo: true, alertmanager: true, cadvisor: true },
        network+: { smokeping: true, mtrAnalyzer: true, blackboxEnhanced: true },
        infrastructure+: { nodeExporter: true, kubeStateMetrics: true },
        applications+: { jenkins: false, fastapi: false },
        databases+: { mongodb: true, postgresql: true, redis: true },
        telemetry+: { alloy: false, obi: false, mimir: false },
        tempo+: { directIngestion: true, storageSize: '20Gi' },
        loki+: { storageSize: '20Gi' },
        alertmanager+: {
          receivers+: {
            slack+: { enabled: true, channel: '#calo-lab-alerts' },
            email+: { enabled: true },
            webhook+: { enabled: true },
          },
        },
        fastapi+: { namespaces: ['cxtaf'] },
      },
    },
    '#homelab':: 'The two-node homelab (seed 004): Loki and Tempo monolithic on local PersistentVolumes of the heavy node, Alloy tailing pod logs on both nodes, Grafana under /grafana behind an Envoy Gateway HTTPRoute, 168h retention.',
    homelab: {
      namespace: 'logging',
      clusterName: 'homelab',
      access+: { mode: 'HTTPRoute' },
      // k3s without a CSI driver: no cloud StorageClasses, local volumes on node-2.
      storage+: {
        manageStorageClasses: false,
        'local'+: {
          volumes: {
            loki: { node: 'node-2', path: '/mnt/k8s-storage/loki', size: '200Gi' },
            tempo: { node: 'node-2', path: '/mnt/k8s-storage/tempo', size: '50Gi' },
          },
        },
      },
      retention+: { traces: '168h', logs: '168h' },
      scheduling+: { heavyNode+: { components: ['loki', 'tempo'] } },
      components+: {
        core+: { alloyLogs: true },
        telemetry+: { alloy: false, obi: false, mimir: false },
        tempo+: { directIngestion: true },
        grafana+: { subPath: '/grafana' },
      },
    },
  },

  '#forEnvironment':: 'forEnvironment(name) returns platform and defaults merged with environments[name], validated; an unknown name is an error listing the valid ones.',
  forEnvironment(name)::
    if !std.objectHas(self.environments, name) then
      error 'unknown environment "%s": valid environments are %s' % [name, std.join(', ', std.objectFields(self.environments))]
    else
      validate(applySizing({ '#platform':: $['#platform'], platform: $.platform } + self.defaults + self.environments[name] + { name: name })),

  '#resolve':: 'resolve(name, overrides) is forEnvironment(name) with extra overrides (written with +:) merged in before validation, for examples and tests.',
  resolve(name, overrides={})::
    if !std.objectHas(self.environments, name) then self.forEnvironment(name)
    else validate(applySizing({ '#platform':: $['#platform'], platform: $.platform } + self.defaults + self.environments[name] + { name: name } + overrides)),
}
