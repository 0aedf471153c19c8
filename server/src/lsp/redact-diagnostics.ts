// The editor's output boundary: every published diagnostic's message, fix titles and related text go through the one redaction step.
import type { Diagnostic } from 'vscode-languageserver/node';
import type { Registry } from '../engine/registry';
import { Redactor } from '../output/redaction';
import type { DiagnosticData } from '../shared/protocol';

/** The text under a single-line diagnostic range (multi-line ranges: up to the end of the first line). */
function rangeText(lines: readonly string[], d: Diagnostic): string {
  const line = lines[d.range.start.line] ?? '';
  const end = d.range.end.line === d.range.start.line ? d.range.end.character : line.length;
  return line.slice(d.range.start.character, end);
}

/**
 * A redactor for one document: the values under its secrets diagnostics. (The CLI also re-scans a
 * file whose secrets rules are off or suppressed; on every keystroke that would double the cost of
 * the secrets scan, so the editor relies on the in-string detection for those.)
 */
export function diagnosticsRedactor(registry: Registry, text: string | undefined, diagnostics: readonly Diagnostic[]): Redactor {
  if (text === undefined) return new Redactor();
  const lines = text.split(/\r\n|\r|\n/);
  const values: string[] = [];
  for (const d of diagnostics) {
    const data = d.data as DiagnosticData | undefined;
    // A saved-output finding sits on its cell but its range does not address the cell's text.
    if (data?.output) continue;
    const id = data?.ruleId ?? (typeof d.code === 'string' ? d.code : undefined);
    if (id && registry.byId.get(id)?.category === 'secrets') values.push(rangeText(lines, d));
  }
  return new Redactor(values);
}

/** `diagnostics` with every printed string masked: messages, fix and ignore titles, related information. Edits are kept (they change the user's own file). */
export function redactDiagnostics(registry: Registry, text: string | undefined, diagnostics: Diagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0) return diagnostics;
  const redactor = diagnosticsRedactor(registry, text, diagnostics);
  return diagnostics.map((d) => {
    const message = typeof d.message === 'string' ? redactor.text(d.message) : { ...d.message, value: redactor.text(d.message.value) };
    const out: Diagnostic = { ...d, message };
    if (d.relatedInformation) out.relatedInformation = d.relatedInformation.map((r) => ({ ...r, message: redactor.text(r.message) }));
    const data = d.data as DiagnosticData | undefined;
    if (data && Array.isArray(data.fixes)) out.data = { ...data, fixes: data.fixes.map((f) => ({ ...f, title: redactor.text(f.title) })) };
    return out;
  });
}
