// End-to-end check of supply chain in a real VS Code: an unpinned FROM in a Dockerfile gets a diagnostic and a quick fix.
import * as assert from 'assert';
import * as vscode from 'vscode';

const DIAG_WAIT_MS = 30_000;

function fixtureUri(...segments: string[]): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the e2e workspace folder is open');
  return vscode.Uri.joinPath(folder.uri, 'supply-chain', ...segments);
}

function ruleId(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

// Polls: the diagnostic may already be there before a listener could be attached.
async function waitFor<T>(what: string, probe: () => T | undefined, detail: () => string): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() - start > DIAG_WAIT_MS) throw new Error(`timed out waiting for ${what} (now: ${detail()})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

suite('MLSec supply chain in real VS Code', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension('mlsec.mlsec')?.activate();
  });

  test('FROM without a digest in a Dockerfile shows docker-image-not-pinned with a quick fix', async () => {
    const doc = await vscode.workspace.openTextDocument(fixtureUri('Dockerfile'));
    await vscode.window.showTextDocument(doc);
    const describe = () => vscode.languages.getDiagnostics(doc.uri).map((d) => `${d.source}/${ruleId(d)}@${d.range.start.line}: ${d.message}`).join('; ') || 'none';
    const diag = await waitFor('docker-image-not-pinned on line 1', () => vscode.languages.getDiagnostics(doc.uri).find((d) => d.source === 'mlsec' && ruleId(d) === 'docker-image-not-pinned'), describe);
    assert.strictEqual(diag.range.start.line, 0);
    assert.strictEqual(doc.getText(diag.range), 'python:3.11-slim');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, diag.range, vscode.CodeActionKind.QuickFix.value, 10);
    const fix = actions.find((a) => /digest placeholder/.test(a.title));
    assert.ok(fix, `quick fix offered; got: ${actions.map((a) => a.title).join(' | ') || 'no actions'}`);
    assert.ok(!fix.isPreferred, 'the placeholder is never the preferred (automatic) fix');
    assert.ok(fix.edit, 'the quick fix carries an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit), 'workspace edit applied');
    assert.match(doc.lineAt(0).text, /^FROM python:3\.11-slim@sha256:MLSEC-PLACEHOLDER/);
    // The placeholder is not a pin: the diagnostic stays, now asking for the real digest.
    await waitFor('the placeholder diagnostic', () => vscode.languages.getDiagnostics(doc.uri).find((d) => ruleId(d) === 'docker-image-not-pinned' && /placeholder/.test(d.message)), describe);
  });
});
