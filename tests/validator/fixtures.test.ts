/**
 * Table-driven: every manifest in tests/fixtures/validator/valid has no finding, every manifest in
 * invalid/ has exactly the findings listed in its `# expect:` comments, in document order (against Kubernetes 1.32
 * plus the shared CRDs and the Widget fixture CRD, strict mode).
 */
import { basename } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createStore, createValidator, type Validator } from '../../src/validator/index.js';
import { expectedMessages, fixtureFiles, loadManifest, sources } from './helpers.js';

let validator: Validator;
beforeAll(() => {
  validator = createValidator(createStore(sources('1.32.0')), { strict: true });
});

describe('valid fixtures', () => {
  for (const file of fixtureFiles('valid')) {
    it(basename(file), () => {
      expect(validator.validate(loadManifest(file)).map((f) => f.message)).toEqual([]);
    });
  }
});

describe('invalid fixtures', () => {
  for (const file of fixtureFiles('invalid')) {
    it(basename(file), () => {
      const expected = expectedMessages(file);
      expect(expected.length).toBeGreaterThan(0);
      const messages = validator.validate(loadManifest(file)).map((f) => f.message);
      expect(messages).toEqual(expected);
    });
  }
});
