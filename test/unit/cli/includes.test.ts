// A CLI scan follows `-r`/`-c` includes: included files are analysed whatever their names, cycles end, bad includes are harmless.
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { scanJson, tree } from './helpers';

test('a file included with -r is analysed as requirements, and an include cycle terminates', () => {
  const dir = tree({ 'requirements.txt': '-r deps/base.pip\n', 'deps/base.pip': 'torch\n-r ../requirements.txt\n' });
  const { run, json } = scanJson(['.'], dir);
  assert.equal(run.code, 1, run.stderr);
  const hits = json.findings.filter((f) => f.ruleId === 'unpinned-requirement');
  assert.deepEqual(hits.map((f) => [f.path, f.line]), [['deps/base.pip', 1]]);
});

test('--requirement= and nested includes are followed; an already walked file is analysed once', () => {
  const dir = tree({ 'requirements.txt': '--requirement=deps/a.pip\n', 'deps/a.pip': 'numpy\n-r b.pip\n-r ../requirements.txt\n', 'deps/b.pip': 'flask\n' });
  const { json } = scanJson(['.'], dir);
  const hits = json.findings.filter((f) => f.ruleId === 'unpinned-requirement').map((f) => [f.path, f.line]).sort();
  assert.deepEqual(hits, [['deps/a.pip', 1], ['deps/b.pip', 1]]);
});

test('a file included with -c is analysed as constraints: ranges stay quiet, moving VCS refs do not', () => {
  const dir = tree({ 'requirements.txt': 'requests==2.32.3 --hash=sha256:' + 'a'.repeat(64) + '\n-c pins.pip\n', 'pins.pip': 'urllib3<3\nfoo @ git+https://github.com/o/foo@main\n' });
  const { json } = scanJson(['.'], dir);
  const hits = json.findings.filter((f) => f.path === 'pins.pip').map((f) => [f.ruleId, f.line]);
  assert.deepEqual(hits, [['unpinned-requirement', 2]]);
});

test('includes that are missing, outside the scan root, URLs or directories do not crash the scan', () => {
  const outer = tree({ 'outside.pip': 'torch\n', 'proj/requirements.txt': '-r ../outside.pip\n-r missing.txt\n-r https://example.com/r.txt\n-c deps\n', 'proj/deps/x.txt': '' });
  const { run, json } = scanJson(['.'], path.join(outer, 'proj'));
  assert.equal(run.code, 0, run.stderr + run.stdout);
  assert.ok(!json.findings.some((f) => f.path.includes('outside')));
});
