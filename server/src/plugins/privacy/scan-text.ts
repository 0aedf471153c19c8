// Runs the recognizers over a text: context boost, labelled `key: value` fields, settings filters, overlap resolution.
import type { MlsecSettings } from '../../shared/settings';
import { type EntityType, type PiiMatch } from './entities';
import { labelledEntity, labelledScore } from './labels';
import { RECOGNIZERS } from './recognizers';
import { keepNonOverlapping } from '../../engine/intervals';

/** What the user's settings decide about a scan. */
export interface ScanOptions {
  minConfidence: number;
  enabled(entity: EntityType): boolean;
  /** True when the user allow-listed the value (or, for emails, its domain). */
  allowed(value: string): boolean;
}

/** Builds scan options from settings (`privacy` sub-object). */
export function scanOptions(settings: MlsecSettings): ScanOptions {
  const p = settings.privacy;
  const values = new Set(p.allowlist.map((v) => v.toLowerCase()));
  const domains = p.allowlist.filter((v) => !v.includes('@') || v.startsWith('@')).map((v) => v.replace(/^@/, '').toLowerCase());
  return {
    minConfidence: p.minConfidence,
    enabled: (e) => p.entities[e] !== false,
    allowed(value) {
      const v = value.toLowerCase();
      if (values.has(v)) return true;
      const at = v.lastIndexOf('@');
      if (at < 0) return false;
      const domain = v.slice(at + 1);
      return domains.some((d) => domain === d || domain.endsWith(`.${d}`));
    },
  };
}

const CONTEXT_BOOST = 0.45;
const WINDOW = 60;
/** Context words of national identifiers and accounts: a number under them is not a phone number. */
const ID_CONTEXT = ['nhs', 'ssn', 'social security', 'sin', 'social insurance', 'aadhaar', 'itin', 'iban', 'card', 'account', 'nino'];
/** Texts longer than this are scanned only up to it (outputs and cells are bounded; data files sample themselves). */
const MAX_SCAN = 2 * 1024 * 1024;

function hasContext(words: readonly string[], haystack: string): boolean {
  for (const w of words) {
    let i = haystack.indexOf(w);
    while (i >= 0) {
      const before = haystack[i - 1];
      const after = haystack[i + w.length];
      if (!(before && /[a-z]/.test(before)) && !(after && /[a-z]/.test(after))) return true;
      i = haystack.indexOf(w, i + 1);
    }
  }
  return false;
}

// Key and value on one line, each bounded: `[ \t]*` (not `\s*`) around the operator so no unbounded
// quantifier shares characters with a neighbour (`\s*` there was quadratic over runs of blank lines).
const KEY_VALUE = /([A-Za-z][\w -]{0,40}?)["']?[ \t]*[:=][ \t]*["']?([^\n"'<>{}|;]{1,120}?)["']?[ \t]*(?=\r?$|[\n,;|<}\]]|["'])/gm;

const DOB_FREE = /\b(?:dob|d\.o\.b\.?|date of birth|birth ?date|birthday|born(?: on)?)\s*(?:[:=-]\s*)?(\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}|\d{1,2} [A-Z][a-z]{2,8} \d{4}|[A-Z][a-z]{2,8} \d{1,2},? \d{4})/gi;

/** `DOB 14/03/1987`, `born on 3 March 1987`: a birth-date label without `:`/`=` still labels the date after it. */
function freeBirthDates(text: string, opts: ScanOptions, out: PiiMatch[]): void {
  if (!opts.enabled('date-of-birth')) return;
  DOB_FREE.lastIndex = 0;
  for (let m = DOB_FREE.exec(text); m; m = DOB_FREE.exec(text)) {
    const confidence = labelledScore('date-of-birth', m[1], 'dob');
    if (confidence < opts.minConfidence || opts.allowed(m[1])) continue;
    const start = m.index + m[0].length - m[1].length;
    out.push({ entity: 'date-of-birth', start, end: start + m[1].length, value: m[1], confidence });
  }
}

/** `Name: Jane Smith`, `"date_of_birth": "1990-04-01"`, `address="12 High St"`: the longest labelled key suffix decides. */
function labelledFields(text: string, opts: ScanOptions, out: PiiMatch[]): void {
  KEY_VALUE.lastIndex = 0;
  for (let m = KEY_VALUE.exec(text); m; m = KEY_VALUE.exec(text)) {
    const words = m[1].trim().split(/\s+/);
    let entity: EntityType | undefined;
    let key = '';
    for (let n = Math.min(4, words.length); n >= 1 && !entity; n--) {
      key = words.slice(-n).join(' ');
      entity = labelledEntity(key);
    }
    if (!entity || !opts.enabled(entity)) continue;
    // In free text a lower-case `name:` names steps, ops, tasks and model-card sections (`- name: Print Text`),
    // not people: only a key that labels a person (`full_name`, `customer_name`, `Name:` as a form label) does.
    if (entity === 'person-name' && /^(?:name|display_?name|displayName)$/.test(key)) continue;
    const value = m[2].trim();
    const confidence = labelledScore(entity, value, key);
    if (confidence < opts.minConfidence || opts.allowed(value)) continue;
    const start = m.index + m[0].indexOf(m[2]) + (m[2].length - m[2].trimStart().length);
    out.push({ entity, start, end: start + value.length, value, confidence });
  }
}

/**
 * All PII in `text` at or above the configured confidence, non-overlapping. `fieldKey` is the column
 * or key the text sits under: it counts as context and can label the whole text (names, birth dates, addresses).
 */
export function scanText(text: string, opts: ScanOptions, fieldKey?: string): PiiMatch[] {
  if (text.length > MAX_SCAN) text = text.slice(0, MAX_SCAN);
  const found: PiiMatch[] = [];
  const key = fieldKey?.toLowerCase().replace(/[_-]+/g, ' ');
  for (const r of RECOGNIZERS) {
    if (!opts.enabled(r.entity)) continue;
    r.pattern.lastIndex = 0;
    for (let m = r.pattern.exec(text); m; m = r.pattern.exec(text)) {
      const value = m[0];
      // A digit group run on either side means the candidate is a slice of a longer number.
      if (/\d$/.test(value) && /^[ -]\d/.test(text.slice(m.index + value.length, m.index + value.length + 2))) continue;
      if (/^\d/.test(value) && /\d[ -]$/.test(text.slice(Math.max(0, m.index - 2), m.index))) continue;
      let confidence = r.score(value, text, m.index);
      if (confidence <= 0) continue;
      if (r.entity === 'ip-address' && key && /version|release|revision/.test(key)) continue;
      const window = `${text.slice(Math.max(0, m.index - WINDOW), m.index).toLowerCase().replace(/[_-]+/g, ' ')} ${key ?? ''}`;
      if (hasContext(r.context, window)) confidence = Math.min(1, confidence + CONTEXT_BOOST);
      // "NHS number: 943 476 5918" failed its own checksum: shaped like a phone number, it still is not one.
      else if (r.entity === 'phone' && hasContext(ID_CONTEXT, window)) continue;
      if (confidence < opts.minConfidence || opts.allowed(value)) continue;
      found.push({ entity: r.entity, start: m.index, end: m.index + value.length, value, confidence });
    }
  }
  const entity = fieldKey === undefined ? undefined : labelledEntity(fieldKey);
  if (fieldKey !== undefined && entity) {
    if (opts.enabled(entity)) {
      const value = text.trim();
      const confidence = labelledScore(entity, value, fieldKey);
      const start = text.indexOf(value);
      if (confidence >= opts.minConfidence && !opts.allowed(value)) found.push({ entity, start, end: start + value.length, value, confidence });
    }
  } else {
    labelledFields(text, opts, found);
    freeBirthDates(text, opts, found);
  }
  return resolveOverlaps(found);
}

/** Keeps the most confident (then longest) of overlapping matches. */
function resolveOverlaps(found: PiiMatch[]): PiiMatch[] {
  found.sort((a, b) => b.confidence - a.confidence || b.end - b.start - (a.end - a.start));
  return keepNonOverlapping(found).sort((a, b) => a.start - b.start);
}
