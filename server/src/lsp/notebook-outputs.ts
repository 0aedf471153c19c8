// Saved notebook outputs in the editor: the client sends them (mlsec/notebookOutputs), output analysers run, findings go on their cell with "clear outputs" actions.
import { type CodeAction, CodeActionKind, type Diagnostic, DiagnosticSeverity } from 'vscode-languageserver/node';
import { finalizeFindings } from '../engine/analyze';
import type { Finding, Problem } from '../engine/finding';
import type { AnalyzerContext } from '../engine/plugin';
import { outputAnalyzers } from '../plugins';
import { type ClearCellOutputsArgs, Commands, type DiagnosticData, type NotebookOutputsParams } from '../shared/protocol';
import { ruleDocsHref } from './docs-location';
import { logError, type ServerState } from './state';
import { uriToPath } from './uri';

// Per notebook URI: per cell document URI, the findings of its outputs (ranges unused: outputs are not cell text).
const byNotebook = new Map<string, Map<string, Finding[]>>();

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, note: DiagnosticSeverity.Information } as const;

/** Runs the output analysers on a notebook's outputs and remembers the findings per cell (replacing earlier ones). */
export function setNotebookOutputs(state: ServerState, params: NotebookOutputsParams): void {
  const perCell = new Map<string, Finding[]>();
  const ctx: AnalyzerContext = { ...state, enabled: (id) => state.registry.byId.has(id) && state.settings.rules[id] !== 'off', path: uriToPath(params.notebook) };
  const problems: Problem[] = [];
  params.cells.forEach((cell, index) => {
    const found: Finding[] = [];
    cell.outputs.forEach((o, output) => {
      for (const a of outputAnalyzers()) {
        try {
          const raw = a.analyze({ cell: index, output, kind: o.kind, text: o.text, pieces: [] }, ctx);
          found.push(...finalizeFindings(raw, state, problems));
        } catch (e) {
          logError(state, `${a.name} on outputs of ${params.notebook}`, e);
        }
      }
    });
    if (found.length) perCell.set(cell.cell, found);
  });
  byNotebook.set(params.notebook, perCell);
}

/** Forgets a closed notebook's outputs. */
export function forgetNotebookOutputs(notebook: string): void {
  byNotebook.delete(notebook);
}

/** Diagnostics for the outputs of cell `index` (document `cellUri`), placed on the cell's last line. */
export function outputDiagnostics(state: ServerState, notebook: string, cellUri: string, index: number, cellText: string): Diagnostic[] {
  if (!state.settings.enable) return [];
  const findings = byNotebook.get(notebook)?.get(cellUri) ?? [];
  const lines = cellText.split('\n');
  const last = lines.length - 1;
  return findings.map((f) => {
    const data: DiagnosticData = { ruleId: f.ruleId, fixes: [], output: { notebook, cell: index } };
    return {
      range: { start: { line: last, character: 0 }, end: { line: last, character: lines[last].length } },
      severity: SEVERITY[f.severity],
      code: f.ruleId,
      codeDescription: { href: ruleDocsHref(f.ruleId) },
      source: 'mlsec',
      message: `Cell output: ${f.message}`,
      data,
    };
  });
}

/** "Clear outputs of this cell" and "Clear all outputs with mlsec findings" for a diagnostic on a cell output. */
export function clearOutputActions(d: Diagnostic): CodeAction[] {
  const data = d.data as DiagnosticData | undefined;
  if (d.source !== 'mlsec' || !data?.output) return [];
  const { notebook, cell } = data.output;
  const withFindings = [...(byNotebook.get(notebook) ?? new Map<string, Finding[]>()).keys()];
  const one: ClearCellOutputsArgs = { notebook, cells: [cell] };
  const actions: CodeAction[] = [{
    title: 'Clear outputs of this cell',
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    isPreferred: true,
    command: { title: 'Clear outputs of this cell', command: Commands.clearCellOutputs, arguments: [one] },
  }];
  if (withFindings.length > 1) {
    const every: ClearCellOutputsArgs = { notebook, cellUris: withFindings };
    actions.push({ title: 'Clear all outputs with mlsec findings', kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: 'Clear all outputs with mlsec findings', command: Commands.clearCellOutputs, arguments: [every] } });
  }
  return actions;
}
