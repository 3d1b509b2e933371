/**
 * The default schema source: the official `api/openapi-spec/swagger.json` of a Kubernetes release,
 * converted once and kept in the cache. Online, a missing version is downloaded (one download per
 * version); offline, `mop schemas import` fills the cache.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BundleSource } from '../validator/index.js';
import { importOpenApi, openCachedOpenApi } from '../validator/index.js';
import { MopError } from '../tanka/errors.js';

export function officialSpecUrl(version: string): string {
  const ref = version === 'master' ? 'master' : `v${version}`;
  return `https://raw.githubusercontent.com/kubernetes/kubernetes/${ref}/api/openapi-spec/swagger.json`;
}

export class MissingSchemasError extends MopError {
  override name = 'MissingSchemasError';
}

function offlineHint(version: string, cacheDir: string): string {
  return (
    `To work offline, import the spec once:\n` +
    `  mop schemas import --openapi <path or URL of swagger.json> --kubernetes-version ${version}\n` +
    `  (the file is api/openapi-spec/swagger.json of kubernetes/kubernetes at v${version}, or ` +
    `\`kubectl get --raw /openapi/v2\`; or run \`mop schemas import --from-cluster\`)\n` +
    `Cache: ${cacheDir}`
  );
}

/** Downloads `url` to a temporary file and imports it into the cache. */
export async function importOpenApiFromUrl(
  url: string,
  cacheDir: string,
  version: string,
  fetchImpl: typeof fetch = fetch,
): Promise<BundleSource> {
  const response = await fetchImpl(url, { signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`HTTP ${response.status} ${response.statusText}`);
  const dir = mkdtempSync(join(tmpdir(), 'mop-openapi-'));
  try {
    const file = join(dir, 'swagger.json');
    writeFileSync(file, Buffer.from(await response.arrayBuffer()));
    return importOpenApi(file, cacheDir, version);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cached spec of `version`, downloading it first when it is not cached and downloads are allowed. */
export async function officialSpec(
  version: string,
  cacheDir: string,
  options: { download: boolean; fetchImpl?: typeof fetch } = { download: true },
): Promise<BundleSource> {
  const cached = openCachedOpenApi(cacheDir, version);
  if (cached) return cached;
  const url = officialSpecUrl(version);
  if (!options.download) {
    throw new MissingSchemasError(`no Kubernetes ${version} schemas in the cache (downloads are off).\n${offlineHint(version, cacheDir)}`);
  }
  try {
    return await importOpenApiFromUrl(url, cacheDir, version, options.fetchImpl);
  } catch (error) {
    const reason = error instanceof Error ? (error.cause instanceof Error ? `${error.message}: ${error.cause.message}` : error.message) : String(error);
    throw new MissingSchemasError(
      `no Kubernetes ${version} schemas in the cache, and downloading them failed.\n` +
        `Tried: ${url} (${reason})\n${offlineHint(version, cacheDir)}`,
    );
  }
}
