// Real-VS-Code check of personal data in saved notebook outputs: counted and redacted on its cell, and "Clear outputs of this cell" removes output and diagnostic.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleDiagnostics, waitFor } from './helpers';

const RULE = 'pii-in-notebook-output';
const outputDiagnostics = (uri: vscode.Uri) => ruleDiagnostics(uri, RULE);

suite('MLSec privacy in real VS Code', () => {
  test('PII in a notebook output is reported on its cell, redacted, and "Clear outputs of this cell" removes both', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e workspace folder is open');
    await vscode.extensions.getExtension('mlsec.mlsec')?.activate();
    const notebook = await vscode.workspace.openNotebookDocument(vscode.Uri.joinPath(folder.uri, 'privacy', 'pii-output.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(0);
    assert.strictEqual(cell.outputs.length, 1, 'fixture: cell 1 has a saved output');
    const diags = await waitFor(`${RULE} on cell 1 (emails and SSNs)`, () => {
      const ds = outputDiagnostics(cell.document.uri);
      return ds.length >= 2 ? ds : undefined;
    });
    const messages = diags.map((d) => d.message).join('\n');
    assert.match(messages, /2 email addresses \(e\.g\. m\*\*\*@g\*\*\*\.com, w\*\*\*@o\*\*\*\.com\)/);
    assert.match(messages, /2 US Social Security numbers \(e\.g\. \*\*\*-\*\*-1234, \*\*\*-\*\*-9630\)/);
    for (const value of ['maria.garcia@gmail.com', 'wei.zhang@outlook.com', '536-22-1234', '412-58-9630']) assert.ok(!messages.includes(value), `no full value in diagnostics: ${value}`);
    assert.deepStrictEqual(outputDiagnostics(notebook.cellAt(1).document.uri), [], 'cell 2 (a count) has no finding');

    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', cell.document.uri, diags[0].range, vscode.CodeActionKind.QuickFix.value);
    const clear = actions.find((a) => a.title === 'Clear outputs of this cell');
    assert.ok(clear?.command, `"Clear outputs of this cell" is offered; got: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
    await vscode.commands.executeCommand(clear.command.command, ...(clear.command.arguments ?? []));

    await waitFor('cell 1 outputs to be cleared', () => (notebook.cellAt(0).outputs.length === 0 ? true : undefined));
    assert.strictEqual(notebook.cellAt(1).outputs.length, 1, 'the other cell keeps its output');
    await waitFor('the output diagnostics to disappear', () => (outputDiagnostics(notebook.cellAt(0).document.uri).length === 0 ? true : undefined));
  });
});
