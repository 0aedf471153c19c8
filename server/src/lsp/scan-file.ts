// "MLSec: Scan Current File": re-analyses an open document or notebook now, or a file on disk, and publishes.
import { ErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { analyzePath } from '../engine/analyze';
import type { ScanFileParams, ScanFileResult } from '../shared/protocol';
import { analyzeDocument } from './diagnostics';
import { analyzeNotebook } from './notebooks';
import { publishAnalysis } from './scan-publish';
import type { ServerState } from './state';
import { uriToPath } from './uri';

function count(state: ServerState, uris: string[]): ScanFileResult {
  const diags = uris.flatMap((u) => state.published.get(u) ?? []);
  const findings = diags.filter((d) => d.data !== undefined).length;
  return { findings, problems: diags.length - findings };
}

/** Analyses `params.uri` (a document, a notebook or one of its cells, or a file on disk). */
export async function scanFile(state: ServerState, params: Partial<ScanFileParams>): Promise<ScanFileResult> {
  if (typeof params.uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, 'mlsec/scanFile needs { uri }');
  const uri = params.uri;
  const doc = state.documents.get(uri);
  if (doc) {
    analyzeDocument(state, doc);
    return count(state, [doc.uri]);
  }
  const nb = state.notebooks.getNotebookDocument(uri) ?? state.notebooks.findNotebookDocumentForCell(uri);
  if (nb) {
    analyzeNotebook(state, nb);
    return count(state, nb.cells.map((c) => c.document));
  }
  const a = await analyzePath(uriToPath(uri), state);
  publishAnalysis(state, a);
  return { findings: a.findings.length, problems: a.problems.length };
}
