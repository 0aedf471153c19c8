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
  const spans = mergeSpans(blank === undefined ? [] : 'start' in blank ? [blank] : [...blank]);
  let line = lineText;
  for (const b of spans.reverse()) line = line.slice(0, b.start) + '<redacted>' + line.slice(b.end);
  const normalised = line.trim().replace(/\s+/g, ' ');
  return createHash('sha256').update(`${ruleId}\0${relPath}\0${normalised}`).digest('hex').slice(0, 32);
}

/** Sorted, overlapping or repeated spans joined (the same secret is often known from a finding and from the scanner). */
function mergeSpans(spans: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (const s of [...spans].sort((a, b) => a.start - b.start || a.end - b.end)) {
    const last = out[out.length - 1];
    if (last && s.start < last.end) last.end = Math.max(last.end, s.end);
    else if (!last || s.start !== last.start || s.end !== last.end) out.push({ ...s });
  }
  return out;
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
