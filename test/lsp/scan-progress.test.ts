// Protocol tests: the workspace scan's progress (client token or server-created, cancellable) and cancellation on the worker-thread engine.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { ScanSummary } from '../../server/src/shared/protocol';
import { type Harness, startServer, uriOf } from './harness';

let h: Harness;
let dir: string;
const FILES = 260; // over the 200-file threshold of the worker-thread engine
type Progress = { token: string | number; value: { kind: string; percentage?: number; cancellable?: boolean } };

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-progress-'));
  for (let i = 0; i < FILES; i++) fs.writeFileSync(path.join(dir, `m${i}.py`), i % 2 ? 'x = 1\n' : 'import torch\nm = torch.load(p)\n');
  h = await startServer({ folder: dir });
});
after(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('with a client workDoneToken the scan reports begin/report/end on it and counts files with findings', async () => {
  h.progress.length = 0;
  const summary = (await h.conn.sendRequest('mlsec/scanWorkspace', { workDoneToken: 'client-1' })) as ScanSummary;
  assert.equal(summary.cancelled, false);
  assert.equal(summary.files, FILES);
  assert.equal(summary.findings, FILES / 2);
  assert.equal(summary.filesWithFindings, FILES / 2);
  const mine = (h.progress as Progress[]).filter((p) => p.token === 'client-1');
  assert.equal(mine[0].value.kind, 'begin');
  assert.equal(mine[0].value.cancellable, true);
  assert.equal(mine.at(-1)!.value.kind, 'end');
  const pcts = mine.filter((p) => p.value.kind === 'report').map((p) => p.value.percentage!);
  assert.ok(pcts.length >= 1 && pcts.length < FILES / 2, `throttled reports: ${pcts.length}`);
  assert.equal(pcts.at(-1), 100);
  // Thread results keep their text: positions and the ignore edit are right, not collapsed to line 0.
  const d = h.diagnostics.get(uriOf(path.join(dir, 'm0.py')))?.find((x) => x.code === 'unsafe-torch-load');
  assert.deepEqual(d?.range.start, { line: 1, character: 4 }, JSON.stringify(d));
  assert.deepEqual((d?.data as { ignore?: { range: { start: unknown } } }).ignore?.range.start, { line: 1, character: 17 });
});

test('server-created progress is cancellable: window/workDoneProgress/cancel stops the scan with a partial summary', async () => {
  h.progress.length = 0;
  const pending = h.conn.sendRequest('mlsec/scanWorkspace') as Promise<ScanSummary>;
  let begin: Progress | undefined;
  for (let i = 0; i < 200 && !begin; i++) {
    begin = (h.progress as Progress[]).find((p) => p.value.kind === 'begin');
    if (!begin) await new Promise((r) => setTimeout(r, 10));
  }
  assert.ok(begin, 'a begin message arrived');
  assert.equal(begin.value.cancellable, true);
  await h.conn.sendNotification('window/workDoneProgress/cancel', { token: begin.token });
  const summary = await pending;
  assert.equal(summary.cancelled, true, JSON.stringify(summary));
  assert.ok(summary.files < FILES, JSON.stringify(summary));
  assert.equal((h.progress as Progress[]).at(-1)!.value.kind, 'end');
});
