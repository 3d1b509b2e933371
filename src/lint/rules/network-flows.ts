/**
 * The environment's NetworkPolicies allow exactly the intended flows (lib/flows.libsonnet, or
 * `flows` in mop.json): every needed flow allowed, DNS egress for every pod, and nothing else
 * allowed into a component. Applies only when the project defines flows; `mop flows <env>` shows
 * the whole matrix. A blocked flow is reported on the workload whose policy blocks it; flows
 * allowed without being needed are reported once per destination, on its workload.
 */
import { checkFlows, describeFlow, portLabel, type FlowResult } from '../../flows/check.js';
import { levels, type EnvironmentProblem, type EnvironmentRule } from '../types.js';

export const networkFlows: EnvironmentRule = {
  id: 'network-flows',
  description: 'NetworkPolicies allow every intended flow (and DNS) and nothing else between components (when the project defines flows).',
  levels: levels('error', 'error'),
  scope: 'environment',
  checkEnvironment(manifests, context) {
    if (!context.flows) return [];
    const report = checkFlows(manifests, context.flows, context.environment.namespace);
    const problems: EnvironmentProblem[] = [];
    const origin = report.origin;
    for (const flow of report.flows) {
      if (flow.status !== 'blocked' || flow.anchor === undefined) continue;
      problems.push({
        index: flow.anchor,
        path: '',
        message: `needed flow ${describeFlow(flow)}${flow.why ? ` (${flow.why.replace(/\.$/, '')})` : ''} is blocked: ${flow.details.join('; ')}; allow it in the NetworkPolicies (pods that cannot reach each other time out with "context deadline exceeded")`,
      });
    }
    const unexpected = new Map<number, FlowResult[]>();
    for (const flow of report.flows) {
      if (flow.status !== 'unexpected' || flow.anchor === undefined) continue;
      const list = unexpected.get(flow.anchor);
      if (list) list.push(flow);
      else unexpected.set(flow.anchor, [flow]);
    }
    for (const [index, flows] of unexpected) {
      const to = flows[0].to;
      const listed = flows.map((f) => `${f.from} -> ${portLabel(f.port, f.protocol)}`).join(', ');
      problems.push({
        index,
        path: '',
        message:
          report.policies === 0
            ? `the environment has no NetworkPolicy, so ${to} accepts anything (not in ${origin}: ${listed}): add a default-deny policy and one policy per component allowing its flows`
            : `${to} accepts flows that ${origin} does not list (${listed}): narrow the ingress of its NetworkPolicy to the intended sources and ports, or add the flows to ${origin}`,
      });
    }
    return problems;
  },
};
