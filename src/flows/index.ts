/** Network flows: the intended flow matrix of an environment checked against its NetworkPolicies. */
export { checkFlows, describeFlow, portLabel, componentPods, ANY, DNS, OUTSIDE, type FlowResult, type FlowStatus, type FlowsReport, type ComponentPod } from './check.js';
export { loadFlows, flowsSettings, parseRow, FlowsError, DEFAULT_FLOWS_LIBRARY, type FlowsEnvironment } from './load.js';
export { renderJson, renderMarkdown, renderMermaid, type RenderContext } from './render.js';
export { connectionAllowed, addressAllowed, directionAllows, selectingPolicies, selectorMatches, type AddressModel, type NamespaceLabels, type PodModel, type PodPort } from './network-policy.js';
export { cidrContains, parseCidr } from './cidr.js';
export * from './types.js';
