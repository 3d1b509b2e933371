/**
 * ajv errors → one human finding per real problem.
 *
 * Noise removed first: `if` errors (the null wrappers), the outer `propertyNames` error (its inner
 * `enum` carries the unknown name and the allowed ones), and anyOf/oneOf branch lists, collapsed as
 * a person would read them:
 *   - every branch failed on the type alone → one `got X, want A or B`;
 *   - every remaining branch only misses required fields → `must set one of "a", "b"`;
 *   - otherwise the branch that matched the value's type with the fewest errors explains it.
 * Branches are recognized by schema path, which works because combinators never contain `$ref`s
 * in our lowered schemas (the apiextensions alternatives use if/else) nor in standalone schemas.
 */
import type { ErrorObject } from 'ajv';
import { suggest } from './did-you-mean.js';
import { FORMATS } from './formats.js';
import { LIST_MAP_KEYS_KEYWORD } from './lower.js';
import { checkQuantity } from './quantity.js';
import type { Finding, ValidationRule } from './types.js';

/** An ajv error, or a synthetic one made when collapsing combinators. */
interface Problem {
  keyword: string;
  instancePath: string;
  schemaPath: string;
  params: Record<string, unknown>;
  propertyName?: string;
  parentSchema?: unknown;
  /** Synthetic problems carry their own text and rule. */
  rule?: ValidationRule;
  text?: string;
}

export function unescapePointerToken(token: string): string {
  return token.replace(/~1/g, '/').replace(/~0/g, '~');
}

export function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

function pointerTokens(pointer: string): string[] {
  return pointer === '' ? [] : pointer.slice(1).split('/').map(unescapePointerToken);
}

/** The value at a JSON pointer, or undefined. */
export function resolvePointer(root: unknown, pointer: string): unknown {
  let node = root;
  for (const token of pointerTokens(pointer)) {
    if (Array.isArray(node)) node = node[Number(token)];
    else if (typeof node === 'object' && node !== null) node = (node as Record<string, unknown>)[token];
    else return undefined;
  }
  return node;
}

function parentOf(pointer: string): { parentPointer: string; key: string } | undefined {
  const slash = pointer.lastIndexOf('/');
  if (slash < 0) return undefined;
  return { parentPointer: pointer.slice(0, slash), key: unescapePointerToken(pointer.slice(slash + 1)) };
}

function jsonType(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  return typeof value;
}

function quote(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `string "abc"`, `number 1.5`, `boolean true`, `null`, `array`, `object`. */
function describeValue(value: unknown): string {
  const type = jsonType(value);
  if (type === 'string' || type === 'number' || type === 'boolean') return `${type} ${quote(value)}`;
  return type;
}

function orList(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} or ${items[items.length - 1]}`;
}

function wantedTypes(types: unknown): string[] {
  const list = (Array.isArray(types) ? types : [types]).filter((t): t is string => typeof t === 'string');
  const withoutNull = list.filter((t) => t !== 'null');
  return withoutNull.length > 0 ? withoutNull : list;
}

function quotedList(values: unknown[], max = 12): string {
  const shown = values.slice(0, max).map(quote);
  return values.length > max ? `${shown.join(', ')}, ... (${values.length} values)` : shown.join(', ');
}

function didYouMean(input: string, candidates: Iterable<string>): string {
  const hit = suggest(input, candidates);
  return hit === undefined ? '' : `; did you mean ${JSON.stringify(hit)}?`;
}

function location(pointer: string): string {
  return `at ${pointer === '' ? '/' : pointer}`;
}

// ---------------------------------------------------------------------------------------------
// Combinator collapsing

function isCombinator(p: Problem): boolean {
  return (p.keyword === 'anyOf' || p.keyword === 'oneOf') && !p.rule;
}

function branchIndex(combinator: Problem, p: Problem): number | undefined {
  const prefix = `${combinator.schemaPath}/`;
  const at = combinator.instancePath;
  // The same combinator runs once per array item: /items/1 must not claim the errors of /items/10.
  if (!p.schemaPath.startsWith(prefix) || (p.instancePath !== at && !p.instancePath.startsWith(`${at}/`))) return undefined;
  const index = Number(p.schemaPath.slice(prefix.length).split('/', 1)[0]);
  return Number.isInteger(index) ? index : undefined;
}

function collapseOne(combinator: Problem, branches: Map<number, Problem[]>): Problem[] {
  const at = combinator.instancePath;
  const base = { instancePath: at, schemaPath: combinator.schemaPath, params: {} };
  if (Array.isArray(combinator.params.passingSchemas)) {
    return [{ ...base, keyword: combinator.keyword, rule: 'schema-violation', text: `matches more than one of the alternatives (oneOf branches ${combinator.params.passingSchemas.join(', ')}); it must match exactly one` }];
  }
  const all = [...branches.values()];
  if (all.length === 0) return [combinator];
  const typeOnly = (errors: Problem[]) => errors.every((e) => e.keyword === 'type' && e.instancePath === at && !e.rule);
  if (all.every(typeOnly)) {
    const types = [...new Set(all.flat().flatMap((e) => wantedTypes(e.params.type)))];
    return [{ ...base, keyword: 'type', params: { type: types } }];
  }
  const candidates = all.filter((errors) => !typeOnly(errors));
  const missingOnly = (errors: Problem[]) => errors.every((e) => e.keyword === 'required' && e.instancePath === at && !e.rule);
  if (candidates.length > 1 && candidates.every(missingOnly)) {
    const options = candidates.map((errors) => errors.map((e) => JSON.stringify(e.params.missingProperty)).join(' and '));
    const how = combinator.keyword === 'oneOf' ? 'exactly one' : 'at least one';
    return [{ ...base, keyword: 'required', rule: 'required-field', text: `must set ${how} of ${orList(options)}` }];
  }
  return candidates.reduce((best, errors) => (errors.length < best.length ? errors : best));
}

/** Replaces each failed anyOf/oneOf and its branch errors by what explains the failure; innermost first. */
function collapseCombinators(problems: Problem[]): Problem[] {
  let list = problems;
  const combinators = list.filter(isCombinator).sort((a, b) => b.schemaPath.length - a.schemaPath.length);
  for (const combinator of combinators) {
    const position = list.indexOf(combinator);
    if (position < 0) continue;
    const branches = new Map<number, Problem[]>();
    const rest: Problem[] = [];
    for (const p of list) {
      if (p === combinator) continue;
      const index = branchIndex(combinator, p);
      if (index === undefined) {
        rest.push(p);
        continue;
      }
      if (!branches.has(index)) branches.set(index, []);
      branches.get(index)!.push(p);
    }
    const replacement = collapseOne(combinator, branches);
    // The replacement takes the place of the first branch error (ties in document order keep list order).
    const firstBranch = list.findIndex((p) => p === combinator || branchIndex(combinator, p) !== undefined);
    const before = list.slice(0, firstBranch).filter((p) => rest.includes(p));
    const after = rest.slice(before.length);
    list = [...before, ...replacement, ...after];
  }
  return list;
}

// ---------------------------------------------------------------------------------------------
// Messages

function limitMessage(keyword: string, params: Record<string, unknown>, value: unknown): string | undefined {
  const limit = params.limit;
  switch (keyword) {
    case 'minLength':
      return `must be at least ${limit} characters long, got ${typeof value === 'string' ? [...value].length : '?'}`;
    case 'maxLength':
      return `must be at most ${limit} characters long, got ${typeof value === 'string' ? [...value].length : '?'}`;
    case 'minItems':
      return `must have at least ${limit} items, got ${Array.isArray(value) ? value.length : '?'}`;
    case 'maxItems':
      return `must have at most ${limit} items, got ${Array.isArray(value) ? value.length : '?'}`;
    case 'minProperties':
      return `must have at least ${limit} fields`;
    case 'maxProperties':
      return `must have at most ${limit} fields`;
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return `got ${quote(value)}, want a value ${String(params.comparison)} ${limit}`;
    case 'multipleOf':
      return `got ${quote(value)}, want a multiple of ${String(params.multipleOf)}`;
    default:
      return undefined;
  }
}

function describeFormat(format: string, value: unknown): { rule: ValidationRule; text: string } {
  if (format === 'k8s-quantity' && typeof value === 'string') {
    const check = checkQuantity(value);
    return { rule: 'invalid-quantity', text: `invalid quantity ${quote(value)}${check.ok ? '' : `: ${check.reason}`}` };
  }
  const known = Object.hasOwn(FORMATS, format) ? FORMATS[format] : undefined;
  if (!known) return { rule: 'invalid-format', text: `${quote(value)} is not a valid ${format}` };
  const why = (typeof value === 'string' ? known.explain?.(value) : undefined) ?? known.hint;
  return { rule: 'invalid-format', text: `invalid ${known.label} ${quote(value)}${why ? `: ${why}` : ''}` };
}

function allowedFromParentSchema(parentSchema: unknown): string[] {
  if (typeof parentSchema !== 'object' || parentSchema === null) return [];
  const properties = (parentSchema as { properties?: unknown }).properties;
  return typeof properties === 'object' && properties !== null ? Object.keys(properties) : [];
}

function describe(p: Problem, root: unknown): Finding | undefined {
  const make = (rule: ValidationRule, text: string, path = p.instancePath): Finding => ({ rule, severity: 'error', path, message: `${location(path)}: ${text}` });
  if (p.rule && p.text) return make(p.rule, p.text);

  // Unknown fields: the propertyNames enum (strict lowering) or additionalProperties (external schemas).
  if (p.propertyName !== undefined && (p.keyword === 'enum' || p.keyword === 'false schema')) {
    const allowed = Array.isArray(p.params.allowedValues) ? (p.params.allowedValues as string[]) : [];
    const hint = allowed.length === 0 ? ' (this object takes no fields)' : didYouMean(p.propertyName, allowed);
    return make('unknown-field', `unknown field ${JSON.stringify(p.propertyName)}${hint}`);
  }
  if (p.keyword === 'additionalProperties') {
    const name = String(p.params.additionalProperty);
    return make('unknown-field', `unknown field ${JSON.stringify(name)}${didYouMean(name, allowedFromParentSchema(p.parentSchema))}`);
  }

  const value = resolvePointer(root, p.instancePath);
  if (value === null && ['type', 'enum', 'const', 'format'].includes(p.keyword)) {
    const parent = parentOf(p.instancePath);
    const container = parent ? resolvePointer(root, parent.parentPointer) : undefined;
    if (parent && typeof container === 'object' && container !== null && !Array.isArray(container)) {
      return make('required-field', `required field ${JSON.stringify(parent.key)} is null`);
    }
  }

  switch (p.keyword) {
    case 'type':
      return make('invalid-type', `got ${describeValue(value)}, want ${orList(wantedTypes(p.params.type))}`);
    case 'required':
      return make('required-field', `missing required field ${JSON.stringify(p.params.missingProperty)}`);
    case 'enum': {
      const allowed = Array.isArray(p.params.allowedValues) ? p.params.allowedValues.filter((v) => v !== null) : [];
      const hint = typeof value === 'string' ? didYouMean(value, allowed.filter((v): v is string => typeof v === 'string')) : '';
      return make('invalid-value', `got ${quote(value)}, want ${allowed.length === 1 ? quote(allowed[0]) : `one of ${quotedList(allowed)}`}${hint}`);
    }
    case 'const':
      return make('invalid-value', `got ${quote(value)}, want ${quote(p.params.allowedValue)}`);
    case 'format': {
      const { rule, text } = describeFormat(String(p.params.format), value);
      return make(rule, text);
    }
    case 'pattern':
      return make('pattern-mismatch', `${quote(value)} does not match the pattern ${String(p.params.pattern)}`);
    case 'uniqueItems': {
      const [first, second] = [Number(p.params.i), Number(p.params.j)].sort((a, b) => a - b);
      return make('duplicate-item', `items ${first} and ${second} are duplicates`);
    }
    case LIST_MAP_KEYS_KEYWORD: {
      const keys = Array.isArray(p.params.keys) ? (p.params.keys as string[]) : [];
      const item = Array.isArray(value) ? (value[Number(p.params.j)] as Record<string, unknown> | undefined) : undefined;
      const keyText = keys.map((k) => `${k}=${quote(item?.[k] ?? null)}`).join(', ');
      return make('duplicate-item', `items ${String(p.params.i)} and ${String(p.params.j)} have the same key (${keyText})`);
    }
    case 'not':
      return make('schema-violation', 'matches a schema it must not match');
    case 'anyOf':
    case 'oneOf':
      return make('schema-violation', `${describeValue(value)} matches none of the allowed alternatives`);
    case 'false schema':
      return make('schema-violation', 'no value is allowed here');
    default: {
      const limit = limitMessage(p.keyword, p.params, value);
      if (limit) return make('out-of-range', limit);
      return make('schema-violation', `fails the "${p.keyword}" rule${Object.keys(p.params).length > 0 ? ` (${JSON.stringify(p.params)})` : ''}`);
    }
  }
}

/** Pre-order position of every JSON pointer in a document, to list findings in document order. */
function documentOrder(root: unknown): Map<string, number> {
  const order = new Map<string, number>();
  const visit = (node: unknown, pointer: string) => {
    order.set(pointer, order.size);
    if (Array.isArray(node)) node.forEach((item, i) => visit(item, `${pointer}/${i}`));
    else if (typeof node === 'object' && node !== null) {
      for (const [key, value] of Object.entries(node)) visit(value, `${pointer}/${escapePointerToken(key)}`);
    }
  };
  visit(root, '');
  return order;
}

/** Findings for a failed validation, in document order: `errors` from ajv, `root` the validated manifest. */
export function findingsFromErrors(errors: readonly ErrorObject[], root: unknown): Finding[] {
  const problems: Problem[] = errors
    .filter((e) => e.keyword !== 'if' && e.keyword !== 'propertyNames')
    .map((e) => ({
      keyword: e.keyword,
      instancePath: e.instancePath,
      schemaPath: e.schemaPath,
      params: e.params as Record<string, unknown>,
      propertyName: e.propertyName,
      parentSchema: e.parentSchema,
    }));
  const collapsed = collapseCombinators(problems);
  // A value of the wrong type makes its other checks meaningless (int32 range of 8080.5, ...).
  const wrongType = new Set(collapsed.filter((p) => p.keyword === 'type' && !p.rule).map((p) => p.instancePath));
  const findings: Array<{ finding: Finding; anchor: string }> = [];
  const seen = new Set<string>();
  for (const p of collapsed) {
    if (wrongType.has(p.instancePath) && p.keyword !== 'type' && p.propertyName === undefined && p.keyword !== 'required' && p.keyword !== 'additionalProperties') continue;
    const finding = describe(p, root);
    if (!finding) continue;
    const key = `${finding.rule}\0${finding.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    // An unknown field is placed where the field is, not where its object starts.
    const anchor = p.propertyName !== undefined ? `${p.instancePath}/${escapePointerToken(p.propertyName)}` : p.keyword === 'additionalProperties' ? `${p.instancePath}/${escapePointerToken(String(p.params.additionalProperty))}` : p.instancePath;
    findings.push({ finding, anchor });
  }
  if (findings.length > 1) {
    const order = documentOrder(root);
    const position = (anchor: string) => order.get(anchor) ?? Number.MAX_SAFE_INTEGER;
    findings.sort((a, b) => position(a.anchor) - position(b.anchor));
  }
  return findings.map((f) => f.finding);
}
