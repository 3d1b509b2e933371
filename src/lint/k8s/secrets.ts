/**
 * What a secret looks like: well-known credential formats (private keys, cloud and SaaS tokens,
 * webhook URLs that embed their token) anywhere, and values of secret-named keys that are literal
 * rather than references to the environment or to a file.
 */
export interface SecretPattern {
  name: string;
  pattern: RegExp;
}

export const SECRET_PATTERNS: readonly SecretPattern[] = [
  { name: 'a private key', pattern: /-----BEGIN (?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?-----/ },
  { name: 'an AWS access key id', pattern: /\b(?:AKIA|ASIA)[0-9A-Z]{16}\b/ },
  { name: 'a GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'a Slack token', pattern: /\bxox[abposr]-[0-9A-Za-z-]{10,}/ },
  { name: 'a Slack webhook URL', pattern: /https:\/\/hooks\.slack\.com\/services\/T[A-Za-z0-9]+\/B[A-Za-z0-9]+\/[A-Za-z0-9]+/ },
  { name: 'a Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'a JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'a Grafana service account token', pattern: /\bglsa_[A-Za-z0-9]{32}_[0-9a-f]{8}\b/ },
];

/** The first credential format found in a text. */
export function findSecretPattern(text: string): SecretPattern | undefined {
  return SECRET_PATTERNS.find((p) => p.pattern.test(text));
}

/** Key names that hold secrets (config keys and environment variable names alike). */
const SECRET_NAME = /(?:^|[_.-])(?:password|passwd|pwd|secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|credentials?|client[_-]?secret|auth)$/i;
/** Suffixes that make such a name hold a reference rather than the secret itself. */
const REFERENCE_SUFFIX = /(?:[_.-](?:file|path|url|uri|endpoint|ref|name|id|type|enabled|header|key[_-]?id))$/i;

export function isSecretName(name: string): boolean {
  // camelCase and SCREAMING_CASE alike: adminPassword -> admin_password.
  const snake = name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
  return SECRET_NAME.test(snake) && !REFERENCE_SUFFIX.test(snake);
}

/** A value that is not a secret even under a secret-looking name: empty, a placeholder or reference. */
export function isReferenceValue(value: string): boolean {
  const v = value.trim();
  return (
    v === '' ||
    v.startsWith('/') || // a file path
    /^\$\{?[A-Za-z_][A-Za-z0-9_:.-]*\}?$/.test(v) || // $VAR, ${VAR}, ${env:VAR}
    /^\$\(.+\)$/.test(v) || // Kubernetes $(VAR) expansion
    /^\$__(?:env|file)\{.+\}$/.test(v) || // Grafana's $__env{VAR} / $__file{path}
    /^<[^>]*>$/.test(v) || // <placeholder>
    /^(?:changeme|change-me|xxx+|\*+|redacted|none|null|false|true)$/i.test(v)
  );
}
