/**
 * Container image references, parsed as the container runtimes do (distribution/reference):
 *
 *   [registry[:port]/]path[:tag][@algorithm:digest]
 *
 * The tag is what follows the last `:` *after the last `/`*, so a registry port
 * (`registry.local:5000/team/app`) is not a tag; the first component is a registry when it holds a
 * `.` or a `:`, is `localhost`, or has capitals (docker's splitDockerDomain). A digest pins the
 * image whatever the tag says.
 */
export interface ImageReference {
  registry?: string;
  /** The repository path without registry (`grafana/grafana`). */
  path: string;
  tag?: string;
  digest?: string;
}

const PATH_COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[+._-][a-z0-9]+)*:[0-9a-fA-F]{32,}$/;
const REGISTRY = /^(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?(?:\.[a-zA-Z0-9](?:[a-zA-Z0-9-]*[a-zA-Z0-9])?)*|\[[0-9a-fA-F:]+\])(?::[0-9]+)?$/;

export type ParsedImage = { ok: true; image: ImageReference } | { ok: false; reason: string };

export function parseImage(reference: string): ParsedImage {
  if (reference === '') return { ok: false, reason: 'the image is empty' };
  if (reference !== reference.trim()) return { ok: false, reason: 'the image has leading or trailing spaces' };
  let rest = reference;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    if (!DIGEST.test(digest)) return { ok: false, reason: `"${digest}" is not a digest (algorithm:hex, e.g. sha256:<64 hex digits>)` };
    if (digest.startsWith('sha256:') && digest.length !== 'sha256:'.length + 64) {
      return { ok: false, reason: 'a sha256 digest has exactly 64 hex digits' };
    }
  }
  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const colon = rest.indexOf(':', lastSlash + 1);
  if (colon >= 0) {
    tag = rest.slice(colon + 1);
    rest = rest.slice(0, colon);
    if (!TAG.test(tag)) return { ok: false, reason: `"${tag}" is not a valid tag (letters, digits, _ . -, at most 128, not starting with . or -)` };
  }
  let registry: string | undefined;
  const firstSlash = rest.indexOf('/');
  if (firstSlash >= 0) {
    const first = rest.slice(0, firstSlash);
    if (/[.:]/.test(first) || first === 'localhost' || first !== first.toLowerCase()) {
      registry = first;
      rest = rest.slice(firstSlash + 1);
      if (!REGISTRY.test(registry)) return { ok: false, reason: `"${registry}" is not a registry host[:port]` };
    }
  }
  if (rest === '') return { ok: false, reason: 'the image has no repository name' };
  for (const component of rest.split('/')) {
    if (!PATH_COMPONENT.test(component)) {
      return { ok: false, reason: `"${component}" is not a valid repository name component (lowercase letters, digits and . _ - separators)` };
    }
  }
  return { ok: true, image: { registry, path: rest, tag, digest } };
}

/** `docker.io/library/nginx` for `nginx`: the repository as registries name it, for comparisons. */
export function canonicalRepository(image: ImageReference): string {
  const registry = image.registry ?? 'docker.io';
  const path = registry === 'docker.io' && !image.path.includes('/') ? `library/${image.path}` : image.path;
  return `${registry === 'index.docker.io' ? 'docker.io' : registry}/${path}`;
}
