// Publishes the diagnostics of a file analysed from disk (workspace scan, scan file), unless the editor has it open; hands notebooks over on open/close.
import { analyzePath, type FileAnalysis } from '../engine/analyze';
import { toDiagnostics } from './convert';
import { logError, publish, type ServerState } from './state';
import { pathToUri, uriToPath } from './uri';

/** True when the editor owns this URI's diagnostics (live analysis beats a disk read). */
export function isOpen(state: ServerState, uri: string): boolean {
  return state.documents.get(uri) !== undefined || state.openNotebooks.has(uri);
}

/** A notebook finding read from disk sits at raw JSON offsets: say which cell, since the editor opens the notebook at cell 1. */
function withCell(a: FileAnalysis): FileAnalysis['findings'] {
  if (a.file.target !== 'notebook') return a.findings;
  return a.findings.map((f) => (f.cell ? { ...f, message: `Cell ${f.cell.cell + 1}${f.cell.cellPart === 'output' ? ' output' : ''}: ${f.message}` } : f));
}

/** Publishes one disk analysis; returns its URI. Model files have no text, so their findings sit at line 0. */
export function publishAnalysis(state: ServerState, a: FileAnalysis): string {
  const uri = pathToUri(a.file.path);
  if (isOpen(state, uri)) return uri;
  const style = a.file.target === 'python' ? 'python' : a.file.target === 'notebook' ? 'ipynb-json' : 'none';
  // Skips are summarised by the scan, not shown as a diagnostic on every large/binary file.
  const problems = a.problems.filter((p) => p.kind !== 'skipped');
  publish(state, uri, toDiagnostics({ findings: withCell(a), problems }, a.file, style), undefined, a.file.text);
  return uri;
}

/**
 * A notebook was opened: its cells now carry the live findings, so the file-URI diagnostics a
 * workspace scan published would list every finding twice (and open the notebook at cell 1).
 */
export function onNotebookOpened(state: ServerState, uri: string): void {
  if (state.published.has(uri)) publish(state, uri, []);
}

/** A notebook was closed: if a workspace scan covered it, its on-disk findings come back on the file (re-read: it may have been saved). */
export async function onNotebookClosed(state: ServerState, uri: string): Promise<void> {
  const file = uri.startsWith('file:') ? uriToPath(uri) : undefined;
  if (!file || !state.scanResults.has(file) || !state.settings.enable) return;
  try {
    const a = await analyzePath(file, state);
    // Reopened while we read it: the cells own the findings again.
    if (isOpen(state, uri)) return;
    state.scanResults.set(file, a);
    publishAnalysis(state, a);
  } catch (e) {
    logError(state, `re-reading ${file}`, e);
  }
}
