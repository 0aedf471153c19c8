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
    const r = spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json'], { cwd: dir, encoding: 'utf8', env: { ...process.env, MLSEC_THREADS: threads } });
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
