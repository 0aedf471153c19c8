// "MLSec: Generate Threat Model": asks the server to write threat-model.md for the workspace and opens it.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { GenerateThreatModelRequest, type GenerateThreatModelResult } from '../../server/src/shared/protocol';

/** Generates the threat model of `folder` (default: the first workspace folder); opens it unless `quiet`. */
export async function generateThreatModel(client: LanguageClient, folder?: vscode.Uri, quiet = false): Promise<GenerateThreatModelResult> {
  const target = folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
  const result = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'MLSec: generating threat model' },
    () => client.sendRequest<GenerateThreatModelResult>(GenerateThreatModelRequest, { folder: target?.toString() }),
  );
  if (result.error) {
    if (!quiet) void vscode.window.showErrorMessage(`MLSec: ${result.error}`);
  } else if (result.uri && !quiet) {
    await vscode.window.showTextDocument(vscode.Uri.parse(result.uri));
  }
  return result;
}
