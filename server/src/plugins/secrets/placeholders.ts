// What is not a secret although it sits where one could: placeholders, templates, references, examples, digests, ids.
import { containsPublishedExample } from './documented-examples';

// Words that mark a value as a stand-in (matched case-insensitively anywhere in the value).
const PLACEHOLDER_WORDS = /your|example|changeme|change_me|change-me|placeholder|dummy|redacted|replace|insert|fixme|todo|sample|xxxx|\*\*\*|\.\.\.|…|<|>|secret_here|key_here|token_here|goes_here|not_a_real|notreal|fake|lorem/i;

// Whole values that are common defaults or words, not credentials.
const TRIVIAL = new Set([
  'password', 'passwd', 'secret', 'token', 'apikey', 'api_key', 'changeit', 'admin', 'root', 'guest', 'test', 'testing', 'none', 'null',
  'true', 'false', 'default', 'postgres', 'mysql', 'redis', 'user', 'username', 'pass', 'required', 'optional', 'string', 'str', 'env',
  'sk-', 'hf_', 'xxx', 'abc123', 'password123', 'secret123', 'mypassword', 'mysecret', 'mytoken', 'letmein', 'qwerty', 'test123',
]);

/** True for `${VAR}`, `{{ secrets.X }}`, `$(cmd)`, `%(x)s`, `$VAR`, `<token>`, f-string fields and similar indirections. */
export function isTemplateOrReference(v: string): boolean {
  return /\$\{|\{\{|\$\(|%\(|^\$[A-Za-z_]|^%[A-Za-z_]+%$|\{[A-Za-z_][\w.]*\}|^<.*>$|^\[.*\]$/.test(v)
    || /^(?:env|vault|secret|secrets|ssm|arn|file|op|awssm|gcpsm|azkv|ref|sm)[:+]/i.test(v)
    || /^projects\/[^/]+\/secrets\//.test(v)
    // YAML tags (`!vault |`, `!Ref`), sops-encrypted values and CI masks.
    || /^!\w|^ENC\[|^\*{3,}$/.test(v)
    || /(?:os\.environ|getenv|process\.env|environ\.get|secretmanager|get_secret|userdata\.get)/.test(v);
}

/** `s3cr3t`, `p@ssw0rd`, `t0k3n` spelled back as words, so the trivial-word check sees through them. */
function unLeet(v: string): string {
  const map: Record<string, string> = { '0': 'o', '1': 'i', '3': 'e', '4': 'a', '5': 's', '7': 't', '@': 'a', $: 's' };
  return v.toLowerCase().replace(/[013457@$]/g, (c) => map[c]);
}

/** True for values that stand in for a secret: placeholders, masked values, repeated or sequential characters, trivial words. */
export function isPlaceholder(v: string): boolean {
  if (PLACEHOLDER_WORDS.test(v)) return true;
  // `test-key-123`, `demo_token`: fixtures and demos, not credentials.
  if (/(?:^|[_-])(?:test|demo|mock|local|dev)(?:[_-]|$)/i.test(v)) return true;
  if (TRIVIAL.has(v.toLowerCase()) || TRIVIAL.has(unLeet(v))) return true;
  if (/(.)\1{5,}/.test(v)) return true;
  if (/0123456|1234567|abcdefg|ABCDEFG/.test(v)) return true;
  if (new Set(v).size < 5 && v.length >= 6) return true;
  return false;
}

/** AWS's documented example keys (`...EXAMPLE`) and other published example credentials (kept as digests, see documented-examples.ts). */
export function isDocumentedExample(v: string): boolean {
  return /EXAMPLE/.test(v) || containsPublishedExample(v);
}

/** Eight or more consecutive ascending characters (`12345678`, `abcdefgh`): typed by hand, not generated. */
export function hasLongSequence(v: string): boolean {
  const s = v.toLowerCase();
  let run = 1;
  for (let i = 1; i < s.length; i++) {
    run = s.charCodeAt(i) === s.charCodeAt(i - 1) + 1 && /[a-z0-9]/.test(s[i]) ? run + 1 : 1;
    if (run >= 8) return true;
  }
  return false;
}

/** UUIDs, hex digests (sha256:…, git SHAs), semver and similar identifiers that are not credentials. */
export function isIdentifierOrDigest(v: string): boolean {
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(v)) return true;
  if (/^(?:sha(?:1|224|256|384|512)|md5|blake2b?)[:-]/i.test(v)) return true;
  if (/^v?\d+(?:\.\d+){1,3}(?:[-+][\w.]+)?$/.test(v)) return true;
  // A lone base64 JSON header (`eyJhbGciOi...`) without payload and signature is not a token.
  if (/^eyJ[A-Za-z0-9_-]{0,60}={0,2}$/.test(v)) return true;
  return false;
}

/** True for file paths, URLs without credentials, e-mail addresses and plain words or identifiers. */
export function isPathOrWord(v: string): boolean {
  if (/^(?:\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(v) || /\.(?:json|pem|key|txt|ya?ml|env|cfg|ini|toml|p12|crt|py|sh|csv)$/i.test(v)) return true;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(v)) return true;
  if (/^[^@\s]+@[^@\s]+\.[a-z]{2,}$/i.test(v)) return true;
  // snake/kebab/dotted identifiers and CONSTANT_NAMES (another variable's name, an env var name)
  if (/^[A-Za-z]+(?:[_.-][A-Za-z]+)*$/.test(v) && !looksRandomLetters(v)) return true;
  return false;
}

/** Random mixed-case letters (`GcyorSfLqWbX`) rather than a CamelCase or CONSTANT identifier: many upper-case letters, but not all. */
function looksRandomLetters(v: string): boolean {
  // Two or more capitalised words (`NSQueryGenerationToken`) make an identifier.
  if (/(?:[A-Z][a-z]{2,}){2,}/.test(v)) return false;
  const upper = (v.match(/[A-Z]/g) ?? []).length / v.length;
  return v.length >= 10 && upper >= 0.25 && upper <= 0.75 && !/[_.-]/.test(v);
}
