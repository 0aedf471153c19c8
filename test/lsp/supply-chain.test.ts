// Protocol tests for supply chain: a requirements file pinned from the workspace lock file, and a Dockerfile FROM without digest.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, type Harness, startServer } from './harness';

let h: Harness;
let dir: string;
let version = 1;

const LOCK = '[[package]]\nname = "numpy"\nversion = "1.26.4"\nfiles = []\n';

async function open(uri: string, languageId: string, text: string): Promise<void> {
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: ++version, text } });
}

async function change(uri: string, text: string): Promise<void> {
  await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
}

async function actions(uri: string, d: Diagnostic[]): Promise<CodeAction[]> {
  return (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d[0].range, context: { diagnostics: d } })) as CodeAction[];
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-sc-'));
  fs.writeFileSync(path.join(dir, 'poetry.lock'), LOCK);
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'numpy\n');
  h = await startServer({ folder: dir });
});
after(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('requirements.txt: unpinned is a warning, == without hash a note; the fix pins from poetry.lock', async () => {
  const uri = pathToFileURL(path.join(dir, 'requirements.txt')).href;
  const text = 'numpy\npandas==2.2.2\n';
  await open(uri, 'pip-requirements', text);
  // Workspace facts (the lock file) load in the background; the diagnostics are re-published with the fix once they have.
  const hasFix = (d: Diagnostic) => ((d.data as { fixes?: unknown[] } | undefined)?.fixes ?? []).length > 0;
  const diags = await h.waitFor(uri, (d) => d.filter((x) => x.code === 'unpinned-requirement').length === 2 && d.some(hasFix), 10000);
  const numpy = diags.find((d) => d.range.start.line === 0)!;
  const pandas = diags.find((d) => d.range.start.line === 1)!;
  assert.equal(numpy.severity, 2);
  assert.equal(pandas.severity, 3);
  assert.match(String(pandas.message), /no `--hash`/);
  const acts = await actions(uri, [numpy]);
  const pin = acts.find((a) => /Pin numpy to 1\.26\.4/.test(a.title));
  assert.ok(pin, JSON.stringify(acts.map((a) => a.title)));
  const fixed = applyEdits(text, pin.edit!.changes![uri]);
  assert.equal(fixed, 'numpy==1.26.4\npandas==2.2.2\n');
  await change(uri, fixed);
  await h.waitFor(uri, (d) => d.filter((x) => x.code === 'unpinned-requirement').every((x) => x.severity === 3));
});

test('Dockerfile: FROM without digest is reported; the placeholder fix is offered but not preferred', async () => {
  const uri = pathToFileURL(path.join(dir, 'Dockerfile')).href;
  const text = 'FROM python:latest\nRUN pip install torch\n';
  await open(uri, 'dockerfile', text);
  const diags = await h.waitFor(uri, (d) => d.some((x) => x.code === 'docker-image-not-pinned') && d.some((x) => x.code === 'docker-unpinned-package-install'), 10000);
  const from = diags.find((d) => d.code === 'docker-image-not-pinned')!;
  assert.deepEqual(from.range, { start: { line: 0, character: 5 }, end: { line: 0, character: 18 } });
  assert.equal(from.severity, 2);
  const acts = await actions(uri, [from]);
  const placeholder = acts.find((a) => /placeholder/.test(a.title));
  assert.ok(placeholder && !placeholder.isPreferred, JSON.stringify(acts.map((a) => a.title)));
  const fixed = applyEdits(text, placeholder.edit!.changes![uri]);
  assert.match(fixed, /^FROM python:latest@sha256:MLSEC-PLACEHOLDER/);
  await change(uri, fixed);
  const again = await h.waitFor(uri, (d) => d.some((x) => x.code === 'docker-image-not-pinned' && /placeholder/.test(String(x.message))));
  assert.ok(again.length >= 1);
});

test('Dockerfile: "ignore on this line" puts the suppression on the line above (Dockerfiles have no inline comments)', async () => {
  const uri = pathToFileURL(path.join(dir, 'sub', 'Dockerfile')).href;
  const text = 'FROM python:3.11-slim\n';
  await open(uri, 'dockerfile', text);
  const diags = await h.waitFor(uri, (d) => d.some((x) => x.code === 'docker-image-not-pinned'), 10000);
  const acts = await actions(uri, diags.filter((d) => d.code === 'docker-image-not-pinned'));
  const ignore = acts.find((a) => a.title === 'Ignore docker-image-not-pinned on this line');
  assert.ok(ignore, JSON.stringify(acts.map((a) => a.title)));
  const ignored = applyEdits(text, ignore.edit!.changes![uri]);
  assert.match(ignored, /^# mlsec: ignore\[docker-image-not-pinned\] .*\nFROM python:3\.11-slim\n$/);
  await change(uri, ignored);
  await h.waitFor(uri, (d) => !d.some((x) => x.code === 'docker-image-not-pinned'));
});
