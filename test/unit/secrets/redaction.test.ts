// No output format (CLI text/json/sarif, verbose problems, finding messages and properties) ever contains a full secret.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI, tree } from '../cli/helpers';
import { fakeTokens } from './tokens';

let t = fakeTokens();

/** A project with every token in code, notebook source and output, Dockerfile, .env and YAML; two secrets share some lines. */
function project(): string {
  const nb = {
    cells: [
      { cell_type: 'code', execution_count: 1, metadata: {}, source: [`HF_TOKEN = "${t.hf}"\n`, `client = Anthropic(api_key="${t.anthropic}")`], outputs: [{ output_type: 'stream', name: 'stdout', text: [`${t.openai} ${t.github}\n`] }] },
    ],
    metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } }, nbformat: 4, nbformat_minor: 5,
  };
  return tree({
    'train.py': `import os\nGROQ = "${t.groq}"\nwandb.login(key="${t.wandb}")\nboto3.client("s3", aws_access_key_id="${t.akia}", aws_secret_access_key="${t.awsSecret}")\nDB = "postgresql://ml:${t.dbPassword}@db:5432/x"; password = "${t.password}"\nKEY = """${t.pem}"""\n`,
    'analysis.ipynb': JSON.stringify(nb, null, 1),
    Dockerfile: `FROM scratch\nENV SLACK_TOKEN=${t.slackBot} STRIPE_KEY=${t.stripe}\n`,
    '.env': `SENDGRID_API_KEY=${t.sendgrid}\nHF_TOKEN=${t.hf}\n`,
    'config.yaml': `auth: {token: "${t.github}", password: "${t.password}"}\n`,
  });
}

/** The secret parts a leak would show: whole tokens, and for the PEM its body lines. */
function needles(): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(t)) {
    if (name === 'pem') value.split('\n').slice(1, -1).forEach((line, i) => out.push([`pem line ${i + 1}`, line]));
    else out.push([name, value]);
  }
  return out;
}

test('every CLI output format redacts every secret', () => {
  const dir = project();
  for (const format of ['text', 'json', 'sarif']) {
    const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', format, '--verbose', '--exit-zero', '--no-gitignore'], { encoding: 'utf8' });
    assert.equal(r.status, 0, `mlsec scan --format ${format} exits 0 (stderr has ${r.stderr.length} chars)`);
    const all = r.stdout + r.stderr;
    assert.ok(/secret|token|key|password/i.test(r.stdout), `${format} output reports the secrets`);
    // Messages name the secret, never print it: a failure must not print the value either.
    for (const [name, value] of needles()) assert.ok(!all.includes(value), `${format} output contains the full ${name} secret (${value.length} chars)`);
  }
  fs.rmSync(dir, { recursive: true, force: true });
});

test('the CLI finds every planted secret (so the redaction test is not vacuous)', () => {
  const dir = project();
  const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--exit-zero', '--no-gitignore'], { encoding: 'utf8' });
  const report = JSON.parse(r.stdout) as { findings?: { ruleId: string; path?: string; file?: string }[]; files?: unknown };
  const text = JSON.stringify(report);
  const counts = (id: string) => (text.match(new RegExp(`"${id}"`, 'g')) ?? []).length;
  assert.ok(counts('hardcoded-secret') >= 9, `hardcoded-secret findings: ${counts('hardcoded-secret')}`);
  assert.ok(counts('secret-in-notebook-output') >= 2, `secret-in-notebook-output findings: ${counts('secret-in-notebook-output')}`);
  assert.ok(counts('secret-in-dockerfile') >= 2, `secret-in-dockerfile findings: ${counts('secret-in-dockerfile')}`);
  assert.ok(counts('secret-in-env-file') >= 2, `secret-in-env-file findings: ${counts('secret-in-env-file')}`);
  assert.ok(counts('secret-in-config') >= 2, `secret-in-config findings: ${counts('secret-in-config')}`);
  assert.ok(fs.existsSync(path.join(dir, '.env')));
  fs.rmSync(dir, { recursive: true, force: true });
});

test('SARIF fingerprints never cover a secret: other secret values give the same fingerprints', () => {
  const fingerprints = (seed: number) => {
    t = fakeTokens(seed);
    const dir = project();
    const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'sarif', '--exit-zero', '--no-gitignore'], { encoding: 'utf8' });
    fs.rmSync(dir, { recursive: true, force: true });
    const log = JSON.parse(r.stdout) as { runs: { results: { ruleId: string; partialFingerprints: Record<string, string> }[] }[] };
    return log.runs[0].results.map((x) => `${x.ruleId} ${Object.values(x.partialFingerprints).join()}`).sort();
  };
  const a = fingerprints(1);
  const b = fingerprints(2);
  t = fakeTokens();
  assert.ok(a.length >= 15, `${a.length} results`);
  assert.deepEqual(a, b);
});
