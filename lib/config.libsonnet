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

local componentNames = ['alloy', 'obi', 'tempo', 'mimir', 'loki', 'grafana'];
local statefulComponents = ['tempo', 'mimir', 'loki'];

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
  config;

{
  '#':: 'The MOP stack configuration: defaults, per-environment overrides, and forEnvironment(name) to resolve one environment.',

  '#isGoDuration':: 'isGoDuration(value) is true when value is a Go duration string such as "168h" or "1m30s" (exported for tests and callers validating their own overrides).',
  isGoDuration:: isGoDuration,

  '#componentNames':: 'The six MOP components, in deployment order.',
  componentNames:: componentNames,

  '#platform':: 'Identity of the platform itself, shared by all environments.',
  platform: {
    '#name':: 'Platform name; the value of the app.kubernetes.io/part-of label.',
    name: 'mop',
    '#version':: 'Platform release; the value of the mop.io/version label.',
    version: '1.0.0',
  },

  '#defaults':: 'Settings shared by every environment; environments override parts of it.',
  defaults: {
    '#name':: 'Environment name (dev, staging or production); set by forEnvironment and used as the environment label.',
    name: '',
    '#namespace':: 'Namespace every namespaced object of the environment lives in.',
    namespace: 'observability-dev',
    '#clusterName':: 'Name of the Kubernetes cluster, reported by OBI as k8s.cluster.name.',
    clusterName: 'mop',
    '#clusterDomain':: 'DNS suffix of the cluster, used to build service addresses.',
    clusterDomain: 'cluster.local',

    '#storage':: 'Persistent volumes: the StorageClasses the stack creates and the one its volumes use.',
    storage: {
      '#cloud':: 'Cloud provider whose CSI driver provisions volumes: gke, eks or aks.',
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
    },

    '#components':: 'Per-component settings: image, replicas, resources and component options.',
    components: {
      '#alloy':: 'Grafana Alloy, the OpenTelemetry gateway (Deployment).',
      alloy: {
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
      },
      '#mimir':: 'Grafana Mimir, the metrics store (StatefulSet, monolithic mode).',
      mimir: {
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
        '#enabled':: 'Deploy this component.',
        enabled: true,
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
  },

  '#forEnvironment':: 'forEnvironment(name) returns platform and defaults merged with environments[name], validated; an unknown name is an error listing the valid ones.',
  forEnvironment(name)::
    if !std.objectHas(self.environments, name) then
      error 'unknown environment "%s": valid environments are %s' % [name, std.join(', ', std.objectFields(self.environments))]
    else
      validate({ '#platform':: $['#platform'], platform: $.platform } + self.defaults + self.environments[name] + { name: name }),

  '#resolve':: 'resolve(name, overrides) is forEnvironment(name) with extra overrides (written with +:) merged in before validation, for examples and tests.',
  resolve(name, overrides={})::
    if !std.objectHas(self.environments, name) then self.forEnvironment(name)
    else validate({ '#platform':: $['#platform'], platform: $.platform } + self.defaults + self.environments[name] + { name: name } + overrides),
}
