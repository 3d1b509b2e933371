/** The error formatter on its own: combinator collapsing, null handling, message shapes. */
import { Ajv, type AnySchemaObject } from 'ajv';
import { describe, expect, it } from 'vitest';
import { findingsFromErrors } from '../../src/validator/index.js';

function messages(schema: AnySchemaObject, data: unknown): string[] {
  const validate = new Ajv({ allErrors: true, strict: false, verbose: true }).compile(schema);
  if (validate(data)) return [];
  return findingsFromErrors(validate.errors ?? [], data).map((f) => f.message);
}

describe('anyOf / oneOf collapsing', () => {
  const intOrString = { type: 'object', properties: { port: { oneOf: [{ type: 'string' }, { type: 'integer' }] } } };

  it('merges branches that failed on the type alone', () => {
    expect(messages(intOrString, { port: true })).toEqual(['at /port: got boolean true, want string or integer']);
  });

  it('explains a oneOf that matched several branches', () => {
    expect(messages({ oneOf: [{ type: 'integer' }, { type: 'number' }] }, 3)).toEqual([
      'at /: matches more than one of the alternatives (oneOf branches 0, 1); it must match exactly one',
    ]);
  });

  it('lists alternatives of required fields', () => {
    const schema = { type: 'object', anyOf: [{ required: ['a'] }, { required: ['b', 'c'] }] };
    expect(messages(schema, {})).toEqual(['at /: must set at least one of "a" or "b" and "c"']);
  });

  it('keeps the errors of the branch that matched the value type', () => {
    const schema = {
      type: 'object',
      properties: {
        target: {
          anyOf: [
            { type: 'string' },
            { type: 'object', required: ['name'], properties: { name: { type: 'string' }, port: { type: 'integer' } } },
          ],
        },
      },
    };
    expect(messages(schema, { target: { name: 'svc', port: 'http' } })).toEqual(['at /target/port: got string "http", want integer']);
    expect(messages(schema, { target: 5 })).toEqual(['at /target: got number 5, want string or object']);
  });

  it('keeps the errors of array items apart (same combinator, different items)', () => {
    const schema = { type: 'array', items: { oneOf: [{ type: 'string' }, { type: 'integer' }] } };
    const data = Array.from({ length: 11 }, (_, i) => (i === 1 || i === 10 ? true : 'ok'));
    expect(messages(schema, data)).toEqual(['at /1: got boolean true, want string or integer', 'at /10: got boolean true, want string or integer']);
  });

  it('collapses nested combinators from the inside out', () => {
    const schema = { anyOf: [{ type: 'string' }, { type: 'array', items: { oneOf: [{ type: 'integer' }, { type: 'boolean' }] } }] };
    expect(messages(schema, [1, 'x'])).toEqual(['at /1: got string "x", want integer or boolean']);
  });
});

describe('messages', () => {
  it('drops the other checks of a value whose type is wrong', () => {
    expect(messages({ type: 'object', properties: { n: { type: 'integer', minimum: 10 } } }, { n: 1.5 })).toEqual(['at /n: got number 1.5, want integer']);
  });

  it('says when a required field is null rather than "got null"', () => {
    const schema = { type: 'object', required: ['a'], properties: { a: { type: 'string' }, list: { type: 'array', items: { type: 'string' } } } };
    expect(messages(schema, { a: null, list: [null] })).toEqual(['at /a: required field "a" is null', 'at /list/0: got null, want string']);
  });

  it('describes limits, uniqueness and patterns', () => {
    const schema = {
      type: 'object',
      properties: {
        name: { type: 'string', maxLength: 3, pattern: '^[a-z]+$' },
        items: { type: 'array', minItems: 3, uniqueItems: true },
        ratio: { type: 'number', multipleOf: 0.5 },
      },
    };
    expect(messages(schema, { name: 'ABCD', items: [1, 1], ratio: 0.3 })).toEqual([
      'at /name: must be at most 3 characters long, got 4',
      'at /name: "ABCD" does not match the pattern ^[a-z]+$',
      'at /items: must have at least 3 items, got 2',
      'at /items: items 0 and 1 are duplicates',
      'at /ratio: got 0.3, want a multiple of 0.5',
    ]);
  });

  it('suggests names for additionalProperties errors when the parent schema is known', () => {
    const schema = { type: 'object', additionalProperties: false, properties: { metadata: {}, spec: {} } };
    expect(messages(schema, { metdata: {}, spec: {} })).toEqual(['at /: unknown field "metdata"; did you mean "metadata"?']);
  });

  it('escapes and unescapes JSON pointers', () => {
    const schema = { type: 'object', properties: { 'a/b': { type: 'object', properties: { 'c~d': { type: 'string' } } } } };
    expect(messages(schema, { 'a/b': { 'c~d': 1 } })).toEqual(['at /a~1b/c~0d: got number 1, want string']);
  });
});
