// Publishes the diagnostics of a file analysed from disk (workspace scan, scan file), unless the editor has it open.
import type { FileAnalysis } from '../engine/analyze';
import { toDiagnostics } from './convert';
import { publish, type ServerState } from './state';
import { pathToUri } from './uri';

/** True when the editor owns this URI's diagnostics (live analysis beats a disk read). */
export function isOpen(state: ServerState, uri: string): boolean {
  return state.documents.get(uri) !== undefined || state.openNotebooks.has(uri);
}

/** Publishes one disk analysis; returns its URI. Model files have no text, so their findings sit at line 0. */
export function publishAnalysis(state: ServerState, a: FileAnalysis): string {
  const uri = pathToUri(a.file.path);
  if (isOpen(state, uri)) return uri;
  const style = a.file.target === 'python' ? 'python' : a.file.target === 'notebook' ? 'ipynb-json' : 'none';
  // Skips are summarised by the scan, not shown as a diagnostic on every large/binary file.
  const problems = a.problems.filter((p) => p.kind !== 'skipped');
  publish(state, uri, toDiagnostics({ findings: a.findings, problems }, a.file, style));
  return uri;
}
