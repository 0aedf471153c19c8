// Checks a *.threatmodel.yaml text: YAML syntax, unknown or misspelt ids, threats without owner or mitigations.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node as YamlNode, visit, type YAMLMap } from 'yaml';
import type { RawFinding } from '../../engine/plugin';
import { closestId, lookupId } from './ids';

/** Rule ids of the threat-model checks. */
export const TM_RULES = {
  syntax: 'threatmodel-yaml-syntax-error',
  unknownId: 'threatmodel-unknown-id',
  noMitigation: 'threatmodel-threat-without-mitigation',
  noOwner: 'threatmodel-threat-without-owner',
} as const;

/** Keys whose values are lists of catalogue ids (`ids` is the documented one; the others are accepted aliases). */
const ID_KEYS = new Set(['ids', 'atlas', 'owasp', 'cwe']);
// More syntax errors than this add noise, not information: the first ones are what the user must fix.
const MAX_SYNTAX_ERRORS = 5;

function rangeOf(node: { range?: [number, number, number] | null }, fallback: number): { start: number; end: number } {
  const r = node.range;
  return r ? { start: r[0], end: Math.max(r[0], r[1]) } : { start: fallback, end: fallback };
}

function hasContent(v: unknown): boolean {
  if (v === null || v === undefined) return false;
  if (isScalar(v)) return v.value !== null && String(v.value).trim() !== '';
  if (isSeq(v)) return v.items.some((i) => hasContent(i));
  if (isMap(v)) return v.items.length > 0;
  return false;
}

/** Where a threat is reported: its `id` value, else its first key, else the item itself. */
function threatAnchor(item: YAMLMap): { start: number; end: number } {
  const id = item.get('id', true) as YamlNode | undefined;
  if (id && isScalar(id)) return rangeOf(id, 0);
  const first = item.items[0];
  if (first && isPair(first) && isScalar(first.key)) return rangeOf(first.key, 0);
  return rangeOf(item, 0);
}

function checkIds(value: unknown, enabled: (id: string) => boolean, out: RawFinding[]): void {
  const scalars = isSeq(value) ? value.items : [value];
  for (const s of scalars) {
    if (!isScalar(s) || s.value === null) continue;
    const raw = String(s.value).trim();
    if (raw === '' || lookupId(raw)) continue;
    const suggestion = closestId(raw);
    const range = rangeOf(s, 0);
    if (!enabled(TM_RULES.unknownId)) continue;
    out.push({
      ruleId: TM_RULES.unknownId,
      range,
      message: suggestion ? `Unknown id '${raw}': did you mean ${suggestion} (${lookupId(suggestion)!.name})?` : `Unknown id '${raw}': not an OWASP ML/LLM/ASI, MITRE ATLAS or CWE id that mlsec knows.`,
      properties: suggestion ? { suggestion } : undefined,
      // Only plain scalars are rewritten: replacing a quoted scalar's range would drop its quotes.
      fixes: suggestion && s.type === 'PLAIN' ? [{ title: `Replace with ${suggestion}`, safe: false, edits: [{ range, newText: suggestion }] }] : undefined,
    });
  }
}

/** Checks one threat-model YAML text; never throws. `enabled` skips rules that are off. Ranges are offsets into `text`. */
export function checkThreatModel(text: string, enabled: (id: string) => boolean = () => true): RawFinding[] {
  const out: RawFinding[] = [];
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    if (enabled(TM_RULES.syntax)) {
      for (const e of doc.errors.slice(0, MAX_SYNTAX_ERRORS)) {
        const [start, end] = e.pos;
        out.push({ ruleId: TM_RULES.syntax, range: { start, end: Math.max(start, end) }, message: `YAML syntax error: ${e.message.split('\n')[0]}` });
      }
    }
    // A broken document has a partial tree: other checks would report noise about what failed to parse.
    return out;
  }
  visit(doc, {
    Pair(_, pair) {
      if (isScalar(pair.key) && ID_KEYS.has(String(pair.key.value))) checkIds(pair.value, enabled, out);
    },
  });
  const threats = isMap(doc.contents) ? doc.contents.get('threats', true) : undefined;
  if (isSeq(threats)) {
    for (const item of threats.items) {
      if (!isMap(item)) continue;
      const anchor = threatAnchor(item);
      if (enabled(TM_RULES.noOwner) && !hasContent(item.get('owner', true))) {
        out.push({ ruleId: TM_RULES.noOwner, range: anchor });
      }
      if (enabled(TM_RULES.noMitigation) && !hasContent(item.get('mitigations', true))) {
        out.push({ ruleId: TM_RULES.noMitigation, range: anchor });
      }
    }
  }
  return out.sort((a, b) => a.range.start - b.range.start || a.ruleId.localeCompare(b.ruleId));
}
