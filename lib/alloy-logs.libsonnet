// Grafana Alloy in log mode: a DaemonSet whose pods each discover the pods of their own node,
// tail their logs and push them to Loki. It replaces Promtail (the seed homelab's "Alloy replaces
// deprecated Promtail").
//
// Logs are read through the Kubernetes API (loki.source.kubernetes, pods/log), not from the
// node's files: no root, no host path, no privilege, the "restricted" profile like the rest of
// the stack, at the cost of the kubelet streaming the logs (fine for the clusters this targets).
// Each pod only takes the pods of its node (a spec.nodeName field selector, the node name from
// the downward API), so the load spreads over the nodes. Streams are labelled namespace, pod,
// container, node, app (app.kubernetes.io/name) and cluster; Loki derives service_name from them.
local catalog = import 'catalog.libsonnet';
local k = import 'kubernetes/k.libsonnet';
local rbac = import 'kubernetes/rbac.libsonnet';

{
  '#new':: 'new(config) returns { serviceAccount, clusterRole, clusterRoleBinding, configMap, daemonSet, service }.',
  new(config)::
    local c = config.components.alloyLogs;
    local component = k.mopComponent(config, 'alloyLogs');
    local ports = catalog.alloyLogs.ports;
    local lokiPush = 'http://loki.%s.svc.%s:%d/loki/api/v1/push' % [config.namespace, config.clusterDomain, catalog.loki.ports.http];
    local rule(source, target) = |||
      rule {
        source_labels = ["%s"]
        target_label  = "%s"
      }
    ||| % [source, target];
    local indent(text) = std.join('\n', ['  ' + line for line in std.split(std.rstripChars(text, '\n'), '\n')]);

    local alloyConfig = std.join('\n', [
      |||
        logging {
          level  = "%(level)s"
          format = "logfmt"
        }
      ||| % { level: c.logLevel },
      |||
        // The pods of this node only.
        discovery.kubernetes "pods" {
          role = "pod"

          selectors {
            role  = "pod"
            field = "spec.nodeName=" + sys.env("NODE_NAME")
          }
        }
      |||,
      'discovery.relabel "pods" {\n  targets = discovery.kubernetes.pods.targets\n\n'
      + std.join('\n', [
        indent(rule('__meta_kubernetes_namespace', 'namespace')),
        indent(rule('__meta_kubernetes_pod_name', 'pod')),
        indent(rule('__meta_kubernetes_pod_container_name', 'container')),
        indent(rule('__meta_kubernetes_pod_node_name', 'node')),
        indent(rule('__meta_kubernetes_pod_label_app_kubernetes_io_name', 'app')),
      ])
      + '\n}\n',
      |||
        loki.source.kubernetes "pods" {
          targets    = discovery.relabel.pods.output
          forward_to = [loki.write.loki.receiver]
        }
      |||,
      |||
        loki.write "loki" {
          endpoint {
            url = "%(url)s"
          }

          external_labels = {
            cluster = "%(cluster)s",
          }
        }
      ||| % { url: lokiPush, cluster: config.clusterName },
    ]);

    rbac.forComponent(config, 'alloyLogs') + {
      configMap: k.configMap(config, component, 'alloy-logs', { 'config.alloy': alloyConfig }),

      daemonSet: {
        apiVersion: 'apps/v1',
        kind: 'DaemonSet',
        metadata: k.metadata(config, component, 'alloy-logs'),
        spec: {
          selector: { matchLabels: component.selector },
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1 } },
          template: {
            metadata: {
              labels: component.labels,
              annotations: { 'checksum/config': std.md5(alloyConfig) },
            },
            spec: {
              serviceAccountName: 'alloy-logs',
              // Discovery and log streaming read the API.
              automountServiceAccountToken: true,
              securityContext: k.podSecurityContext(catalog.alloyLogs.user),
              containers: [{
                name: 'alloy',
                image: k.image(c.image),
                imagePullPolicy: 'IfNotPresent',
                args: [
                  'run',
                  '/etc/alloy/config.alloy',
                  '--storage.path=/var/lib/alloy/data',
                  '--server.http.listen-addr=0.0.0.0:%d' % ports.http,
                  '--stability.level=generally-available',
                ],
                env: [{ name: 'NODE_NAME', valueFrom: { fieldRef: { fieldPath: 'spec.nodeName' } } }],
                ports: [k.containerPort('http', ports.http)],
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
                k.configMapVolume('config', 'alloy-logs'),
                // Read positions: kept while the pod lives.
                k.emptyDirVolume('data', '1Gi'),
                k.emptyDirVolume('tmp'),
              ],
            } + k.placement(config, 'alloyLogs', daemonSet=true),
          },
        },
      },

      // Prometheus discovers each pod behind it (one endpoint per node).
      service: k.service(config, component, 'alloy-logs', [k.servicePort('http', ports.http)]),
    },
}
