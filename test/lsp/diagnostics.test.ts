// Protocol tests: diagnostics on open/change, data and docs link, code actions (fix, ignore, docs), fix-all, settings, robustness.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import type { DiagnosticData } from '../../server/src/shared/protocol';
import { applyEdits, type Harness, startServer } from './harness';

const URI = 'untitled:Untitled-1';
const FILE_URI = 'file:///tmp/mlsec-lsp-test/train.py';
const TEXT = 'import torch\nm = torch.load(p)\n';
let h: Harness;
let version = 1;

const torchLoad = (d: Diagnostic[]) => d.some((x) => x.code === 'unsafe-torch-load');
const none = (d: Diagnostic[]) => !torchLoad(d);

async function change(uri: string, text: string): Promise<void> {
  await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri, version: ++version }, contentChanges: [{ text }] });
}

async function actions(uri: string, d: Diagnostic[], only?: string[]): Promise<CodeAction[]> {
  return (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: d, only } })) as CodeAction[];
}

before(async () => {
  h = await startServer();
});
after(async () => {
  await h.stop();
});

test('didOpen publishes unsafe-torch-load with code, href, source and data', async () => {
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: URI, languageId: 'python', version, text: TEXT } });
  const diags = await h.waitFor(URI, torchLoad);
  const d = diags.find((x) => x.code === 'unsafe-torch-load')!;
  assert.equal(d.source, 'mlsec');
  assert.equal(d.severity, 1);
  // The bundled page beside the server, not an online repository.
  assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/unsafe-torch-load\.md$/);
  assert.deepEqual(d.range.start, { line: 1, character: 4 });
  const data = d.data as DiagnosticData;
  assert.equal(data.ruleId, 'unsafe-torch-load');
  assert.equal(data.fixes.length, 1);
  assert.equal(data.fixes[0].safe, true);
});

test('code actions: preferred fix, ignore on this line, show documentation', async () => {
  const diags = (await h.waitFor(URI, torchLoad)).filter((x) => x.code === 'unsafe-torch-load');
  const acts = await actions(URI, diags);
  const fix = acts.find((a) => a.isPreferred);
  assert.ok(fix, JSON.stringify(acts));
  assert.match(fix.title, /weights_only=True/);
  const fixed = applyEdits(TEXT, fix.edit!.changes![URI]);
  assert.equal(fixed, 'import torch\nm = torch.load(p, weights_only=True)\n');
  const ignore = acts.find((a) => a.title === 'Ignore unsafe-torch-load on this line');
  assert.ok(ignore);
  assert.match(applyEdits(TEXT, ignore.edit!.changes![URI]), /m = torch\.load\(p\) {2}# mlsec: ignore\[unsafe-torch-load\]/);
  const docs = acts.find((a) => a.title === 'Show documentation for unsafe-torch-load');
  // The harness is a generic client (no clientCommands): the server-side command.
  assert.deepEqual(docs?.command, { title: 'Show documentation for unsafe-torch-load', command: 'mlsec.server.showRuleDocs', arguments: ['unsafe-torch-load'] });

  // Applying the fix clears the diagnostic.
  await change(URI, fixed);
  await h.waitFor(URI, none);
  // Back to unsafe, then the ignore comment clears it too.
  await change(URI, TEXT);
  await h.waitFor(URI, torchLoad);
  await change(URI, applyEdits(TEXT, ignore.edit!.changes![URI]));
  const after = await h.waitFor(URI, none);
  assert.equal(after.filter((x) => x.severity !== 4).length, 0, JSON.stringify(after));
});

test('incremental change edits reach diagnostics', async () => {
  await change(URI, TEXT);
  await h.waitFor(URI, torchLoad);
  // Type ", weights_only=True" inside the call with a ranged (incremental) change.
  await h.conn.sendNotification('textDocument/didChange', {
    textDocument: { uri: URI, version: ++version },
    contentChanges: [{ range: { start: { line: 1, character: 15 }, end: { line: 1, character: 15 } }, text: ', weights_only=True' }],
  });
  await h.waitFor(URI, none);
});

test('source.fixAll.mlsec applies every safe fix, none overlapping', async () => {
  const text = 'import torch\na = torch.load(p)\nb = torch.load(q)\n';
  await change(URI, text);
  await h.waitFor(URI, (d) => d.filter((x) => x.code === 'unsafe-torch-load').length === 2);
  const acts = await actions(URI, [], ['source.fixAll']);
  const all = acts.find((a) => a.kind === 'source.fixAll.mlsec');
  assert.ok(all, JSON.stringify(acts));
  const fixed = applyEdits(text, all.edit!.changes![URI]);
  assert.equal(fixed, 'import torch\na = torch.load(p, weights_only=True)\nb = torch.load(q, weights_only=True)\n');
  await change(URI, fixed);
  await h.waitFor(URI, none);
});

test('unused bare ignore is a Hint tagged Unnecessary', async () => {
  await change(URI, 'x = 1  # mlsec: ignore\n');
  const d = await h.waitFor(URI, (ds) => ds.length > 0);
  assert.equal(d[0].severity, 4);
  assert.deepEqual(d[0].tags, [1]);
});

test('rule level off in settings clears the finding; back on restores it', async () => {
  await change(URI, TEXT);
  await h.waitFor(URI, torchLoad);
  h.settings = { rules: { 'unsafe-torch-load': 'off' } };
  await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await h.waitFor(URI, none);
  h.settings = { rules: { 'unsafe-torch-load': 'warning' } };
  await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  const d = await h.waitFor(URI, torchLoad);
  assert.equal(d.find((x) => x.code === 'unsafe-torch-load')!.severity, 2);
  h.settings = { enable: false };
  await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await h.waitFor(URI, (ds) => ds.length === 0);
  h.settings = {};
  await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: null });
  await h.waitFor(URI, torchLoad);
});

test('malformed input does not crash the server; other documents keep working', async () => {
  const bad = '\u0000def (((( torch.load(\n\t\t\u00ff'.repeat(50);
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: FILE_URI, languageId: 'python', version: 1, text: bad } });
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: 'file:///tmp/bad.ipynb', languageId: 'json', version: 1, text: '{"cells": [ {"source": ' } });
  await h.waitFor('file:///tmp/bad.ipynb', (d) => d.length > 0);
  // Garbage requests are errors, not crashes.
  await assert.rejects(h.conn.sendRequest('textDocument/codeAction', { nonsense: true }));
  await change(URI, TEXT);
  await h.waitFor(URI, torchLoad);
  assert.equal(h.proc.exitCode, null);
});

test('mlsec/ruleDocs serves the card help as Markdown', async () => {
  const r = (await h.conn.sendRequest('mlsec/ruleDocs', { ruleId: 'unsafe-torch-load' })) as { markdown: string; href: string };
  assert.match(r.markdown, /weights_only/);
  assert.match(r.href, /unsafe-torch-load\.md$/);
  assert.equal(await h.conn.sendRequest('mlsec/ruleDocs', { ruleId: 'nope' }), null);
});
