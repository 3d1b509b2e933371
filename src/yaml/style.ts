/**
 * Choice of scalar presentation style, in two steps as in go-yaml:
 * 1. the encoder asks for a style from the string's meaning (`encoder.stringv`, encode.go):
 *    literal block if it contains "\n", plain if it resolves to a string, double-quoted otherwise;
 * 2. the emitter downgrades that request to what the text allows
 *    (`yaml_emitter_select_scalar_style`, emitterc.go): plain -> single-quoted -> double-quoted,
 *    literal -> double-quoted.
 */
import type { ScalarAnalysis } from './analyze.js';
import { canUsePlain, type YamlVersion } from './resolve.js';

export enum ScalarStyle {
  Plain = 1,
  SingleQuoted = 2,
  DoubleQuoted = 3,
  Literal = 4,
}

/**
 * `encoder.stringv` for an untagged valid-UTF-8 string. (v3 would pick double quotes instead of a
 * literal block inside flow collections, but the JSON encoder never emits non-empty flow
 * collections.)
 */
export function requestedStringStyle(s: string, version: YamlVersion): ScalarStyle {
  if (s.includes('\n')) return ScalarStyle.Literal;
  return canUsePlain(s, version) ? ScalarStyle.Plain : ScalarStyle.DoubleQuoted;
}

/**
 * `yaml_emitter_select_scalar_style` with the settings both encoders use: not canonical, and
 * every scalar implicit (plain_implicit = quoted_implicit = true, no tag), so no `!` tag is ever
 * added and the tag-related downgrades do not apply.
 */
export function selectScalarStyle(
  requested: ScalarStyle,
  analysis: ScalarAnalysis,
  valueLength: number,
  flowLevel: number,
  simpleKeyContext: boolean,
): ScalarStyle {
  let style = requested;
  if (simpleKeyContext && analysis.multiline) style = ScalarStyle.DoubleQuoted;

  if (style === ScalarStyle.Plain) {
    if (
      (flowLevel > 0 && !analysis.flowPlainAllowed) ||
      (flowLevel === 0 && !analysis.blockPlainAllowed)
    ) {
      style = ScalarStyle.SingleQuoted;
    }
    if (valueLength === 0 && (flowLevel > 0 || simpleKeyContext)) style = ScalarStyle.SingleQuoted;
  }
  if (style === ScalarStyle.SingleQuoted && !analysis.singleQuotedAllowed) {
    style = ScalarStyle.DoubleQuoted;
  }
  if (style === ScalarStyle.Literal) {
    if (!analysis.blockAllowed || flowLevel > 0 || simpleKeyContext) style = ScalarStyle.DoubleQuoted;
  }
  return style;
}
