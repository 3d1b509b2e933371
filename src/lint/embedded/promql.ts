/**
 * PromQL checking with the Prometheus project's own parser.
 *
 * - `@prometheus-io/lezer-promql` is the PromQL grammar maintained in the Prometheus repository
 *   (it drives the Prometheus UI's editor): any error node in its tree is a syntax error.
 * - `@prometheus-io/codemirror-promql` ports Prometheus' `checkAST` (promql/parser/parse.go) onto
 *   that tree: argument types of functions (`rate` needs a range vector), operand types of binary
 *   and set operators, aggregation parameters. These are the errors `promtool check rules`
 *   reports and that make Prometheus or the Mimir ruler refuse a rule file.
 *
 * The checker needs an editor *state* (not a view, no DOM): the document text plus the PromQL
 * language, from which it reads the syntax tree. Both packages are loaded through their CommonJS
 * builds, because the ES builds use extensionless relative imports that Node cannot resolve, and
 * every package must come from the same module system so that @codemirror/state's identity checks
 * hold. The checker class is not re-exported by the package index, hence the deep require of
 * `dist/cjs/parser/parser.js` (the version is pinned in package.json, and the tests would catch a
 * move).
 */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface LezerTree {
  iterate(spec: { enter(node: { type: { isError: boolean }; from: number; to: number }): void }): void;
  readonly length: number;
}
interface LezerParser {
  parse(input: string): LezerTree;
}
interface Diagnostic {
  severity: 'error' | 'warning' | 'info' | 'hint';
  message: string;
  from: number;
  to: number;
}
interface PromqlChecker {
  analyze(): void;
  getDiagnostics(): Diagnostic[];
}
type EditorStateFactory = { create(config: { doc: string; extensions: unknown }): unknown };

interface PromqlMachinery {
  parser: LezerParser;
  EditorState: EditorStateFactory;
  language: unknown;
  Parser: new (state: unknown) => PromqlChecker;
}

let machinery: PromqlMachinery | undefined;

/**
 * Loaded on first use: these packages take a tenth of a second to load, which every mop command
 * would otherwise pay at start-up, and only rule files with PromQL need them.
 */
function promql(): PromqlMachinery {
  if (!machinery) {
    const lezer = require('@prometheus-io/lezer-promql') as { parser: LezerParser };
    const { EditorState } = require('@codemirror/state') as { EditorState: EditorStateFactory };
    const { LRLanguage } = require('@codemirror/language') as { LRLanguage: { define(spec: { parser: LezerParser }): unknown } };
    const { Parser } = require('@prometheus-io/codemirror-promql/dist/cjs/parser/parser.js') as {
      Parser: new (state: unknown) => PromqlChecker;
    };
    machinery = { parser: lezer.parser, EditorState, language: LRLanguage.define({ parser: lezer.parser }), Parser };
  }
  return machinery;
}

export interface PromqlProblem {
  /** 0-based offsets into the expression. */
  from: number;
  to: number;
  message: string;
}

/** The problems of one PromQL expression; `[]` when Prometheus would accept it. */
export function checkPromql(expression: string): PromqlProblem[] {
  if (expression.trim() === '') return [{ from: 0, to: 0, message: 'the expression is empty' }];
  const { parser, EditorState, language, Parser } = promql();
  const problems: PromqlProblem[] = [];
  const tree = parser.parse(expression);
  let syntaxError: PromqlProblem | undefined;
  tree.iterate({
    enter(node) {
      if (node.type.isError && syntaxError === undefined) {
        const near = expression.slice(node.from, node.from + 20);
        syntaxError = {
          from: node.from,
          to: node.to,
          message:
            node.from >= expression.length
              ? 'syntax error: unexpected end of expression (an unclosed parenthesis, brace or bracket?)'
              : `syntax error at character ${node.from + 1} near "${near}"`,
        };
      }
    },
  });
  if (syntaxError) problems.push(syntaxError);
  const checker = new Parser(EditorState.create({ doc: expression, extensions: language }));
  checker.analyze();
  for (const diagnostic of checker.getDiagnostics()) {
    if (diagnostic.severity !== 'error') continue;
    // The editor's generic "unexpected expression" repeats the syntax error found above.
    if (syntaxError && diagnostic.message === 'unexpected expression') continue;
    problems.push({ from: diagnostic.from, to: diagnostic.to, message: diagnostic.message });
  }
  return problems;
}
