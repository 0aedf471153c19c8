// The pre-commit hook (.pre-commit-hooks.yaml + what npm pack ships) and the GitHub Action (action.yml + scripts/action-scan.sh), exercised as pre-commit and Actions would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import { CLI, ROOT, TORCH_LOAD, tree } from './cli/helpers';

interface Hook { id: string; entry: string; args?: string[]; language: string; pass_filenames?: boolean; types?: string[] }

test('.pre-commit-hooks.yaml declares the mlsec node hook on the package bin', () => {
  const hooks = parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[];
  assert.equal(hooks.length, 1);
  const [hook] = hooks;
  assert.equal(hook.id, 'mlsec');
  assert.equal(hook.language, 'node');
  assert.equal(hook.pass_filenames, true);
  const [bin, sub] = hook.entry.split(' ');
  const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { bin: Record<string, string>; scripts: Record<string, string> };
  assert.equal(pkg.bin[bin], './server/out/cli.js');
  assert.equal(sub, 'scan');
  assert.ok(pkg.scripts.prepare, 'npm install builds the bundles (pre-commit installs the repository with npm)');
});

test('the hook as pre-commit runs it: staged file names after the args; blocks on a warning, passes clean files', () => {
  const hook = (parse(fs.readFileSync(path.join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Hook[])[0];
  const dir = tree({ 'train.py': TORCH_LOAD, 'clean.py': 'x = 1\n', 'notes.md': '# notes\n' });
  const run = (files: string[]) => spawnSync(process.execPath, [CLI, ...hook.entry.split(' ').slice(1), ...(hook.args ?? []), ...files], { cwd: dir, encoding: 'utf8' });
  const bad = run(['train.py', 'clean.py', 'notes.md']);
  assert.equal(bad.status, 1, bad.stderr);
  assert.match(bad.stdout, /^train\.py:2:9: unsafe-torch-load \[error\]/m);
  const ok = run(['clean.py', 'notes.md']);
  assert.equal(ok.status, 0, ok.stdout + ok.stderr);
});

test('npm pack (how pre-commit installs a node hook) ships the CLI bundle, its worker, wasm and the rules, not the editor parts', () => {
  const r = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const files = new Set((JSON.parse(r.stdout) as { files: { path: string }[] }[])[0].files.map((f) => f.path));
  for (const f of ['package.json', 'server/out/cli.js', 'server/out/scan-worker.js', 'server/out/tree-sitter-python.wasm', 'server/out/web-tree-sitter.wasm', 'rules/python/unsafe-torch-load.yaml']) {
    assert.ok(files.has(f), `${f} is packed`);
  }
  for (const f of files) assert.doesNotMatch(f, /^(test|client|node_modules|examples|\.vscode-test)\/|\.map$|server\/out\/server\.js$/, `${f} is not packed`);
});

interface Step { uses?: string; run?: string; id?: string; env?: Record<string, string> }

test('action.yml: composite, every action pinned to a full commit SHA, scan step runs scripts/action-scan.sh', () => {
  const action = parse(fs.readFileSync(path.join(ROOT, 'action.yml'), 'utf8')) as { runs: { using: string; steps: Step[] }; inputs: Record<string, { default?: string }> };
  assert.equal(action.runs.using, 'composite');
  for (const s of action.runs.steps.filter((x) => x.uses)) assert.match(s.uses!, /^[\w.-]+\/[\w./-]+@[0-9a-f]{40}$/, s.uses);
  assert.ok(action.runs.steps.some((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@')));
  const scan = action.runs.steps.find((s) => s.id === 'scan')!;
  assert.match(scan.run!, /scripts\/action-scan\.sh/);
  for (const input of ['path', 'min-severity', 'sarif-file', 'fail-on', 'upload', 'args']) assert.ok(input in action.inputs, input);
  // Every env the script reads is set from an input.
  for (const v of ['INPUT_PATH', 'INPUT_SARIF_FILE', 'INPUT_MIN_SEVERITY', 'INPUT_FAIL_ON', 'INPUT_ARGS', 'MLSEC_CLI']) assert.ok(scan.env?.[v], v);
});

test('the action scan step: SARIF written, outputs set, fails on findings unless fail-on is never, exit 2 passes through', () => {
  const dir = tree({ 'train.py': TORCH_LOAD, 'tests/fixture.py': TORCH_LOAD });
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-action-')), 'github_output');
  const step = (env: Record<string, string>) =>
    spawnSync('bash', [path.join(ROOT, 'scripts/action-scan.sh')], { cwd: dir, encoding: 'utf8', env: { ...process.env, MLSEC_CLI: CLI, GITHUB_OUTPUT: out, INPUT_PATH: '.', INPUT_SARIF_FILE: 'out/mlsec.sarif', INPUT_MIN_SEVERITY: 'warning', INPUT_FAIL_ON: 'findings', INPUT_ARGS: '--exclude tests/**', ...env } });
  fs.mkdirSync(path.join(dir, 'out'));
  const failing = step({});
  assert.equal(failing.status, 1, failing.stdout + failing.stderr);
  assert.match(failing.stdout, /::error::mlsec found problems/);
  const sarif = JSON.parse(fs.readFileSync(path.join(dir, 'out/mlsec.sarif'), 'utf8')) as { version: string; runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
  assert.equal(sarif.version, '2.1.0');
  // --exclude from `args` applied: only train.py.
  assert.deepEqual(sarif.runs[0].results.map((r) => [r.ruleId, r.locations[0].physicalLocation.artifactLocation.uri]), [['unsafe-torch-load', 'train.py']]);
  assert.match(fs.readFileSync(out, 'utf8'), /^sarif-file=out\/mlsec\.sarif\nresults=1\n$/);
  assert.equal(step({ INPUT_FAIL_ON: 'never' }).status, 0);
  assert.equal(step({ INPUT_MIN_SEVERITY: 'loud' }).status, 2);
});
