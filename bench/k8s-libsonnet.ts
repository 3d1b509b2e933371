/**
 * A Tanka-shaped Jsonnet workload generated at run time (nothing derived from the spec is kept):
 *   - `vendor/k8s/`: a k8s-libsonnet-style library from the Kubernetes OpenAPI spec, the way
 *     jsonnet-libs/k8s generates it: one file per definition of `io.k8s.api.*` (`core/v1/
 *     container.libsonnet`), each with `'#x'` doc entries, `withX()` setters for every field and
 *     `withXMixin()` for arrays and maps, nested objects as sub-objects with their own setters
 *     (`spec.template.spec.withContainers`), `new(name)` for kinds, `mixin: self`, and a
 *     `main.libsonnet` importing them all by group and version;
 *   - `lib/k.libsonnet`: a ksonnet-util-style layer merged over the whole library with `+` and
 *     `super` (container.new, deployment.new, util.serviceFor, ...);
 *   - `environments/bench/`: an environment composing dozens of components (config maps,
 *     deployments or stateful sets, services, PDBs, service accounts), with an overlay that
 *     overrides some of them through `super`.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

interface SchemaNode {
  type?: string;
  $ref?: string;
  description?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  additionalProperties?: unknown;
  'x-kubernetes-group-version-kind'?: Array<{ group: string; version: string; kind: string }>;
}

const MAX_DEPTH = 12;

/** `io.k8s.api.apps.v1.Deployment` → group `apps`, version `v1`, kind `Deployment`. */
function split(name: string): { group: string; version: string; kind: string } | undefined {
  const m = /^io\.k8s\.api\.([^.]+)\.([^.]+)\.([^.]+)$/.exec(name);
  return m ? { group: m[1]!, version: m[2]!, kind: m[3]! } : undefined;
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const str = (s: string) => JSON.stringify(s);
const id = (s: string) => (/^[A-Za-z_][A-Za-z0-9_]*$/.test(s) && !KEYWORDS.has(s) ? s : str(s));
const KEYWORDS = new Set(['assert', 'else', 'error', 'false', 'for', 'function', 'if', 'import', 'importstr', 'in', 'local', 'null', 'tailstrict', 'then', 'self', 'super', 'true']);

/** `{ a+: { b+: { <inner> } } }` for the path [a, b]. */
function wrap(path: string[], inner: string): string {
  let out = inner;
  for (let i = path.length - 1; i >= 0; i--) out = `{ ${id(path[i]!)}+: ${out} }`;
  return out;
}

class Generator {
  private readonly definitions: Record<string, SchemaNode>;

  constructor(swaggerPath: string) {
    this.definitions = (JSON.parse(readFileSync(swaggerPath, 'utf8')) as { definitions: Record<string, SchemaNode> }).definitions;
  }

  private resolve(node: SchemaNode): { name?: string; node: SchemaNode } {
    if (node.$ref) {
      const name = node.$ref.replace('#/definitions/', '');
      return { name, node: this.definitions[name] ?? {} };
    }
    return { node };
  }

  /** The body of an object: setters for its fields, sub-objects for nested objects. */
  private fields(node: SchemaNode, path: string[], seen: Set<string>, indent: string): string[] {
    const out: string[] = [];
    for (const [field, raw] of Object.entries(node.properties ?? {}).sort(([a], [b]) => (a < b ? -1 : 1))) {
      if (path.length === 0 && (field === 'apiVersion' || field === 'kind' || field === 'status')) continue;
      const { name, node: prop } = this.resolve(raw);
      const setter = `with${upperFirst(field)}`;
      const help = str((raw.description ?? prop.description ?? '').slice(0, 400));
      const arg = id(field);
      if (prop.properties && name && !seen.has(name) && path.length < MAX_DEPTH) {
        // A nested object: its own sub-object of setters (no withX, as the generator does).
        const nested = new Set(seen).add(name);
        out.push(`${indent}'#${field}':: d.obj(help=${help}),`);
        out.push(`${indent}${id(field)}: {`, ...this.fields(prop, [...path, field], nested, indent + '  '), `${indent}},`);
        continue;
      }
      const type = raw.type ?? prop.type ?? 'object';
      out.push(`${indent}'#${setter}':: d.fn(help=${help}, args=[d.arg(name=${str(field)}, type=d.T.${type === 'integer' || type === 'number' ? 'number' : type})]),`);
      if (type === 'array') {
        const value = `if std.isArray(v=${arg}) then ${arg} else [${arg}]`;
        out.push(`${indent}${setter}(${arg}): ${wrap(path, `{ ${id(field)}: ${value} }`)},`);
        out.push(`${indent}'#${setter}Mixin':: d.fn(help=${help}, args=[d.arg(name=${str(field)}, type=d.T.array)]),`);
        out.push(`${indent}${setter}Mixin(${arg}): ${wrap(path, `{ ${id(field)}+: ${value} }`)},`);
      } else if (type === 'object') {
        out.push(`${indent}${setter}(${arg}): ${wrap(path, `{ ${id(field)}: ${arg} }`)},`);
        out.push(`${indent}'#${setter}Mixin':: d.fn(help=${help}, args=[d.arg(name=${str(field)}, type=d.T.object)]),`);
        out.push(`${indent}${setter}Mixin(${arg}): ${wrap(path, `{ ${id(field)}+: ${arg} }`)},`);
      } else {
        out.push(`${indent}${setter}(${arg}): ${wrap(path, `{ ${id(field)}: ${arg} }`)},`);
      }
    }
    return out;
  }

  /** One definition's file. */
  private file(name: string, node: SchemaNode): string {
    const gvk = node['x-kubernetes-group-version-kind']?.[0];
    const { kind } = split(name)!;
    const lines = ["local d = (import 'doc-util/main.libsonnet');", '{', `  '#':: d.pkg(name=${str(lowerFirst(kind))}, url='', help=${str((node.description ?? '').slice(0, 400))}),`];
    if (gvk && node.properties?.metadata) {
      const apiVersion = gvk.group === '' ? gvk.version : `${gvk.group}/${gvk.version}`;
      lines.push(`  '#new':: d.fn(help="new returns an instance of ${kind}", args=[d.arg(name='name', type=d.T.string)]),`);
      lines.push(`  new(name): self.withApiVersion() + self.withKind() + self.metadata.withName(name=name),`);
      lines.push(`  withApiVersion(): { apiVersion: ${str(apiVersion)} },`, `  withKind(): { kind: ${str(gvk.kind)} },`);
    }
    lines.push(...this.fields(node, [], new Set([name]), '  '), "  '#mixin': 'ignore',", '  mixin: self,', '}', '');
    return lines.join('\n');
  }

  /** Writes the library under `dir`; returns the number of files and bytes. */
  write(dir: string): { files: number; bytes: number } {
    const groups = new Map<string, Map<string, string[]>>();
    let files = 0;
    let bytes = 0;
    for (const [name, node] of Object.entries(this.definitions)) {
      const parts = split(name);
      if (!parts || !node.properties || name.endsWith('List')) continue;
      const rel = `${parts.group}/${parts.version}/${lowerFirst(parts.kind)}.libsonnet`;
      const text = this.file(name, node);
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), text);
      files++;
      bytes += text.length;
      const versions = groups.get(parts.group) ?? new Map<string, string[]>();
      groups.set(parts.group, versions);
      const kinds = versions.get(parts.version) ?? [];
      versions.set(parts.version, kinds);
      kinds.push(parts.kind);
    }
    const main = ['{'];
    for (const [group, versions] of [...groups].sort()) {
      main.push(`  ${id(group)}: {`);
      for (const [version, kinds] of [...versions].sort()) {
        main.push(`    ${id(version)}: {`);
        for (const kind of kinds.sort()) main.push(`      ${id(lowerFirst(kind))}: import '${group}/${version}/${lowerFirst(kind)}.libsonnet',`);
        main.push('    },');
      }
      main.push('  },');
    }
    main.push('}', '');
    writeFileSync(join(dir, 'main.libsonnet'), main.join('\n'));
    mkdirSync(join(dir, '..', 'doc-util'), { recursive: true });
    writeFileSync(
      join(dir, '..', 'doc-util', 'main.libsonnet'),
      `{
  pkg(name, url, help):: { 'object': { name: name, help: help } },
  obj(help, fields={}):: { 'object': { help: help, fields: fields } },
  fn(help, args=[]):: { 'function': { help: help, args: args } },
  arg(name, type, default=null):: { name: name, type: type, default: default },
  T:: { string: 'string', number: 'number', boolean: 'boolean', object: 'object', array: 'array', any: 'any', 'function': 'function' },
}
`,
    );
    return { files, bytes };
  }
}

/** The ksonnet-util-style layer, merged over the whole generated library. */
const K_LIBSONNET = `local k = import 'k8s/main.libsonnet';

k + {
  core+: { v1+: {
    container+: {
      new(name, image):: super.withName(name) + super.withImage(image) + super.withImagePullPolicy('IfNotPresent'),
      withEnvMap(env):: self.withEnv([{ name: name, value: env[name] } for name in std.objectFields(env)]),
    },
    containerPort+: {
      new(port):: super.withContainerPort(port),
      newNamed(port, name):: self.new(port) + super.withName(name),
    },
    configMap+: {
      new(name, data={}):: super.new(name) + super.withData(data),
    },
    service+: {
      new(name, selector={}, ports=[]):: super.new(name) + super.spec.withSelector(selector) + super.spec.withPorts(ports),
    },
    servicePort+: {
      newNamed(name, port, targetPort):: super.withName(name) + super.withPort(port) + super.withTargetPort(targetPort),
    },
    volumeMount+: {
      new(name, mountPath, readOnly=false):: super.withName(name) + super.withMountPath(mountPath) + super.withReadOnly(readOnly),
    },
    volume+: {
      fromConfigMap(name, configMapName):: super.withName(name) + super.configMap.withName(configMapName),
      fromPersistentVolumeClaim(name, claimName):: super.withName(name) + super.persistentVolumeClaim.withClaimName(claimName),
    },
    persistentVolumeClaim+: {
      new(name, size, storageClass='standard'):: super.new(name)
        + super.spec.withAccessModes(['ReadWriteOnce'])
        + super.spec.resources.withRequests({ storage: size })
        + super.spec.withStorageClassName(storageClass),
    },
    serviceAccount+: {
      new(name):: super.new(name) + super.withAutomountServiceAccountToken(false),
    },
  } },
  apps+: { v1+: {
    deployment+: {
      new(name, replicas=1, containers=[], podLabels={})::
        local labels = podLabels { name: name };
        super.new(name)
        + super.spec.withReplicas(replicas)
        + super.spec.template.spec.withContainers(containers)
        + super.spec.template.metadata.withLabels(labels)
        + super.spec.selector.withMatchLabels(labels),
    },
    statefulSet+: {
      new(name, replicas=1, containers=[], volumeClaims=[], podLabels={})::
        local labels = podLabels { name: name };
        super.new(name)
        + super.spec.withReplicas(replicas)
        + super.spec.withServiceName(name)
        + super.spec.template.spec.withContainers(containers)
        + super.spec.template.metadata.withLabels(labels)
        + super.spec.selector.withMatchLabels(labels)
        + super.spec.withVolumeClaimTemplates(volumeClaims),
    },
  } },
  policy+: { v1+: {
    podDisruptionBudget+: {
      new(name, maxUnavailable=1, selector={})::
        super.new(name) + super.spec.withMaxUnavailable(maxUnavailable) + super.spec.selector.withMatchLabels(selector { name: name }),
    },
  } },
  util+:: {
    local container = $.core.v1.container,
    local servicePort = $.core.v1.servicePort,
    serviceFor(workload, nameFormat='%(container)s-%(port)s')::
      local ports = [
        servicePort.newNamed(nameFormat % { container: c.name, port: port.name }, port.containerPort, port.containerPort)
        for c in workload.spec.template.spec.containers
        for port in (c + container.withPortsMixin([])).ports
      ];
      $.core.v1.service.new(workload.metadata.name, workload.spec.template.metadata.labels, ports)
      + $.core.v1.service.metadata.withLabels({ name: workload.metadata.name }),
    resourcesRequests(cpu, memory):: container.resources.withRequests({ cpu: cpu, memory: memory }),
    resourcesLimits(cpu, memory):: container.resources.withLimits({ cpu: cpu, memory: memory }),
    configVolumeMount(name, path):: {
      container:: container.withVolumeMountsMixin([$.core.v1.volumeMount.new(name, path, true)]),
      volume:: $.core.v1.volume.fromConfigMap(name, name),
    },
  },
}
`;

function component(i: number): string {
  const c = `c${String(i).padStart(2, '0')}`;
  const stateful = i % 3 === 0;
  const workload = stateful ? 'statefulSet' : 'deployment';
  return `local k = import 'k.libsonnet';
local container = k.core.v1.container;
local containerPort = k.core.v1.containerPort;
local ${workload} = k.apps.v1.${workload};
local configMap = k.core.v1.configMap;
{
  _config+:: {
    ${c}: { replicas: ${1 + (i % 4)}, port: ${8000 + i}, image: 'registry.example.com/${c}:1.${i}.0', logLevel: $._config.logLevel },
  },
  ${c}_config_map: configMap.new('${c}-config', {
    'config.yaml': std.manifestYamlDoc({
      server: { http_listen_port: $._config.${c}.port, log_level: $._config.${c}.logLevel },
      targets: ['%s.%s.svc:%d' % ['upstream-%d' % n, $._config.namespace, 9000 + n] for n in std.range(0, 9)],
    }),
  }) + configMap.metadata.withNamespace($._config.namespace),
  ${c}_mount:: k.util.configVolumeMount('${c}-config', '/etc/${c}'),
  ${c}_container::
    container.new('${c}', $._config.${c}.image)
    + container.withPorts([containerPort.newNamed($._config.${c}.port, 'http'), containerPort.newNamed(9095, 'grpc')])
    + container.withArgs(['-config.file=/etc/${c}/config.yaml', '-log.level=%s' % $._config.${c}.logLevel, '-target=${c}'])
    + container.withEnvMap({ JAEGER_AGENT_HOST: 'jaeger.%s.svc' % $._config.namespace, GOMAXPROCS: '2', COMPONENT: '${c}' })
    + k.util.resourcesRequests('${100 + i}m', '${128 + i}Mi')
    + k.util.resourcesLimits('1', '${256 + i}Mi')
    + container.readinessProbe.httpGet.withPath('/ready')
    + container.readinessProbe.httpGet.withPort($._config.${c}.port)
    + container.readinessProbe.withInitialDelaySeconds(15)
    + container.securityContext.withReadOnlyRootFilesystem(true)
    + container.securityContext.withRunAsNonRoot(true)
    + self.${c}_mount.container,
  ${c}_${workload}:
    ${stateful
      ? `${workload}.new('${c}', $._config.${c}.replicas, [self.${c}_container], [k.core.v1.persistentVolumeClaim.new('data', '${i + 1}Gi')], { app: '${c}' })`
      : `${workload}.new('${c}', $._config.${c}.replicas, [self.${c}_container], { app: '${c}' })
    + ${workload}.spec.strategy.rollingUpdate.withMaxSurge(1)
    + ${workload}.spec.strategy.rollingUpdate.withMaxUnavailable(0)`}
    + ${workload}.metadata.withNamespace($._config.namespace)
    + ${workload}.spec.template.spec.withVolumes([self.${c}_mount.volume])
    + ${workload}.spec.template.metadata.withAnnotationsMixin({ 'config-hash': std.md5(std.toString($.${c}_config_map.data)) })
    + ${workload}.spec.template.spec.securityContext.withFsGroup(10001)
    + ${workload}.spec.template.spec.withServiceAccountName('${c}'),
  ${c}_service: k.util.serviceFor(self.${c}_${workload}) + k.core.v1.service.metadata.withNamespace($._config.namespace),
  ${c}_pdb: k.policy.v1.podDisruptionBudget.new('${c}', 1, { app: '${c}' }) + k.policy.v1.podDisruptionBudget.metadata.withNamespace($._config.namespace),
  ${c}_service_account: k.core.v1.serviceAccount.new('${c}') + k.core.v1.serviceAccount.metadata.withNamespace($._config.namespace),
}
`;
}

/** Writes the whole workload under `root`; returns the entrypoint and the library's size. */
export function generateWorkload(root: string, swaggerPath: string, components: number): { entrypoint: string; importPaths: string[]; files: number; bytes: number } {
  const library = new Generator(swaggerPath).write(join(root, 'vendor', 'k8s'));
  mkdirSync(join(root, 'lib'), { recursive: true });
  writeFileSync(join(root, 'lib', 'k.libsonnet'), K_LIBSONNET);
  const env = join(root, 'environments', 'bench');
  mkdirSync(join(env, 'components'), { recursive: true });
  const names: string[] = [];
  for (let i = 0; i < components; i++) {
    const name = `c${String(i).padStart(2, '0')}`;
    names.push(name);
    writeFileSync(join(env, 'components', `${name}.libsonnet`), component(i));
  }
  // Every component merged into one environment, then an overlay reaching into some of them.
  const overlay = names
    .filter((_, i) => i % 5 === 1 && i % 3 !== 0)
    .map((n) => `  ${n}_deployment+: k.apps.v1.deployment.spec.withReplicas(super.${n}_deployment.spec.replicas * 2)\n    + k.apps.v1.deployment.spec.template.spec.withPriorityClassName('high'),`)
    .join('\n');
  writeFileSync(
    join(env, 'main.jsonnet'),
    `local k = import 'k.libsonnet';
std.foldl(function(acc, c) acc + c, [${names.map((n) => `import 'components/${n}.libsonnet'`).join(', ')}], {})
+ {
  _config+:: { namespace: 'bench', logLevel: 'info' },
}
+ {
${overlay}
}
`,
  );
  writeFileSync(join(root, 'jsonnetfile.json'), '{}\n');
  return { entrypoint: join(env, 'main.jsonnet'), importPaths: [env, join(root, 'lib'), join(env, 'vendor'), join(root, 'vendor')], ...library };
}
