// The reproduced leaks of issue 9, each through the real CLI in all three formats: quoted URLs, second copies, neighbours, short values.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { test } from 'node:test';
import { fakeTokens } from '../secrets/tokens';
import { mlsec, tree } from './helpers';

const t = fakeTokens(11);
const FORMATS = ['text', 'json', 'sarif'];

/** Scans `files` in every format and checks no value of `secrets` is printed (stdout or stderr); returns the outputs by format. */
function scanAll(files: Record<string, string>, secrets: Record<string, string>, env: Record<string, string> = {}): Record<string, string> {
  const dir = tree(files);
  const out: Record<string, string> = {};
  try {
    for (const format of FORMATS) {
      const r = mlsec(['scan', '.', '--format', format, '--exit-zero', '--no-gitignore'], dir, undefined, env);
      assert.equal(r.code, 0, `--format ${format} exits 0`);
      out[format] = r.stdout + r.stderr;
      // The failure names the secret and its length, never the value.
      for (const [name, value] of Object.entries(secrets)) assert.ok(!out[format].includes(value), `${format} output prints ${name} (${value.length} chars) in full`);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return out;
}

const index = (password: string) => `--extra-index-url https://deploy:${password}@pypi.internal.example.org/simple\ntorch==2.6.0\n`;

test('a supply-chain message quoting --extra-index-url masks the password in text, JSON and SARIF', () => {
  const out = scanAll({ 'requirements.txt': index(t.dbPassword) }, { 'index password': t.dbPassword });
  for (const f of FORMATS) assert.match(out[f], /pip-extra-index-url/, `${f} still reports the extra index`);
  assert.ok(out.json.includes('https://deploy:…(18 chars)@pypi.internal.example.org/simple'), 'the message keeps the URL with the password masked');
});

test('the URL password is masked when the secrets rule is off or the line is suppressed', () => {
  scanAll({ 'requirements.txt': index(t.dbPassword), 'mlsec.yaml': 'rules:\n  secret-in-config: off\n' }, { 'index password': t.dbPassword });
  scanAll({ 'requirements.txt': `--extra-index-url https://deploy:${t.dbPassword}@pypi.internal.example.org/simple  # mlsec: ignore[secret-in-config] rotated\n` }, { 'index password': t.dbPassword });
});

// A name-matched value has no shape of its own: only the re-scan of the file can know it.
const neighbour = (password: string) => `import torch\nm = torch.load(p); db_password = "${password}"\n`;

test('a name-matched password next to another finding is masked when hardcoded-secret is off or suppressed', () => {
  const off = scanAll({ 'train.py': neighbour(t.password), 'mlsec.yaml': 'rules:\n  hardcoded-secret: off\n' }, { password: t.password });
  assert.match(off.text, /unsafe-torch-load/);
  assert.doesNotMatch(off.json, /hardcoded-secret"/, 'the secrets rule is really off');
  scanAll({ 'train.py': `import torch\nm = torch.load(p); db_password = "${t.password}"  # mlsec: ignore[hardcoded-secret] test db\n` }, { password: t.password });
});

test('on worker threads (results without their text) the re-scanned secrets are still masked', () => {
  const files: Record<string, string> = { 'train.py': neighbour(t.password), 'requirements.txt': index(t.dbPassword), 'mlsec.yaml': 'rules:\n  hardcoded-secret: off\n  secret-in-config: off\n' };
  for (let i = 0; i < 210; i++) files[`src/m${i}.py`] = 'x = 1\n';
  const out = scanAll(files, { password: t.password, 'index password': t.dbPassword }, { MLSEC_THREADS: '2' });
  assert.match(out.text, /unsafe-torch-load/);
});

test('a second copy of a value on the same line is masked, in an .env file and in Python', () => {
  scanAll({ '.env': `API_KEY=${t.hf}  # same as ${t.hf}\n` }, { 'HF token': t.hf });
  scanAll({ 'app.py': `PASSWORD = "${t.password}"  # was "${t.password}"\n` }, { password: t.password });
});

test('a secret next to a different finding is masked in that finding\'s snippet', () => {
  const out = scanAll({ 'train.py': `import torch\nm = torch.load(p); token = "${t.github}"\n` }, { 'GitHub token': t.github });
  assert.match(out.text, /unsafe-torch-load/);
  const nb = JSON.stringify({ cells: [{ cell_type: 'code', metadata: {}, outputs: [], source: [`import torch\n`, `m = torch.load(p); key = "${t.openai}"\n`] }], metadata: {}, nbformat: 4, nbformat_minor: 5 });
  scanAll({ 'n.ipynb': nb }, { 'OpenAI key': t.openai });
});

test('a short password is never half shown: DB_PASSWORD=Zq8!xK2m prints its length only', () => {
  const out = scanAll({ '.env': 'DB_PASSWORD=Zq8!xK2m\n' }, { 'short password': 'Zq8!xK2m' });
  for (const f of FORMATS) assert.ok(!out[f].includes('Zq8!'), `${f} shows the password's prefix`);
  assert.ok(out.text.includes('DB_PASSWORD=********'), 'the snippet masks all of it');
  assert.ok(out.json.includes('…(8 chars)'), 'the message gives the length');
});
