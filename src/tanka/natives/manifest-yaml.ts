/**
 * Tanka's `std.native('manifestYamlFromJson')(json)` (pkg/jsonnet/native/funcs.go
 * `manifestYAMLFromJSON`): Go `json.Unmarshal` into an `interface{}`, then gopkg.in/yaml.v3
 * `Marshal` (4-space indentation, sequences indented under their key, keys sorted, no line
 * folding, floats as `1e+06`). `{}` gives `"{}\n"`.
 *
 * Invalid JSON throws a `GoJsonError` carrying Go's message (e.g. `unexpected end of JSON input`),
 * which is what the Jsonnet runtime error shows under `tk`.
 */
import { marshalYamlV3 } from '../../yaml/index.js';
import { goJsonUnmarshal } from './go-json.js';

export function manifestYamlFromJson(json: string): string {
  return marshalYamlV3(goJsonUnmarshal(json));
}
