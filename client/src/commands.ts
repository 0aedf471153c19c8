// The extension's commands: scan workspace, scan current file, export SARIF (each a request to the server).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  ExportSarifRequest,
  type ExportSarifResult,
  ScanFileRequest,
  type ScanFileResult,
  type ScanSummary,
  ScanWorkspaceRequest,
} from '../../server/src/shared/protocol';

/** Runs a workspace scan; the server reports progress (with a Cancel button) through window/workDoneProgress. */
export async function scanWorkspace(client: LanguageClient, quiet = false): Promise<ScanSummary> {
  const summary = await client.sendRequest<ScanSummary>(ScanWorkspaceRequest, {});
  if (!quiet) {
    const state = summary.cancelled ? 'Scan cancelled after' : 'Scanned';
    void vscode.window.showInformationMessage(`MLSec: ${state} ${summary.files} files: ${summary.findings} findings${summary.skipped ? `, ${summary.skipped} skipped` : ''}.`);
  }
  return summary;
}

/** Re-analyses the active editor's file or notebook (or `uri`). */
export async function scanFile(client: LanguageClient, uri?: vscode.Uri | string): Promise<ScanFileResult | undefined> {
  const target = uri?.toString() ?? vscode.window.activeNotebookEditor?.notebook.uri.toString() ?? vscode.window.activeTextEditor?.document.uri.toString();
  if (!target) {
    void vscode.window.showWarningMessage('MLSec: open a Python file or notebook to scan.');
    return undefined;
  }
  return client.sendRequest<ScanFileResult>(ScanFileRequest, { uri: target });
}

async function pickTarget(): Promise<vscode.Uri | undefined> {
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return vscode.window.showSaveDialog({
    defaultUri: folder ? vscode.Uri.joinPath(folder, 'mlsec.sarif') : undefined,
    filters: { SARIF: ['sarif', 'json'] },
    saveLabel: 'Export SARIF',
  });
}

/** Writes the SARIF log of the last workspace scan to `target` (tests) or where the user picks. */
export async function exportSarif(client: LanguageClient, target?: vscode.Uri | string): Promise<{ uri: vscode.Uri; results: number } | undefined> {
  const uri = typeof target === 'string' ? vscode.Uri.file(target) : target ?? (await pickTarget());
  if (!uri) return undefined;
  const { sarif, results } = await client.sendRequest<ExportSarifResult>(ExportSarifRequest, {});
  await vscode.workspace.fs.writeFile(uri, new TextEncoder().encode(`${JSON.stringify(sarif, null, 2)}\n`));
  if (!target) void vscode.window.showInformationMessage(`MLSec: wrote ${results} results to ${vscode.workspace.asRelativePath(uri)}.`);
  return { uri, results };
}
