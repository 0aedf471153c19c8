// Protocol tests: the background scan finds a malicious model file nobody opened, follows watched-file events, and stays off when mlsec.backgroundScan is false.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { Diagnostic } from 'vscode-languageserver-protocol/node';
import { type Harness, startServer, uriOf } from './harness';

// A protocol-2 pickle whose REDUCE calls posix.system("id > x") when loaded (never loaded here).
const EVIL_PICKLE = Buffer.from('\x80\x02cposix\nsystem\nq\x00X\x06\x00\x00\x00id > xq\x01\x85q\x02Rq\x03.', 'latin1');
const dangerous = (d: Diagnostic[]) => d.some((x) => x.code === 'pickle-dangerous-global');
let dir: string;
const servers: Harness[] = [];

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-bg-'));
  fs.mkdirSync(path.join(dir, 'models'));
  fs.writeFileSync(path.join(dir, 'models', 'evil.pkl'), EVIL_PICKLE);
  fs.writeFileSync(path.join(dir, 'train.py'), 'x = 1\n');
});
after(async () => {
  for (const h of servers) await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('after start, without any request, the malicious pickle gets its finding; watched changes keep it current', async () => {
  const h = await startServer({ folder: dir, settings: { backgroundScan: true } });
  servers.push(h);
  const evil = uriOf(path.join(dir, 'models', 'evil.pkl'));
  await h.waitFor(evil, dangerous, 15000);
  // No progress UI for the server's own scan.
  assert.equal(h.progress.length, 0, JSON.stringify(h.progress));

  const added = path.join(dir, 'models', 'added.pkl');
  fs.writeFileSync(added, EVIL_PICKLE);
  await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 1 }] });
  await h.waitFor(uriOf(added), dangerous);

  fs.writeFileSync(added, Buffer.from('\x80\x02K\x01.', 'latin1')); // now just the int 1
  await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 2 }] });
  await h.waitFor(uriOf(added), (d) => !dangerous(d));

  fs.rmSync(added);
  await h.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: uriOf(added), type: 3 }] });
  await h.waitFor(uriOf(added), (d) => d.length === 0);
});

test('mlsec.backgroundScan false: nothing is scanned until asked', async () => {
  const h = await startServer({ folder: dir, settings: { backgroundScan: false } });
  servers.push(h);
  await new Promise((r) => setTimeout(r, 2500));
  assert.equal(h.diagnostics.has(uriOf(path.join(dir, 'models', 'evil.pkl'))), false);
  await h.conn.sendRequest('mlsec/scanWorkspace');
  assert.ok(dangerous(h.diagnostics.get(uriOf(path.join(dir, 'models', 'evil.pkl'))) ?? []));
});
