// The extension's commands: scan workspace, scan current file, export SARIF (each a request to the server).
import * as vscode from 'vscode';
import { type LanguageClient, WorkDoneProgress } from 'vscode-languageclient/node';
import {
  ExportSarifRequest,
  type ExportSarifResult,
  ScanFileRequest,
  type ScanFileResult,
  type ScanSummary,
  type ScanWorkspaceParams,
  ScanWorkspaceRequest,
} from '../../server/src/shared/protocol';

let scans = 0;

/** For tests and other extensions: cancel without the UI, observe the progress the notification shows. */
export interface ScanOptions {
  token?: vscode.CancellationToken;
  onProgress?(percentage: number, message?: string): void;
}

/**
 * Runs a workspace scan in a progress notification with a Cancel button: the client creates the
 * progress token (server-created progress would only show in the status bar) and Cancel cancels the request.
 */
export async function scanWorkspace(client: LanguageClient, quiet = false, opts: ScanOptions = {}): Promise<ScanSummary> {
  const workDoneToken = `mlsec-scan-${process.pid}-${++scans}`;
  const summary = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'MLSec: scanning workspace', cancellable: true },
    async (progress, uiCancel) => {
      const source = new vscode.CancellationTokenSource();
      const cancel = source.token;
      const links = [uiCancel.onCancellationRequested(() => source.cancel()), opts.token?.onCancellationRequested(() => source.cancel())];
      let shown = 0;
      const sub = client.onProgress(WorkDoneProgress.type, workDoneToken, (v) => {
        if (v.kind === 'end') return;
        const pct = v.percentage ?? shown;
        progress.report({ message: v.message, increment: Math.max(0, pct - shown) });
        shown = Math.max(shown, pct);
        opts.onProgress?.(pct, v.message);
      });
      try {
        return await client.sendRequest<ScanSummary>(ScanWorkspaceRequest, { workDoneToken } satisfies ScanWorkspaceParams, cancel);
      } catch (e) {
        // Cancelled before the server answered: report it as a cancelled scan, not an error.
        if (cancel.isCancellationRequested) return { files: 0, findings: 0, filesWithFindings: 0, skipped: 0, cancelled: true, ms: 0 };
        throw e;
      } finally {
        sub.dispose();
        links.forEach((l) => l?.dispose());
        source.dispose();
      }
    },
  );
  if (!quiet) void announce(summary);
  return summary;
}

/** The closing notification: what was found, with "Show Problems". */
async function announce(s: ScanSummary): Promise<void> {
  const state = s.cancelled ? 'Scan cancelled after' : 'Scanned';
  const found = s.findings === 0 ? 'no findings' : `${s.findings} finding${s.findings === 1 ? '' : 's'} in ${s.filesWithFindings} file${s.filesWithFindings === 1 ? '' : 's'}`;
  const text = `MLSec: ${state} ${s.files} files in ${(s.ms / 1000).toFixed(1)} s: ${found}${s.skipped ? `, ${s.skipped} skipped` : ''}.`;
  const pick = await (s.findings > 0 ? vscode.window.showInformationMessage(text, SHOW_PROBLEMS) : vscode.window.showInformationMessage(text));
  if (pick === SHOW_PROBLEMS) await vscode.commands.executeCommand('workbench.actions.view.problems');
}

const SHOW_PROBLEMS = 'Show Problems';

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
