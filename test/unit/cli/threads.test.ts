// Large scans run on worker threads; results must be identical to an in-process scan.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { test } from 'node:test';
import { CLI, notebook, TORCH_LOAD, tree } from './helpers';

test('a 300-file scan on worker threads equals the in-process scan', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 300; i++) {
    files[`pkg${i % 7}/m${i}.py`] = i % 3 === 0 ? TORCH_LOAD : `import pickle\nx${i} = pickle.loads(b)\n`;
  }
  files['nb/a.ipynb'] = notebook('import yaml\ncfg = yaml.load(f)\n');
  files['broken.ipynb'] = '{"cells": [';
  const dir = tree(files);
  const run = (threads: string) => {
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', '--no-cache'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MLSEC_THREADS: threads } });
    assert.equal(r.status, 1, r.stderr);
    return JSON.parse(r.stdout) as { findings: unknown[]; problems: unknown[]; summary: unknown };
  };
  const threaded = run('2');
  const inProcess = run('1');
  assert.equal(threaded.findings.length, 301); // 100 torch.load + 200 pickle.loads + 1 yaml.load
  assert.deepEqual(threaded.findings, inProcess.findings);
  assert.deepEqual(threaded.problems, inProcess.problems);
  assert.deepEqual(threaded.summary, inProcess.summary);
});

test('worker results without their text give the same text, JSON and SARIF reports as an in-process scan', () => {
  const files: Record<string, string> = {};
  for (let i = 0; i < 220; i++) files[`src/m${i}.py`] = i % 2 ? TORCH_LOAD : 'x = 1\n';
  // Notebook source and output findings (cell positions), a fix with edits, a parse error, an include.
  files['nb/out.ipynb'] = JSON.stringify({
    cells: [
      { cell_type: 'code', execution_count: 1, metadata: {}, source: ['import torch\n', 'm = torch.load("w.pt")\n'], outputs: [{ output_type: 'stream', name: 'stdout', text: ['contact: jane.doe@example.org\n', 'Name: Jane Smith\n'] }] },
    ],
    metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } },
    nbformat: 4,
    nbformat_minor: 5,
  });
  files['bad.py'] = 'def f(:\n  pass\n';
  files['requirements.txt'] = '-r deps/base.pip\nrequests\n';
  files['deps/base.pip'] = 'flask\n';
  // Two secrets on one line: writers mask both, from each other's locations.
  const token = (seed: number) => Array.from({ length: 24 }, (_, k) => 'aB3dE5fG7hJ9kL2mN4pQ6rS8tU'[(seed * 7 + k * 5) % 26]).join('');
  files['app/.env'] = `DB_PASSWORD=${token(1)} API_TOKEN=${token(2)}\n`;
  const dir = tree(files);
  const run = (threads: string, format: string) => {
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', format, '--no-cache'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MLSEC_THREADS: threads, NO_COLOR: '1' } });
    assert.equal(r.status, 1, r.stderr);
    return r.stdout;
  };
  for (const format of ['text', 'json', 'sarif']) {
    const threaded = run('2', format);
    const inProcess = run('1', format);
    assert.ok(threaded === inProcess, `${format} reports differ between threads and in-process`);
    if (format === 'json') {
      const json = JSON.parse(threaded) as { findings: { ruleId: string; path: string; cellPart: string | null; fixes: unknown[] }[]; problems: { kind: string; path: string | null }[] };
      assert.ok(json.findings.some((f) => f.path === 'nb/out.ipynb' && f.cellPart === 'output'), 'output finding in the notebook');
      assert.ok(json.findings.some((f) => f.path === 'deps/base.pip'), 'the included file was analysed');
      assert.ok(json.findings.some((f) => f.fixes.length > 0), 'a finding with fix edits');
      assert.ok(json.problems.some((p) => p.kind === 'parse-error' && p.path === 'bad.py'));
      assert.ok(json.findings.filter((f) => f.path === 'app/.env').length >= 2, 'both secrets on the .env line');
    }
  }
});
