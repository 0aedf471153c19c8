// "MLSec: Export SARIF": the SARIF log of the last workspace scan (scanning first if needed), built by the shared writer.
import type { CancellationToken } from 'vscode-languageserver/node';
import { buildSarif } from '../output/sarif';
import type { ExportSarifParams, ExportSarifResult } from '../shared/protocol';
import type { ServerState } from './state';
import { scanWorkspace } from './workspace-scan';

/** Returns the log as JSON; the client writes it where the user chose, so the server never writes files. */
export async function exportSarif(state: ServerState, params: Partial<ExportSarifParams>, token: CancellationToken): Promise<ExportSarifResult> {
  if (params.rescan || state.scanResults.size === 0) await scanWorkspace(state, {}, token);
  const sarif = buildSarif({
    registry: state.registry,
    root: state.scanRoot ?? state.folders[0] ?? process.cwd(),
    analyses: [...state.scanResults.values()],
    ruleLevels: state.settings.rules,
  });
  return { sarif, results: sarif.runs.reduce((n, run) => n + (run.results?.length ?? 0), 0) };
}
