/**
 * `mop flows <env>`: the environment's intended network flows (lib/flows.libsonnet, or `flows` in
 * mop.json) checked against its NetworkPolicies, as Markdown, Mermaid or JSON. Exit 0 without
 * gaps, 1 with gaps (a needed flow blocked, or a flow allowed that nothing needs), 2 on errors
 * (including a project that defines no flows).
 */
import { Option, type Command } from 'commander';
import { checkFlows, FlowsError, loadFlows, renderJson, renderMarkdown, renderMermaid } from '../../flows/index.js';
import { loadEnvironment } from '../../tanka/load.js';
import { addJsonnetFlags, jsonnetOptions, type JsonnetFlagValues } from '../jsonnet-flags.js';
import { EXIT_FINDINGS, EXIT_OK, runCommand, writeData, writeDiagnostic } from '../output.js';

interface Flags extends JsonnetFlagValues {
  output: 'markdown' | 'mermaid' | 'json';
  name?: string;
}

const RENDER = { markdown: renderMarkdown, mermaid: renderMermaid, json: renderJson };

export function registerFlows(program: Command): void {
  const command = program
    .command('flows')
    .description("check an environment's NetworkPolicies against its intended network flows and print the matrix")
    .argument('<env>', 'environment directory or entrypoint file')
    .addOption(new Option('-o, --output <format>', 'output format').choices(['markdown', 'mermaid', 'json']).default('markdown'))
    .option('--name <name>', 'inline environment to select (substring match, exact match wins)');
  addJsonnetFlags(command).action(async (path: string, flags: Flags) => {
    process.exitCode = await runCommand(async () => {
      const jsonnet = jsonnetOptions(flags);
      const loaded = await loadEnvironment(path, { jsonnet, name: flags.name, warn: writeDiagnostic });
      const name = loaded.env.metadata.name ?? path;
      const namespace = loaded.env.spec.namespace || 'default';
      const definition = await loadFlows({ name, paths: loaded.paths, inline: loaded.inline, labels: loaded.env.metadata.labels }, jsonnet);
      if (!definition) {
        throw new FlowsError(`${name}: the project defines no intended flows: add lib/flows.libsonnet (componentFlows(config)) or a "flows": { "matrix": [...] } section to mop.json`);
      }
      const report = checkFlows(loaded.manifests.map((m) => m.object), definition, namespace);
      writeData(RENDER[flags.output](report, { environment: name, namespace }));
      return report.gaps > 0 ? EXIT_FINDINGS : EXIT_OK;
    });
  });
}
