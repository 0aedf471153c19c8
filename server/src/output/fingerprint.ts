// Stable result fingerprints: rule id + relative path + the normalised source line, with any secret span blanked first.
import { createHash } from 'crypto';

/** The partialFingerprints key mlsec writes (versioned so the recipe can change without colliding). */
export const FINGERPRINT_KEY = 'mlsecLineHash/v1';

/**
 * Hash of a finding's identity that survives edits elsewhere in the file (line numbers are not
 * part of it). Secret spans (the finding's and any other on the line) are blanked so the hash never covers a secret.
 */
export function lineFingerprint(ruleId: string, relPath: string, lineText: string, blank?: { start: number; end: number } | readonly { start: number; end: number }[]): string {
  // Every secret span on the line is blanked (right to left, so earlier offsets stay valid): no hash ever covers a secret.
  const spans = blank === undefined ? [] : 'start' in blank ? [blank] : [...blank];
  let line = lineText;
  for (const b of spans.sort((x, y) => y.start - x.start)) line = line.slice(0, b.start) + '<redacted>' + line.slice(b.end);
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
