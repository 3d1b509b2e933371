/** Native std.manifestJsonEx and std.manifestYamlDoc, as go-jsonnet implements them. */
import type { Evaluator } from '../evaluator.js';
import { formatFixedShortest } from '../manifest.js';
import { JFunction, JObject, Thunk, type Lazy, type Site, type Value } from '../values.js';
import { bool, define, str, type NativeTable } from './helpers.js';

/** Go's encoding/json string encoding with SetEscapeHTML(false). */
export function jsonEncodeString(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 34) out += '\\"';
    else if (c === 92) out += '\\\\';
    else if (c === 10) out += '\\n';
    else if (c === 13) out += '\\r';
    else if (c === 9) out += '\\t';
    else if (c < 0x20) out += '\\u00' + c.toString(16).padStart(2, '0');
    else if (c === 0x2028 || c === 0x2029) out += '\\u' + c.toString(16);
    else out += s[i];
  }
  return out + '"';
}

export function addManifestNatives(ev: Evaluator, t: NativeTable): void {
  define(
    t,
    'manifestJsonEx',
    ['value', 'indent', 'newline', 'key_val_sep'],
    ([value, indent, newline, kvSep], site) => {
      const ind = str(ev, indent!, site);
      const nl = str(ev, newline!, site);
      const sep = str(ev, kvSep!, site);
      const aux = (v: Value, path: string[], cindent: string): string => {
        if (v === null) return 'null';
        switch (typeof v) {
          case 'string':
            return jsonEncodeString(v);
          case 'number':
            return formatFixedShortest(v);
          case 'boolean':
            return v ? 'true' : 'false';
        }
        if (v instanceof JFunction) throw ev.error(`tried to manifest function at [${path.join(' ')}]`, site);
        const newIndent = cindent + ind;
        if (v instanceof JObject) {
          const lines: string[] = [];
          for (const name of v.fieldNames(false)) {
            const fv = ev.objectIndex(v, name, site);
            lines.push(newIndent + jsonEncodeString(name) + sep + aux(fv, [...path, name], newIndent));
          }
          return '{' + nl + lines.join(',' + nl) + nl + cindent + '}';
        }
        const lines = (v as Lazy[]).map((el, i) => newIndent + aux(ev.value(el, site), [...path, String(i)], newIndent));
        return '[' + nl + lines.join(',' + nl) + nl + cindent + ']';
      };
      return aux(value!, [], '');
    },
    [undefined, undefined, '\n', ': '],
  );

  define(
    t,
    'manifestYamlDoc',
    ['value', 'indent_array_in_object', 'quote_keys'],
    ([value, indentArr, quoteKeys], site) => {
      const indentArrays = bool(ev, indentArr!, site);
      const quote = bool(ev, quoteKeys!, site);
      const out: string[] = [];
      const aux = (v: Value, cindent: string): void => {
        if (v === null) {
          out.push('null');
          return;
        }
        switch (typeof v) {
          case 'boolean':
            out.push(v ? 'true' : 'false');
            return;
          case 'number':
            out.push(formatFixedShortest(v));
            return;
          case 'string':
            if (v === '') out.push('""');
            else if (v.endsWith('\n')) {
              out.push('|');
              for (const line of v.slice(0, -1).split('\n')) out.push('\n', cindent, '  ', line);
            } else out.push(unparseString(v));
            return;
        }
        if (v instanceof JFunction) return;
        if (v instanceof JObject) {
          const names = v.fieldNames(false);
          if (names.length === 0) {
            out.push('{}');
            return;
          }
          names.forEach((name, ix) => {
            const fv = ev.objectIndex(v, name, site);
            if (ix !== 0) out.push('\n', cindent);
            out.push(quote || !yamlBareSafe(name) ? escapeStringJsonGo(name) : name, ':');
            let next = cindent;
            if (Array.isArray(fv) && fv.length > 0) {
              out.push('\n', cindent);
              if (indentArrays) {
                out.push('  ');
                next = cindent + '  ';
              }
            } else if (fv instanceof JObject) {
              if (fv.fieldNames(false).length > 0) {
                out.push('\n', cindent, '  ');
                next = cindent + '  ';
              } else out.push(' ');
            } else out.push(' ');
            aux(fv, next);
          });
          return;
        }
        const items = v as Lazy[];
        if (items.length === 0) {
          out.push('[]');
          return;
        }
        items.forEach((el, ix) => {
          if (ix !== 0) out.push('\n', cindent);
          const ev2 = el instanceof Thunk ? ev.force(el, site) : el;
          out.push('-');
          if (Array.isArray(ev2) && ev2.length > 0) out.push('\n', cindent, '  ');
          else out.push(' ');
          const next = Array.isArray(ev2) || ev2 instanceof JObject ? cindent + '  ' : cindent;
          aux(ev2, next);
        });
      };
      aux(value!, '');
      return out.join('');
    },
    [undefined, false, true],
  );
}

/** go-jsonnet's unparseString (as used by manifestYamlDoc for plain strings). */
function unparseString(s: string): string {
  let out = '"';
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\b') out += '\\b';
    else if (ch === '\f') out += '\\f';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) out += '\\u' + c.toString(16).padStart(4, '0');
    else out += ch;
  }
  return out + '"';
}

/** go-jsonnet's escapeStringJson (keys of manifestYamlDoc). */
function escapeStringJsonGo(s: string): string {
  return unparseString(s);
}

const YAML_RESERVED = ['true', 'false', 'yes', 'no', 'on', 'off', 'y', 'n', '.nan', '-.inf', '+.inf', '.inf', 'null', '-', '---', "''"];

/** go-jsonnet's yamlBareSafe. */
function yamlBareSafe(s: string): boolean {
  if (s.length === 0) return false;
  if (!/^[A-Za-z0-9_\-/.]+$/.test(s)) return false;
  const lower = s.toLowerCase();
  if (YAML_RESERVED.includes(lower)) return false;
  if (/^(?:[0-9]*-){2}[0-9]*$/.test(s)) return false;
  if (/^[-+]?0b[0-1_]+$/.test(s) || /[-+]?0x[0-9a-fA-F_]+/.test(s)) return false;
  if (/^[+-]?[0-9]+$/.test(s)) return false;
  if (isGoFloat(s)) return false;
  return true;
}

/** Whether Go's strconv.ParseFloat accepts `s` (restricted to the characters that get here). */
function isGoFloat(s: string): boolean {
  if (/^[+-]?(?:inf|infinity|nan)$/i.test(s)) return true;
  return /^[+-]?(?:[0-9](?:_?[0-9])*(?:\.(?:[0-9](?:_?[0-9])*)?)?|\.[0-9](?:_?[0-9])*)(?:[eE][+-]?[0-9]+)?$/.test(s);
}

export type { Site };
