/**
 * YAML emitters matching Go's gopkg.in/yaml.v2 (what `tk show`/`tk export` write) and
 * gopkg.in/yaml.v3 (Tanka's natives and error dumps).
 *
 * PLACEHOLDER: approximations through the `yaml` package until the port of go-yaml lands.
 */
import { stringify } from 'yaml';
import type { JsonValue } from '../engine/types.js';

/** One document as yaml.v2's Marshal writes it (2-space maps, sequences not indented). */
export function marshalYamlV2(value: JsonValue): string {
  return stringify(value, { indent: 2, indentSeq: false, sortMapEntries: true });
}

/** One document as yaml.v3's Marshal writes it (4-space indent, sequences indented, no folding). */
export function marshalYamlV3(value: JsonValue): string {
  return stringify(value, { indent: 4, indentSeq: true, sortMapEntries: true, lineWidth: 0 });
}
