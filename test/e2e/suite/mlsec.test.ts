// End-to-end checks of the MLSec extension in a real VS Code: activation, diagnostics in .py and notebook cells, quick fix, workspace scan of a malicious pickle.
import * as assert from 'assert';
import * as vscode from 'vscode';

const EXTENSION_ID = 'mlsec.mlsec';
// Language server start + first analysis can take a few seconds on a cold, 2-core CI box.
const DIAG_WAIT_MS = 30_000;

function workspaceUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, ...segments);
}

function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function mlsecDiagnostics(uri: vscode.Uri, rule?: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'mlsec' && (rule === undefined || ruleId(d) === rule));
}

function describe(uri: vscode.Uri): string {
  const all = vscode.languages.getDiagnostics(uri);
  return all.length ? all.map((d) => `${d.source}/${ruleId(d)}@${d.range.start.line}: ${d.message}`).join('; ') : 'none';
}

// Polls rather than listening to onDidChangeDiagnostics: the diagnostic may already be there
// before the listener is attached, and polling covers both cases with one code path.
async function waitFor<T>(what: string, probe: () => T | undefined, ms = DIAG_WAIT_MS, detail?: () => string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > ms) throw new Error(`timed out after ${ms} ms waiting for ${what}${detail ? ` (now: ${detail()})` : ''}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const nonEmpty = <T>(xs: T[]): T[] | undefined => (xs.length ? xs : undefined);

suite('MLSec in real VS Code', () => {
  suiteSetup(() => {
    // Printed once so a CI log shows which VS Code build the suite actually ran against.
    console.log(`vscode.version=${vscode.version}`);
  });

  test('extension activates and registers its commands', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is loaded from extensionDevelopmentPath`);
    await ext.activate();
    assert.strictEqual(ext.isActive, true);
    const commands = await vscode.commands.getCommands(true);
    for (const c of ['mlsec.scanWorkspace', 'mlsec.scanFile', 'mlsec.exportSarif', 'mlsec.showRuleDocs']) {
      assert.ok(commands.includes(c), `command ${c} is registered`);
    }
  });

  test('torch.load without weights_only in train.py gets unsafe-torch-load', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('train.py'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'python');
    const [diag] = await waitFor('unsafe-torch-load on train.py',
      () => nonEmpty(mlsecDiagnostics(doc.uri, 'unsafe-torch-load')), DIAG_WAIT_MS, () => describe(doc.uri));
    const line = doc.lineAt(diag.range.start.line).text;
    assert.ok(line.includes('torch.load(path)'), `diagnostic is on the torch.load line, got line ${diag.range.start.line}: ${line}`);
    assert.strictEqual(mlsecDiagnostics(doc.uri, 'unsafe-torch-load').length, 1, 'exactly one torch.load call is flagged');
  });

  test('pickle.load in notebook cell 3 gets unsafe-pickle-load on that cell', async () => {
    const notebook = await vscode.workspace.openNotebookDocument(workspaceUri('analysis.ipynb'));
    await vscode.window.showNotebookDocument(notebook);
    assert.strictEqual(notebook.notebookType, 'jupyter-notebook');
    // Cell 3 (index 2) uses the `pickle` imported in cell 1: the finding needs the cells read as one program.
    const cell = notebook.cellAt(2);
    assert.ok(cell.document.getText().includes('pickle.load(f)'), 'fixture: cell 3 holds the pickle.load call');
    assert.strictEqual(cell.document.languageId, 'python');
    const [diag] = await waitFor('unsafe-pickle-load on notebook cell 3',
      () => nonEmpty(mlsecDiagnostics(cell.document.uri, 'unsafe-pickle-load')), DIAG_WAIT_MS, () => describe(cell.document.uri));
    const line = cell.document.lineAt(diag.range.start.line).text;
    assert.ok(line.includes('pickle.load(f)'), `diagnostic is on the pickle.load line of the cell, got: ${line}`);
    // The import cell itself has nothing to report.
    assert.deepStrictEqual(mlsecDiagnostics(notebook.cellAt(0).document.uri), [], 'cell 1 has no mlsec diagnostics');
  });

  test('quick fix "Set weights_only=True" is offered and applying it clears the diagnostic', async () => {
    const doc = await vscode.workspace.openTextDocument(workspaceUri('train.py'));
    await vscode.window.showTextDocument(doc);
    const [diag] = await waitFor('unsafe-torch-load on train.py',
      () => nonEmpty(mlsecDiagnostics(doc.uri, 'unsafe-torch-load')), DIAG_WAIT_MS, () => describe(doc.uri));
    // itemResolveCount lets VS Code run codeAction/resolve, in case the server fills in edits lazily.
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
      'vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => a.title === 'Set weights_only=True');
    assert.ok(fix, `quick fix offered; got: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
    assert.ok(fix.edit || fix.command, 'the quick fix carries an edit or a command');
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace edit applied');
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    assert.match(doc.getText(), /torch\.load\(path,\s*weights_only=True\)/, 'weights_only=True was added to the call');
    await waitFor('unsafe-torch-load to clear after the fix',
      () => (mlsecDiagnostics(doc.uri, 'unsafe-torch-load').length === 0 ? true : undefined), DIAG_WAIT_MS, () => describe(doc.uri));
  });

  test('MLSec: Scan Workspace reports the malicious models/evil.pkl', async () => {
    // The fixture is protocol-2 pickle bytes "cposix\nsystem ... R": a REDUCE of posix.system("id > x").
    // It is never opened in an editor, so any diagnostic on it comes from the workspace scan.
    const pkl = workspaceUri('models', 'evil.pkl');
    await vscode.commands.executeCommand('mlsec.scanWorkspace');
    const diags = await waitFor('pickle-dangerous-global on models/evil.pkl',
      () => nonEmpty(mlsecDiagnostics(pkl, 'pickle-dangerous-global')), DIAG_WAIT_MS, () => describe(pkl));
    assert.ok(diags.some((d) => /posix|system/.test(d.message)), `the finding names the imported callable: ${diags.map((d) => d.message).join('; ')}`);
    assert.ok(diags.every((d) => d.severity === vscode.DiagnosticSeverity.Error), 'a code-executing pickle is an error');
  });
});
