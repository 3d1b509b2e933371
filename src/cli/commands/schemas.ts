/**
 * `mop schemas import|list`: fill the schema cache for offline use, and show what it holds.
 * Sources: a Kubernetes OpenAPI v2 spec (file or URL), CRD files or directories, or a live
 * cluster through kubectl (`kubectl get --raw /openapi/v2` and `kubectl get crds -o json`).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Command } from 'commander';
import { execa } from 'execa';
import { MopError } from '../../tanka/errors.js';
import { goJson } from '../../util/go-json.js';
import { importCrds, importOpenApi, listCached } from '../../validator/index.js';
import { expandCrdPaths } from '../../validate/crd-files.js';
import { importOpenApiFromUrl } from '../../validate/official-spec.js';
import { DEFAULT_KUBERNETES_VERSION, defaultCacheDir, normalizeVersion } from '../../validate/settings.js';
import { EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface ImportFlags {
  openapi?: string;
  crd: string[];
  kubernetesVersion?: string;
  fromCluster?: boolean;
  context?: string;
  cache?: string;
}

const collect = (value: string, previous: string[]) => [...previous, value];

async function kubectl(args: string[], context: string | undefined): Promise<string> {
  const full = context ? ['--context', context, ...args] : args;
  try {
    const { stdout } = await execa('kubectl', full, { maxBuffer: 512 * 1024 * 1024 });
    return stdout;
  } catch (error) {
    const e = error as { code?: string; stderr?: string; shortMessage?: string };
    if (e.code === 'ENOENT') throw new MopError('kubectl was not found on PATH; install it or import files with --openapi/--crd');
    throw new MopError(`kubectl ${full.join(' ')} failed: ${(e.stderr || e.shortMessage || String(error)).trim()}`);
  }
}

/** The cluster's version as x.y.z, from `kubectl version -o json`. */
async function clusterVersion(context: string | undefined): Promise<string> {
  const parsed = JSON.parse(await kubectl(['version', '-o', 'json'], context)) as { serverVersion?: { gitVersion?: string } };
  const git = parsed.serverVersion?.gitVersion;
  const match = git ? /^v?(\d+\.\d+\.\d+)/.exec(git) : null;
  if (!match) throw new MopError(`could not read the server version from kubectl version (${git ?? 'none'})`);
  return match[1];
}

async function fromCluster(flags: ImportFlags, cacheDir: string): Promise<void> {
  const version = flags.kubernetesVersion ? normalizeVersion(flags.kubernetesVersion) : await clusterVersion(flags.context);
  const dir = mkdtempSync(join(tmpdir(), 'mop-cluster-'));
  try {
    const spec = join(dir, 'swagger.json');
    writeFileSync(spec, await kubectl(['get', '--raw', '/openapi/v2'], flags.context));
    importOpenApi(spec, cacheDir, version);
    writeDiagnostic(`imported the cluster's OpenAPI spec as Kubernetes ${version}`);
    const crds = join(dir, 'crds.json');
    writeFileSync(crds, await kubectl(['get', 'crds', '-o', 'json'], flags.context));
    importCrds([crds], cacheDir, { id: 'cluster-crds', label: 'CRDs of the cluster' });
    writeDiagnostic('imported the cluster\'s CRDs');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function registerSchemas(program: Command): void {
  const schemas = program.command('schemas').description('manage the Kubernetes schema cache');
  schemas
    .command('import')
    .description('import an OpenAPI spec and/or CRDs into the cache (for offline use)')
    .option('--openapi <file|url>', 'Kubernetes OpenAPI v2 spec (swagger.json)')
    .option('--crd <file|dir>', 'CRD manifests (repeatable)', collect, [] as string[])
    .option('--kubernetes-version <version>', `version the spec belongs to (default ${DEFAULT_KUBERNETES_VERSION}; from the cluster with --from-cluster)`)
    .option('--from-cluster', 'read the spec and CRDs from the current kubectl context')
    .option('--context <name>', 'kubectl context for --from-cluster')
    .option('--cache <dir>', 'cache directory (default: $XDG_CACHE_HOME/mop or ~/.cache/mop)')
    .action(async (flags: ImportFlags) => {
      process.exitCode = await runCommand(async () => {
        const cacheDir = flags.cache ?? defaultCacheDir();
        if (!flags.openapi && flags.crd.length === 0 && !flags.fromCluster) {
          throw new MopError('nothing to import: give --openapi, --crd or --from-cluster');
        }
        if (flags.fromCluster) await fromCluster(flags, cacheDir);
        if (flags.openapi) {
          const version = normalizeVersion(flags.kubernetesVersion ?? DEFAULT_KUBERNETES_VERSION);
          if (/^https?:\/\//.test(flags.openapi)) await importOpenApiFromUrl(flags.openapi, cacheDir, version);
          else importOpenApi(flags.openapi, cacheDir, version);
          writeDiagnostic(`imported ${flags.openapi} as Kubernetes ${version} into ${cacheDir}`);
        }
        if (flags.crd.length > 0) {
          importCrds(expandCrdPaths(flags.crd), cacheDir);
          writeDiagnostic(`imported CRDs from ${flags.crd.join(', ')} into ${cacheDir}`);
        }
        return EXIT_OK;
      });
    });
  schemas
    .command('list')
    .description('list the cached schema bundles')
    .option('--json', 'print JSON')
    .option('--cache <dir>', 'cache directory')
    .action(async (flags: { json?: boolean; cache?: string }) => {
      process.exitCode = await runCommand(async () => {
        const cached = listCached(flags.cache ?? defaultCacheDir());
        if (flags.json) writeData(goJson(cached as never, '  ') + '\n');
        else writeData(cached.map((c) => `${c.id}\t${c.label}\t${c.kinds} kinds`).join('\n') + (cached.length ? '\n' : ''));
        return EXIT_OK;
      });
    });
}
