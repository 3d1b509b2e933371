/**
 * `mop validate [target...]`: strict schema validation of environments, Jsonnet files and manifest
 * files (see src/validate). Exit 0 all valid, 1 anything invalid or errored, 2 usage, configuration
 * or evaluation errors.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Option, type Command } from 'commander';
import { formatShardedJson, formatShardedJunit, sourcePositions } from '../../report/shard.js';
import { addShardOption, selectShard, type Shard } from '../../shard/index.js';
import { formatResults, OUTPUT_FORMATS, exitCodeFor, type OutputFormat, type ResourceResult } from '../../report/index.js';
import { checkConfigs } from '../../validate/config-check.js';
import { projectLintSettings, ruleDescriptions, type LintMode } from '../../lint/index.js';
import { MopError } from '../../tanka/errors.js';
import { findRoot } from '../../tanka/jpath.js';
import { openResultCache } from '../../validate/result-cache.js';
import { runValidation } from '../../validate/run.js';
import { defaultCacheDir, normalizeVersion, projectSettings, type ValidateSettings } from '../../validate/settings.js';
import { projectSources, sourceName, targetSources } from '../../validate/sources.js';
import { addNoCacheOption, evaluationCacheFor } from '../cache-flags.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_ERROR, debugTrace, runCommand, useColor, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  output: OutputFormat;
  summary?: boolean;
  verbose?: boolean;
  kubernetesVersion?: string;
  schemaLocation: string[];
  crd: string[];
  strict?: boolean;
  ignoreMissingSchemas?: boolean;
  skip?: string;
  reject?: string;
  /** `--cache <dir>` (schemas and evaluations), or false with `--no-cache` (evaluations only). */
  cache?: string | false;
  shard?: Shard;
  jobs: number;
  download: boolean;
  configCheck: boolean;
  lint?: LintMode;
}

const collect = (value: string, previous: string[]) => [...previous, value];
const csv = (value: string | undefined) => value?.split(',').map((s) => s.trim()).filter((s) => s !== '');

function projectRoot(): string | undefined {
  try {
    return findRoot('.');
  } catch {
    return undefined; // validating plain manifest files outside a Tanka project is fine
  }
}

export function registerValidate(program: Command): void {
  const command = program
    .command('validate')
    .description('validate environments, Jsonnet files and manifests against Kubernetes schemas')
    .argument('[target...]', 'environment dirs, .jsonnet files, YAML/JSON files or dirs, - for stdin (default: the whole project)')
    .addOption(new Option('-o, --output <format>', 'output format').choices([...OUTPUT_FORMATS]).default('text'))
    .option('--summary', 'print only the summary (text output)')
    .option('-v, --verbose', 'also list valid resources (text output)')
    .option('--kubernetes-version <version>', 'Kubernetes version of the schemas (default: mop.json, else 1.32.0)')
    .option('--schema-location <location>', 'kubeconform-style schema location template, or "default" (repeatable)', collect, [] as string[])
    .option('--crd <file|dir>', 'CRD manifests whose schemas validate custom resources (repeatable)', collect, [] as string[])
    .option('--strict', 'reject unknown fields (the default)')
    .option('--no-strict', 'allow fields the schema does not declare')
    .option('--ignore-missing-schemas', 'skip resources whose schema cannot be found')
    .option('--skip <kinds>', 'comma-separated kinds not to check (Kind or group/version/Kind)')
    .option('--reject <kinds>', 'comma-separated kinds to refuse')
    .option('--cache <dir>', 'schema and validator cache (default: $XDG_CACHE_HOME/mop or ~/.cache/mop)')
    .option('--no-download', 'never download schemas; use only the cache')
    .addOption(new Option('--lint <preset>', 'lint after schema validation: off, recommended or strict (default: mop.json lint.preset, else recommended)').choices(['off', 'recommended', 'strict']))
    .option('--no-config-check', "don't check the environments' config against generated/config.schema.json first")
    .addOption(new Option('-j, --jobs <n>', 'environments evaluated at once').argParser(Number).default(availableParallelism()));
  addNoCacheOption(command);
  addShardOption(command, 'sources (environments, Jsonnet files, libraries, manifest targets)');
  addJsonnetFlags(command).action(async (targets: string[], flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      for (const target of targets) {
        if (target !== '-' && !existsSync(target)) throw new MopError(`${target}: no such file or directory`);
      }
      const cliSettings: Partial<ValidateSettings> = {
        kubernetesVersion: flags.kubernetesVersion === undefined ? undefined : normalizeVersion(flags.kubernetesVersion),
        schemaLocations: flags.schemaLocation.length > 0 ? flags.schemaLocation : undefined,
        crds: flags.crd.length > 0 ? flags.crd : undefined,
        strict: flags.strict,
        ignoreMissingSchemas: flags.ignoreMissingSchemas,
        skip: csv(flags.skip),
        reject: csv(flags.reject),
      };
      const project = projectSettings(projectRoot(), cliSettings);
      const lintProject = projectLintSettings(projectRoot());
      const load = { jsonnet: jsonnetOptions(flags), warn: writeDiagnostic };
      const allSources = targets.length > 0 ? await targetSources(targets, load) : await projectSources(load);
      // --shard: this job's part of the sources; reports remember where each source was in the
      // unsharded order, so that `mop report merge` can restore it.
      const sources = selectShard(allSources, flags.shard);
      const positions = sourcePositions(allSources.map((s) => sourceName(s)));
      const render = (results: ResourceResult[]) => {
        const options = {
          color: useColor(process.stdout),
          summaryOnly: flags.summary,
          verbose: flags.verbose,
          // GitHub and SARIF paths are relative to the workspace root.
          root: process.env.GITHUB_WORKSPACE ?? process.cwd(),
          ruleDescriptions: ruleDescriptions(),
        };
        if (flags.shard && flags.output === 'json') writeData(formatShardedJson(results, flags.shard, positions));
        else if (flags.shard && flags.output === 'junit') writeData(formatShardedJunit(results, options, flags.shard, positions));
        else writeData(formatResults(flags.output, results, options));
      };
      // --no-cache turns off both caches: evaluations, and results (config checks, schema checks, lint).
      const evalCache = evaluationCacheFor(flags.cache);
      const resultCache = flags.cache === false ? undefined : openResultCache(typeof flags.cache === 'string' ? flags.cache : defaultCacheDir());
      const caches = evalCache && resultCache ? { evalCache, resultCache } : undefined;
      // The configs first: a wrong key is reported as such, before any manifest is evaluated.
      const root = projectRoot();
      if (root && flags.configCheck) {
        // A shard checks the configs of its own environments only, so merged reports hold each once.
        const config = await checkConfigs(root, sources, targets.length === 0 && !flags.shard, caches);
        if (config.note) writeDiagnostic(config.note);
        if (config.results.length > 0) {
          render(config.results);
          return exitCodeFor(config.results);
        }
      }
      const { results, evaluationFailed } = await runValidation(sources, {
        load,
        project,
        flags: cliSettings,
        cacheDir: typeof flags.cache === 'string' ? flags.cache : defaultCacheDir(),
        evalCache,
        resultCache,
        trace: debugTrace(),
        jobs: flags.jobs,
        download: flags.download,
        lint: { project: lintProject, mode: flags.lint },
      });
      render(results);
      return evaluationFailed ? EXIT_ERROR : exitCodeFor(results);
    });
  });
}
