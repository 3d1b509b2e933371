/**
 * Containers drop Linux capabilities: `capabilities.drop` lists `ALL` (or at least `NET_RAW`, which
 * the runtimes grant by default and which allows packet spoofing), and nothing adds NET_RAW back.
 */
import { listAt, objectAt, under } from '../k8s/json.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const normalize = (c: unknown) => (typeof c === 'string' ? c.toUpperCase().replace(/^CAP_/, '') : '');

export const dropNetRawCapability: ObjectRule = {
  id: 'drop-net-raw-capability',
  description: 'Containers drop capabilities (`drop: [ALL]`, at least NET_RAW) and do not add NET_RAW back.',
  levels: levels('warn', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const capabilities = objectAt(objectAt(ref.container.securityContext).capabilities);
      const dropped = listAt(capabilities.drop).map(normalize);
      const added = listAt(capabilities.add).map(normalize);
      const path = under(ref.pointer, 'securityContext', 'capabilities');
      if (added.includes('NET_RAW') || added.includes('ALL')) {
        problems.push({ path, message: `${containerLabel(ref)} adds ${added.includes('ALL') ? 'ALL capabilities' : 'NET_RAW'}: remove it from capabilities.add unless the container must craft raw packets` });
      } else if (!dropped.includes('ALL') && !dropped.includes('NET_RAW')) {
        problems.push({ path, message: `${containerLabel(ref)} keeps the runtime's default capabilities (NET_RAW included): set securityContext.capabilities.drop: ["ALL"] and add back only what it needs` });
      }
    }
    return problems;
  },
};
