// Grafana Tempo, the trace store.
//
// One replica runs monolithic mode (`target: all`, in-memory ring); more replicas run scalable
// monolithic mode (`scalable-single-binary`) and find each other over memberlist. Blocks live on
// the pod's volume (filesystem backend, dev) or in S3-compatible object storage; the compactor
// deletes blocks older than retention.traces.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';
local storage = import 'kubernetes/storage.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, role, roleBinding, configMap, statefulSet, headlessService, service } (plus podDisruptionBudget with more than one replica, persistentVolume and persistentVolumeClaim with a local volume, nodePortService in NodePort mode).',
  new(config)::
    local c = config.components.tempo;
    local component = k.mopComponent(config, 'tempo');
    local ports = catalog.tempo.ports;
    local clustered = c.replicas > 1;
    local s3 = config.objectStorage.backend == 's3';
    local headlessName = 'tempo-headless';
    local dataDir = '/var/tempo';

    local tempoConfig = {
      target: if clustered then 'scalable-single-binary' else 'all',
      stream_over_http_enabled: true,
      server: {
        http_listen_port: ports.http,
        grpc_listen_port: ports.grpc,
        log_level: 'info',
      },
      distributor: {
        receivers: {
          otlp: {
            protocols: {
              // Tempo's receivers listen on localhost unless told otherwise.
              grpc: { endpoint: '0.0.0.0:%d' % ports['otlp-grpc'] },
              http: { endpoint: '0.0.0.0:%d' % ports['otlp-http'] },
            },
          },
        },
      },
      ingester: {
        lifecycler: { ring: { replication_factor: c.replicationFactor } },
      },
      // Every replica runs a query-frontend; its queriers work for the local one.
      querier: { frontend_worker: { frontend_address: '127.0.0.1:%d' % ports.grpc } },
      compactor: { compaction: { block_retention: config.retention.traces } },
      storage: {
        trace: {
          wal: { path: dataDir + '/wal' },
        } + (
          if s3 then {
            backend: 's3',
            s3: {
              bucket: config.objectStorage.s3.buckets.tempo,
              endpoint: config.objectStorage.s3.endpoint,
              region: config.objectStorage.s3.region,
              insecure: config.objectStorage.s3.insecure,
              forcepathstyle: config.objectStorage.s3.forcePathStyle,
            },
          } else {
            backend: 'local',
            'local': { path: dataDir + '/blocks' },
          }
        ),
      },
      usage_report: { reporting_enabled: false },
    } + (
      if clustered then {
        memberlist: {
          bind_port: ports.gossip,
          join_members: ['dns+%s.%s.svc.%s:%d' % [headlessName, config.namespace, config.clusterDomain, ports.gossip]],
        },
      } else {}
    );
    local configYaml = k.yaml(tempoConfig);

    local containerPorts = [
      k.containerPort('http', ports.http),
      k.containerPort('grpc', ports.grpc),
      k.containerPort('otlp-grpc', ports['otlp-grpc']),
      k.containerPort('otlp-http', ports['otlp-http']),
    ] + (if clustered then [k.containerPort('gossip', ports.gossip)] else []);

    local dataVolume = storage.dataVolume(config, 'tempo', component.labels, c.storageSize);

    rbac.forComponent(config, 'tempo') + storage.localVolume(config, 'tempo') + {
      configMap: k.configMap(config, component, 'tempo', { 'tempo.yaml': configYaml }),

      statefulSet: {
        apiVersion: 'apps/v1',
        kind: 'StatefulSet',
        metadata: k.metadata(config, component, 'tempo'),
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
              serviceAccountName: 'tempo',
              automountServiceAccountToken: false,
              securityContext: k.podSecurityContext(catalog.tempo.user),
              affinity: k.antiAffinity(component),
              // Ingesters flush their in-memory traces on shutdown.
              terminationGracePeriodSeconds: 120,
              containers: [{
                name: 'tempo',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: ['-config.file=/etc/tempo/tempo.yaml'],
                // Static S3 credentials, when the Secret exists; otherwise workload identity.
                [if s3 then 'envFrom']: [{ secretRef: { name: config.objectStorage.s3.credentialsSecret, optional: true } }],
                ports: containerPorts,
                readinessProbe: k.httpProbe('http', '/ready', initialDelaySeconds=15),
                livenessProbe: k.tcpProbe('http'),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('config', '/etc/tempo', readOnly=true),
                  k.volumeMount('data', dataDir),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'tempo'),
                k.emptyDirVolume('tmp'),
              ] + dataVolume.podVolumes,
            } + k.placement(config, 'tempo'),
          },
        } + dataVolume.statefulSet,
      },

      headlessService: k.service(config, component, headlessName, [
        k.servicePort('http', ports.http),
        k.servicePort('grpc', ports.grpc),
      ] + (if clustered then [k.servicePort('gossip', ports.gossip)] else []), headless=true),

      service: k.service(config, component, 'tempo', [
        k.servicePort('http', ports.http),
        k.servicePort('grpc', ports.grpc),
        k.servicePort('otlp-grpc', ports['otlp-grpc']),
        k.servicePort('otlp-http', ports['otlp-http']),
      ]),
    } + (
      if c.replicas > 1 then { podDisruptionBudget: k.podDisruptionBudget(config, component) } else {}
    ) + k.nodePort(config, 'tempo', component, 'http', ports.http),
}
