// Grafana Alloy as the OpenTelemetry gateway of the stack.
//
// Pipeline (Alloy configuration syntax): OTLP receivers on gRPC 4317 and HTTP 4318 ->
// memory_limiter -> k8sattributes (pod and namespace metadata, which is why Alloy has a
// ClusterRole) -> batch -> traces to Tempo over OTLP/gRPC, metrics to Mimir through Prometheus
// remote write (exemplars included), logs to Loki over OTLP/HTTP. Signals whose backend is
// disabled are not received at all.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

// Renders an Alloy list of component references: [a.input, b.input].
local refs(list) = '[%s]' % std.join(', ', list);

{
  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, configMap, deployment, service } (plus podDisruptionBudget with more than one replica).',
  new(config)::
    local c = config.components.alloy;
    local component = k.mopComponent(config, 'alloy');
    local ports = catalog.alloy.ports;
    local svc(name) = '%s.%s.svc.%s' % [name, config.namespace, config.clusterDomain];
    local traces = config.components.tempo.enabled;
    local metrics = config.components.mimir.enabled;
    local logs = config.components.loki.enabled;
    // The output block of a processor: each enabled signal goes to `target`.
    local output(target) = std.join('\n', [
                                            '  output {',
                                          ] + (if metrics then ['    metrics = %s' % refs([target])] else [])
                                          + (if logs then ['    logs    = %s' % refs([target])] else [])
                                          + (if traces then ['    traces  = %s' % refs([target])] else [])
                                          + ['  }']);
    local exporterOutput = std.join('\n', [
                                            '  output {',
                                          ] + (if metrics then ['    metrics = [otelcol.exporter.prometheus.mimir.input]'] else [])
                                          + (if logs then ['    logs    = [otelcol.exporter.otlphttp.loki.input]'] else [])
                                          + (if traces then ['    traces  = [otelcol.exporter.otlp.tempo.input]'] else [])
                                          + ['  }']);

    local alloyConfig = std.join('\n', [
      |||
        logging {
          level  = "%(level)s"
          format = "logfmt"
        }
      ||| % { level: c.logLevel },
      |||
        otelcol.receiver.otlp "default" {
          grpc {
            endpoint = "0.0.0.0:%(grpc)d"
          }

          http {
            endpoint = "0.0.0.0:%(http)d"
          }

        %(output)s
        }
      ||| % { grpc: ports['otlp-grpc'], http: ports['otlp-http'], output: output('otelcol.processor.memory_limiter.default.input') },
      |||
        otelcol.processor.memory_limiter "default" {
          check_interval         = "1s"
          limit_percentage       = 80
          spike_limit_percentage = 20

        %(output)s
        }
      ||| % { output: output('otelcol.processor.k8sattributes.default.input') },
      // Runs before batching: it associates telemetry with the sending pod by connection address.
      |||
        otelcol.processor.k8sattributes "default" {
        %(output)s
        }
      ||| % { output: output('otelcol.processor.batch.default.input') },
      |||
        otelcol.processor.batch "default" {
          timeout         = "%(timeout)s"
          send_batch_size = %(size)d

        %(output)s
        }
      ||| % { timeout: c.batch.timeout, size: c.batch.sendBatchSize, output: exporterOutput },
    ] + (
      if traces then [|||
        otelcol.exporter.otlp "tempo" {
          client {
            endpoint = "%(endpoint)s"

            tls {
              insecure = true
            }
          }
        }
      ||| % { endpoint: '%s:%d' % [svc('tempo'), catalog.tempo.ports['otlp-grpc']] }] else []
    ) + (
      if metrics then [
        |||
          otelcol.exporter.prometheus "mimir" {
            forward_to = [prometheus.remote_write.mimir.receiver]
          }
        |||,
        |||
          prometheus.remote_write "mimir" {
            endpoint {
              url = "%(url)s"
            }
          }
        ||| % { url: 'http://%s:%d/api/v1/push' % [svc('mimir'), catalog.mimir.ports.http] },
      ] else []
    ) + (
      if logs then [|||
        otelcol.exporter.otlphttp "loki" {
          client {
            endpoint = "%(endpoint)s"
          }
        }
      ||| % { endpoint: 'http://%s:%d/otlp' % [svc('loki'), catalog.loki.ports.http] }] else []
    ));

    rbac.forComponent(config, 'alloy') + {
      configMap: k.configMap(config, component, 'alloy', { 'config.alloy': alloyConfig }),

      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: k.metadata(config, component, 'alloy'),
        spec: {
          replicas: c.replicas,
          selector: { matchLabels: component.selector },
          strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(alloyConfig) },
            },
            spec: {
              serviceAccountName: 'alloy',
              // k8sattributes reads pods and namespaces from the API.
              automountServiceAccountToken: true,
              securityContext: k.podSecurityContext(catalog.alloy.user),
              affinity: k.antiAffinity(component),
              containers: [{
                name: 'alloy',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  'run',
                  '/etc/alloy/config.alloy',
                  '--storage.path=/var/lib/alloy/data',
                  // The HTTP server (probes, /metrics) listens on localhost by default.
                  '--server.http.listen-addr=0.0.0.0:%d' % ports.http,
                  '--stability.level=generally-available',
                ],
                ports: [
                  k.containerPort('otlp-grpc', ports['otlp-grpc']),
                  k.containerPort('otlp-http', ports['otlp-http']),
                  k.containerPort('http', ports.http),
                ],
                readinessProbe: k.httpProbe('http', '/-/ready'),
                livenessProbe: k.tcpProbe('http'),
                resources: c.resources,
                securityContext: k.containerSecurityContext(),
                volumeMounts: [
                  k.volumeMount('config', '/etc/alloy', readOnly=true),
                  k.volumeMount('data', '/var/lib/alloy/data'),
                  k.volumeMount('tmp', '/tmp'),
                ],
              }],
              volumes: [
                k.configMapVolume('config', 'alloy'),
                k.emptyDirVolume('data', '1Gi'),
                k.emptyDirVolume('tmp'),
              ],
            } + k.placement(config, 'alloy'),
          },
        },
      },

      service: k.service(config, component, 'alloy', [
        k.servicePort('otlp-grpc', ports['otlp-grpc']),
        k.servicePort('otlp-http', ports['otlp-http']),
        k.servicePort('http', ports.http),
      ]),
    } + (
      if c.replicas > 1 then { podDisruptionBudget: k.podDisruptionBudget(config, component) } else {}
    ),
}
