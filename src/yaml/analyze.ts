/**
 * Scalar analysis: which presentation styles can represent a string at all. Port of
 * `yaml_emitter_analyze_scalar` (emitterc.go). The result feeds `selectScalarStyle` (style.ts)
 * and `yaml_emitter_check_simple_key` (multiline keys are never simple).
 *
 * The only difference between the versions: yaml.v3 treats TAB separately (it forbids plain and
 * single-quoted styles but still allows a literal block), while yaml.v2 counts TAB among the
 * special (non-printable) characters, which also forbids block styles.
 */
import { isBlank, isBlankZ, isBreak, isPrintable, SPACE, TAB, unitWidth } from './chars.js';
import type { YamlVersion } from './resolve.js';

export interface ScalarAnalysis {
  /** Contains a line break (CR, LF, NEL, LS, PS). */
  multiline: boolean;
  flowPlainAllowed: boolean;
  blockPlainAllowed: boolean;
  singleQuotedAllowed: boolean;
  blockAllowed: boolean;
}

const EMPTY_ANALYSIS: ScalarAnalysis = {
  multiline: false,
  flowPlainAllowed: false,
  blockPlainAllowed: true,
  singleQuotedAllowed: true,
  blockAllowed: false,
};

export function analyzeScalar(value: string, version: YamlVersion): ScalarAnalysis {
  if (value.length === 0) return EMPTY_ANALYSIS;

  let blockIndicators = false;
  let flowIndicators = false;
  let lineBreaks = false;
  let specialCharacters = false;
  let tabCharacters = false;

  let leadingSpace = false;
  let leadingBreak = false;
  let trailingSpace = false;
  let trailingBreak = false;
  let breakSpace = false;
  let spaceBreak = false;

  let previousSpace = false;
  let previousBreak = false;

  if (value.startsWith('---') || value.startsWith('...')) {
    blockIndicators = true;
    flowIndicators = true;
  }

  let precededByWhitespace = true;
  const n = value.length;
  for (let i = 0; i < n; ) {
    const cp = value.codePointAt(i)!;
    const next = i + unitWidth(cp);
    const followedByWhitespace = next >= n || isBlank(value.charCodeAt(next));

    if (i === 0) {
      switch (cp) {
        case 0x23: // #
        case 0x2c: // ,
        case 0x5b: // [
        case 0x5d: // ]
        case 0x7b: // {
        case 0x7d: // }
        case 0x26: // &
        case 0x2a: // *
        case 0x21: // !
        case 0x7c: // |
        case 0x3e: // >
        case 0x27: // '
        case 0x22: // "
        case 0x25: // %
        case 0x40: // @
        case 0x60: // `
          flowIndicators = true;
          blockIndicators = true;
          break;
        case 0x3f: // ?
        case 0x3a: // :
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x2d: // -
          if (followedByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    } else {
      switch (cp) {
        case 0x2c: // ,
        case 0x3f: // ?
        case 0x5b: // [
        case 0x5d: // ]
        case 0x7b: // {
        case 0x7d: // }
          flowIndicators = true;
          break;
        case 0x3a: // :
          flowIndicators = true;
          if (followedByWhitespace) blockIndicators = true;
          break;
        case 0x23: // #
          if (precededByWhitespace) {
            flowIndicators = true;
            blockIndicators = true;
          }
          break;
      }
    }

    if (version === 3 && cp === TAB) {
      tabCharacters = true;
    } else if (!isPrintable(cp)) {
      // (the `!is_ascii && !emitter.unicode` half never applies: both encoders enable unicode)
      specialCharacters = true;
    }

    if (cp === SPACE) {
      if (i === 0) leadingSpace = true;
      if (next === n) trailingSpace = true;
      if (previousBreak) breakSpace = true;
      previousSpace = true;
      previousBreak = false;
    } else if (isBreak(cp)) {
      lineBreaks = true;
      if (i === 0) leadingBreak = true;
      if (next === n) trailingBreak = true;
      if (previousSpace) spaceBreak = true;
      previousSpace = false;
      previousBreak = true;
    } else {
      previousSpace = false;
      previousBreak = false;
    }

    precededByWhitespace = isBlankZ(cp);
    i = next;
  }

  const a: ScalarAnalysis = {
    multiline: lineBreaks,
    flowPlainAllowed: true,
    blockPlainAllowed: true,
    singleQuotedAllowed: true,
    blockAllowed: true,
  };
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (trailingSpace) a.blockAllowed = false;
  if (breakSpace) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || tabCharacters || specialCharacters) {
    // (tabCharacters is only ever set for v3, where this is its whole effect)
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
    a.singleQuotedAllowed = false;
  }
  if (spaceBreak || specialCharacters) a.blockAllowed = false;
  if (lineBreaks) {
    a.flowPlainAllowed = false;
    a.blockPlainAllowed = false;
  }
  if (flowIndicators) a.flowPlainAllowed = false;
  if (blockIndicators) a.blockPlainAllowed = false;
  return a;
}
