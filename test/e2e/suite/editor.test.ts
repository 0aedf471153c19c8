// Real-VS-Code checks of the editor experience: no duplicate notebook findings after a scan, a cancellable scan with progress, "Disable <rule> in this workspace", the status-bar menu.
import * as assert from 'assert';
import * as vscode from 'vscode';
import { ruleDiagnostics, ruleId, waitFor } from './helpers';

/** The part of the extension's API (client/src/extension.ts MlsecApi) these tests use. */
interface ScanSummary {
  files: number;
  findings: number;
  cancelled: boolean;
}
interface Api {
  scanWorkspace(opts?: { token?: vscode.CancellationToken; onProgress?(percentage: number, message?: string): void }): Promise<ScanSummary>;
}

const folder = () => {
  const f = vscode.workspace.workspaceFolders?.[0];
  assert.ok(f, 'the e2e workspace folder is open');
  return f.uri;
};
const api = async () => (await vscode.extensions.getExtension('mlsec.mlsec')!.activate()) as Api;
/** Every mlsec diagnostic of `rule` whose URI is the notebook file or one of its cells. */
const inNotebook = (nb: vscode.Uri, rule: string) =>
  vscode.languages.getDiagnostics().flatMap(([uri, ds]) => (uri.path === nb.path ? ds.filter((d) => d.source === 'mlsec' && ruleId(d) === rule).map((d) => ({ uri, d })) : []));

suite('MLSec editor experience in real VS Code', () => {
  // First in the run: no scan has been requested yet, so a finding here comes from the background scan.
  test('without any command, the background scan reports the malicious models/evil.pkl nobody opened', async () => {
    await api();
    const pkl = vscode.Uri.joinPath(folder(), 'models', 'evil.pkl');
    const diags = await waitFor('pickle-dangerous-global on models/evil.pkl', () => {
      const ds = ruleDiagnostics(pkl, 'pickle-dangerous-global');
      return ds.length ? ds : undefined;
    });
    assert.strictEqual(diags[0].severity, vscode.DiagnosticSeverity.Error);
    assert.ok(!vscode.workspace.textDocuments.some((d) => d.uri.path === pkl.path), 'the model file was never opened');
  });

  test('after Scan Workspace, opening a notebook lists each finding once, on its cell', async () => {
    const nb = vscode.Uri.joinPath(folder(), 'analysis.ipynb');
    await (await api()).scanWorkspace();
    const [onFile] = await waitFor('unsafe-pickle-load on analysis.ipynb from the scan', () => {
      const ds = ruleDiagnostics(nb, 'unsafe-pickle-load');
      return ds.length ? ds : undefined;
    });
    assert.match(onFile.message, /^Cell 3: /, 'the file-level finding names its cell');
    const notebook = await vscode.workspace.openNotebookDocument(nb);
    await vscode.window.showNotebookDocument(notebook);
    const cell = notebook.cellAt(2).document.uri;
    await waitFor('the finding to move from the file to cell 3', () => (ruleDiagnostics(cell, 'unsafe-pickle-load').length === 1 && ruleDiagnostics(nb, 'unsafe-pickle-load').length === 0 ? true : undefined));
    const all = inNotebook(nb, 'unsafe-pickle-load');
    assert.strictEqual(all.length, 1, `listed once: ${all.map((x) => x.uri.toString()).join(', ')}`);
    assert.strictEqual(all[0].uri.scheme, 'vscode-notebook-cell', 'it navigates to the cell');
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Scan Workspace reports progress on a cancellable token and stops when cancelled (worker threads on 1,000 files)', async () => {
    const bulk = vscode.Uri.joinPath(folder(), 'bulk');
    const files = 1000;
    // Enough files for the CLI's worker-thread engine (200+) and enough work per file that a Cancel
    // sent at the first progress report lands while batches are still queued.
    const body = (i: number) => `import torch\nm${i} = torch.load(p)\n${Array.from({ length: 60 }, (_, j) => `def f${j}(x):\n    return x.get("k${j}", ${j})\n`).join('')}`;
    await Promise.all(Array.from({ length: files }, (_, i) => vscode.workspace.fs.writeFile(vscode.Uri.joinPath(bulk, `m${i}.py`), new TextEncoder().encode(body(i)))));
    try {
      const source = new vscode.CancellationTokenSource();
      const seen: number[] = [];
      const summary = await (await api()).scanWorkspace({
        token: source.token,
        onProgress: (pct) => {
          seen.push(pct);
          if (pct > 0) source.cancel();
        },
      });
      assert.ok(seen.some((p) => p > 0), `progress with a percentage reached the notification: ${seen.join(',')}`);
      assert.strictEqual(summary.cancelled, true, JSON.stringify(summary));
      assert.ok(summary.files < files, `stopped before the end: ${JSON.stringify(summary)}`);
      // Not cancelled, the same scan covers every file.
      const full = await (await api()).scanWorkspace();
      assert.strictEqual(full.cancelled, false);
      assert.ok(full.files >= files, JSON.stringify(full));
      await waitFor('a finding on the last generated file', () => (ruleDiagnostics(vscode.Uri.joinPath(bulk, `m${files - 1}.py`), 'unsafe-torch-load').length ? true : undefined));
    } finally {
      await vscode.workspace.fs.delete(bulk, { recursive: true });
      // Rescan so the deleted files lose their diagnostics before the next suites count anything.
      await (await api()).scanWorkspace();
    }
  });

  test('"Disable <rule> in this workspace" writes mlsec.rules and the finding disappears', async () => {
    const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder(), 'train.py'));
    await vscode.window.showTextDocument(doc);
    const [diag] = await waitFor('unsafe-torch-load on train.py', () => {
      const ds = ruleDiagnostics(doc.uri, 'unsafe-torch-load');
      return ds.length ? ds : undefined;
    });
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value);
    const disable = actions.find((a) => a.title === 'Disable unsafe-torch-load in this workspace');
    assert.ok(disable?.command, `offered; got: ${actions.map((a) => a.title).join(' | ')}`);
    const config = () => vscode.workspace.getConfiguration('mlsec');
    try {
      await vscode.commands.executeCommand(disable.command.command, ...(disable.command.arguments ?? []));
      // The suite's workspace is untrusted (Restricted Mode hides workspace values of mlsec.rules); trusted, the value is there.
      if (vscode.workspace.isTrusted) assert.deepStrictEqual(config().inspect('rules')?.workspaceValue, { 'unsafe-torch-load': 'off' });
      await waitFor('unsafe-torch-load to disappear', () => (ruleDiagnostics(doc.uri, 'unsafe-torch-load').length === 0 ? true : undefined));
      assert.deepStrictEqual(await vscode.commands.executeCommand('mlsec.enableDisabledRules'), ['unsafe-torch-load']);
      await waitFor('unsafe-torch-load to come back after "Re-enable"', () => (ruleDiagnostics(doc.uri, 'unsafe-torch-load').length ? true : undefined));
    } finally {
      await vscode.commands.executeCommand('mlsec.enableDisabledRules');
    }
  });

  test('the status-bar menu opens the Problems view', async () => {
    const picked = await vscode.commands.executeCommand<string>('mlsec.showMenu', 'Open Problems');
    assert.match(picked ?? '', /Open Problems$/);
  });
});
