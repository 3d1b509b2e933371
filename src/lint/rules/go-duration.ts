/**
 * Durations in the stack's own configs use the syntax the program parses them with. Tempo,
 * Loki and Mimir read most durations as Go `time.Duration`, which has no `d`, `w` or `y` unit
 * ("7d" makes Tempo exit at startup), and their per-tenant limits and overrides as Prometheus
 * `model.Duration`, which has them but refuses fractions and ns/us. Alloy decodes every duration
 * attribute with Go's `time.ParseDuration`.
 *
 * The keys that accept Prometheus durations, from the programs' sources:
 * - Tempo: `overrides` (block_retention, compaction_window, max_search_duration,
 *   per_tenant_override_period) — modules/overrides/config.go; everything else, including
 *   `compactor.compaction.block_retention`, is a time.Duration.
 * - Loki: `limits_config` and runtime `overrides` (pkg/validation/limits.go), plus
 *   `table_manager.retention_period` and `chunk_store_config.max_look_back_period`.
 * - Mimir: `limits` and runtime `overrides` (pkg/util/validation/limits.go).
 */
import type { JsonObject } from '../../engine/types.js';
import { isObject, pointer } from '../k8s/json.js';
import { programOf, type Program } from '../embedded/components.js';
import { goEquivalent, isGoDuration, isPrometheusDuration, looksLikeDuration } from '../embedded/durations.js';
import { dotted, embeddedConfigs, where, type ConfigPath } from '../embedded/parse.js';
import { levels, type ObjectRule, type Problem } from '../types.js';

const NAMES: Record<string, string> = { tempo: 'Tempo', loki: 'Loki', mimir: 'Mimir', alloy: 'Alloy' };

const LOKI_LIMITS = new Set([
  'reject_old_samples_max_age',
  'creation_grace_period',
  'max_query_lookback',
  'max_query_length',
  'max_query_range',
  'max_cache_freshness_per_query',
  'max_metadata_cache_freshness',
  'max_stats_cache_freshness',
  'query_timeout',
  'split_queries_by_interval',
  'split_metadata_queries_by_interval',
  'split_recent_metadata_queries_by_interval',
  'recent_metadata_query_window',
  'split_instant_metric_queries_by_interval',
  'split_ingester_queries_by_interval',
  'min_sharding_lookback',
  'retention_period',
  'period', // retention_stream[].period
  'per_tenant_override_period',
]);
const MIMIR_LIMITS = new Set([
  'creation_grace_period',
  'past_grace_period',
  'out_of_order_time_window',
  'max_query_lookback',
  'max_query_length',
  'max_partial_query_length',
  'max_labels_query_length',
  'max_cache_freshness',
  'split_instant_queries_by_interval',
  'max_total_query_length',
  'results_cache_ttl',
  'results_cache_ttl_for_out_of_order_time_window',
  'results_cache_ttl_for_cardinality_query',
  'results_cache_ttl_for_labels_query',
  'results_cache_ttl_for_errors',
  'query_ingesters_within',
  'ruler_evaluation_delay_duration',
  'compactor_blocks_retention_period',
  'compactor_partial_block_deletion_delay',
  'forwarding_drop_older_than',
]);
const TEMPO_OVERRIDES = new Set(['block_retention', 'compaction_window', 'max_search_duration', 'per_tenant_override_period']);

/** Whether the key at `path` of a program's config is a Prometheus `model.Duration`. */
export function acceptsPrometheusDuration(program: Program, path: ConfigPath): boolean {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const key = keys[keys.length - 1];
  switch (program) {
    case 'tempo':
      return keys.includes('overrides') && TEMPO_OVERRIDES.has(key);
    case 'loki':
      if (keys[0] === 'table_manager' && key === 'retention_period') return true;
      if (keys[0] === 'chunk_store_config' && key === 'max_look_back_period') return true;
      return (keys.includes('limits_config') || keys[0] === 'overrides') && LOKI_LIMITS.has(key);
    case 'mimir':
      return (keys.includes('limits') || keys[0] === 'overrides') && MIMIR_LIMITS.has(key);
    default:
      return false;
  }
}

function checkValue(program: Program, name: string, value: string, prometheus: boolean): string | undefined {
  if (prometheus) {
    if (isPrometheusDuration(value)) return undefined;
    return `is "${value}", but ${NAMES[program]} reads this key as a Prometheus duration (integers with units y, w, d, h, m, s, ms, largest first): write it as e.g. "90m" instead of "1.5h"`;
  }
  if (isGoDuration(value)) return undefined;
  const go = goEquivalent(value);
  return `is "${value}", but ${NAMES[program]} reads ${name} as a Go duration, which has no d, w or y unit: write ${go ? `"${go}"` : 'it with ns, us, ms, s, m or h (e.g. "168h")'}`;
}

const ALLOY_ATTRIBUTE = /^\s*([A-Za-z_][A-Za-z0-9_]*)\s*=\s*"([^"]*)"/;

function alloyProblems(key: string, text: string): Problem[] {
  const problems: Problem[] = [];
  text.split('\n').forEach((line, i) => {
    const match = ALLOY_ATTRIBUTE.exec(line);
    if (!match || !looksLikeDuration(match[2]) || isGoDuration(match[2])) return;
    const go = goEquivalent(match[2]);
    problems.push({
      path: pointer('data', key),
      message: `data[${JSON.stringify(key)}] line ${i + 1}: ${match[1]} is "${match[2]}", but Alloy parses durations with Go's time.ParseDuration, which has no d, w or y unit: write ${go ? `"${go}"` : 'it with ns, us, ms, s, m or h'}`,
    });
  });
  return problems;
}

export const goDuration: ObjectRule = {
  id: 'go-duration',
  description: 'Durations in Tempo, Loki, Mimir and Alloy configs use the syntax each key is parsed with (Go `168h` vs Prometheus `7d`).',
  levels: levels('error', 'error'),
  scope: 'object',
  check(object: JsonObject) {
    const problems: Problem[] = [];
    const data = isObject(object.data) ? object.data : {};
    for (const [key, text] of Object.entries(data)) {
      if (typeof text === 'string' && /\.(alloy|river)$/.test(key)) problems.push(...alloyProblems(key, text));
    }
    for (const config of embeddedConfigs(object)) {
      if (!config.ok) continue;
      const program = programOf(object, config.key);
      if (program !== 'tempo' && program !== 'loki' && program !== 'mimir') continue;
      for (const scalar of config.scalars) {
        if (typeof scalar.value !== 'string' || !looksLikeDuration(scalar.value)) continue;
        const name = dotted(scalar.path);
        const problem = checkValue(program, name, scalar.value, acceptsPrometheusDuration(program, scalar.path));
        if (problem) problems.push({ path: pointer('data', config.key), message: `${where(config, scalar.line)}: ${name} ${problem}` });
      }
    }
    return problems;
  },
};
