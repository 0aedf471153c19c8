// Protocol test: with mlsec.pythonPath set (trusted workspace), an unpinned requirement gets a pin from the installed environment; untrusted, it does not.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { startServer } from './harness';

function workspace(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-env-'));
  fs.mkdirSync(path.join(dir, '.venv', 'bin'), { recursive: true });
  // Never executed: mlsec reads the environment's folders; running it would fail the test loudly anyway.
  fs.writeFileSync(path.join(dir, '.venv', 'bin', 'python'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
  fs.mkdirSync(path.join(dir, '.venv', 'lib', 'python3.11', 'site-packages', 'torch-2.3.1.dist-info'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'torch\n');
  return dir;
}

async function pinTitles(trusted: boolean): Promise<string[]> {
  const dir = workspace();
  const h = await startServer({ folder: dir, trusted, settings: { pythonPath: '.venv/bin/python' } });
  try {
    const uri = pathToFileURL(path.join(dir, 'requirements.txt')).href;
    await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'pip-requirements', version: 1, text: 'torch\n' } });
    const hasFix = (d: Diagnostic) => ((d.data as { fixes?: unknown[] } | undefined)?.fixes ?? []).length > 0;
    const diags = await h.waitFor(uri, (d) => d.some((x) => x.code === 'unpinned-requirement') && (!trusted || d.some(hasFix)), 10000);
    const torch = diags.filter((d) => d.code === 'unpinned-requirement');
    const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: torch[0].range, context: { diagnostics: torch } })) as CodeAction[];
    return acts.map((a) => a.title).filter((t) => /^Pin torch/.test(t));
  } finally {
    await h.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('trusted: the pin fix uses the version installed in mlsec.pythonPath; untrusted: the setting is ignored', async () => {
  assert.deepEqual(await pinTitles(true), ['Pin torch to 2.3.1 (from the installed environment)']);
  assert.deepEqual(await pinTitles(false), []);
});
