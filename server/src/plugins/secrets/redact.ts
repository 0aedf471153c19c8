// Redaction: the only form in which a detected secret value may appear in any output.

/**
 * A short prefix and the length (`hf_Ab…(37 chars)`), never the full value. Short values show
 * fewer characters so the prefix never gives away a meaningful part of a password.
 */
export function redact(value: string): string {
  const n = value.length;
  const keep = n >= 20 ? 5 : n >= 12 ? 2 : 0;
  return `${value.slice(0, keep)}…(${n} chars)`;
}
