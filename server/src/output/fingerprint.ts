// Stable result fingerprints: rule id + relative path + the normalised source line, with any secret span blanked first.
import { createHash } from 'crypto';

/** The partialFingerprints key mlsec writes (versioned so the recipe can change without colliding). */
export const FINGERPRINT_KEY = 'mlsecLineHash/v1';

/**
 * Hash of a finding's identity that survives edits elsewhere in the file (line numbers are not
 * part of it). `span` is blanked for secrets findings so the hash is never a hash of the secret.
 */
export function lineFingerprint(ruleId: string, relPath: string, lineText: string, blank?: { start: number; end: number }): string {
  const line = blank ? lineText.slice(0, blank.start) + '<redacted>' + lineText.slice(blank.end) : lineText;
  const normalised = line.trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${ruleId}\0${relPath}\0${normalised}`).digest('hex').slice(0, 32);
}

/** Numbers repeated fingerprints (`hash:1`, `hash:2`, ...) so identical lines in one file stay distinct, in file order. */
export function numberFingerprints(hashes: readonly string[]): string[] {
  const seen = new Map<string, number>();
  return hashes.map((h) => {
    const n = (seen.get(h) ?? 0) + 1;
    seen.set(h, n);
    return `${h}:${n}`;
  });
}
