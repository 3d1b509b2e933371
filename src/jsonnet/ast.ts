/**
 * The Jsonnet AST. The parser produces the surface syntax (kinds from `K.SObject` on), the
 * desugarer rewrites it to the core language of the specification, and the resolver annotates
 * variables with their frame slots. Every node carries its source range and go-jsonnet's trace
 * "context" (`function <f>`, `object <o>`, `thunk from <...>`, `$`), shown in stack traces.
 */
import type { Loc } from './errors.js';

export const enum K {
  // Core language.
  Literal,
  Self,
  SuperIndex,
  InSuper,
  Var,
  Local,
  Function,
  Apply,
  Array,
  Object,
  Binary,
  Unary,
  Conditional,
  Error,
  Index,
  Import,
  ImportStr,
  ImportBin,
  // Surface syntax, gone after desugaring.
  SObject,
  SObjectComp,
  SArrayComp,
  SSlice,
  SAssert,
  SDollar,
  SParens,
  SApplyBrace,
  SString,
}

export const enum Op {
  Mult,
  Div,
  Percent,
  Plus,
  Minus,
  ShiftL,
  ShiftR,
  Greater,
  GreaterEq,
  Less,
  LessEq,
  In,
  Equal,
  NotEqual,
  BitAnd,
  BitXor,
  BitOr,
  And,
  Or,
}

export const enum UOp {
  Not,
  BitNot,
  Plus,
  Minus,
}

export const BINARY_OPS: Record<string, Op> = {
  '*': Op.Mult,
  '/': Op.Div,
  '%': Op.Percent,
  '+': Op.Plus,
  '-': Op.Minus,
  '<<': Op.ShiftL,
  '>>': Op.ShiftR,
  '>': Op.Greater,
  '>=': Op.GreaterEq,
  '<': Op.Less,
  '<=': Op.LessEq,
  '==': Op.Equal,
  '!=': Op.NotEqual,
  '&': Op.BitAnd,
  '^': Op.BitXor,
  '|': Op.BitOr,
  '&&': Op.And,
  '||': Op.Or,
};

export const UNARY_OPS: Record<string, UOp> = { '!': UOp.Not, '~': UOp.BitNot, '+': UOp.Plus, '-': UOp.Minus };

/** Field visibility: `:` inherits, `::` hides, `:::` forces visible. */
export const enum Hide {
  Inherit,
  Hidden,
  Visible,
}

export type LiteralValue = null | boolean | number | string;

interface Base {
  loc: Loc | null;
  /** go-jsonnet's trace context of this node; '' for nodes made by the desugarer. */
  ctx: string;
}

export interface Literal extends Base {
  k: K.Literal;
  value: LiteralValue;
}
export interface Self extends Base {
  k: K.Self;
  /** Frames between the use and the object frame binding `self` (set by the resolver). */
  depth: number;
}
export interface SuperIndex extends Base {
  k: K.SuperIndex;
  index: Node;
  depth: number;
}
export interface InSuper extends Base {
  k: K.InSuper;
  index: Node;
  depth: number;
}
export interface Var extends Base {
  k: K.Var;
  name: string;
  /** Frames to walk up (set by the resolver). */
  depth: number;
  /** Slot in that frame (slot 0 holds the parent frame). */
  slot: number;
}
export interface Bind {
  name: string;
  body: Node;
  loc: Loc | null;
}
export interface Local extends Base {
  k: K.Local;
  binds: Bind[];
  body: Node;
}
export interface Param {
  name: string;
  def: Node | null;
}
export interface FunctionNode extends Base {
  k: K.Function;
  params: Param[];
  body: Node;
  /** Number of parameters without a default (std.length of a function). */
  required: number;
}
export interface NamedArg {
  name: string;
  arg: Node;
}
export interface Apply extends Base {
  k: K.Apply;
  target: Node;
  args: Node[];
  named: NamedArg[];
  tailstrict: boolean;
}
export interface ArrayNode extends Base {
  k: K.Array;
  elements: Node[];
}
export interface ObjectField {
  /** The field name expression (evaluated outside the object). */
  name: Node;
  hide: Hide;
  /** `+:` — add to the inherited value. */
  plus: boolean;
  body: Node;
  loc: Loc | null;
}
export interface ObjectNode extends Base {
  k: K.Object;
  fields: ObjectField[];
  asserts: Node[];
  locals: Bind[];
  /** Set by the resolver when every field name is a string literal: the names, in field order. */
  literalNames: string[] | null;
}
export interface Binary extends Base {
  k: K.Binary;
  op: Op;
  left: Node;
  right: Node;
}
export interface Unary extends Base {
  k: K.Unary;
  op: UOp;
  expr: Node;
}
export interface Conditional extends Base {
  k: K.Conditional;
  cond: Node;
  then: Node;
  else: Node;
}
export interface ErrorNode extends Base {
  k: K.Error;
  expr: Node;
}
export interface Index extends Base {
  k: K.Index;
  target: Node;
  index: Node;
}
export interface ImportNode extends Base {
  k: K.Import | K.ImportStr | K.ImportBin;
  /** The imported path (unescaped by the desugarer from `pathNode`). */
  path: string;
  pathNode: Node | null;
}

// ---- Surface syntax -------------------------------------------------------------------------

export const enum FieldKind {
  /** `id: e` */
  Id,
  /** `"str": e` */
  Str,
  /** `[e]: e` */
  Expr,
  Local,
  Assert,
}

export interface SField {
  kind: FieldKind;
  /** For Id: the identifier; for Local: the variable. */
  id: string;
  /** For Str/Expr: the name expression. */
  expr1: Node | null;
  hide: Hide;
  plus: boolean;
  /** Field body, local body or assert condition. A method is already a Function here. */
  expr2: Node;
  /** Assert message. */
  expr3: Node | null;
  loc: Loc | null;
}
export interface SObject extends Base {
  k: K.SObject;
  fields: SField[];
}
export interface ForSpec {
  varName: string;
  expr: Node;
  conditions: Node[];
}
export interface SObjectComp extends Base {
  k: K.SObjectComp;
  fields: SField[];
  specs: ForSpec[];
}
export interface SArrayComp extends Base {
  k: K.SArrayComp;
  body: Node;
  specs: ForSpec[];
}
export interface SSlice extends Base {
  k: K.SSlice;
  target: Node;
  begin: Node | null;
  end: Node | null;
  step: Node | null;
}
export interface SAssert extends Base {
  k: K.SAssert;
  cond: Node;
  message: Node | null;
  rest: Node;
}
export interface SDollar extends Base {
  k: K.SDollar;
}
export interface SParens extends Base {
  k: K.SParens;
  inner: Node;
}
export interface SApplyBrace extends Base {
  k: K.SApplyBrace;
  left: Node;
  right: Node;
}
export const enum StrKind {
  Single,
  Double,
  Block,
  VerbatimSingle,
  VerbatimDouble,
}
/** A string literal whose escapes are not yet processed. */
export interface SString extends Base {
  k: K.SString;
  raw: string;
  kind: StrKind;
}

export type Node =
  | Literal
  | Self
  | SuperIndex
  | InSuper
  | Var
  | Local
  | FunctionNode
  | Apply
  | ArrayNode
  | ObjectNode
  | Binary
  | Unary
  | Conditional
  | ErrorNode
  | Index
  | ImportNode
  | SObject
  | SObjectComp
  | SArrayComp
  | SSlice
  | SAssert
  | SDollar
  | SParens
  | SApplyBrace
  | SString;
