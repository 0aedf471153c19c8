// Protocol tests for threat modelling: diagnostics in *.threatmodel.yaml, id completion and hover, "Add to threat model", mlsec/generateThreatModel.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, CompletionItem, CreateFile, Diagnostic, Hover, MarkupContent, TextDocumentEdit, TextEdit } from 'vscode-languageserver-protocol/node';
import type { GenerateThreatModelResult } from '../../server/src/shared/protocol';
import { applyEdits, type Harness, startServer, uriOf } from './harness';

let h: Harness;
let dir: string;
let tmUri: string;

const TM_TEXT = [
  'threats:',
  '  - id: T1',
  '    title: Poisoned checkpoint',
  '    ids: [AML.T0011.000, LLM11]',
  '    owner: ml-platform',
  '    mitigations: [AML.M0014]',
  '  - id: T2',
  '    title: No plan yet',
  '    ids: [AML.T0051]',
  '',
].join('\n');

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-tm-'));
  fs.writeFileSync(path.join(dir, 'train.py'), 'import torch\nm = torch.load(p)\n');
  tmUri = uriOf(path.join(dir, 'system.threatmodel.yaml'));
  h = await startServer({ folder: dir });
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: tmUri, languageId: 'yaml', version: 1, text: TM_TEXT } });
});
after(async () => {
  await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

const codes = (d: Diagnostic[]) => d.map((x) => `${x.code}@${x.range.start.line}`).sort();

test('a threat-model file gets diagnostics: misspelt id with a suggestion, threat without owner and mitigations', async () => {
  const diags = await h.waitFor(tmUri, (d) => d.length >= 3);
  assert.deepEqual(codes(diags), ['threatmodel-threat-without-mitigation@6', 'threatmodel-threat-without-owner@6', 'threatmodel-unknown-id@3']);
  const unknown = diags.find((d) => d.code === 'threatmodel-unknown-id')!;
  assert.match(unknown.message as string, /did you mean LLM01/);
  assert.deepEqual(unknown.range.start, { line: 3, character: 25 });
  // The suggestion is offered as a fix; the file's own findings are not offered for the threat model.
  const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: tmUri }, range: unknown.range, context: { diagnostics: [unknown] } })) as CodeAction[];
  assert.ok(acts.some((a) => a.title === 'Replace with LLM01'), acts.map((a) => a.title).join(' | '));
  assert.ok(!acts.some((a) => /threat model/.test(a.title)));
});

test('a YAML syntax error is a finding, not a crash', async () => {
  await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri: tmUri, version: 2 }, contentChanges: [{ text: 'threats:\n  - id: "open\n' }] });
  const diags = await h.waitFor(tmUri, (d) => d.some((x) => x.code === 'threatmodel-yaml-syntax-error'));
  assert.ok(diags.every((d) => d.code === 'threatmodel-yaml-syntax-error'));
  await h.conn.sendNotification('textDocument/didChange', { textDocument: { uri: tmUri, version: 3 }, contentChanges: [{ text: TM_TEXT }] });
  await h.waitFor(tmUri, (d) => d.some((x) => x.code === 'threatmodel-unknown-id'));
});

test('completion offers ids with name and description in an ids list', async () => {
  const items = (await h.conn.sendRequest('textDocument/completion', { textDocument: { uri: tmUri }, position: { line: 3, character: 16 } })) as CompletionItem[];
  const item = items.find((i) => i.label === 'AML.T0011.000');
  assert.ok(item, `got ${items.length} items`);
  assert.equal(item.detail, 'User Execution: Unsafe AI Artifacts');
  assert.match((item.documentation as MarkupContent).value, /atlas\.mitre\.org\/techniques\/AML\.T0011\.000/);
  // The id typed so far ("AML.T0") is what the completion replaces.
  assert.deepEqual((item.textEdit as { range: unknown }).range, { start: { line: 3, character: 10 }, end: { line: 3, character: 16 } });
  for (const id of ['LLM01', 'ML06', 'ASI05', 'CWE-502', 'AML.M0014']) assert.ok(items.some((i) => i.label === id), id);
  // Outside an id position (a title) nothing is offered.
  const none = await h.conn.sendRequest('textDocument/completion', { textDocument: { uri: tmUri }, position: { line: 2, character: 14 } });
  assert.equal(none, null);
});

test('hover names and describes the id under the cursor', async () => {
  const hover = (await h.conn.sendRequest('textDocument/hover', { textDocument: { uri: tmUri }, position: { line: 5, character: 22 } })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /\[AML\.M0014\]\(https:\/\/atlas\.mitre\.org\/mitigations\/AML\.M0014\)\*\* Verify AI Artifacts/);
  assert.match(value, /ATLAS v5\.6/);
  assert.equal(await h.conn.sendRequest('textDocument/hover', { textDocument: { uri: tmUri }, position: { line: 2, character: 14 } }), null);
});

test('hover on a rule id in a suppression comment shows its classification with links', async () => {
  const uri = uriOf(path.join(dir, 'load.py'));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import torch\nm = torch.load(p)  # mlsec: ignore[unsafe-torch-load] trusted\n' } });
  const hover = (await h.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 40 } })) as Hover;
  const value = (hover.contents as MarkupContent).value;
  assert.match(value, /unsafe-torch-load/);
  assert.match(value, /\[CWE-502\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/502\.html\)/);
});

test('"Add to threat model" creates the workspace threat-model file from the skeleton, then appends', async () => {
  const uri = uriOf(path.join(dir, 'train.py'));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import torch\nm = torch.load(p)\n' } });
  const diags = await h.waitFor(uri, (d) => d.some((x) => x.code === 'unsafe-torch-load'));
  const d = diags.find((x) => x.code === 'unsafe-torch-load')!;
  const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  const add = acts.find((a) => a.title === 'Add unsafe-torch-load to the threat model');
  assert.ok(add, acts.map((a) => a.title).join(' | '));
  const changes = add.edit!.documentChanges!;
  const target = uriOf(path.join(dir, 'threat-model.threatmodel.yaml'));
  assert.deepEqual(changes[0], { kind: 'create', uri: target, options: { ignoreIfExists: true } } satisfies CreateFile);
  const created = applyEdits('', (changes[1] as TextDocumentEdit).edits as TextEdit[]);
  assert.match(created, /^threats:\n {2}- id: "unsafe-torch-load@train\.py:2"\n/m);
  assert.match(created, /ids: \[AML\.T0011\.000, AML\.T0010\.003, ML06, LLM03, CWE-502\]/);
  assert.match(created, /mitigations: \["Pass `weights_only=True`\."\]/);
  assert.match(created, /findings: \["train\.py:2 unsafe-torch-load"\]/);

  // With the file on disk, the next entry is appended to its threats list.
  fs.writeFileSync(path.join(dir, 'threat-model.threatmodel.yaml'), created);
  const again = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  const edit = again.find((a) => a.title === 'Add unsafe-torch-load to the threat model')!.edit!.documentChanges!;
  assert.equal(edit.length, 1);
  const appended = applyEdits(created, (edit[0] as TextDocumentEdit).edits as TextEdit[]);
  assert.equal(appended.split('- id: "unsafe-torch-load@train.py:2"').length, 3);
  assert.ok(appended.startsWith(created));
});

test('mlsec/generateThreatModel writes threat-model.md and keeps user text on regeneration', async () => {
  const r = (await h.conn.sendRequest('mlsec/generateThreatModel', {})) as GenerateThreatModelResult;
  assert.equal(r.error, undefined);
  assert.equal(r.uri, uriOf(path.join(dir, 'threat-model.md')));
  const file = path.join(dir, 'threat-model.md');
  const first = fs.readFileSync(file, 'utf8');
  assert.match(first, /\[train\.py:2\]\(train\.py#L2\) `unsafe-torch-load` \(error\)/);
  fs.writeFileSync(file, `${first}\nOur decision: accepted.\n`);
  await h.conn.sendRequest('mlsec/generateThreatModel', { folder: uriOf(dir) });
  assert.equal(fs.readFileSync(file, 'utf8'), `${first}\nOur decision: accepted.\n`);
});

test('rule docs list the classification with links', async () => {
  const docs = (await h.conn.sendRequest('mlsec/ruleDocs', { ruleId: 'unsafe-torch-load' })) as { markdown: string };
  assert.match(docs.markdown, /## Classification\n- \*\*\[CWE-502\]\(https:\/\/cwe\.mitre\.org\/data\/definitions\/502\.html\)\*\* Deserialization of Untrusted Data/);
  assert.match(docs.markdown, /\[AML\.T0011\.000\]\(https:\/\/atlas\.mitre\.org\/techniques\/AML\.T0011\.000\)/);
});
