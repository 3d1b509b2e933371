import { describe, expect, it } from 'vitest';
import { unwritableVolume } from '../../../src/lint/rules/unwritable-volume.js';
import type { JsonObject } from '../../../src/engine/types.js';
import { checkObject, container, deployment, edit, podSpec } from '../helpers.js';

/** Grafana as in the seed: user 472 writing its PVC. */
function grafana(fsGroup: boolean): JsonObject {
  return edit(deployment('grafana'), (d) => {
    podSpec(d).securityContext = { runAsUser: 472, runAsGroup: 472, ...(fsGroup ? { fsGroup: 472 } : {}) };
    (podSpec(d).volumes as unknown[]).push({ name: 'data', persistentVolumeClaim: { claimName: 'grafana-data' } });
    (container(d).volumeMounts as unknown[]).push({ name: 'data', mountPath: '/var/lib/grafana' });
  });
}

describe('unwritable-volume', () => {
  it('passes with fsGroup, with an emptyDir, and with a root init container that chowns the volume', () => {
    expect(checkObject(unwritableVolume, grafana(true))).toEqual([]);
    expect(checkObject(unwritableVolume, edit(deployment(), (d) => void (podSpec(d).securityContext = { runAsUser: 1000 })))).toEqual([]);
    const chown = edit(grafana(false), (d) => {
      podSpec(d).initContainers = [{ name: 'chown', image: 'busybox:1.37', securityContext: { runAsUser: 0 }, volumeMounts: [{ name: 'data', mountPath: '/data' }] }];
    });
    expect(checkObject(unwritableVolume, chown)).toEqual([]);
  });

  it('fails a non-root user writing a PVC without fsGroup', () => {
    const [problem] = checkObject(unwritableVolume, grafana(false));
    expect(problem.path).toBe('/spec/template/spec/containers/0/volumeMounts/2');
    expect(problem.message).toMatch(/runs as user 472 and writes PersistentVolumeClaim grafana-data at \/var\/lib\/grafana/);
    expect(problem.message).toMatch(/set spec\.template\.spec\.securityContext\.fsGroup: 472/);
  });

  it('fails a StatefulSet whose claim template a non-root container writes', () => {
    const sts = edit(grafana(false), (d) => {
      d.kind = 'StatefulSet';
      podSpec(d).volumes = (podSpec(d).volumes as JsonObject[]).filter((v) => v.name !== 'data');
      (d.spec as JsonObject).volumeClaimTemplates = [{ metadata: { name: 'data' }, spec: { accessModes: ['ReadWriteOnce'] } }];
    });
    expect(checkObject(unwritableVolume, sts)[0].message).toMatch(/the volumeClaimTemplate "data"/);
  });
});
