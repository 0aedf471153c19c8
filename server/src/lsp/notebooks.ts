// Notebook documents (LSP notebook sync): analyses all code cells as one program and publishes per cell URI.
import { type Diagnostic, type NotebookDocument, NotebookCellKind } from 'vscode-languageserver/node';
import { analyzeNotebookCells, PythonAnalysisCache, type PythonAnalysisOptions } from '../engine/analyze';
import type { NotebookCellInput } from '../engine/notebook';
import { createSourceFile } from '../engine/source-file';
import { findingDiagnostic, problemDiagnostic } from './convert';
import { outputDiagnostics } from './notebook-outputs';
import { cancelSettle, coalesce, settleLater } from './settle';
import { logError, publish, type ServerState } from './state';

function cellInputs(state: ServerState, nb: NotebookDocument): NotebookCellInput[] {
  return nb.cells.map((cell) => {
    const doc = state.notebooks.getCellTextDocument(cell);
    const code = cell.kind === NotebookCellKind.Code && doc !== undefined;
    return { kind: code ? 'code' : 'markdown', text: doc?.getText() ?? '', language: doc?.languageId };
  });
}

/** Analyses a notebook's cells together (an import in cell 1 resolves a call in cell 3) and publishes per cell. */
export function analyzeNotebook(state: ServerState, nb: NotebookDocument, options: PythonAnalysisOptions = {}): void {
  const inputs = cellInputs(state, nb);
  const perCell: Diagnostic[][] = inputs.map(() => []);
  if (state.settings.enable) {
    try {
      let cache = state.caches.get(nb.uri);
      if (!cache) state.caches.set(nb.uri, (cache = new PythonAnalysisCache()));
      const result = analyzeNotebookCells(inputs, state, cache, options, nb.uri);
      settleLater(nb.uri, cache, () => {
        const current = state.notebooks.getNotebookDocument(nb.uri);
        if (current) analyzeNotebook(state, current);
      });
      const files = inputs.map((c) => createSourceFile('', 'python', c.text));
      for (const f of result.findings) perCell[f.cell.cell]?.push(findingDiagnostic(f, files[f.cell.cell], 'python'));
      for (const p of result.problems) {
        const i = p.cell ?? inputs.findIndex((c) => c.kind === 'code');
        if (i >= 0) perCell[i].push(problemDiagnostic(p.cell === undefined ? { ...p, range: undefined } : p, files[i]));
      }
    } catch (e) {
      logError(state, `analysis of notebook ${nb.uri}`, e);
      state.caches.get(nb.uri)?.dispose();
      state.caches.delete(nb.uri);
    }
  }
  // Saved outputs (sent by the client) are analysed apart; their findings sit on their cell too.
  nb.cells.forEach((cell, i) => perCell[i].push(...outputDiagnostics(state, nb.uri, cell.document, i, inputs[i].text)));
  nb.cells.forEach((cell, i) => {
    // Only send empty lists to cells that had diagnostics: a keystroke should not cost one message per cell.
    if (perCell[i].length > 0 || state.published.has(cell.document)) {
      publish(state, cell.document, perCell[i], state.notebooks.getCellTextDocument(cell)?.version);
    }
  });
}

/** Analyses a notebook on the next event-loop turn (changes in one turn coalesce), taking the keystroke fast path. */
export function scheduleNotebook(state: ServerState, uri: string): void {
  coalesce(uri, () => {
    const nb = state.notebooks.getNotebookDocument(uri);
    if (nb) analyzeNotebook(state, nb, { quick: true });
  });
}

/** Clears diagnostics of removed cells. */
export function clearCells(state: ServerState, cellUris: readonly string[]): void {
  for (const uri of cellUris) if (state.published.has(uri)) publish(state, uri, []);
}

/** Forgets a closed notebook: frees its cache and clears every cell's diagnostics. */
export function closeNotebook(state: ServerState, nb: NotebookDocument): void {
  cancelSettle(nb.uri);
  state.caches.get(nb.uri)?.dispose();
  state.caches.delete(nb.uri);
  clearCells(state, nb.cells.map((c) => c.document));
}

/** Re-analyses every open notebook (settings or facts changed). */
export function reanalyzeNotebooks(state: ServerState): void {
  for (const uri of state.openNotebooks) scheduleNotebook(state, uri);
}
