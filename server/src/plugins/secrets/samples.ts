// Values that are real-looking but say they are stand-ins: documented default credentials of dev services and spelled-out sample passwords.

// Default credentials published in the services' own documentation (or their official container images').
const DOCUMENTED_DEFAULTS: Record<string, string> = {
  minioadmin: 'MinIO',
  minio123: 'the MinIO samples of Kubeflow and KServe',
  mysecretpassword: 'the official postgres image docs',
  'my-secret-pw': 'the official mysql image docs',
};

/**
 * Why `value` reads as a sample rather than a credential, or undefined: a documented default of a local
 * dev service, or a password that spells out what it is (`secure-password-123`, `my_secret_token`).
 */
export function sampleReason(value: string): string | undefined {
  if (/^\$(?:2[abxy]?|argon2(?:id|i|d)|[156])\$/.test(value)) return 'it is a password hash, not the password (a weak password can still be guessed from it)';
  const d = DOCUMENTED_DEFAULTS[value.toLowerCase()];
  if (d) return `it is a published default credential (${d}); change it before deploying`;
  if (/passw(?:or|0r)d|passwd|secret|token|apikey|api[_-]key/i.test(value) && /^[\w.-]+$/.test(value)) return 'the value spells out what it is, as sample values do';
  return undefined;
}

/** True when the comment that ends the line says the value is a stand-in (`# replace with your ...`, `# change me`). */
export function placeholderComment(text: string, end: number): boolean {
  let lineEnd = text.indexOf('\n', end);
  if (lineEnd < 0) lineEnd = text.length;
  const rest = text.slice(end, Math.min(lineEnd, end + 300));
  const hash = rest.search(/(?:^|\s)#/);
  return hash >= 0 && /\b(?:replace|change|your|example|dummy|fake|placeholder|sample|not a real|for testing)\b/i.test(rest.slice(hash));
}
