/**
 * The checks a parsed document must pass before anything else walks it, in one walk:
 *
 *   - nesting depth, so that recursive consumers (compiled validators, JSON.stringify) are safe.
 *     The walk itself recurses, but never deeper than the limit it enforces;
 *   - the size of the value once YAML aliases are expanded. js-yaml shares aliased nodes instead
 *     of copying them, so an alias bomb parses instantly into a small graph, but every consumer
 *     that walks it as a tree does exponential work. The walk visits the tree as consumers would
 *     and stops at a budget, so the check itself is bounded. Recursive aliases (`&a [*a]`) make
 *     cycles, which show up as runaway depth;
 *   - numbers JSON cannot carry (`.inf`, `.nan`), which Kubernetes' YAML-to-JSON step rejects.
 *
 * It runs on every document, JSON included, so it allocates nothing on the way down.
 */

/** RFC 6901: `~` and `/` inside a key. */
function escapePointerToken(token: string): string {
  return token.replace(/~/g, '~0').replace(/\//g, '~1');
}

export type ValueProblem =
  | { code: 'too-deep'; message: string }
  | { code: 'alias-expansion'; message: string }
  | { code: 'unsupported-value'; message: string; pointer: string };

export interface InspectLimits {
  maxDepth: number;
  /** Most values the document may expand to (every node counted each time it is reached). */
  maxNodes: number;
}

function spell(n: number): string {
  return Number.isNaN(n) ? '.nan' : n > 0 ? '.inf' : '-.inf';
}

/** Thrown out of the walk; `tokens` collects the path (innermost first) on the way out. */
class Stop {
  readonly tokens: string[] = [];
  constructor(readonly kind: 'depth' | 'nodes' | 'number', readonly value?: number) {}
}

export function inspectValue(root: unknown, limits: InspectLimits): ValueProblem | undefined {
  let nodes = 0;
  const ancestors: object[] = [];

  const visit = (value: unknown, depth: number): void => {
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new Stop('number', value);
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    if (depth > limits.maxDepth) throw new Stop('depth');
    ancestors.push(value);
    if (Array.isArray(value)) {
      nodes += value.length;
      if (nodes > limits.maxNodes) throw new Stop('nodes');
      for (let i = 0; i < value.length; i++) {
        try {
          visit(value[i], depth + 1);
        } catch (stop) {
          if (stop instanceof Stop) stop.tokens.push(String(i));
          throw stop;
        }
      }
    } else {
      for (const key in value) {
        if (++nodes > limits.maxNodes) throw new Stop('nodes');
        try {
          visit((value as Record<string, unknown>)[key], depth + 1);
        } catch (stop) {
          if (stop instanceof Stop) stop.tokens.push(key);
          throw stop;
        }
      }
    }
    ancestors.pop();
  };

  try {
    visit(root, 1);
    return undefined;
  } catch (stop) {
    if (!(stop instanceof Stop)) throw stop;
    if (stop.kind === 'number') {
      const pointer = stop.tokens.reverse().map((t) => '/' + escapePointerToken(t)).join('');
      const where = pointer === '' ? '' : `at ${pointer}: `;
      return { code: 'unsupported-value', pointer, message: `${where}${spell(stop.value as number)} is not a number JSON can represent` };
    }
    if (stop.kind === 'nodes') {
      return { code: 'alias-expansion', message: `YAML aliases expand the document to more than ${limits.maxNodes} values (an alias bomb?)` };
    }
    // Runaway depth through a node that contains itself is a recursive alias, not deep input.
    const recursive = new Set<object>();
    for (const node of ancestors) {
      if (recursive.has(node)) return { code: 'alias-expansion', message: 'a YAML alias refers to a node that contains it (a recursive alias)' };
      recursive.add(node);
    }
    return { code: 'too-deep', message: `nested deeper than ${limits.maxDepth} levels` };
  }
}
