// Grafana Mimir, the metrics store, in monolithic mode (`target: all`).
//
// Alloy remote-writes to /api/v1/push; Grafana queries the Prometheus API under /prometheus.
// Blocks live on the pod's volume (filesystem backend, dev) or in S3-compatible object storage,
// where the blocks and the ruler's rules share one bucket under distinct prefixes. Several
// replicas form their hash rings over memberlist (Mimir's default ring store). Exemplars are
// stored so that Grafana can jump from a metric to the trace that produced it.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, statefulSet, headlessService, service } (plus podDisruptionBudget with more than one replica).',
  new(config)::
    local c = config.components.mimir;
    local component = k.mopComponent(config, 'mimir');
    local ports = catalog.mimir.ports;
    local clustered = c.replicas > 1;
    local s3 = config.objectStorage.backend == 's3';
    local headlessName = 'mimir-headless';
    local dataDir = '/data';
    local s3Client = {
      endpoint: config.objectStorage.s3.endpoint,
      bucket_name: config.objectStorage.s3.buckets.mimir,
      region: config.objectStorage.s3.region,
      insecure: config.objectStorage.s3.insecure,
      [if config.objectStorage.s3.forcePathStyle then 'bucket_lookup_type']: 'path',
    };

    local mimirConfig = {
      target: 'all',
      // One tenant ("anonymous"): clients need no X-Scope-OrgID header.
      multitenancy_enabled: false,
      server: {
        http_listen_port: ports.http,
        grpc_listen_port: ports.grpc,
        log_level: 'info',
      },
      // Every path Mimir writes to is on the data volume: the root filesystem is read-only and
      // several defaults are relative to the working directory.
      activity_tracker: { filepath: dataDir + '/activity.log' },
      blocks_storage: {
        tsdb: { dir: dataDir + '/tsdb' },
        bucket_store: { sync_dir: dataDir + '/tsdb-sync' },
      } + (
        if s3 then { backend: 's3', storage_prefix: 'blocks', s3: s3Client }
        else { backend: 'filesystem', filesystem: { dir: dataDir + '/blocks' } }
      ),
      ruler_storage: (
        if s3 then { backend: 's3', storage_prefix: 'ruler', s3: s3Client }
        else { backend: 'filesystem', filesystem: { dir: dataDir + '/rules' } }
      ),
      ruler: { rule_path: dataDir + '/ruler' },
      compactor: { data_dir: dataDir + '/compactor' },
      ingester: { ring: { replication_factor: c.replicationFactor } },
      store_gateway: { sharding_ring: { replication_factor: c.replicationFactor } },
      limits: {
        compactor_blocks_retention_period: config.retention.metrics,
        max_global_exemplars_per_user: c.maxGlobalExemplarsPerUser,
      },
      usage_stats: { enabled: false },
    } + (
      if clustered then {
        memberlist: {
          bind_port: ports.gossip,
          join_members: ['dns+%s.%s.svc.%s:%d' % [headlessName, config.namespace, config.clusterDomain, ports.gossip]],
        },
      } else {}
    );
    local configYaml = k.yaml(mimirConfig);

    rbac.forComponent(config, 'mimir') + {
      configMap: k.configMap(config, component, 'mimir', { 'mimir.yaml': configYaml }),

      statefulSet: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: k.metadata(config, component, 'mimir'),
        spec: {
          serviceName: headlessName,
          replicas: c.replicas,
          podManagementPolicy: 'Parallel',
          selector: { matchLabels: component.selector },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(configYaml) },
            },
            spec: {
              serviceAccountName: 'mimir',
              automountServiceAccountToken: false,
              securityContext: k.podSecurityContext(catalog.mimir.user),
              affinity: k.antiAffinity(component),
              // Ingesters ship their TSDB head and leave the ring on shutdown.
              terminationGracePeriodSeconds: 240,
              containers: [{
                name: 'mimir',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['-config.file=/etc/mimir/mimir.yaml'],
                // Static S3 credentials, when the Secret exists; otherwise workload identity.
                [if s3 then 'envFrom']: [{ secretRef: { name: config.objectStorage.s3.credentialsSecret, optional: true } }],
                ports: [
                  k.containerPort('http', ports.http),
                  k.containerPort('grpc', ports.grpc),
                ] + (if clustered then [k.containerPort('gossip', ports.gossip)] else []),
                readinessProbe: k.httpProbe('http', '/ready', initialDelaySeconds=15),
                livenessProbe: k.tcpProbe('http'),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('config', '/etc/mimir', readOnly=true),
                  k.volumeMount('data', dataDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'mimir'),
                k.emptyDirVolume('tmp'),
              ],
            } + k.placement(config, 'mimir'),
          },
          volumeClaimTemplates: [{
            metadata: { name: 'data', labels: component.labels },
            spec: {
              accessModes: ['ReadWriteOnce'],
              storageClassName: config.storage.className,
              resources: { requests: { storage: c.storageSize } },
            },
          }],
        },
      },

      headlessService: k.service(config, component, headlessName, [
        k.servicePort('http', ports.http),
        k.servicePort('grpc', ports.grpc),
      ] + (if clustered then [k.servicePort('gossip', ports.gossip)] else []), headless=true),

      service: k.service(config, component, 'mimir', [k.servicePort('http', ports.http)]),
    } + (
      if c.replicas > 1 then { podDisruptionBudget: k.podDisruptionBudget(config, component) } else {}
    ),
}
