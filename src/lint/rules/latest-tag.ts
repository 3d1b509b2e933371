/** Images must be pinned: a tag other than `latest`, or a digest, in a well-formed reference. */
import { stringAt, under } from '../k8s/json.js';
import { parseImage } from '../k8s/image.js';
import { containerLabel, workloadContainers } from '../k8s/objects.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

export const latestTag: ObjectRule = {
  id: 'latest-tag',
  description: 'Container images are pinned to a release tag or a digest (no missing tag, no `latest`) and are well-formed references.',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object) {
    const problems: Problem[] = [];
    for (const ref of workloadContainers(object)) {
      const image = stringAt(ref.container.image);
      if (image === undefined) continue; // the schema requires it
      const path = under(ref.pointer, 'image');
      const parsed = parseImage(image);
      if (!parsed.ok) {
        problems.push({ path, message: `${containerLabel(ref)} image "${image}" is not a valid image reference: ${parsed.reason}; the kubelet will fail with InvalidImageName` });
        continue;
      }
      const { tag, digest } = parsed.image;
      if (digest) continue;
      if (tag === undefined) {
        problems.push({ path, message: `${containerLabel(ref)} image "${image}" has no tag, so it pulls whatever "latest" is at the time: pin a release, e.g. "${image}:<version>" or "${image}@sha256:<digest>"` });
      } else if (tag === 'latest') {
        problems.push({ path, message: `${containerLabel(ref)} image "${image}" uses the "latest" tag, which changes under you and makes rollbacks impossible: pin a release tag or a digest` });
      }
    }
    return problems;
  },
};
