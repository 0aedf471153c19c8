// CLI exit codes: 0 clean, 1 findings at/above --min-severity, 2 tool errors (flags, config, rule catalogue).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI, mlsec, ROOT, TORCH_LOAD, tree } from './helpers';

test('exit 0 when nothing is found', () => {
  const dir = tree({ 'ok.py': 'import torch\nx = torch.load(p, weights_only=True)\n' });
  const r = mlsec(['scan'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /No findings in 1 file\./);
});

test('exit 1 on a finding, with a ruff-style line', () => {
  const dir = tree({ 'train.py': TORCH_LOAD });
  const r = mlsec(['scan', '.'], dir);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^train\.py:2:9: unsafe-torch-load \[error\] /m);
});

test('--min-severity filters what is reported and what counts for the exit code', () => {
  // torch==2.6.0 makes a bare torch.load a note (and the unhashed pin itself is only a supply-chain note).
  const dir = tree({ 'train.py': TORCH_LOAD, 'requirements.txt': 'torch==2.6.0\n' });
  const all = mlsec(['scan'], dir);
  assert.equal(all.code, 1);
  assert.match(all.stdout, /unsafe-torch-load \[note\]/);
  const warn = mlsec(['scan', '--min-severity', 'warning'], dir);
  assert.equal(warn.code, 0, warn.stdout);
  assert.doesNotMatch(warn.stdout, /unsafe-torch-load/);
  const err = mlsec(['scan', '--min-severity=error'], tree({ 'train.py': TORCH_LOAD }));
  assert.equal(err.code, 1);
});

test('exit 2 on an unknown flag, a bad value or a missing path', () => {
  const dir = tree({ 'a.py': 'x = 1\n' });
  for (const args of [['scan', '--frobnicate'], ['scan', '--format', 'xml'], ['scan', '--min-severity', 'loud'], ['scan', 'nope/'], ['lint'], ['scan', '--output']]) {
    const r = mlsec(args, dir);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.stdout}`);
    assert.match(r.stderr, /^mlsec: error: /, args.join(' '));
  }
});

test('--help and --version exit 0', () => {
  const dir = tree({});
  const help = mlsec(['--help'], dir);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /mlsec scan \[PATH\.\.\.\]/);
  const version = mlsec(['--version'], dir);
  assert.equal(version.code, 0);
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
  assert.equal(version.stdout.trim(), `mlsec ${pkg.version}`);
});

test('exit 2 when the config file is missing or not YAML/JSON', () => {
  const dir = tree({ 'a.py': TORCH_LOAD, 'broken.yaml': 'rules: [unclosed\n' });
  const missing = mlsec(['scan', '--config', 'absent.yaml'], dir);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read config/);
  const broken = mlsec(['scan', '--config', 'broken.yaml'], dir);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /not valid YAML\/JSON/);
});

test('a bad config value is a warning and the scan goes on', () => {
  const dir = tree({ 'a.py': TORCH_LOAD, 'mlsec.yaml': 'rules:\n  unsafe-torch-load: loud\n  no-such-rule: off\nbogus: 1\n' });
  const r = mlsec(['scan'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /rules\.unsafe-torch-load: expected one of/);
  assert.match(r.stderr, /rules\.no-such-rule: no rule with this id/);
  assert.match(r.stderr, /unknown key 'bogus'/);
});

test('the config file can turn a rule off or change its level', () => {
  const dir = tree({ 'a.py': TORCH_LOAD, '.mlsec.yaml': 'rules:\n  unsafe-torch-load: "off"\n' });
  assert.equal(mlsec(['scan'], dir).code, 0);
  const json = tree({ 'a.py': TORCH_LOAD, 'conf.json': '{"rules": {"unsafe-torch-load": "warning"}}' });
  const r = mlsec(['scan', '--config', 'conf.json', '--min-severity', 'error'], json);
  assert.equal(r.code, 0, r.stdout);
});

test('exit 2 with the card error when the rule catalogue is invalid', () => {
  // A private copy of the bundle finds its rules/ beside the nearest package.json.
  const pkg = tree({
    'package.json': '{"name":"mlsec","version":"9.9.9"}',
    'rules/python/unsafe-torch-load.yaml': 'id: unsafe-torch-load\ntarget: python\ncategory: nonsense\n',
  });
  fs.mkdirSync(path.join(pkg, 'server/out'), { recursive: true });
  fs.copyFileSync(CLI, path.join(pkg, 'server/out/cli.js'));
  const r = mlsec(['scan'], tree({ 'a.py': TORCH_LOAD }), path.join(pkg, 'server/out/cli.js'));
  assert.equal(r.code, 2, r.stdout);
  assert.match(r.stderr, /invalid rule catalogue: rules\/python\/unsafe-torch-load\.yaml: field 'category'/);
});

test('--exit-zero reports findings but exits 0', () => {
  const dir = tree({ 'train.py': TORCH_LOAD });
  const r = mlsec(['scan', '.', '--exit-zero'], dir);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /unsafe-torch-load/);
});
