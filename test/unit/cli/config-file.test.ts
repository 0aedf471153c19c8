// mlsec.yaml shares the editor's settings model: privacy and baseline apply, network and pythonPath are refused with the reason; --python-path is the CLI's way.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { mlsec, scanJson, TORCH_LOAD, tree } from './helpers';

const PII = 'contact = {"email": "dana.lee@acme-corp.io", "role": "admin"}\n';

test('privacy settings in mlsec.yaml reach the rules (no more "unknown key")', () => {
  const dir = tree({ 'users.py': PII });
  assert.deepEqual(scanJson([], dir).json.findings.map((f) => f.ruleId), ['pii-literal-in-code']);
  fs.writeFileSync(path.join(dir, 'mlsec.yaml'), 'privacy:\n  allowlist: ["@acme-corp.io"]\n');
  const r = scanJson([], dir);
  assert.deepEqual(r.json.findings, []);
  assert.doesNotMatch(r.run.stderr, /unknown key/);
});

test('baseline in mlsec.yaml (relative to the scan root) leaves the accepted findings out; --baseline still wins', () => {
  const dir = tree({ 'train.py': TORCH_LOAD });
  assert.equal(mlsec(['scan', '--write-baseline', 'accepted.json', '--exit-zero'], dir).code, 0);
  fs.writeFileSync(path.join(dir, 'mlsec.yaml'), 'baseline: accepted.json\n');
  fs.mkdirSync(path.join(dir, 'sub'));
  const r = mlsec(['scan', dir], path.join(dir, 'sub'));
  assert.equal(r.code, 0, r.stdout + r.stderr);
  fs.writeFileSync(path.join(dir, 'empty.json'), JSON.stringify({ version: 1, findings: [] }));
  const flag = mlsec(['scan', '--baseline', 'empty.json'], dir);
  assert.equal(flag.code, 1, flag.stderr);
});

test('network and pythonPath in mlsec.yaml are refused with a clear message; the scan goes on', () => {
  const dir = tree({ 'train.py': TORCH_LOAD, 'mlsec.yaml': 'network:\n  enabled: true\n  allowedHosts: [metadata.internal]\npythonPath: .venv/bin/python\n' });
  const r = mlsec(['scan'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /'network' is not read from a config file: online lookups are a per-user choice/);
  assert.match(r.stderr, /'pythonPath' is not read from a config file: a repository must not choose which environment mlsec reads; pass --python-path/);
  assert.doesNotMatch(r.stderr, /unknown key/);
});

test('--python-path: pinning fixes use the versions installed there (read, never run)', () => {
  const dir = tree({ 'requirements.txt': 'torch\n', '.venv/lib/python3.11/site-packages/torch-2.3.1.dist-info/METADATA': 'Name: torch\n' });
  fs.mkdirSync(path.join(dir, '.venv', 'bin'), { recursive: true });
  // Never executed: running it would exit 3.
  fs.writeFileSync(path.join(dir, '.venv', 'bin', 'python'), '#!/bin/sh\nexit 3\n', { mode: 0o755 });
  const fixTitles = (args: string[]) => {
    const r = mlsec(['scan', '--format', 'json', ...args], dir);
    return (JSON.parse(r.stdout) as { findings: { fixes: { title: string }[] }[] }).findings.flatMap((f) => f.fixes.map((x) => x.title));
  };
  assert.deepEqual(fixTitles([]), []);
  assert.deepEqual(fixTitles(['--python-path', '.venv/bin/python']), ['Pin torch to 2.3.1 (from the installed environment)']);
});
