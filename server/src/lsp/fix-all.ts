// source.fixAll.mlsec: every safe fix of a document, skipping fixes that overlap one already taken.
import type { Diagnostic, TextEdit } from 'vscode-languageserver/node';
import type { DiagnosticData, LspPosition } from '../shared/protocol';

const before = (a: LspPosition, b: LspPosition) => a.line < b.line || (a.line === b.line && a.character < b.character);

function overlaps(a: TextEdit, b: TextEdit): boolean {
  // Two insertions at the same point would also conflict (order unknown), so touching counts as overlap for empty ranges.
  if (before(a.range.end, b.range.start) || before(b.range.end, a.range.start)) return false;
  const aEmpty = !before(a.range.start, a.range.end);
  const bEmpty = !before(b.range.start, b.range.end);
  if (!aEmpty && !bEmpty) return before(a.range.start, b.range.end) && before(b.range.start, a.range.end);
  return true;
}

/** The edits of all safe fixes in `diagnostics`, whole fixes only, none overlapping. */
export function safeFixEdits(diagnostics: readonly Diagnostic[]): TextEdit[] {
  const taken: TextEdit[] = [];
  for (const d of diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    if (d.source !== 'mlsec' || !data?.fixes) continue;
    const fix = data.fixes.find((f) => f.safe && !f.lookup);
    if (!fix || fix.edits.some((e) => taken.some((t) => overlaps(e, t)))) continue;
    taken.push(...fix.edits);
  }
  return taken;
}
