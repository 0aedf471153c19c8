// Protocol tests: notebook document sync (cells analysed together, diagnostics per cell URI) and raw .ipynb JSON documents.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { type Harness, startServer } from './harness';

let h: Harness;
const NB = 'file:///tmp/mlsec-nb/analysis.ipynb';
const cell = (n: number) => `vscode-notebook-cell:/tmp/mlsec-nb/analysis.ipynb#W${n}sZmlsZQ%3D%3D`;
const torchLoad = (d: Diagnostic[]) => d.some((x) => x.code === 'unsafe-torch-load');

before(async () => {
  h = await startServer();
});
after(async () => {
  await h.stop();
});

test('notebook sync: import in cell 1, T.load in cell 3 → diagnostic on cell 3', async () => {
  await h.conn.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri: NB, notebookType: 'jupyter-notebook', version: 1, cells: [{ kind: 2, document: cell(1) }, { kind: 1, document: cell(2) }, { kind: 2, document: cell(3) }] },
    cellTextDocuments: [
      { uri: cell(1), languageId: 'python', version: 1, text: 'import torch as T\n%matplotlib inline' },
      { uri: cell(2), languageId: 'markdown', version: 1, text: '# Load the model' },
      { uri: cell(3), languageId: 'python', version: 1, text: 'x = "m.pt"\nm = T.load(x)' },
    ],
  });
  const d = await h.waitFor(cell(3), torchLoad);
  const f = d.find((x) => x.code === 'unsafe-torch-load')!;
  assert.deepEqual(f.range.start, { line: 1, character: 4 });
  assert.equal(h.diagnostics.get(cell(1))?.some((x) => x.code === 'unsafe-torch-load') ?? false, false);

  // Code actions on a cell edit that cell.
  const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: cell(3) }, range: f.range, context: { diagnostics: [f] } })) as { title: string; edit?: { changes: Record<string, unknown[]> } }[];
  assert.ok(acts.find((a) => a.title === 'Set weights_only=True')?.edit?.changes[cell(3)]);
});

test('changing a cell updates its diagnostics; removing the import cell clears them', async () => {
  await h.conn.sendNotification('notebookDocument/didChange', {
    notebookDocument: { uri: NB, version: 2 },
    change: { cells: { textContent: [{ document: { uri: cell(3), version: 2 }, changes: [{ range: { start: { line: 1, character: 12 }, end: { line: 1, character: 12 } }, text: ', weights_only=False' }] }] } },
  });
  const d = await h.waitFor(cell(3), (ds) => ds.some((x) => x.code === 'unsafe-torch-load' && /weights_only=False/.test(String(x.message))));
  assert.equal(d.length >= 1, true);
  await h.conn.sendNotification('notebookDocument/didChange', {
    notebookDocument: { uri: NB, version: 3 },
    change: { cells: { structure: { array: { start: 0, deleteCount: 1 }, didClose: [{ uri: cell(1) }] } } },
  });
  await h.waitFor(cell(3), (ds) => !torchLoad(ds));
});

test('closing the notebook clears its cells', async () => {
  await h.conn.sendNotification('notebookDocument/didChange', {
    notebookDocument: { uri: NB, version: 4 },
    change: { cells: { structure: { array: { start: 0, deleteCount: 0, cells: [{ kind: 2, document: cell(4) }] }, didOpen: [{ uri: cell(4), languageId: 'python', version: 1, text: 'import torch as T' }] } } },
  });
  await h.waitFor(cell(3), torchLoad);
  await h.conn.sendNotification('notebookDocument/didClose', { notebookDocument: { uri: NB }, cellTextDocuments: [{ uri: cell(2) }, { uri: cell(3) }, { uri: cell(4) }] });
  await h.waitFor(cell(3), (ds) => ds.length === 0);
});

test('raw .ipynb JSON document: diagnostic on the JSON line of the call, ignore edit stays inside the string', async () => {
  const uri = 'file:///tmp/mlsec-nb/raw.ipynb';
  const nb = {
    cells: [
      { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['import torch as T\n', 'import os'] },
      { cell_type: 'markdown', metadata: {}, source: ['# text'] },
      { cell_type: 'code', metadata: {}, execution_count: null, outputs: [], source: ['x = 1\n', 'm = T.load(x)\n', 'print(m)'] },
    ],
    metadata: { kernelspec: { name: 'python3', language: 'python', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 5,
  };
  const text = JSON.stringify(nb, null, 1);
  const line = text.split('\n').findIndex((l) => l.includes('T.load'));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'json', version: 1, text } });
  const d = (await h.waitFor(uri, torchLoad)).find((x) => x.code === 'unsafe-torch-load')!;
  assert.equal(d.range.start.line, line);
  assert.equal(text.split('\n')[line].slice(d.range.start.character, d.range.start.character + 9), 'T.load(x)');
  const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as { title: string; edit?: { changes: Record<string, { range: { start: { line: number; character: number } }; newText: string }[]> } }[];
  const ignore = acts.find((a) => a.title.startsWith('Ignore'))!.edit!.changes[uri][0];
  const lines = text.split('\n');
  const l = lines[ignore.range.start.line];
  lines[ignore.range.start.line] = l.slice(0, ignore.range.start.character) + ignore.newText + l.slice(ignore.range.start.character);
  const edited = JSON.parse(lines.join('\n')) as typeof nb;
  assert.equal(edited.cells[2].source[1], 'm = T.load(x)  # mlsec: ignore[unsafe-torch-load] reviewed: <why this is safe>\n');
  await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: lines.join('\n') }] });
  await h.waitFor(uri, (ds) => !torchLoad(ds));
});
