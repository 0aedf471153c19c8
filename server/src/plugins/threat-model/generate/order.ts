// Locale-independent string order: the generated document must be byte-identical on every machine.

/** Compares by UTF-16 code units (unlike localeCompare, which depends on the runtime's ICU data and locale). */
export function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
