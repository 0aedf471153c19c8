// Protocol test: keystrokes in a 5,000-line file take the one-statement fast path, stay correct, and a full pass follows when idle.
// (Speed is measured by `npm run bench`, not asserted here.)
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { type Diagnostic, PublishDiagnosticsNotification } from 'vscode-languageserver-protocol/node';
import { type Harness, startServer } from './harness';

let h: Harness;
const URI = 'file:///tmp/mlsec-keystrokes/big.py';

before(async () => {
  h = await startServer();
});
after(async () => {
  await h.stop();
});

function bigFile(lines: number): string {
  const out = ['import torch', 'import pickle', 'import numpy as np', ''];
  for (let i = 0; out.length < lines; i++) {
    const risky = i % 100 === 0 ? '        return torch.load(path)' : `        return np.load(path, mmap_mode="r")[${i}]`;
    out.push(`def step_${i}(path, x):`, `    y = np.add(x, ${i})  # running total`, `    if y > ${i}:`, risky, '    return x', '');
  }
  return out.join('\n');
}

/** Sends one change and resolves with the diagnostics published for that version. */
function edit(version: number, line: number, character: number, text: string): Promise<Diagnostic[]> {
  const got = new Promise<Diagnostic[]>((resolve) => {
    const d = h.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === URI && p.version === version) {
        d.dispose();
        resolve(p.diagnostics);
      }
    });
  });
  void h.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version },
    contentChanges: [{ range: { start: { line, character }, end: { line, character } }, text }],
  });
  return got;
}

const lines = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'unsafe-torch-load').map((d) => d.range.start.line);

test('keystrokes in a 5,000-line file: each edit publishes the right findings; a full pass follows when idle', async () => {
  const text = bigFile(5000);
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'python', version: 1, text } });
  const initial = await h.waitFor(URI, (d) => d.length >= 5, 20000);
  const before = lines(initial);
  let version = 1;
  // Typing in comments changes nothing.
  for (let i = 0; i < 20; i++) assert.deepEqual(lines(await edit(++version, 5 + 6 * i, 30, 'x')), before);
  // Typing a new risky call inside a function body (line 11 = "    if y > 1:" of step_1) adds exactly one finding there.
  const added = lines(await edit(++version, 12, 0, '        torch.load(p)\n'));
  assert.deepEqual(added, [...before.filter((l) => l < 12), 12, ...before.filter((l) => l >= 12).map((l) => l + 1)].sort((a, b) => a - b));
  // The idle full pass republishes the same findings for the same version.
  const settled = await new Promise<Diagnostic[]>((resolve) => {
    const d = h.conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
      if (p.uri === URI && p.version === version) {
        d.dispose();
        resolve(p.diagnostics);
      }
    });
  });
  assert.deepEqual(lines(settled), added);
  // An edit that changes an import is re-checked whole: aliasing torch away removes every finding.
  const aliased = await edit(++version, 0, 0, 'import numpy as torch\n');
  assert.deepEqual(lines(aliased), []);
});
