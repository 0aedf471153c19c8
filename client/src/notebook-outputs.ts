// Sends open notebooks' saved outputs to the server (LSP notebook sync has only cell text) and clears cell outputs on request.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { type ClearCellOutputsArgs, Commands, NotebookOutputsNotification, type NotebookOutputsParams } from '../../server/src/shared/protocol';

const TEXT_MIMES = new Set(['text/plain', 'text/html', 'text/markdown', 'application/json', 'text/latex', 'application/vnd.code.notebook.stdout', 'application/vnd.code.notebook.stderr']);
const ERROR_MIME = 'application/vnd.code.notebook.error';
const decoder = new TextDecoder();

/** One output item as text, or undefined for images and other binary mimes. */
function itemText(item: vscode.NotebookCellOutputItem): { kind: string; text: string } | undefined {
  if (item.mime === ERROR_MIME) {
    try {
      const e = JSON.parse(decoder.decode(item.data)) as { name?: string; message?: string; stack?: string };
      return { kind: 'traceback', text: `${e.name ?? ''}: ${e.message ?? ''}\n${e.stack ?? ''}` };
    } catch {
      return undefined;
    }
  }
  if (!TEXT_MIMES.has(item.mime)) return undefined;
  return { kind: item.mime.startsWith('application/vnd.code.notebook.std') ? 'stream' : item.mime, text: decoder.decode(item.data) };
}

/** The outputs payload of a notebook. */
function payload(nb: vscode.NotebookDocument): NotebookOutputsParams {
  return {
    notebook: nb.uri.toString(),
    cells: nb.getCells().map((cell) => ({
      cell: cell.document.uri.toString(),
      outputs: cell.outputs.flatMap((o) => o.items.map(itemText).filter((x): x is { kind: string; text: string } => x !== undefined)),
    })),
  };
}

/** Clears the outputs of the given cells by replacing each with the same cell without outputs. */
async function clearCellOutputs(args: ClearCellOutputsArgs): Promise<boolean> {
  const nb = vscode.workspace.notebookDocuments.find((n) => n.uri.toString() === args?.notebook);
  if (!nb) return false;
  const wanted = new Set(args.cells ?? []);
  for (const uri of args.cellUris ?? []) {
    const cell = nb.getCells().find((c) => c.document.uri.toString() === uri);
    if (cell) wanted.add(cell.index);
  }
  const edits = [...wanted].filter((i) => i >= 0 && i < nb.cellCount && nb.cellAt(i).outputs.length > 0).sort((a, b) => b - a).map((i) => {
    const cell = nb.cellAt(i);
    const data = new vscode.NotebookCellData(cell.kind, cell.document.getText(), cell.document.languageId);
    data.metadata = cell.metadata;
    data.executionSummary = cell.executionSummary;
    data.outputs = [];
    return vscode.NotebookEdit.replaceCells(new vscode.NotebookRange(i, i + 1), [data]);
  });
  if (edits.length === 0) return false;
  const edit = new vscode.WorkspaceEdit();
  edit.set(nb.uri, edits);
  return vscode.workspace.applyEdit(edit);
}

/** Wires notebook open/change events to the server and registers the clear-outputs command. */
export function registerNotebookOutputs(context: vscode.ExtensionContext, client: LanguageClient): void {
  const send = (nb: vscode.NotebookDocument) => {
    if (nb.notebookType !== 'jupyter-notebook') return;
    void client.sendNotification(NotebookOutputsNotification, payload(nb));
  };
  context.subscriptions.push(
    vscode.workspace.onDidOpenNotebookDocument(send),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      if (e.contentChanges.length > 0 || e.cellChanges.some((c) => c.outputs !== undefined)) send(e.notebook);
    }),
    vscode.commands.registerCommand(Commands.clearCellOutputs, (args: ClearCellOutputsArgs) => clearCellOutputs(args)),
  );
  for (const nb of vscode.workspace.notebookDocuments) send(nb);
}
