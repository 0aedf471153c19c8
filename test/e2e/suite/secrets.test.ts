// Real-VS-Code check of secrets in saved notebook outputs: the client sends outputs, the finding lands on its cell, "Clear outputs of this cell" removes output and diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleDiagnostics, waitFor } from './helpers';

const RULE = 'secret-in-notebook-output';
const outputDiagnostics = (uri: vscode.Uri) => ruleDiagnostics(uri, RULE);

suite('MLSec secrets in real VS Code', () => {
  test('a secret in a notebook output is reported on its cell and "Clear outputs of this cell" removes both', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    await vscode.extensions.getExtension('mlsec.mlsec')?.activate();
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'secrets', 'leaky-output.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0);
    assert.strictEqual(cell.outputs.length, 1, 'fixture: cell 1 has a saved output');
    const [diag] = await waitFor(`${RULE} on cell 1`, () => {
      const ds = outputDiagnostics(cell.document.uri);
      return ds.length ? ds : undefined;
    });
    // The message names the provider and shows only a redacted prefix and the length.
    assert.match(diag.message, /Hugging Face token/);
    assert.match(diag.message, /hf_\w…\(37 chars\)/);
    assert.deepStrictEqual(outputDiagnostics(notebook.cellAt(1).document.uri), [], 'cell 2 (harmless output) has no finding');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.document.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const clear = actions.find((a) => a.title === 'Clear outputs of this cell');
    assert.ok(clear?.command, `"Clear outputs of this cell" is offered; got: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
    await vscode.commands.executeCommand(clear.command.command, ...(clear.command.arguments ?? []));

    await waitFor('cell 1 outputs to be cleared', () => (notebook.cellAt(0).outputs.length === 0 ? true : undefined));
    assert.strictEqual(notebook.cellAt(1).outputs.length, 1, 'the other cell keeps its output');
    assert.ok(notebook.cellAt(0).document.getText().includes('print(os.environ["HF_TOKEN"])'), 'the cell source is unchanged');
    await waitFor('the output diagnostic to disappear', () =>
      outputDiagnostics(notebook.cellAt(0).document.uri).length === 0 && outputDiagnostics(cell.document.uri).length === 0 ? true : undefined);
  });
});
