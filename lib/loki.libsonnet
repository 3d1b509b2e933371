// Grafana Loki, the log store, in monolithic mode (`target: all`).
//
// Alloy pushes logs over OTLP to /otlp (resource attributes such as service.name become the
// service_name label, trace ids are kept as structured metadata). Chunks and the TSDB index live
// on the pod's volume (filesystem backend, dev) or in S3-compatible object storage; the compactor
// enforces retention.logs. Several replicas share their rings over memberlist; one replica alone
// keeps them in memory.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';
local storage = import 'kubernetes/storage.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, statefulSet, headlessService, service } (plus podDisruptionBudget with more than one replica, persistentVolume and persistentVolumeClaim with a local volume, nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.loki;
    local component = k.mopComponent(config, 'loki');
    local ports = catalog.loki.ports;
    local clustered = c.replicas > 1;
    local s3 = config.objectStorage.backend == 's3';
    local objectStore = if s3 then 's3' else 'filesystem';
    local headlessName = 'loki-headless';
    local dataDir = '/var/loki';

    local lokiConfig = {
      target: 'all',
      // One tenant ("fake"): clients need no X-Scope-OrgID header.
      auth_enabled: false,
      server: {
        http_listen_port: ports.http,
        grpc_listen_port: ports.grpc,
        log_level: 'info',
      },
      common: {
        path_prefix: dataDir,
        replication_factor: c.replicationFactor,
        ring: { kvstore: { store: if clustered then 'memberlist' else 'inmemory' } },
        storage: (
          if s3 then {
            s3: {
              endpoint: config.objectStorage.s3.endpoint,
              region: config.objectStorage.s3.region,
              bucketnames: config.objectStorage.s3.buckets.loki,
              insecure: config.objectStorage.s3.insecure,
              s3forcepathstyle: config.objectStorage.s3.forcePathStyle,
            },
          } else {
            filesystem: {
              chunks_directory: dataDir + '/chunks',
              rules_directory: dataDir + '/rules',
            },
          }
        ),
      },
      schema_config: {
        configs: [{
          from: c.schemaFrom,
          store: 'tsdb',
          object_store: objectStore,
          schema: 'v13',
          index: { prefix: 'index_', period: '24h' },
        }],
      },
      compactor: {
        working_directory: dataDir + '/compactor',
        retention_enabled: true,
        delete_request_store: objectStore,
      },
      limits_config: {
        retention_period: config.retention.logs,
        allow_structured_metadata: true,
        volume_enabled: true,
      },
      analytics: { reporting_enabled: false },
    } + (
      if clustered then {
        memberlist: {
          bind_port: ports.gossip,
          join_members: ['dns+%s.%s.svc.%s:%d' % [headlessName, config.namespace, config.clusterDomain, ports.gossip]],
        },
      } else {}
    );
    local configYaml = k.yaml(lokiConfig);

    local dataVolume = storage.dataVolume(config, 'loki', component.labels, c.storageSize);

    rbac.forComponent(config, 'loki') + storage.localVolume(config, 'loki') + {
      configMap: k.configMap(config, component, 'loki', { 'loki.yaml': configYaml }),

      statefulSet: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: k.metadata(config, component, 'loki'),
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
              serviceAccountName: 'loki',
              automountServiceAccountToken: false,
              securityContext: k.podSecurityContext(catalog.loki.user),
              affinity: k.antiAffinity(component),
              // Ingesters flush their chunks on shutdown.
              terminationGracePeriodSeconds: 120,
              containers: [{
                name: 'loki',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['-config.file=/etc/loki/loki.yaml'],
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
                  k.volumeMount('config', '/etc/loki', readOnly=true),
                  k.volumeMount('data', dataDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'loki'),
                k.emptyDirVolume('tmp'),
              ] + dataVolume.podVolumes,
            } + k.placement(config, 'loki'),
          },
        } + dataVolume.statefulSet,
      },

      headlessService: k.service(config, component, headlessName, [
        k.servicePort('http', ports.http),
        k.servicePort('grpc', ports.grpc),
      ] + (if clustered then [k.servicePort('gossip', ports.gossip)] else []), headless=true),

      service: k.service(config, component, 'loki', [k.servicePort('http', ports.http)]),
    } + (
      if c.replicas > 1 then { podDisruptionBudget: k.podDisruptionBudget(config, component) } else {}
    ) + k.nodePort(config, 'loki', component, 'http', ports.http),
}
