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
