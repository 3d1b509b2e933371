/**
 * One-line descriptions of the rule ids mop reports, for formats that describe rules (SARIF's
 * `tool.driver.rules`, shown as the alert title by GitHub code scanning). Checks added later pass
 * their own descriptions through the formatter options; an unknown id is described by itself.
 */
export const RULE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  // Schema validation (src/validator).
  'unknown-field': 'Field not defined by the schema',
  'invalid-type': 'Value of the wrong type',
  'required-field': 'Required field missing',
  'invalid-quantity': 'Not a valid Kubernetes quantity',
  'invalid-format': "Value not in the field's format",
  'invalid-value': 'Value not among the allowed values',
  'pattern-mismatch': 'Value does not match the required pattern',
  'out-of-range': 'Value or size out of the allowed range',
  'duplicate-item': 'Duplicate item in a set or keyed list',
  'wrong-api-version': 'Kind not served under this apiVersion',
  'unknown-kind': 'No schema for this kind',
  'missing-type-meta': 'apiVersion or kind missing',
  'schema-violation': 'Schema violation',
  // Reading manifests (src/inputs).
  'yaml-syntax': 'Malformed YAML',
  'not-found': 'Input path does not exist',
  'read-error': 'Input could not be read',
  'too-large': 'Input over the size limit',
  'binary-data': 'Input is not text',
  'alias-expansion': 'Excessive YAML alias expansion',
  'too-deep': 'Input nested too deeply',
  'unsupported-value': 'Value JSON cannot represent',
  'not-an-object': 'Document or List item is not an object',
  // Stand-ins for results reported without findings.
  invalid: 'Invalid resource',
  error: 'Resource could not be checked',
};

export function describeRule(id: string, extra?: Readonly<Record<string, string>>): string {
  if (extra && Object.hasOwn(extra, id)) return extra[id];
  return Object.hasOwn(RULE_DESCRIPTIONS, id) ? RULE_DESCRIPTIONS[id] : id;
}
