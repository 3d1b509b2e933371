/**
 * The emitter state machine of go-yaml (emitterc.go `yaml_emitter_state_machine` and the
 * `yaml_emitter_emit_*` functions it dispatches to), restricted to what the JSON encoder produces:
 * implicit documents, block mappings and sequences, flow style only for empty collections, untagged
 * implicit scalars without anchors, no comments, not canonical, unicode output.
 *
 * Events are handed over one at a time (`handle`). Go queues a few events to look ahead; the only
 * look-ahead that matters here is "is this collection empty?", which the encoder puts in the start
 * event instead (`empty`), so no queue is needed.
 *
 * Not ported because it cannot change the output for these inputs: Go's `open_ended` flag (it only
 * adds `...` before a `%YAML`/`%TAG` directive or at the end of a stream, and the encoders clear
 * it before ending the stream), tags, anchors, aliases, comments and canonical mode.
 */
import { analyzeScalar, type ScalarAnalysis } from './analyze.js';
import { utf8Length } from './chars.js';
import { Output, type YamlProfile } from './output.js';
import { writeDoubleQuoted, writeLiteral, writePlain, writeSingleQuoted } from './scalar-writers.js';
import { ScalarStyle, selectScalarStyle } from './style.js';

export enum EventType {
  DocumentStart = 1,
  DocumentEnd,
  SequenceStart,
  SequenceEnd,
  MappingStart,
  MappingEnd,
  Scalar,
}

export type YamlEvent =
  | { type: EventType.DocumentStart }
  | { type: EventType.DocumentEnd }
  | { type: EventType.SequenceStart; empty: boolean }
  | { type: EventType.SequenceEnd }
  | { type: EventType.MappingStart; empty: boolean }
  | { type: EventType.MappingEnd }
  | { type: EventType.Scalar; value: string; style: ScalarStyle };

enum State {
  FirstDocumentStart = 1,
  DocumentStart,
  DocumentContent,
  DocumentEnd,
  FlowSequenceFirstItem,
  FlowMappingFirstKey,
  BlockSequenceFirstItem,
  BlockSequenceItem,
  BlockMappingFirstKey,
  BlockMappingKey,
  BlockMappingSimpleValue,
  BlockMappingValue,
}

export class Emitter {
  private readonly out: Output;
  private state = State.FirstDocumentStart;
  private readonly states: State[] = [];
  private readonly indents: number[] = [];
  private flowLevel = 0;
  private mappingContext = false;
  private simpleKeyContext = false;
  /** `emitter.scalar_data`, filled by `analyze` for the current scalar event. */
  private scalarAnalysis: ScalarAnalysis | null = null;
  private readonly v3: boolean;

  /** Stream start (`yaml_emitter_emit_stream_start`): indent -1, column 0, at a fresh line. */
  constructor(private readonly profile: YamlProfile) {
    this.out = new Output(profile);
    this.v3 = profile.version === 3;
  }

  /** The text emitted so far. */
  text(): string {
    return this.out.toString();
  }

  /** `yaml_emitter_emit`: analyse the event, then run the state machine on it. */
  handle(event: YamlEvent): void {
    this.scalarAnalysis =
      event.type === EventType.Scalar ? analyzeScalar(event.value, this.profile.version) : null;
    switch (this.state) {
      case State.FirstDocumentStart:
        return this.emitDocumentStart(event, true);
      case State.DocumentStart:
        return this.emitDocumentStart(event, false);
      case State.DocumentContent:
        this.states.push(State.DocumentEnd);
        return this.emitNode(event, false, false);
      case State.DocumentEnd:
        return this.emitDocumentEnd(event);
      case State.FlowSequenceFirstItem:
        return this.emitEmptyFlowCollection(event, EventType.SequenceEnd, '[', ']');
      case State.FlowMappingFirstKey:
        return this.emitEmptyFlowCollection(event, EventType.MappingEnd, '{', '}');
      case State.BlockSequenceFirstItem:
        return this.emitBlockSequenceItem(event, true);
      case State.BlockSequenceItem:
        return this.emitBlockSequenceItem(event, false);
      case State.BlockMappingFirstKey:
        return this.emitBlockMappingKey(event, true);
      case State.BlockMappingKey:
        return this.emitBlockMappingKey(event, false);
      case State.BlockMappingSimpleValue:
        return this.emitBlockMappingValue(event, true);
      case State.BlockMappingValue:
        return this.emitBlockMappingValue(event, false);
    }
  }

  private popState(): void {
    this.state = this.states.pop()!;
  }

  private popIndent(): void {
    this.out.indent = this.indents.pop()!;
  }

  /**
   * `yaml_emitter_increase_indent`. yaml.v2 adds `best_indent`. yaml.v3 adds 2 inside a block
   * sequence item (to skip the `- `) and otherwise rounds up to the next multiple of
   * `best_indent` ("changed so that indentations are more regular").
   */
  private increaseIndent(flow: boolean, indentless: boolean): void {
    const out = this.out;
    const best = this.profile.bestIndent;
    this.indents.push(out.indent);
    if (out.indent < 0) {
      out.indent = flow ? best : 0;
    } else if (!indentless) {
      if (!this.v3) {
        out.indent += best;
      } else if (this.states[this.states.length - 1] === State.BlockSequenceItem) {
        out.indent += 2;
      } else {
        out.indent = best * Math.floor((out.indent + best) / best);
      }
    }
  }

  /**
   * `yaml_emitter_emit_document_start` for implicit documents without directives: the first
   * document starts silently, every further one with `---` (yaml.v3 then also breaks the line).
   */
  private emitDocumentStart(event: YamlEvent, first: boolean): void {
    if (event.type !== EventType.DocumentStart) throw new Error('yaml emitter: expected DOCUMENT-START');
    if (!first) {
      this.out.writeIndent();
      this.out.writeIndicator('---', true, false, false);
      if (this.v3) this.out.writeIndent();
    }
    this.state = State.DocumentContent;
  }

  /** `yaml_emitter_emit_document_end` (implicit end: no `...`), i.e. end the last line. */
  private emitDocumentEnd(event: YamlEvent): void {
    if (event.type !== EventType.DocumentEnd) throw new Error('yaml emitter: expected DOCUMENT-END');
    this.out.writeIndent();
    this.state = State.DocumentStart;
  }

  /**
   * `yaml_emitter_emit_flow_sequence_item` / `..._flow_mapping_key` with `first` set, reduced to
   * the only case the encoders produce: an empty collection, written `[]` or `{}`.
   */
  private emitEmptyFlowCollection(event: YamlEvent, endType: EventType, open: string, close: string): void {
    const out = this.out;
    out.writeIndicator(open, true, true, false);
    this.increaseIndent(true, false);
    this.flowLevel++;
    if (event.type !== endType) throw new Error('yaml emitter: non-empty flow collections are not supported');
    this.flowLevel--;
    this.popIndent();
    // (v3 writes an indent first if the column is 0, which it never is right after the opener)
    out.writeIndicator(close, false, false, false);
    this.popState();
  }

  /**
   * `yaml_emitter_emit_block_sequence_item`. In yaml.v2 a sequence that is the value of a mapping
   * key is "indentless": its `- ` items start at the key's column (`key:\n- a`). yaml.v3 always
   * indents (`key:\n    - a`).
   */
  private emitBlockSequenceItem(event: YamlEvent, first: boolean): void {
    const out = this.out;
    if (first) this.increaseIndent(false, !this.v3 && this.mappingContext && !out.indention);
    if (event.type === EventType.SequenceEnd) {
      this.popIndent();
      this.popState();
      return;
    }
    out.writeIndent();
    out.writeIndicator('-', true, false, true);
    this.states.push(State.BlockSequenceItem);
    this.emitNode(event, false, false);
  }

  /** `yaml_emitter_emit_block_mapping_key`: `key:` for simple keys, `? key` otherwise. */
  private emitBlockMappingKey(event: YamlEvent, first: boolean): void {
    const out = this.out;
    if (first) this.increaseIndent(false, false);
    if (event.type === EventType.MappingEnd) {
      this.popIndent();
      this.popState();
      return;
    }
    out.writeIndent();
    if (this.checkSimpleKey(event)) {
      this.states.push(State.BlockMappingSimpleValue);
      this.emitNode(event, true, true);
    } else {
      out.writeIndicator('?', true, false, true);
      this.states.push(State.BlockMappingValue);
      this.emitNode(event, true, false);
    }
  }

  /** `yaml_emitter_emit_block_mapping_value`. */
  private emitBlockMappingValue(event: YamlEvent, simple: boolean): void {
    const out = this.out;
    if (simple) {
      out.writeIndicator(':', false, false, false);
    } else {
      out.writeIndent();
      out.writeIndicator(':', true, false, true);
    }
    this.states.push(State.BlockMappingKey);
    this.emitNode(event, true, false);
  }

  /**
   * `yaml_emitter_check_simple_key`: a key can be written as `key:` when it is a single-line
   * scalar of at most 128 bytes (UTF-8) or an empty collection.
   */
  private checkSimpleKey(event: YamlEvent): boolean {
    switch (event.type) {
      case EventType.Scalar:
        if (this.scalarAnalysis!.multiline) return false;
        return utf8Length(event.value) <= 128;
      case EventType.SequenceStart:
      case EventType.MappingStart:
        return event.empty;
      default:
        return false;
    }
  }

  /**
   * `yaml_emitter_emit_node`. (`root_context` and `sequence_context` only feed the `open_ended`
   * flag and are therefore not tracked.)
   */
  private emitNode(event: YamlEvent, mapping: boolean, simpleKey: boolean): void {
    this.mappingContext = mapping;
    this.simpleKeyContext = simpleKey;
    switch (event.type) {
      case EventType.Scalar:
        return this.emitScalar(event.value, event.style);
      case EventType.SequenceStart:
        this.state =
          this.flowLevel > 0 || event.empty ? State.FlowSequenceFirstItem : State.BlockSequenceFirstItem;
        return;
      case EventType.MappingStart:
        this.state =
          this.flowLevel > 0 || event.empty ? State.FlowMappingFirstKey : State.BlockMappingFirstKey;
        return;
      default:
        throw new Error('yaml emitter: expected SCALAR, SEQUENCE-START or MAPPING-START');
    }
  }

  /** `yaml_emitter_emit_scalar` + `yaml_emitter_process_scalar`. */
  private emitScalar(value: string, requested: ScalarStyle): void {
    const style = selectScalarStyle(
      requested,
      this.scalarAnalysis!,
      value.length,
      this.flowLevel,
      this.simpleKeyContext,
    );
    this.increaseIndent(true, false);
    const allowBreaks = !this.simpleKeyContext;
    const width = this.profile.bestWidth;
    switch (style) {
      case ScalarStyle.Plain:
        writePlain(this.out, value, allowBreaks, width);
        break;
      case ScalarStyle.SingleQuoted:
        writeSingleQuoted(this.out, value, allowBreaks, width);
        break;
      case ScalarStyle.DoubleQuoted:
        writeDoubleQuoted(this.out, value, allowBreaks, width);
        break;
      case ScalarStyle.Literal:
        writeLiteral(this.out, value, this.profile.bestIndent);
        break;
    }
    this.popIndent();
    this.popState();
  }
}
