// Engine unit tests: name resolution, unknown arguments, notebooks, suppressions, version facts, incremental cache, rule guard.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeNotebookCells, analyzePython, analyzeText, PythonAnalysisCache } from '../../server/src/engine/analyze';
import { blankMagics, joinCodeCells } from '../../server/src/engine/notebook';
import { oneParseProblem } from '../../server/src/engine/problems';
import { factsFromFiles, guaranteesAtLeast, lowerBounds } from '../../server/src/engine/project-facts';
import { buildRegistry } from '../../server/src/engine/registry';
import { defineRule } from '../../server/src/engine/rule';
import { computeLineStarts, offsetAt, positionAt } from '../../server/src/engine/source-file';
import { suppressionEdit } from '../../server/src/engine/suppressions';
import { detectTarget, refineYamlTarget } from '../../server/src/engine/targets';
import { applyEdits, engineContext } from '../helpers/engine';

const rulesAt = (r: { findings: { ruleId: string; range: { start: number } }[]; file: { lineStarts: readonly number[] } }) =>
  r.findings.map((f) => `${positionAt(r.file.lineStarts, f.range.start).line + 1}:${f.ruleId}`);

test('offsets and positions round-trip over \\n, \\r\\n and \\r', () => {
  const text = 'a\r\nbc\rd\ne';
  const ls = computeLineStarts(text);
  assert.deepEqual(ls, [0, 3, 6, 8]);
  for (let o = 0; o <= text.length; o++) {
    const p = positionAt(ls, o);
    if (text[o - 1] !== '\r' || text[o] !== '\n') assert.equal(offsetAt({ lineStarts: ls, text }, p), o);
  }
});

test('targets are detected from names and magic bytes', () => {
  assert.equal(detectTarget('src/train.py'), 'python');
  assert.equal(detectTarget('nb/Explore.IPYNB'), 'notebook');
  assert.equal(detectTarget('models/model.pt'), 'model');
  assert.equal(detectTarget('weights.unknownext', new Uint8Array([0x80, 0x04, 0x95])), 'model');
  assert.equal(detectTarget('notes.txt'), 'unknown');
  assert.equal(detectTarget('docker/Dockerfile.gpu'), 'dockerfile');
  assert.equal(detectTarget('requirements-dev.txt'), 'requirements');
  assert.equal(detectTarget('.github/workflows/ci.yml'), 'github-actions');
  assert.equal(detectTarget('deploy/docker-compose.yaml'), 'compose');
  assert.equal(detectTarget('infra/main.tf'), 'terraform');
  assert.equal(detectTarget('.env.local'), 'env');
  assert.equal(detectTarget('data/users.csv'), 'data');
  assert.equal(detectTarget('model.threatmodel.yaml'), 'threatmodel');
  assert.equal(refineYamlTarget(detectTarget('k8s/serve.yaml'), 'apiVersion: v1\nkind: Pod\n'), 'kubernetes');
  assert.equal(detectTarget('bin/run', '#!/usr/bin/env python3\nprint(1)'), 'python');
});

test('aliases, from-imports, re-binding and wildcard imports resolve', async () => {
  const ctx = await engineContext();
  const src = [
    'import pickle as pkl',
    'from joblib import load as jl',
    'from torch import *',
    'loader = pkl.loads',
    'again = loader',
    'pkl.load(f)',
    'jl("m.joblib")',
    'again(b)',
    'load("x.pt")',
  ].join('\n');
  assert.deepEqual(rulesAt(analyzePython('a.py', src, ctx)), ['6:unsafe-pickle-load', '7:unsafe-joblib-load', '8:unsafe-pickle-load', '9:unsafe-torch-load']);
});

test('a name bound to something else is not a module', async () => {
  const ctx = await engineContext();
  const src = 'from ruamel.yaml import YAML\nyaml = YAML(typ="safe")\ncfg = yaml.load(f)\ndef f(pickle):\n    return pickle.loads(x)\n';
  assert.deepEqual(rulesAt(analyzePython('a.py', src, ctx)), []);
});

test('unimported well-known modules still resolve (snippets), local names do not', async () => {
  const ctx = await engineContext();
  assert.deepEqual(rulesAt(analyzePython('a.py', 'obj = pickle.loads(data)\n', ctx)), ['1:unsafe-pickle-load']);
  assert.deepEqual(rulesAt(analyzePython('a.py', 'obj = mylib.loads(data)\n', ctx)), []);
});

test('IPython magics are blanked to same-length whitespace', () => {
  const cell = '%matplotlib inline\n!pip install torch\nfiles = !ls\nimport torch\ntorch.load?\n';
  const out = blankMagics(cell);
  assert.equal(out.length, cell.length);
  assert.equal(out.split('\n')[3], 'import torch');
  assert.match(out.split('\n')[0], /^ +$/);
  assert.match(blankMagics('%%bash\nimport os\n'), /^\s+$/);
  assert.match(blankMagics('%%time\nimport os\n'), /import os/);
});

test('notebook cells join so cell 1 imports resolve in cell 3; results map back to cells', async () => {
  const ctx = await engineContext();
  const joined = joinCodeCells([{ kind: 'code', text: 'a' }, { kind: 'markdown', text: '# t' }, { kind: 'code', text: 'b' }]);
  assert.deepEqual(joined.cellStarts, [0, -1, 2]);
  const r = analyzeNotebookCells([
    { kind: 'code', text: 'import torch as T' },
    { kind: 'markdown', text: 'T.load(x)' },
    { kind: 'code', text: 'x = 1\nm = T.load(x)' },
    { kind: 'code', text: 'T.load(y)', language: 'r' },
  ], ctx);
  assert.equal(r.findings.length, 1);
  assert.deepEqual(r.findings[0].cell, { cell: 2, cellPart: 'source' });
  assert.deepEqual(r.findings[0].range, { start: 10, end: 19 });
  assert.deepEqual(r.findings[0].fixes[0].edits, [{ range: { start: 18, end: 18 }, newText: ', weights_only=True' }]);
});

test('suppressions: by id on the line or the line above; bare ignore that hides nothing is reported', async () => {
  const ctx = await engineContext();
  const src = 'import torch\ntorch.load(a)  # mlsec: ignore[unsafe-torch-load] trusted\n# mlsec: ignore[unsafe-torch-load]\ntorch.load(b)\ntorch.load(c)  # mlsec: ignore[other-rule]\nx = 1  # mlsec: ignore\n';
  const r = analyzePython('a.py', src, ctx);
  assert.deepEqual(rulesAt(r), ['5:unsafe-torch-load']);
  assert.deepEqual(r.problems.map((p) => p.kind), ['unused-suppression']);
  const edit = suppressionEdit(src, src.indexOf('torch.load(c)'), 'unsafe-torch-load');
  assert.match(applyEdits(src, [edit]), /# mlsec: ignore\[other-rule, unsafe-torch-load\]/);
  const plain = 'import torch\ntorch.load(c)\n';
  const fixed = applyEdits(plain, [suppressionEdit(plain, plain.indexOf('torch.load'), 'unsafe-torch-load')]);
  assert.deepEqual(rulesAt(analyzePython('a.py', fixed, ctx)), []);
});

test('dependency files give lower bounds; one unbounded mention keeps the old default', () => {
  assert.equal(lowerBounds('requirements.txt', 'torch>=2.6.0 ; python_version>"3.8"\nnumpy').get('torch'), '2.6.0');
  assert.equal(lowerBounds('requirements.txt', 'torch').get('torch'), undefined);
  assert.equal(lowerBounds('pyproject.toml', '[project]\ndependencies = ["torch~=2.7", "pyyaml>=6.0.1"]').get('pyyaml'), '6.0.1');
  assert.equal(lowerBounds('pyproject.toml', '[tool.poetry.dependencies]\ntorch = "^2.6"\n').get('torch'), '2.6');
  assert.equal(lowerBounds('poetry.lock', '[[package]]\nname = "torch"\nversion = "2.7.1"\n').get('torch'), '2.7.1');
  assert.equal(lowerBounds('environment.yml', 'dependencies:\n  - pytorch=2.6.0\n').get('torch'), '2.6.0');
  assert.ok(guaranteesAtLeast(factsFromFiles([{ path: 'requirements.txt', text: 'torch==2.6.0' }]), 'torch', '2.6'));
  assert.equal(guaranteesAtLeast(factsFromFiles([{ path: 'requirements.txt', text: 'torch==2.6.0' }, { path: 'requirements-dev.txt', text: 'torch>=2.1' }]), 'torch', '2.6'), undefined);
  assert.equal(guaranteesAtLeast(factsFromFiles([{ path: 'requirements.txt', text: 'torch>2.5' }]), 'torch', '2.6'), undefined);
});

test('incremental analysis gives the same findings as a fresh analysis after every edit', async () => {
  const ctx = await engineContext();
  let src = 'import torch\nimport pickle as p\n';
  for (let i = 0; i < 60; i++) src += `def f${i}(a):\n    x = torch.load(a)\n    return p.loads(x) if a else ${'[' + i + ']'}\n\n`;
  const cache = new PythonAnalysisCache();
  const edits: [number, number, string][] = [[40, 0, 'x'], [200, 3, ''], [15, 0, '\nimport torch as p\n'], [500, 0, 'torch.load(z)\n'], [1200, 10, '('], [1200, 0, ')'], [0, 0, '# mlsec: ignore\n']];
  for (const [at, del, ins] of edits) {
    src = src.slice(0, at) + ins + src.slice(at + del);
    const inc = analyzePython('a.py', src, ctx, cache);
    const fresh = analyzePython('a.py', src, ctx);
    assert.deepEqual(inc.findings, fresh.findings);
  }
  cache.dispose();
});

test('the keystroke fast path matches a full analysis, and bails out when an import changes', async () => {
  const ctx = await engineContext();
  let src = 'import torch\nimport pickle as p\n\n';
  for (let i = 0; i < 40; i++) src += `class C${i}:\n    @staticmethod\n    def f(a):\n        x = torch.load(a)\n        if a:\n            return p.loads(x)\n        else:\n            return [${i}]\n\n`;
  const cache = new PythonAnalysisCache();
  analyzePython('a.py', src, ctx, cache);
  const edit = (at: string, ins: string, del = 0) => {
    const i = src.indexOf(at);
    src = src.slice(0, i) + ins + src.slice(i + del);
  };
  const steps: [string, string, number][] = [
    ['x = torch.load(a)\n        if a:\n            return p.loads(x)\n        else:\n            return [7]', 'y = 1\n        ', 0],
    ['return [12]', ' + pickle_list', 0],
    ['torch.load(a)\n        if a:\n            return p.loads(x)\n        else:\n            return [30]', 'p.loads(b) + ', 0],
    ['return [5]', '# comment\n            ', 0],
  ];
  for (const [at, ins, del] of steps) {
    edit(at, ins, del);
    const quick = analyzePython('a.py', src, ctx, cache, { quick: true });
    assert.ok(cache.needsFullAnalysis, 'took the fast path');
    assert.deepEqual(quick.findings, analyzePython('a.py', src, ctx).findings);
  }
  edit('import pickle as p', 'import dill as p\n', 'import pickle as p\n'.length);
  const afterImport = analyzePython('a.py', src, ctx, cache, { quick: true });
  assert.equal(cache.needsFullAnalysis, false, 'an import edit re-checks the whole file');
  assert.deepEqual(afterImport.findings, analyzePython('a.py', src, ctx).findings);
  edit('return [3]', 'torch.load(b)\nx = 1\n', 0);
  assert.deepEqual(analyzePython('a.py', src, ctx, cache, { quick: true }).findings, analyzePython('a.py', src, ctx).findings, 'a dedent starts a new statement: full path');
  cache.dispose();
});

test('a folder name saved in another statement is a file-level fact: adding or removing it re-checks the loads', async () => {
  const ctx = await engineContext();
  const revisions = (r: { findings: { ruleId: string }[] }) => r.findings.filter((f) => f.ruleId === 'model-revision-not-pinned').length;
  const cache = new PythonAnalysisCache();
  let src = 'from transformers import AutoModel\nm = AutoModel.from_pretrained("my-run")\nx = 1\n';
  assert.equal(revisions(analyzePython('a.py', src, ctx, cache)), 1);
  src = src.replace('x = 1', 'm.save_pretrained("my-run")');
  const quick = analyzePython('a.py', src, ctx, cache, { quick: true });
  assert.equal(revisions(quick), 0, 'the load of the saved folder is no longer a hub download');
  assert.equal(cache.needsFullAnalysis, false, 'a new written name takes the full path');
  src = src.replace('m.save_pretrained("my-run")', 'm.save_pretrained("other")');
  assert.equal(revisions(analyzePython('a.py', src, ctx, cache, { quick: true })), 1);
  assert.deepEqual(analyzePython('a.py', src, ctx, cache).findings, analyzePython('a.py', src, ctx).findings);
  cache.dispose();
});

test('a throwing rule is recorded and the other rules still run', async () => {
  const ctx = await engineContext();
  const boom = defineRule({ id: 'unsafe-torch-load', target: 'python', kinds: ['call'], visit() { throw new Error('boom'); } });
  const cards = ctx.registry.cards;
  const others = [...ctx.registry.python.values()].filter((r) => r.id !== 'unsafe-torch-load' && !('declarative' in r));
  const registry = buildRegistry(cards.filter((c) => c.target === 'python'), [boom, ...others.map((r) => r as never)]);
  const r = analyzePython('a.py', 'import torch, pickle\ntorch.load(a)\npickle.loads(b)\n', { ...ctx, registry });
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
  assert.ok(r.problems.some((p) => p.kind === 'rule-error' && p.ruleId === 'unsafe-torch-load' && /boom/.test(p.message)));
});

test('hostile Python input: deep nesting, invalid syntax, huge lines never throw', async () => {
  const ctx = await engineContext();
  const deep = `x = ${'('.repeat(5000)}1${')'.repeat(5000)}\nimport torch\ntorch.load(p)\n`;
  assert.deepEqual(rulesAt(analyzeText('a.py', deep, ctx)), ['3:unsafe-torch-load']);
  const broken = 'def f(:\n  torch.load(p\nimport pickle\npickle.loads(b)\n';
  const r = analyzeText('b.py', broken, ctx);
  assert.ok(r.problems.some((p) => p.kind === 'parse-error'));
  assert.ok(r.findings.some((f) => f.ruleId === 'unsafe-pickle-load'));
  const long = `s = "${'a'.repeat(2_000_000)}"\nimport torch\ntorch.load(p)\n`;
  assert.equal(analyzeText('c.py', long, ctx).findings.length, 1);
  const notebook = analyzeText('d.ipynb', '{"cells": [', ctx);
  assert.ok(notebook.problems.some((p) => p.kind === 'parse-error'));
});

test('one parse problem per file: the first, counting the rest', async () => {
  const p = oneParseProblem([
    { kind: 'parse-error', message: 'syntax error', range: { start: 3, end: 4 } },
    { kind: 'unused-suppression', message: 'u' },
    { kind: 'parse-error', message: 'syntax error', range: { start: 9, end: 10 } },
    { kind: 'parse-error', message: 'syntax error', range: { start: 12, end: 13 } },
  ]);
  assert.deepEqual(p, [{ kind: 'parse-error', message: 'syntax error (and 2 more parse errors in this file)', range: { start: 3, end: 4 } }, { kind: 'unused-suppression', message: 'u' }]);
  const ctx = await engineContext();
  const r = analyzePython('a.py', 'x = (\ny = ]\nz = )\nw = [[\n', ctx);
  assert.equal(r.problems.filter((q) => q.kind === 'parse-error').length, 1);
});
