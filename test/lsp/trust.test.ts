// Protocol tests for workspace trust, decided by the server from initialize / mlsec/trustChanged: user privacy settings apply untrusted; baseline and pythonPath only once trusted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { CLI, TORCH_LOAD, tree } from '../unit/cli/helpers';
import { startServer, uriOf } from './harness';

const PII = 'contact = {"email": "dana.lee@acme-corp.io", "role": "admin"}\n';

test('untrusted: the privacy settings the client passes apply, the baseline is not read; granting trust applies it', async () => {
  const dir = tree({ 'train.py': TORCH_LOAD });
  assert.equal(spawnSync(process.execPath, [CLI, 'scan', '.', '--write-baseline', 'accepted.json', '--exit-zero'], { cwd: dir }).status, 0);
  // In an untrusted workspace the client answers workspace/configuration with user-level values only; the
  // server must still refuse to read a baseline (a workspace file that hides findings) on its own.
  const h = await startServer({ folder: dir, trusted: false, settings: { privacy: { allowlist: ['@acme-corp.io'] }, baseline: 'accepted.json' } });
  try {
    const train = uriOf(path.join(dir, 'train.py'));
    const users = uriOf(path.join(dir, 'users.py'));
    await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: train, languageId: 'python', version: 1, text: TORCH_LOAD } });
    await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: users, languageId: 'python', version: 1, text: `${PII}import pickle\npickle.loads(b)\n` } });
    // Settings are pulled after `initialized`: the first diagnostics may predate them; the allowlist must win once they land.
    await h.waitFor(users, (d) => d.some((x) => x.code === 'unsafe-pickle-load') && !d.some((x) => x.code === 'pii-literal-in-code'), 10000);
    await h.waitFor(train, (d) => d.some((x) => x.code === 'unsafe-torch-load'), 10000);
    await new Promise((r) => setTimeout(r, 400));
    assert.ok(h.diagnostics.get(train)!.some((x) => x.code === 'unsafe-torch-load'), 'untrusted: the baseline is not read');
    await h.conn.sendNotification('mlsec/trustChanged', { trusted: true });
    await h.waitFor(train, (d) => !d.some((x) => x.code === 'unsafe-torch-load'), 10000);
  } finally {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('granting trust re-reads the environment named by mlsec.pythonPath, so its pins appear without a restart', async () => {
  const dir = tree({ 'requirements.txt': 'torch\n', '.venv/lib/python3.11/site-packages/torch-2.3.1.dist-info/METADATA': 'Name: torch\n' });
  fs.mkdirSync(path.join(dir, '.venv', 'bin'), { recursive: true });
  fs.writeFileSync(path.join(dir, '.venv', 'bin', 'python'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
  const h = await startServer({ folder: dir, trusted: false, settings: { pythonPath: '.venv/bin/python' } });
  try {
    const uri = uriOf(path.join(dir, 'requirements.txt'));
    await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pip-requirements', version: 1, text: 'torch\n' } });
    const titles = async (d: Diagnostic[]) => ((await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d[0].range, context: { diagnostics: d } })) as CodeAction[]).map((a) => a.title).filter((t) => /^Pin torch/.test(t));
    const before = await h.waitFor(uri, (d) => d.some((x) => x.code === 'unpinned-requirement'), 10000);
    await new Promise((r) => setTimeout(r, 400));
    assert.deepEqual(await titles(before.filter((x) => x.code === 'unpinned-requirement')), []);
    await h.conn.sendNotification('mlsec/trustChanged', { trusted: true });
    const after = await h.waitFor(uri, (d) => d.some((x) => x.code === 'unpinned-requirement' && (x.data as { fixes: unknown[] }).fixes.length > 0), 10000);
    assert.deepEqual(await titles(after.filter((x) => x.code === 'unpinned-requirement')), ['Pin torch to 2.3.1 (from the installed environment)']);
  } finally {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
