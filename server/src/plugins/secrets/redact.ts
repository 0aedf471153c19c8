// Redaction policy: the only forms in which a detected secret value may appear in any output (messages, snippets, previews).

/**
 * How many leading characters of a value of `length` may be shown: 4 of a long value (provider
 * prefixes such as `hf_a`, `sk-p` leave 16+ characters hidden), none of a short one, so a password's
 * prefix never gives away a meaningful part of it.
 */
export function shownPrefix(length: number): number {
  return length >= 20 ? 4 : 0;
}

/** A short prefix (long values only) and the length: `hf_a…(37 chars)`, `…(8 chars)`; never the full value. */
export function preview(value: string): string {
  const n = value.length;
  return `${value.slice(0, shownPrefix(n))}…(${n} chars)`;
}

/** The preview used in finding messages and the `redacted` property. */
export const redact = preview;
