// Inline suppressions: "# mlsec: ignore[rule-id, other-id] reason" on the finding's line or the line above.
import type { Finding, OffsetRange, Problem, TextEdit } from './finding';
import { computeLineStarts, positionAt } from './source-file';

/** One suppression comment. `ids` empty = bare `# mlsec: ignore` (all rules). */
export interface Suppression {
  line: number;
  ids: string[];
  reason: string;
  range: OffsetRange;
}

const COMMENT = /#\s*mlsec:\s*ignore(?:\[([^\]]*)\])?([^\n\r]*)/g;

/** Finds suppression comments. Cheap: only lines mentioning "mlsec:" are looked at. */
export function findSuppressions(text: string, lineStarts: readonly number[] = computeLineStarts(text)): Suppression[] {
  const out: Suppression[] = [];
  if (!text.includes('mlsec:')) return out;
  for (const m of text.matchAll(COMMENT)) {
    const start = m.index ?? 0;
    const ids = (m[1] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    out.push({ line: positionAt(lineStarts, start).line, ids, reason: (m[2] ?? '').trim(), range: { start, end: start + m[0].length } });
  }
  return out;
}

/**
 * Drops suppressed findings. A bare `# mlsec: ignore` that suppresses nothing is returned as a
 * problem (shown as a note), so stale blanket ignores do not hide future findings unnoticed.
 */
export function applySuppressions(findings: Finding[], text: string, lineStarts: readonly number[]): { kept: Finding[]; unused: Problem[] } {
  const sups = findSuppressions(text, lineStarts);
  if (sups.length === 0) return { kept: findings, unused: [] };
  const used = new Set<Suppression>();
  const kept = findings.filter((f) => {
    const line = positionAt(lineStarts, f.range.start).line;
    const hit = sups.find((s) => (s.line === line || s.line === line - 1) && (s.ids.length === 0 || s.ids.includes(f.ruleId)));
    if (hit) used.add(hit);
    return !hit;
  });
  const unused: Problem[] = sups
    .filter((s) => s.ids.length === 0 && !used.has(s))
    .map((s) => ({ kind: 'unused-suppression', message: '`# mlsec: ignore` suppresses nothing on this line or the next; remove it or name a rule id', range: s.range }));
  return { kept, unused };
}

/** The edit that appends `# mlsec: ignore[ruleId] reason` to the end of the line holding `offset`. */
export function suppressionEdit(text: string, offset: number, ruleId: string, reason = 'reviewed: <why this is safe>'): TextEdit {
  let end = offset;
  while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
  const line = text.slice(text.lastIndexOf('\n', offset - 1) + 1, end);
  const existing = /#\s*mlsec:\s*ignore\[([^\]]*)\]/.exec(line);
  if (existing) {
    const closeAt = text.lastIndexOf('\n', offset - 1) + 1 + existing.index + existing[0].length - 1;
    return { range: { start: closeAt, end: closeAt }, newText: `, ${ruleId}` };
  }
  const sep = line.includes('#') ? '  ' : '  ';
  return { range: { start: end, end }, newText: `${sep}# mlsec: ignore[${ruleId}] ${reason}` };
}
