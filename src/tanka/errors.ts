/**
 * Typed errors of the Tanka loader. Their messages are Tanka's own texts (pkg/jsonnet/jpath/errors.go,
 * pkg/tanka/errors.go), so users of `tk` recognise them; the CLI prints `.message` and exits 2.
 */

/** Base class of every error that is the user's input, not a mop bug: printed without a stack. */
export class MopError extends Error {
  override name = 'MopError';
}

export class NoRootError extends MopError {
  override name = 'NoRootError';
  constructor() {
    super(
      "unable to identify the project root.\n" +
        "Tried to find 'tkrc.yaml' or 'jsonnetfile.json' in the parent directories.\n" +
        'Please refer to https://tanka.dev/directory-structure for more information',
    );
  }
}

export class NoBaseError extends MopError {
  override name = 'NoBaseError';
  constructor(readonly filename: string) {
    super(
      'Unable to identify the environments base directory.\n' +
        `Tried to find '${filename}' in the parent directories.\n` +
        'Please refer to https://tanka.dev/directory-structure for more information',
    );
  }
}

export class PathNotFoundError extends MopError {
  override name = 'PathNotFoundError';
  constructor(readonly path: string) {
    super(`stat ${path}: no such file or directory`);
  }
}

export class SpecError extends MopError {
  override name = 'SpecError';
}

export class MultipleEnvironmentsError extends MopError {
  override name = 'MultipleEnvironmentsError';
  constructor(
    readonly path: string,
    readonly names: string[],
    readonly selector?: string,
  ) {
    const list = [...names].sort().map((n) => ` - ${n}`).join('\n');
    // Tanka's texts keep a space before the newline (errors.go).
    super(
      selector
        ? `found multiple Environments in "${path}" matching "${selector}". Provide a more specific name that matches a single one: \n${list}`
        : `found multiple Environments in "${path}". Use \`--name\` to select a single one: \n${list}`,
    );
  }
}

export class NoMatchingEnvironmentError extends MopError {
  override name = 'NoMatchingEnvironmentError';
  constructor(readonly path: string) {
    super(`found no matching environments; run 'tk env list ${path}' to view available options`);
  }
}

export class StaticAndInlineError extends MopError {
  override name = 'StaticAndInlineError';
  constructor() {
    super(
      "found a tanka Environment resource. Check that you aren't using a spec.json and inline environments simultaneously",
    );
  }
}

/** A Jsonnet evaluation failure, with the environment it happened in. */
export class EvaluationError extends MopError {
  override name = 'EvaluationError';
  constructor(
    readonly path: string,
    readonly jsonnetMessage: string,
  ) {
    super(`evaluating jsonnet in path '${path}': ${jsonnetMessage}`);
  }
}
