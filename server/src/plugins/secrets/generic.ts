// The generic detector: a credential-named variable, key or argument assigned a literal that looks like a credential.
import { charClasses, shannonEntropy } from './entropy';
import { looksLikeIdentifier } from './identifiers';
import type { NameKind } from './names';
import { isDocumentedExample, isIdentifierOrDigest, isPathOrWord, isPlaceholder, isTemplateOrReference } from './placeholders';

/** The value without an auth scheme (`Bearer abc` → `abc`) and the offset where the credential starts. */
export function stripAuthScheme(value: string): { value: string; offset: number } {
  const m = /^(?:Bearer|Basic|Token|token|bearer|Api-Key|ApiKey)\s+/.exec(value);
  return m ? { value: value.slice(m[0].length), offset: m[0].length } : { value, offset: 0 };
}

/**
 * A bare `key`/`S3Key`/`result_key` also names settings, object keys and fields: dotted setting names
 * (`fs.s3.enableServerSideEncryption`), file or object names (`my-app-v1.zip`, `logs/2024/app.log`) and
 * PascalCase identifiers (`Ipv6CidrBlockAssociationSet`) are names, not key material.
 */
function looksLikeName(v: string): boolean {
  if (/^[A-Za-z][\w-]*(\.[A-Za-z0-9][\w-]*)+$/.test(v)) return true;
  if (/^[\w.-]+(\/[\w.-]+)+$/.test(v) && /[a-z]{3}/.test(v)) return true;
  // PascalCase of real words (`S3AccessPointAttachments`): every part starts a word, at least two are 4+ letters.
  const words = v.split(/(?=[A-Z])/);
  return words.length >= 2 && words.every((w) => /^[A-Z0-9][a-z0-9]*$/.test(w)) && words.filter((w) => /^[A-Z][a-z]{3,}$/.test(w)).length >= 2;
}

/**
 * True when `value`, assigned to a name of `kind`, looks like a real credential: long enough,
 * random enough, no spaces, and none of the known non-secrets (placeholders, templates, paths,
 * identifiers, UUIDs, digests, documented examples).
 */
export function looksLikeCredential(value: string, kind: NameKind): boolean {
  const v = value;
  if (v.length < 6 || v.length > 8192 || /\s/.test(v)) return false;
  if (isTemplateOrReference(v) || isPlaceholder(v) || isDocumentedExample(v) || isIdentifierOrDigest(v) || isPathOrWord(v)) return false;
  // Names, references and images (`pipelinechannel--task-1-output`, `V1_ALLOWED_NAMESPACES`, `*anchor`) are not key material.
  if (looksLikeIdentifier(v, kind !== 'password')) return false;
  // Regular expressions and format strings (`(?:...)`, `\\d`, `{}`), not credentials.
  if (/\(\?|\\|\{\}|\[\^/.test(v)) return false;
  // `id=HF_TOKEN,env=HF_TOKEN` (an option list such as `--secret id=...`) names a credential, it is not one.
  if (/^[A-Za-z_][\w-]*=[^=]/.test(v)) return false;
  const h = shannonEntropy(v);
  const classes = charClasses(v);
  if (kind === 'password') return v.length >= 6 && classes >= 2 && h >= 2.2 && !/^\d+$/.test(v);
  // Numbers, booleans-with-digits and short version-like strings are config, not keys.
  if (/^[\d.,:_-]+$/.test(v)) return false;
  if (kind === 'weak-key') return v.length >= 20 && h >= 3.3 && classes >= 2 && /\d/.test(v) && !looksLikeName(v);
  return v.length >= 12 && h >= 3.0 && classes >= 2;
}
