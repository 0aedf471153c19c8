// Published example credentials, kept as SHA-256 digests: no bundle we ship holds a token-shaped literal (vsce's secret scan rejects one).

import { createHash } from 'crypto';

/**
 * Digests of credentials published as examples: jwt.io's sample signature, Stripe's documented test
 * key, GitHub's docs token, and the RFC 6749 / RFC 5849 OAuth examples copied into many libraries'
 * docs. To add one: `node -e "console.log(require('crypto').createHash('sha256').update(process.argv[1]).digest('hex'))" <value>`.
 */
const DIGESTS = new Set([
  '051d093c4bdedbf23f905ad01d9c6111414d54e2170e1d7f76657c4e76e3e65b', // jwt.io sample signature (43)
  '2cafc0970149a84f3b9e62eaf169f36f59907a3b3e31f7b82e68c69cd27f7326', // Stripe docs test key (32)
  '3543c50b0cb9cea8e55eb1f529b79f043cb250d485fde7b66cabbb5183add7da', // GitHub docs token (40)
  '6c96130f130ab0d6d158397e24d2bcc1c9a5e73ae081f6e983f1c7b545d24a4c', // RFC 6749 access token (22)
  '00cf4c781dc37003f7c7dd7d4c9a6ef1e0f4c62d9a291aa8bc398774e3fefd32', // RFC 6749 refresh token (22)
  'a35b81a7d7927b70ec99270dd2362b88580a28574af812f2c02f56469579186f', // RFC 6749 authorization code (22)
  '9d03b692e941d5ace207a9f8048834439f6de98e5c6c1590c22c4f4577c88a42', // RFC 5849 token secret (16)
  '8d567eb88afff34f31ab97fbb2731e582703bdeaf3c92b989cf568e0b23cef31', // RFC 5849 token (16)
]);
// Lengths of the examples: only runs of these lengths are hashed.
const LENGTHS = new Set([16, 22, 32, 40, 43]);

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

/**
 * True when `v` is, or contains as a whole word (a run of `[A-Za-z0-9_]`: the JWT's signature
 * segment, a `Bearer` value), one of the published example credentials.
 */
export function containsPublishedExample(v: string): boolean {
  for (const run of v.split(/[^A-Za-z0-9_]+/)) if (LENGTHS.has(run.length) && DIGESTS.has(sha256(run))) return true;
  return false;
}
