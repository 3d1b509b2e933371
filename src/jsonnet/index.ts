/**
 * A Jsonnet implementation in TypeScript following go-jsonnet (Tanka's engine). No dependency on
 * the rest of mop: only Node built-ins (and libjsonnet's std.jsonnet, read from node_modules).
 */
export { evaluateFile, evaluateSnippet, formatError, DEFAULT_MAX_STACK, Evaluation, type VmOptions, type NativeCallback } from './vm.js';
export { StaticError, RuntimeError, formatLoc, type Loc, type TraceFrame } from './errors.js';
export { NeedsAsync, type Importer, type ImportedFile } from './importer.js';
export { serializeJson, formatNumber, quoteString, type JsonValue } from './manifest.js';
export { parse } from './parser.js';
export { lex } from './lexer.js';
export { collectLocations, pointerToken, type Locations } from './locations.js';
