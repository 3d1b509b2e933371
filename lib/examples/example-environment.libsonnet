// Wraps an example's resources in an inline Tanka Environment, so that `tk show`, `tk export`,
// `mop show` and `mop count` work on the example file itself (Tanka's inline environments:
// https://tanka.dev/inline-environments) and `jsonnet`/`tk eval` still evaluate it as it is.
{
  new(name, config, resources):: {
    apiVersion: 'tanka.dev/v1alpha1',
    kind: 'Environment',
    metadata: {
      name: name,
      labels: { environment: config.name },
    },
    spec: {
      apiServer: 'https://127.0.0.1:6443',
      namespace: config.namespace,
      injectLabels: true,
    },
    data: resources,
  },
}
