/**
 * YAML emitters byte-identical to Go's gopkg.in/yaml.v2 v2.4.0 (what `tk show` / `tk export`
 * write) and gopkg.in/yaml.v3 v3.0.1 (Tanka's `manifestYamlFromJson` native and error dumps), for
 * JSON-shaped values.
 *
 * This is a port of go-yaml, not an approximation: Tanka's maintainers treat any byte change in
 * this output as breaking. Module map (each file names the Go functions it ports):
 * - encode.ts         encode.go: JSON value -> events, map keys sorted (key-order.ts)
 * - key-order.ts      sorter.go: natural key order
 * - float.ts          strconv.FormatFloat(f, 'g', -1, 64)
 * - resolve.ts        resolve.go + stringv's checks: which strings must be quoted
 *   (go-strconv.ts, go-timestamp.ts: the Go parsers `resolve` relies on)
 * - analyze.ts        yaml_emitter_analyze_scalar
 * - style.ts          stringv's style request + yaml_emitter_select_scalar_style
 * - emitter.ts        the emitter state machine (indentation, keys, sequences)
 * - scalar-writers.ts plain / single / double-quoted / literal writers, line folding, escapes
 * - output.ts         output buffer, write_indent / write_indicator, version profiles
 */
import type { JsonValue } from '../engine/types.js';
import { Encoder } from './encode.js';
import { YAML_V2, YAML_V3 } from './output.js';

/**
 * One document as yaml.v2's `Marshal` writes it: 2-space mappings, sequences not indented under
 * their key, YAML 1.1 quoting, folding at 80 columns. Ends with a newline.
 */
export function marshalYamlV2(value: JsonValue): string {
  const enc = new Encoder(YAML_V2);
  enc.document(value);
  return enc.text();
}

/**
 * One document as yaml.v3's `Marshal` writes it (what `manifestYamlFromJson` returns): 4-space
 * indentation, sequences indented under their key, no line folding.
 */
export function marshalYamlV3(value: JsonValue): string {
  const enc = new Encoder(YAML_V3);
  enc.document(value);
  return enc.text();
}

/**
 * What `tk show` prints (`manifest.List.String()`): every manifest through one yaml.v2
 * `Encoder.Encode`, so each document after the first is preceded by `---`; nothing for an empty
 * list.
 */
export function showYaml(manifests: JsonValue[]): string {
  const enc = new Encoder(YAML_V2);
  for (const m of manifests) enc.document(m);
  return enc.text();
}
