// Output formats through the CLI: text layout (notebooks, model files), the JSON shape, --output.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { mlsec, notebook, scanJson, TORCH_LOAD, tree } from './helpers';

test('text: caret under the finding, notebook cells 1-based, summary line', () => {
  const dir = tree({ 'train.py': TORCH_LOAD, 'nb.ipynb': notebook('import torch\nx = 1\nm = torch.load("m.pt")\n') });
  const r = mlsec(['scan'], dir);
  assert.equal(r.code, 1);
  assert.ok(r.stdout.includes('2 | state = torch.load(p)\n  |         ^^^^^^^^^^^^^\n'), r.stdout);
  assert.match(r.stdout, /^nb\.ipynb:cell 2:3:5: unsafe-torch-load \[error\]/m);
  assert.ok(r.stdout.includes('3 | m = torch.load("m.pt")\n  |     ^^^^^^^^^^^^^^^^^^\n'), r.stdout);
  assert.match(r.stdout, /Found 2 findings \(2 errors\) in 2 files\.\n$/);
  assert.equal(r.stdout.indexOf('nb.ipynb') < r.stdout.indexOf('train.py'), true, 'sorted by path');
});

test('text: -q prints findings only', () => {
  const r = mlsec(['scan', '-q'], tree({ 'a.py': TORCH_LOAD }));
  assert.equal(r.code, 1);
  assert.doesNotMatch(r.stdout, /Found/);
});

test('json: documented shape', () => {
  const dir = tree({ 'a.py': TORCH_LOAD, 'nb.ipynb': notebook(TORCH_LOAD) });
  const run = mlsec(['scan', '--format', 'json'], dir);
  assert.equal(run.code, 1, run.stderr);
  const doc = JSON.parse(run.stdout);
  assert.equal(doc.version, 1);
  assert.equal(doc.tool.name, 'mlsec');
  assert.equal(doc.root, dir);
  const [py, nb] = doc.findings;
  assert.deepEqual(
    { path: py.path, line: py.line, column: py.column, endLine: py.endLine, endColumn: py.endColumn, ruleId: py.ruleId, category: py.category, severity: py.severity, cell: py.cell, cellPart: py.cellPart },
    { path: 'a.py', line: 2, column: 9, endLine: 2, endColumn: 22, ruleId: 'unsafe-torch-load', category: 'deserialization', severity: 'error', cell: null, cellPart: null },
  );
  assert.equal(typeof py.message, 'string');
  assert.equal(py.fixes[0].edits[0].newText, ', weights_only=True');
  assert.deepEqual({ path: nb.path, cell: nb.cell, cellPart: nb.cellPart, cellLine: nb.cellLine, cellColumn: nb.cellColumn }, { path: 'nb.ipynb', cell: 1, cellPart: 'source', cellLine: 2, cellColumn: 9 });
  assert.deepEqual(doc.summary, { files: 2, skipped: 0, findings: { error: 2, warning: 0, note: 0 } });
  assert.deepEqual(doc.problems, []);
});

test('json: problems carry parse errors of broken notebooks', () => {
  const { run, json } = scanJson([], tree({ 'bad.ipynb': '{"cells": [' }));
  assert.equal(run.code, 0);
  assert.ok(json.problems.some((p) => p.kind === 'parse-error' && p.path === 'bad.ipynb'), JSON.stringify(json.problems));
});

test('--output writes the report to a file and keeps stdout clean', () => {
  const dir = tree({ 'a.py': TORCH_LOAD });
  const r = mlsec(['scan', '--format', 'sarif', '--output', 'out.sarif'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /Found 1 finding .* Report written to out\.sarif\./);
  const log = JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8'));
  assert.equal(log.runs[0].results.length, 1);
  const text = mlsec(['scan', '-o', 'report.txt'], dir);
  assert.equal(text.stdout, '');
  assert.match(fs.readFileSync(path.join(dir, 'report.txt'), 'utf8'), /^a\.py:2:9: unsafe-torch-load/);
});
