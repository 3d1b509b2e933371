/**
 * Go's `json.Unmarshal` of a JSON object into a flat Go struct, as Tanka decodes the `opts` of
 * helmTemplate and kustomizeBuild: keys match field names exactly or case-insensitively, unknown
 * keys are ignored, `null` leaves a field at its default, and a value of the wrong JSON type fails
 * with Go's `json: cannot unmarshal <kind> into Go struct field <Struct>.<field> of type <type>`
 * (the first such error, after the whole object was read, as Go reports it).
 */
import type { JsonObject, JsonValue } from '../../engine/types.js';
import { compareBytes } from '../../util/go-json.js';

export type GoFieldType = 'string' | 'bool' | '[]string' | 'map[string]interface {}';

export interface GoField {
  /** The key Go's encoder would write: the json tag name, or the Go field name. */
  name: string;
  type: GoFieldType;
}

/** Go's JSON kind name of a value, as `UnmarshalTypeError.Value` spells it. */
function jsonKind(v: JsonValue): string {
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'boolean') return 'bool';
  if (Array.isArray(v)) return 'array';
  return 'object';
}

/** Go's case folding for field names (`bytes.EqualFold`, with ſ and the Kelvin sign). */
function fold(s: string): string {
  return s.toLowerCase().replace(/ſ/g, 's').replace(/\u212a/g, 'k');
}

/**
 * Decodes `value` into an object holding one entry per field (only the fields present in `value`
 * with a non-null value; the caller supplies defaults). `structName` is the Go type (`helm.JsonnetOpts`)
 * and `structShortName` its name in field errors (`JsonnetOpts`).
 */
export function goUnmarshalStruct(
  value: JsonValue,
  fields: readonly GoField[],
  structName: string,
  structShortName: string,
): Record<string, JsonValue> {
  const out: Record<string, JsonValue> = {};
  if (value === null) return out;
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new Error(`json: cannot unmarshal ${jsonKind(value)} into Go value of type ${structName}`);
  }
  let firstError: string | null = null;
  const typeError = (kind: string, field: GoField, type: string): void => {
    firstError ??= `json: cannot unmarshal ${kind} into Go struct field ${structShortName}.${field.name} of type ${type}`;
  };
  // json.Marshal (which Tanka applies first) writes keys sorted; later duplicates win.
  for (const key of Object.keys(value).sort(compareBytes)) {
    const field = fields.find((f) => f.name === key) ?? fields.find((f) => fold(f.name) === fold(key));
    if (!field) continue;
    const v = (value as JsonObject)[key];
    if (v === null) continue;
    switch (field.type) {
      case 'string':
        if (typeof v === 'string') out[field.name] = v;
        else typeError(jsonKind(v), field, 'string');
        break;
      case 'bool':
        if (typeof v === 'boolean') out[field.name] = v;
        else typeError(jsonKind(v), field, 'bool');
        break;
      case 'map[string]interface {}':
        if (typeof v === 'object' && !Array.isArray(v)) out[field.name] = v;
        else typeError(jsonKind(v), field, field.type);
        break;
      case '[]string': {
        if (!Array.isArray(v)) {
          typeError(jsonKind(v), field, field.type);
          break;
        }
        const items: JsonValue[] = [];
        for (const item of v) {
          if (typeof item === 'string') items.push(item);
          else if (item === null) items.push('');
          else {
            typeError(jsonKind(item), field, 'string');
            items.push('');
          }
        }
        out[field.name] = items;
        break;
      }
    }
  }
  if (firstError !== null) throw new Error(firstError);
  return out;
}
