// mlsec scan --write-baseline / --baseline: accepted findings stop failing CI, new ones still do, and the file holds no secret.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI, TORCH_LOAD, tree } from '../cli/helpers';
import { fakeTokens } from './tokens';

const t = fakeTokens(5);
const run = (dir: string, ...args: string[]) => spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8' });

test('a baseline accepts existing findings; a new secret still fails the scan', () => {
  const dir = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n`, '.env': `OPENAI_API_KEY=${t.openai}\n` });
  const first = run(dir, '--write-baseline', 'mlsec-baseline.json');
  assert.equal(first.status, 1, 'the first scan reports its findings');
  const text = fs.readFileSync(path.join(dir, 'mlsec-baseline.json'), 'utf8');
  for (const [name, value] of Object.entries(t)) assert.ok(!text.includes(value), `the baseline holds no ${name} secret`);
  const baseline = JSON.parse(text) as { findings: { ruleId: string; path: string; line: number; fingerprint: string }[] };
  assert.deepEqual(baseline.findings.map((f) => `${f.path}:${f.line}:${f.ruleId}`).sort(), ['.env:1:secret-in-env-file', 'train.py:2:unsafe-torch-load', 'train.py:3:hardcoded-secret']);

  const accepted = run(dir, '--baseline', 'mlsec-baseline.json');
  assert.equal(accepted.status, 0, 'every finding is accepted');
  assert.equal((JSON.parse(accepted.stdout) as { findings: unknown[] }).findings.length, 0);

  // Edits elsewhere move lines but keep fingerprints; a new secret is reported.
  fs.writeFileSync(path.join(dir, 'train.py'), `# header\n${TORCH_LOAD}HF_TOKEN = "${t.hf}"\nGROQ_API_KEY = "${t.groq}"\n`);
  const later = run(dir, '--baseline', 'mlsec-baseline.json');
  assert.equal(later.status, 1, 'the new secret fails the scan');
  const found = (JSON.parse(later.stdout) as { findings: { ruleId: string; message: string }[] }).findings;
  assert.deepEqual(found.map((f) => f.ruleId), ['hardcoded-secret']);
  assert.match(found[0].message, /Groq/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('a missing or malformed baseline is a tool error (exit 2)', () => {
  const dir = tree({ 'a.py': 'x = 1\n', 'bad.json': '{"findings": 3}' });
  assert.equal(run(dir, '--baseline', 'nope.json').status, 2);
  const bad = run(dir, '--baseline', 'bad.json');
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not an mlsec baseline/);
  fs.rmSync(dir, { recursive: true, force: true });
});

const json = (r: { stdout: string }) => JSON.parse(r.stdout) as { findings: { ruleId: string; line: number }[]; problems: { kind: string; message: string }[] };

test('a different token on the same line is a new finding: secrets entries carry a salted hash of the value, never the value', () => {
  const dir = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` });
  run(dir, '--write-baseline', 'b.json');
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as { version: number; salt: string; findings: { ruleId: string; valueHmac?: string }[] };
  assert.equal(b.version, 2);
  assert.match(b.salt, /^[0-9a-f]{32}$/);
  const secret = b.findings.find((f) => f.ruleId === 'hardcoded-secret')!;
  assert.match(secret.valueHmac ?? '', /^[0-9a-f]{32}$/);
  assert.equal(b.findings.find((f) => f.ruleId === 'unsafe-torch-load')!.valueHmac, undefined, 'only secrets entries hash a value');
  assert.ok(!JSON.stringify(b).includes(t.hf.slice(3)), 'no part of the token is in the file');

  // The same token, moved by an edit elsewhere: still accepted. Another token on the same line: reported.
  fs.writeFileSync(path.join(dir, 'train.py'), `# moved\n${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n`);
  assert.equal(run(dir, '--baseline', 'b.json').status, 0);
  const other = fakeTokens(99).hf;
  fs.writeFileSync(path.join(dir, 'train.py'), `# moved\n${TORCH_LOAD}HF_TOKEN = "${other}"\n`);
  const swapped = run(dir, '--baseline', 'b.json');
  assert.equal(swapped.status, 1, 'the new token fails the scan');
  assert.deepEqual(json(swapped).findings.map((f) => f.ruleId), ['hardcoded-secret']);

  // Each baseline has its own salt, kept when the same file is rewritten (small diffs).
  const dir2 = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` });
  run(dir2, '--write-baseline', 'b.json');
  const b2 = JSON.parse(fs.readFileSync(path.join(dir2, 'b.json'), 'utf8')) as typeof b;
  assert.notEqual(b2.salt, b.salt);
  assert.notEqual(b2.findings.find((f) => f.ruleId === 'hardcoded-secret')!.valueHmac, secret.valueHmac, 'the same token hashes differently under another salt');
  run(dir2, '--write-baseline', 'b.json');
  assert.equal((JSON.parse(fs.readFileSync(path.join(dir2, 'b.json'), 'utf8')) as typeof b).salt, b2.salt);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.rmSync(dir2, { recursive: true, force: true });
});

test('an old baseline without salt still loads: other entries match, its secrets entries accept nothing, and a warning says so', () => {
  const dir = tree({ 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` });
  run(dir, '--write-baseline', 'b.json');
  const b = JSON.parse(fs.readFileSync(path.join(dir, 'b.json'), 'utf8')) as { version: number; salt?: string; findings: { valueHmac?: string }[] };
  delete b.salt;
  b.version = 1;
  for (const f of b.findings) delete f.valueHmac;
  fs.writeFileSync(path.join(dir, 'old.json'), JSON.stringify(b));
  const r = run(dir, '--baseline', 'old.json');
  assert.equal(r.status, 1, 'the secret is reported again');
  const report = json(r);
  assert.deepEqual(report.findings.map((f) => f.ruleId), ['hardcoded-secret'], 'the torch.load entry still accepts its finding');
  assert.ok(report.problems.some((p) => p.kind === 'config-error' && /no salt/.test(p.message) && /--write-baseline/.test(p.message)), 'the report says why and what to do');
  assert.match(r.stderr, /no salt/);
  fs.rmSync(dir, { recursive: true, force: true });
});

test('baselines work on worker threads (secrets arrive without their file text)', () => {
  const files: Record<string, string> = { 'train.py': `${TORCH_LOAD}HF_TOKEN = "${t.hf}"\n` };
  for (let i = 0; i < 210; i++) files[`src/m${i}.py`] = 'x = 1\n';
  const dir = tree(files);
  const env = { ...process.env, MLSEC_THREADS: '2' };
  const go = (...args: string[]) => spawnSync(process.execPath, [CLI, 'scan', '.', '--format', 'json', ...args], { cwd: dir, encoding: 'utf8', env });
  go('--write-baseline', 'b.json');
  assert.equal(go('--baseline', 'b.json').status, 0);
  fs.writeFileSync(path.join(dir, 'train.py'), `${TORCH_LOAD}HF_TOKEN = "${fakeTokens(98).hf}"\n`);
  assert.equal(go('--baseline', 'b.json').status, 1, 'a different token is new on threads too');
  fs.rmSync(dir, { recursive: true, force: true });
});
