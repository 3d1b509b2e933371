/** Lexer and parser: tokens, string forms, and the source locations carried by every node. */
import { describe, expect, it } from 'vitest';
import { K, type Node } from '../../src/jsonnet/ast.js';
import { StaticError, evaluateSnippet, formatLoc, lex, parse } from '../../src/jsonnet/index.js';
import { T } from '../../src/jsonnet/lexer.js';

const run = (code: string) => evaluateSnippet(code, 'test.jsonnet').toJson();

describe('lexer', () => {
  it('lexes operators, keywords, numbers and skips all three comment styles', () => {
    const tokens = lex('f.jsonnet', 'local x = 1.5e3 // c\n# hash\n/* block\n */ x+:::-1 tailstrict importbin');
    expect(tokens.map((t) => t.kind)).toEqual([T.Local, T.Identifier, T.Operator, T.Number, T.Identifier, T.Operator, T.Operator, T.Number, T.TailStrict, T.ImportBin, T.EOF]);
    // An operator may not end in '-' unless one character long: `+:::-1` is `+:::` then `-`.
    expect(tokens[5]!.data).toBe('+:::');
    expect(tokens[6]!.data).toBe('-');
  });

  it('gives token locations with UTF-8 byte columns, as go-jsonnet', () => {
    const tokens = lex('f.jsonnet', '"é" + x');
    // "é" is 4 bytes with its quotes: columns 1-5; the + is at byte 6.
    expect(formatLoc(tokens[0]!.loc)).toBe('f.jsonnet:1:1-5');
    expect(formatLoc(tokens[1]!.loc)).toBe('f.jsonnet:1:6-7');
  });

  it('handles text blocks, the |||- chomp form, verbatim strings and escapes', () => {
    expect(run('|||\n  a\n    b\n|||')).toBe('a\n  b\n');
    expect(run('|||-\n  a\n    b\n|||')).toBe('a\n  b');
    expect(run("@'it''s \\n'")).toBe("it's \\n");
    expect(run('@"say ""hi"""')).toBe('say "hi"');
    expect(run('"\\u00e9\\t\\"\\/\\ud83d\\ude00"')).toBe('é\t"/😀');
    expect(run("'single \\' quote'")).toBe("single ' quote");
  });

  it('reports lexing errors at their position', () => {
    expect(() => lex('f.jsonnet', '"abc')).toThrow(StaticError);
    expect(() => lex('f.jsonnet', '"abc')).toThrow('f.jsonnet:1:1 Unterminated String');
    expect(() => lex('f.jsonnet', '|||\nno indent\n|||')).toThrow("Text block's first line must start with whitespace");
    expect(() => lex('f.jsonnet', '1.x')).toThrow("Couldn't lex number, junk after decimal point: 'x'");
  });
});

/** The first node (depth first) satisfying `pred`, looking through binds, fields and params. */
function find(node: unknown, pred: (n: Node) => boolean): Node | null {
  if (node === null || typeof node !== 'object') return null;
  if (Array.isArray(node)) {
    for (const x of node) {
      const r = find(x, pred);
      if (r) return r;
    }
    return null;
  }
  const isNode = typeof (node as { k?: unknown }).k === 'number';
  if (isNode && pred(node as Node)) return node as Node;
  for (const [key, v] of Object.entries(node)) {
    if (key === 'loc') continue;
    const r = find(v, pred);
    if (r) return r;
  }
  return null;
}

describe('parser', () => {
  it('gives every node a location range', () => {
    const src = 'local f(x) = x * 2;\n{\n  a: f(21),\n  b: [1, 2][0],\n}';
    const ast = parse('p.jsonnet', src);
    expect(formatLoc(ast.loc!)).toBe('p.jsonnet:(1:1)-(5:2)');
    const apply = find(ast, (n) => n.k === K.Apply)!;
    expect(formatLoc(apply.loc!)).toBe('p.jsonnet:3:6-11');
    const index = find(ast, (n) => n.k === K.Index)!;
    expect(formatLoc(index.loc!)).toBe('p.jsonnet:4:6-15');
    const mult = find(ast, (n) => n.k === K.Binary)!;
    expect(formatLoc(mult.loc!)).toBe('p.jsonnet:1:14-19');
  });

  it('labels nodes with go-jsonnet trace contexts', () => {
    const ast = parse('p.jsonnet', 'local f(x) = x; local o = { a: 1 }; f(o)');
    expect(ast.ctx).toBe('$');
    const fn = find(ast, (n) => n.k === K.Function)!;
    expect(fn.k === K.Function && fn.body.ctx).toBe('function <f>');
    const obj = find(ast, (n) => n.k === K.SObject)!;
    expect(obj.ctx).toBe('thunk <o> from <$>');
    const arg = find(ast, (n) => n.k === K.Apply)!;
    expect(arg.k === K.Apply && arg.args[0]!.ctx).toBe('thunk from <$>');
  });

  it('respects precedence and associativity', () => {
    expect(run('1 + 2 * 3 - 4')).toBe(3);
    expect(run('10 - 3 - 2')).toBe(5);
    expect(run('-2 * 3')).toBe(-6);
    expect(run('!true || true')).toBe(true);
    expect(run('1 << 2 + 1')).toBe(8);
    expect(run('{ a: 1 } { b: 2 }')).toEqual({ a: 1, b: 2 });
    expect(run("'a' in { a: 1 }")).toBe(true);
  });

  it('reports go-jsonnet parse errors', () => {
    expect(() => parse('p.jsonnet', '[1 2]')).toThrow('p.jsonnet:1:4-5 Expected a comma before next array element.');
    expect(() => parse('p.jsonnet', '{ a: 1, a: 2 }')).toThrow('Duplicate field: a');
    expect(() => parse('p.jsonnet', 'local x = 1, x = 2; x')).toThrow('Duplicate local var: x');
    expect(() => parse('p.jsonnet', 'f(a=1, 2)')).toThrow('Positional argument after a named argument is not allowed');
    expect(() => parse('p.jsonnet', 'import "a" + "b"')).toThrow('Computed imports are not allowed');
  });

  it('runs the static checks after desugaring', () => {
    expect(() => run('x')).toThrow('test.jsonnet:1:1-2 Unknown variable: x');
    expect(() => run('self')).toThrow("Can't use self outside of an object.");
    expect(() => run('super.a')).toThrow("Can't use super outside of an object.");
    expect(() => run('$')).toThrow('No top-level object found.');
    expect(() => run('{ local x = 1, [x]: 2 }')).toThrow('Unknown variable: x');
  });
});
