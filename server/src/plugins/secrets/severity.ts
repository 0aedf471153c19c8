// Severity of a secret by its evidence: error for formats (provider tokens, PEM keys, Secret data), warning for name-based finds, note for samples and tests.
import { fileRole, roleClause } from '../../engine/file-role';
import type { Severity } from '../../engine/finding';
import type { Hit } from './hit';
import { placeholderComment } from './samples';

/** The severity a hit is reported at and, when it is lowered, the reason the message gives. */
export interface Assessment {
  severity: Severity;
  why?: string;
}

/**
 * Error only for what is exploitable as written (a provider format whose checksum, if it has one,
 * matches; a private key; literal Kubernetes Secret data); warning for a random-looking literal under a
 * credential name; note for values that say they are samples and, outside provider formats, test files.
 */
export function assessHit(hit: Hit, text: string, path?: string): Assessment {
  const role = path ? fileRole(path) : undefined;
  const test = role?.kind === 'test' || role?.kind === 'test-data';
  if (hit.sample) return { severity: 'note', why: hit.sample };
  if (placeholderComment(text, hit.end)) return { severity: 'note', why: 'the comment on its line says it is a stand-in to replace' };
  if (hit.evidence === 'format' && hit.provider !== 'kubernetes-secret') {
    if (hit.checksum === 'invalid') return { severity: test ? 'note' : 'warning', why: 'its built-in checksum does not match, so it is probably not a live token' };
    return { severity: 'error' };
  }
  if (test) return { severity: 'note', why: `${roleClause(role!)}, where literal credentials are fixtures` };
  return { severity: hit.evidence === 'format' ? 'error' : 'warning' };
}

/** The sentence a message ends with when the severity was lowered, or ''. */
export function whySentence(a: Assessment): string {
  return a.why ? ` Reported as a ${a.severity}: ${a.why}.` : '';
}
