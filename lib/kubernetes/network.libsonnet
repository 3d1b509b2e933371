// NetworkPolicies of the MOP stack, rendered from the flow matrix in lib/flows.libsonnet.
//
// - `defaultDenyAll` selects every pod of the namespace for ingress and egress with no rule, so
//   anything not allowed below is denied.
// - `allowDnsEgress` lets every pod query the cluster DNS (UDP and TCP 53).
// - One policy per enabled component allows exactly its rows of the matrix: ingress from the
//   sources that may call it, egress to the components it calls, and egress to the Kubernetes API
//   or object storage where it needs them (by address range, on ports no component listens on).
//
// Policies are additive and a flow needs both the source's egress and the destination's ingress.
// A `from: '*'` row opens the destination's ingress to every namespace and gives every component
// the egress; a `from: 'outside'` row opens the ingress to the other namespaces only. Rows to pods
// of other namespaces (databases, applications Prometheus scrapes) select those namespaces and
// pods; rows from outside the cluster (node ports) admit address ranges on the component's port.
// ICMP rows become an egress rule without ports (NetworkPolicy cannot name ICMP).
//
// Host-network components (node-exporter) get no policy: NetworkPolicies do not apply to pods on
// the host network, and their peers reach them by node address (an address-range row).
local catalog = import '../catalog.libsonnet';
local flows = import '../flows.libsonnet';
local k = import 'k.libsonnet';

local policy(config, name, spec) = {
  apiVersion: 'networking.k8s.io/v1',
  kind: 'NetworkPolicy',
  metadata: k.metadata(config, k.infrastructure(config, 'network-policy'), name),
  spec: spec,
};

local podPeer(config, name) = { podSelector: { matchLabels: k.selector(config, catalog.appName(name)) } };
local sourcePeer(config, source) =
  if source == '*' then { namespaceSelector: {} }
  else if source == 'outside' then {
    namespaceSelector: {
      matchExpressions: [{ key: 'kubernetes.io/metadata.name', operator: 'NotIn', values: [config.namespace] }],
    },
  }
  else podPeer(config, source);

// One rule per peer, listing every port of that peer, in a stable order.
local rulesByPeer(rows, peerKey) =
  local peers = std.set([row[peerKey] for row in rows]);
  [
    {
      peer: peer,
      ports: [
        { port: row.port, protocol: row.protocol }
        for row in std.uniq(
          std.sort(
            [row for row in rows if row[peerKey] == peer],
            function(r) r.protocol + '/' + (100000 + r.port)
          ),
          function(r) r.protocol + '/' + r.port
        )
      ],
    }
    for peer in peers
  ];

local ipBlockPeers(cidrs) = [{ ipBlock: { cidr: cidr } } for cidr in cidrs];

// The peers of an external row: address ranges, or pods of other namespaces.
local externalPeers(row) =
  if std.objectHas(row, 'cidrs') then ipBlockPeers(row.cidrs)
  else [
    { namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': namespace } } }
    + (if std.objectHas(row, 'podLabels') && row.podLabels != {} then { podSelector: { matchLabels: row.podLabels } } else {})
    for namespace in row.namespaces
  ];

local componentPolicy(config, name) =
  local rows = flows.componentFlows(config);
  local allExternal = flows.externalFlows(config);
  local external = [row for row in allExternal if row.from == name];
  // Rows into this component from outside the cluster (node ports).
  local inbound = [row for row in allExternal if row.to == name && !std.objectHas(catalog, row.from)];
  local ingress = rulesByPeer([row for row in rows if row.to == name], 'from');
  local egress = rulesByPeer([row for row in rows if row.from == name || row.from == '*'], 'to');
  // External destinations are grouped by destination: the same peers, all its ports (ICMP rows
  // get a rule of their own, without ports).
  local externalDestinations = std.set([row.to for row in external]);
  policy(config, catalog.appName(name), {
    podSelector: { matchLabels: k.selector(config, catalog.appName(name)) },
    policyTypes: ['Ingress', 'Egress'],
    ingress: [
      {
        from: [sourcePeer(config, rule.peer)],
        ports: rule.ports,
      }
      for rule in ingress
    ] + [
      { from: ipBlockPeers(row.cidrs), ports: [{ port: row.port, protocol: row.protocol }] }
      for row in inbound
    ],
    egress: [
      { to: [podPeer(config, rule.peer)], ports: rule.ports }
      for rule in egress
    ] + std.flattenArrays([
      local destinationRows = [row for row in external if row.to == destination];
      local portRows = [row for row in destinationRows if row.protocol != 'ICMP'];
      local icmpRows = [row for row in destinationRows if row.protocol == 'ICMP'];
      (if portRows != [] then [{
         to: externalPeers(portRows[0]),
         ports: [{ port: row.port, protocol: row.protocol } for row in portRows],
       }] else [])
      + (if icmpRows != [] then [{ to: externalPeers(icmpRows[0]) }] else [])
      for destination in externalDestinations
    ]),
  });

{
  '#new':: 'new(config) returns the NetworkPolicies of an environment: default deny, DNS egress, and one policy per enabled component that runs pods off the host network.',
  new(config):: {
    defaultDenyAll: policy(config, 'default-deny-all', {
      podSelector: {},
      policyTypes: ['Ingress', 'Egress'],
    }),
    allowDnsEgress: policy(config, 'allow-dns-egress', {
      podSelector: {},
      policyTypes: ['Egress'],
      egress: [{
        to: [{
          namespaceSelector: { matchLabels: { 'kubernetes.io/metadata.name': config.network.dns.namespace } },
          podSelector: { matchLabels: config.network.dns.podLabels },
        }],
        ports: [
          { port: catalog.dnsPort, protocol: 'UDP' },
          { port: catalog.dnsPort, protocol: 'TCP' },
        ],
      }],
    }),
  } + {
    [name]: componentPolicy(config, name)
    for name in catalog.workloads
    if config.components[name].enabled && !std.objectHas(catalog[name], 'hostNetwork')
  },
}
