// Protocol tests: workspace facts from dependency files, workspace scan (progress, model files, skips), scan file, SARIF export.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import type { ScanSummary } from '../../server/src/shared/protocol';
import { type Harness, startServer, uriOf } from './harness';

let h: Harness;
let dir: string;
// A protocol-2 pickle whose REDUCE calls posix.system("id > x") when loaded (never loaded here).
const EVIL_PICKLE = Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x06\x00\x00\x00id > xq\x01\x85q\x02Rq\x03.', 'latin1');
const torchLoad = (d: Diagnostic[]) => d.find((x) => x.code === 'unsafe-torch-load');

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-ws-'));
  fs.writeFileSync(path.join(dir, 'train.py'), 'import torch\nm = torch.load(p)\n');
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'torch>=2.6\n');
  fs.writeFileSync(path.join(dir, 'evil.pkl'), EVIL_PICKLE);
  fs.mkdirSync(path.join(dir, 'node_modules', 'pkg'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'node_modules', 'pkg', 'skip.py'), 'import torch\ntorch.load(p)\n');
  fs.mkdirSync(path.join(dir, 'build'));
  fs.writeFileSync(path.join(dir, 'build', 'ignored.py'), 'import torch\ntorch.load(p)\n');
  fs.writeFileSync(path.join(dir, '.gitignore'), 'build/\n');
  h = await startServer({ folder: dir });
});
after(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('workspace facts: torch>=2.6 makes a bare torch.load a note; changing requirements re-analyses', async () => {
  const uri = uriOf(path.join(dir, 'open.py'));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import torch\nm = torch.load(p)\n' } });
  const note = await h.waitFor(uri, (d) => torchLoad(d)?.severity === 3);
  assert.match(String(torchLoad(note)!.message), /requirements\.txt/);
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'torch>=1.13\n');
  await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(path.join(dir, 'requirements.txt')), type: 2 }] });
  await h.waitFor(uri, (d) => torchLoad(d)?.severity === 1);
  await h.conn.sendNotification('textDocument/didClose', { textDocument: { uri } });
});

test('scan workspace: progress, diagnostics for the .py and the malicious pickle, skips node_modules and .gitignored', async () => {
  h.progress.length = 0;
  const summary = (await h.conn.sendRequest('mlsec/scanWorkspace', {})) as ScanSummary;
  assert.equal(summary.cancelled, false);
  // train.py, evil.pkl and requirements.txt (dependency files are analysed by the supply-chain plugin).
  assert.equal(summary.files, 3, JSON.stringify(summary));
  const kinds = h.progress.map((p) => (p as { value: { kind: string } }).value.kind);
  assert.equal(kinds[0], 'begin');
  assert.equal(kinds.at(-1), 'end');
  assert.ok(kinds.includes('report'));
  assert.ok(torchLoad(h.diagnostics.get(uriOf(path.join(dir, 'train.py'))) ?? []));
  assert.equal(h.diagnostics.has(uriOf(path.join(dir, 'node_modules', 'pkg', 'skip.py'))), false);
  assert.equal(h.diagnostics.has(uriOf(path.join(dir, 'build', 'ignored.py'))), false);
  // Needs the model scanner (server/src/models/): fails until pickle-dangerous-global lands.
  const pkl = h.diagnostics.get(uriOf(path.join(dir, 'evil.pkl'))) ?? [];
  const danger = pkl.find((d) => d.code === 'pickle-dangerous-global');
  assert.ok(danger, `no pickle-dangerous-global on evil.pkl: ${JSON.stringify(pkl)}`);
  assert.deepEqual(danger.range.start, { line: 0, character: 0 });
});

test('scan file re-analyses one file from disk', async () => {
  const r = (await h.conn.sendRequest('mlsec/scanFile', { uri: uriOf(path.join(dir, 'train.py')) })) as { findings: number };
  assert.equal(r.findings, 1);
});

test('export SARIF returns a 2.1.0 log with the scan results', async () => {
  const r = (await h.conn.sendRequest('mlsec/exportSarif', {})) as { sarif: { version: string; runs: { results: { ruleId: string }[] }[] }; results: number };
  assert.equal(r.sarif.version, '2.1.0');
  assert.ok(r.results >= 1);
  assert.ok(r.sarif.runs[0].results.some((x) => x.ruleId === 'unsafe-torch-load'));
});

test('a scan is cancellable through $/cancelRequest and returns a partial summary', async () => {
  for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `f${i}.py`), 'x = 1\n');
  const source = new (await import('vscode-languageserver-protocol/node')).CancellationTokenSource();
  const pending = h.conn.sendRequest('mlsec/scanWorkspace', {}, source.token) as Promise<ScanSummary>;
  setTimeout(() => source.cancel(), 5);
  const result = await pending.then((s) => s, (e: Error) => e);
  // Either the request is rejected as cancelled or it returns a summary flagged cancelled/complete.
  if (!(result instanceof Error)) assert.ok(result.cancelled || result.files === 42, JSON.stringify(result));
  // The server is still responsive afterwards.
  const again = (await h.conn.sendRequest('mlsec/scanWorkspace', {})) as ScanSummary;
  assert.equal(again.cancelled, false);
});
