/**
 * JSON value -> emitter events, the part of go-yaml's encoder (encode.go `marshal`, `mapv`,
 * `slicev`, `stringv`, `floatv`, `boolv`, `nilv`) reached by what Go's `json.Unmarshal` produces:
 * `map[string]interface{}`, `[]interface{}`, string, float64, bool and nil.
 */
import type { JsonValue } from '../engine/types.js';
import { toWellFormed } from './chars.js';
import { Emitter, EventType } from './emitter.js';
import { formatGoFloat } from './float.js';
import { sortKeys } from './key-order.js';
import type { YamlProfile } from './output.js';
import { requestedStringStyle, ScalarStyle } from './style.js';

const DOCUMENT_START = { type: EventType.DocumentStart } as const;
const DOCUMENT_END = { type: EventType.DocumentEnd } as const;
const SEQUENCE_END = { type: EventType.SequenceEnd } as const;
const MAPPING_END = { type: EventType.MappingEnd } as const;

/** `encoder.floatv`: Go's shortest `%g`, with YAML spellings of the non-finite values. */
function floatText(f: number): string {
  const s = formatGoFloat(f);
  if (s === '+Inf') return '.inf';
  if (s === '-Inf') return '-.inf';
  if (s === 'NaN') return '.nan';
  return s;
}

export class Encoder {
  private readonly emitter: Emitter;

  constructor(private readonly profile: YamlProfile) {
    this.emitter = new Emitter(profile);
  }

  /** `encoder.marshalDoc`: one implicit document. */
  document(value: JsonValue): void {
    this.emitter.handle(DOCUMENT_START);
    this.value(value);
    this.emitter.handle(DOCUMENT_END);
  }

  text(): string {
    return this.emitter.text();
  }

  private scalar(value: string, style: ScalarStyle): void {
    this.emitter.handle({ type: EventType.Scalar, value, style });
  }

  /** `encoder.stringv` for an untagged string. */
  private string(s: string): void {
    const text = toWellFormed(s);
    this.scalar(text, requestedStringStyle(text, this.profile.version));
  }

  private value(v: JsonValue): void {
    if (v === null || v === undefined) {
      this.scalar('null', ScalarStyle.Plain); // nilv
    } else if (typeof v === 'string') {
      this.string(v);
    } else if (typeof v === 'number') {
      this.scalar(floatText(v), ScalarStyle.Plain);
    } else if (typeof v === 'boolean') {
      this.scalar(v ? 'true' : 'false', ScalarStyle.Plain);
    } else if (Array.isArray(v)) {
      this.emitter.handle({ type: EventType.SequenceStart, empty: v.length === 0 });
      for (const item of v) this.value(item);
      this.emitter.handle(SEQUENCE_END);
    } else {
      const keys = sortKeys(Object.keys(v), this.profile.version);
      this.emitter.handle({ type: EventType.MappingStart, empty: keys.length === 0 });
      for (const k of keys) {
        this.string(k);
        this.value(v[k]);
      }
      this.emitter.handle(MAPPING_END);
    }
  }
}
