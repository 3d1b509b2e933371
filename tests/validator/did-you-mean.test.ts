import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/validator/index.js';

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent transpositions', () => {
    expect(editDistance('replicas', 'replicas')).toBe(0);
    expect(editDistance('replica', 'replicas')).toBe(1);
    expect(editDistance('contianers', 'containers')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('suggest', () => {
  const fields = ['apiVersion', 'kind', 'metadata', 'spec', 'status'];
  it('prefers a case-insensitive match', () => {
    expect(suggest('ApiVersion', fields)).toBe('apiVersion');
  });
  it('suggests close names and nothing for distant ones', () => {
    expect(suggest('metdata', fields)).toBe('metadata');
    expect(suggest('sepc', fields)).toBe('spec');
    expect(suggest('sizing', ['claims', 'limits', 'requests'])).toBeUndefined();
    expect(suggest('x', ['y'])).toBeUndefined();
    expect(suggest('ab', ['ac'])).toBeUndefined();
    expect(suggest('AB', ['ab'])).toBe('ab');
  });
  it('never suggests the input itself', () => {
    expect(suggest('spec', ['spec'])).toBeUndefined();
  });
});
