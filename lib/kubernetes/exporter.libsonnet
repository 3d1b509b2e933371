// The shape shared by the single-container exporters and probers of the stack (blackbox
// exporter, smokeping, mtr-exporter, the database exporters, kube-state-metrics): a Deployment of
// one pod running as the image's non-root user under the "restricted" profile, a ClusterIP
// Service with every port of the component, its RBAC from rbac.libsonnet, an optional ConfigMap
// mounted read-only at `configDir`, and a NodePort Service when the environment exposes it.
local catalog = import '../catalog.libsonnet';
local k = import 'k.libsonnet';
local rbac = import 'rbac.libsonnet';

{
  // ICMP without CAP_NET_RAW: the kernel lets the groups in net.ipv4.ping_group_range open ICMP
  // datagram ("ping") sockets. It is a namespaced, safe sysctl (allowed by the restricted Pod
  // Security profile), so the probers run as non-root with every capability dropped.
  unprivilegedPing:: { sysctls: [{ name: 'net.ipv4.ping_group_range', value: '0 2147483647' }] },

  // new(config, name, spec): spec fields, all optional:
  //   container   fields merged into the container (args, env, probes, extra volumeMounts)
  //   volumes     extra pod volumes
  //   configData  ConfigMap data (mounted read-only at configDir)
  //   configDir   where the ConfigMap is mounted
  //   podSecurity fields merged into the pod security context
  new(config, name, spec):: (
    local c = config.components[name];
    local component = k.mopComponent(config, name);
    local appName = component.name;
    local ports = catalog[name].ports;
    local hasConfig = std.objectHas(spec, 'configData');
    local configDir = if std.objectHas(spec, 'configDir') then spec.configDir else '/etc/' + appName;
    local extra = if std.objectHas(spec, 'container') then spec.container else {};
    local extraMounts = if std.objectHas(extra, 'volumeMounts') then extra.volumeMounts else [];
    local checksum = if hasConfig then std.md5(std.join('', [spec.configData[key] for key in std.objectFields(spec.configData)])) else null;

    rbac.forComponent(config, name) + (
      if hasConfig then { configMap: k.configMap(config, component, appName, spec.configData) } else {}
    ) + {
      deployment: {
        apiVersion: 'apps/v1',
        kind: 'Deployment',
        metadata: k.metadata(config, component, appName),
        spec: {
          replicas: 1,
          selector: { matchLabels: component.selector },
          template: {
            metadata: {
              labels: component.labels,
              [if hasConfig then 'annotations']: { 'checksum/config': checksum },
            },
            spec: {
              serviceAccountName: appName,
              automountServiceAccountToken: rbac.readsApi(name),
              securityContext: k.podSecurityContext(catalog[name].user)
                               + (if std.objectHas(spec, 'podSecurity') then spec.podSecurity else {}),
              containers: [
                {
                  name: appName,
                  image: k.image(c.image),
                  imagePullPolicy: 'IfNotPresent',
                  ports: [k.containerPort(portName, ports[portName]) for portName in std.objectFields(ports)],
                  resources: c.resources,
                  securityContext: k.containerSecurityContext(),
                } + extra + {
                  volumeMounts: (if hasConfig then [k.volumeMount('config', configDir, readOnly=true)] else [])
                                + extraMounts
                                + [k.volumeMount('tmp', '/tmp')],
                },
              ],
              volumes: (if hasConfig then [k.configMapVolume('config', appName)] else [])
                       + (if std.objectHas(spec, 'volumes') then spec.volumes else [])
                       + [k.emptyDirVolume('tmp', '64Mi')],
            } + k.placement(config, name),
          },
        },
      },

      service: k.service(config, component, appName, [
        k.servicePort(portName, ports[portName])
        for portName in std.objectFields(ports)
      ]),
    } + (
      if std.objectHas(ports, 'http') then k.nodePort(config, name, component, 'http', ports.http) else {}
    )
  ),
}
