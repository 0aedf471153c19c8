// The one masking step every printed string passes: it knows a file's (or a whole scan's) secret values and masks them anywhere.
import type { Fix } from '../engine/finding';
import { preview, shownPrefix } from '../plugins/secrets/redact';
import { scanText } from '../plugins/secrets/scan';

export { preview, shownPrefix };

/** A 0-based, end-exclusive span inside one string. */
export interface Span {
  start: number;
  end: number;
}

// Shorter values are not looked for by value: a 3-letter password would mask every `for` in the report.
// Their own spans are still masked positionally in snippets.
const MIN_VALUE = 6;
// In-string detection (provider formats, URL passwords, private keys) looks at most this far around a printed window.
const WINDOW_MARGIN = 256;
const MAX_SCAN = 64 * 1024;

/** `value` masked in place, same length (carets under a snippet still line up): `hf_a*****…`, or all `*` for short values. */
export function maskInPlace(value: string): string {
  const keep = shownPrefix(value.length);
  return value.slice(0, keep) + '*'.repeat(value.length - keep);
}

/** Replaces `spans` of `s` by `fill(part)` (spans may overlap or be unsorted; the result keeps `s`'s length when fill does). */
function replaceSpans(s: string, spans: readonly Span[], fill: (part: string) => string): string {
  if (spans.length === 0) return s;
  const sorted = spans.map((x) => ({ start: Math.max(0, x.start), end: Math.min(s.length, x.end) })).filter((x) => x.end > x.start).sort((a, b) => a.start - b.start);
  let out = '';
  let at = 0;
  for (const x of sorted) {
    if (x.end <= at) continue;
    const from = Math.max(at, x.start);
    out += s.slice(at, from) + fill(s.slice(from, x.end));
    at = x.end;
  }
  return out + s.slice(at);
}

/** Spans of every occurrence of every value in `s`. */
function valueSpans(s: string, values: readonly string[]): Span[] {
  const out: Span[] = [];
  for (const v of values) for (let i = s.indexOf(v); i >= 0; i = s.indexOf(v, i + v.length)) out.push({ start: i, end: i + v.length });
  return out;
}

/** Spans of secrets recognisable without context (provider tokens, URL passwords, private keys) inside `s[from, to)`. */
function shapeSpans(s: string, from = 0, to = s.length): Span[] {
  const a = Math.max(0, from);
  const b = Math.min(s.length, to, a + MAX_SCAN);
  if (b <= a) return [];
  return scanText(s.slice(a, b), { providersOnly: true }).map((h) => ({ start: h.start + a, end: h.end + a }));
}

/**
 * Masks printed text. Built from the secret values found in a file (or a scan), it masks them in
 * messages, properties, fix titles, problems, snippets, hovers, logs and generated documents, and
 * also masks anything secret-shaped the string itself holds (provider tokens, `user:pass@` URLs),
 * so even a value no rule reported (rule off, suppressed, baselined) is not printed in full.
 */
export class Redactor {
  private readonly values: string[];

  constructor(values: Iterable<string> = []) {
    // Longest first, so a value containing another is masked whole.
    this.values = [...new Set([...values].filter((v) => v.length >= MIN_VALUE))].sort((a, b) => b.length - a.length);
  }

  /** One redactor knowing the values of all of `list` (a whole scan's, for a generated document). */
  static union(list: Iterable<Redactor>): Redactor {
    const values: string[] = [];
    for (const r of list) values.push(...r.values);
    return new Redactor(values);
  }

  /** A redactor that also knows `other`'s values. */
  with(other: Redactor | Iterable<string>): Redactor {
    return new Redactor([...this.values, ...(other instanceof Redactor ? other.values : other)]);
  }

  /** True when this redactor knows no value (it still masks secret-shaped text). */
  get empty(): boolean {
    return this.values.length === 0;
  }

  /** Prose (a message, a title, a property): each secret becomes its preview, `hf_a…(37 chars)` or `…(8 chars)`. */
  text(s: string): string {
    if (s.length === 0) return s;
    return replaceSpans(s, [...valueSpans(s, this.values), ...shapeSpans(s)], preview);
  }

  /**
   * A source line to print: `spans` (the line's known secret spans), every occurrence of a known
   * value and anything secret-shaped are masked in place, so the line keeps its length. `window`
   * limits the shape scan to the part that will be shown (long lines are cut).
   */
  line(s: string, spans: readonly Span[] = [], window?: Span): string {
    const from = window ? window.start - WINDOW_MARGIN : 0;
    const to = window ? window.end + WINDOW_MARGIN : s.length;
    return replaceSpans(s, [...spans, ...valueSpans(s, this.values), ...shapeSpans(s, from, to)], maskInPlace);
  }

  /** Every string inside a JSON-like value (finding properties), masked as prose; other values unchanged. */
  deep<T>(v: T): T {
    if (typeof v === 'string') return this.text(v) as T;
    if (Array.isArray(v)) return v.map((x) => this.deep(x)) as T;
    if (v && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [this.text(k), this.deep(x)])) as T;
    return v;
  }

  /** True when printing `s` would show a known value or a secret-shaped string. */
  leaks(s: string): boolean {
    return this.values.some((v) => s.includes(v)) || shapeSpans(s).length > 0;
  }
}

/**
 * The fixes that can be printed (JSON, SARIF): a fix whose inserted text would carry a secret is left
 * out, since masking it would turn it into an edit that writes `…(17 chars)` into the file.
 */
export function printableFixes(redactor: Redactor, fixes: readonly Fix[]): Fix[] {
  return fixes.filter((fx) => !fx.edits.some((e) => redactor.leaks(e.newText)));
}
