// Protocol test: a notebook a workspace scan reported is listed once when opened (cells, not the file) and gets its file findings back on close.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { type Harness, startServer, uriOf } from './harness';

let h: Harness;
let dir: string;
let nb: string;
const cell = (n: number) => `vscode-notebook-cell:${new URL(nb).pathname}#W${n}sZmlsZQ%3D%3D`;
const torch = (d: Diagnostic[] | undefined) => (d ?? []).filter((x) => x.code === 'unsafe-torch-load');
const CELLS = ['import torch', 'x = 1', 'm = torch.load("m.pt")'];

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-nbscan-'));
  const json = { cells: CELLS.map((c) => ({ cell_type: 'code', metadata: {}, source: [c], outputs: [], execution_count: null })), metadata: {}, nbformat: 4, nbformat_minor: 5 };
  fs.writeFileSync(path.join(dir, 'analysis.ipynb'), JSON.stringify(json, null, 1));
  nb = uriOf(path.join(dir, 'analysis.ipynb'));
  h = await startServer({ folder: dir });
});
after(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('scan, open, close: the notebook finding is listed exactly once at every step', async () => {
  await h.conn.sendRequest('mlsec/scanWorkspace', {});
  const onFile = torch(h.diagnostics.get(nb));
  assert.equal(onFile.length, 1);
  // On the file it sits at raw JSON offsets, so it names its cell.
  assert.match(String(onFile[0].message), /^Cell 3: /);

  await h.conn.sendNotification('notebookDocument/didOpen', {
    notebookDocument: { uri: nb, notebookType: 'jupyter-notebook', version: 1, cells: CELLS.map((_, i) => ({ kind: 2, document: cell(i) })) },
    cellTextDocuments: CELLS.map((text, i) => ({ uri: cell(i), languageId: 'python', version: 1, text })),
  });
  await h.waitFor(cell(2), (d) => torch(d).length === 1);
  await h.waitFor(nb, (d) => d.length === 0);
  const all = [...h.diagnostics.values()].flatMap(torch);
  assert.equal(all.length, 1, JSON.stringify([...h.diagnostics.entries()]));
  assert.doesNotMatch(String(all[0].message), /^Cell/);

  // A scan while it is open leaves the file URI alone.
  await h.conn.sendRequest('mlsec/scanWorkspace', {});
  assert.equal(torch(h.diagnostics.get(nb)).length, 0);

  await h.conn.sendNotification('notebookDocument/didClose', { notebookDocument: { uri: nb }, cellTextDocuments: CELLS.map((_, i) => ({ uri: cell(i) })) });
  await h.waitFor(nb, (d) => torch(d).length === 1);
  await h.waitFor(cell(2), (d) => d.length === 0);
  assert.equal([...h.diagnostics.values()].flatMap(torch).length, 1);
});
