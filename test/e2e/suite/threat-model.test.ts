// End-to-end checks of threat modelling in a real VS Code: tm- snippets in Markdown and "MLSec: Generate Threat Model" writing the file.
import * as assert from 'assert';
import * as vscode from 'vscode';

function fixtureUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'threat-model', ...segments);
}

suite('MLSec threat modelling in real VS Code', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('mlsec.mlsec')?.activate();
  });

  test('a tm- snippet is offered in a Markdown file', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('notes.md'));
    await vscode.window.showTextDocument(doc);
    assert.strictEqual(doc.languageId, 'markdown');
    const line = doc.lineAt(2);
    assert.strictEqual(line.text, 'tm-', 'fixture: line 3 holds the typed prefix');
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, line.range.end);
    const labels = list.items.map((i) => (typeof i.label === 'string' ? i.label : i.label.label));
    for (const prefix of ['tm-skeleton', 'tm-owasp-llm', 'tm-risk']) {
      const item = list.items.find((i) => (typeof i.label === 'string' ? i.label : i.label.label) === prefix);
      assert.ok(item, `snippet ${prefix} offered; got: ${labels.filter((l) => l.startsWith('tm')).join(', ') || `${labels.length} other items`}`);
      assert.strictEqual(item.kind, vscode.CompletionItemKind.Snippet);
    }
  });

  test('MLSec: Generate Threat Model writes threat-model.md with the linked finding', async () => {
    const folder = fixtureUri();
    const target = vscode.Uri.joinPath(folder, 'threat-model.md');
    const result = await vscode.commands.executeCommand<{ uri?: string; error?: string }>('mlsec.generateThreatModel', folder, true);
    assert.strictEqual(result?.error, undefined, `no error: ${result?.error}`);
    assert.strictEqual(vscode.Uri.parse(result!.uri!).fsPath, target.fsPath);
    const text = new TextDecoder().decode(await vscode.workspace.fs.readFile(target));
    assert.ok(text.startsWith('# Threat model: threat-model\n'), text.slice(0, 80));
    assert.match(text, /<!-- mlsec:generated:start -->/);
    assert.match(text, /\[serve\.py:3\]\(serve\.py#L3\) `unsafe-torch-load` \(error\)/);
    assert.match(text, /```mermaid\nflowchart LR/);
  });
});
