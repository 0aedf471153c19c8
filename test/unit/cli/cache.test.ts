// The scan cache: a second scan of an unchanged tree reuses every result; any change to a file, the settings, the dependency facts, the catalogue or the version misses.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CLI, notebook, ROOT, TORCH_LOAD, tree } from './helpers';

/** Runs a JSON scan with --stats; returns the report text and the cache hits and misses it counted. */
function scan(dir: string, extra: string[] = [], cli = CLI): { report: string; hits?: number; misses?: number } {
  const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
  delete env.MLSEC_CACHE_DIR;
  const r = spawnSync(process.execPath, [cli, 'scan', '.', '--format', 'json', '--stats', ...extra], { cwd: dir, encoding: 'utf8', env });
  assert.ok(r.status === 0 || r.status === 1, r.stderr);
  const count = (name: string) => {
    const m = new RegExp(`cache:${name}\\s+\\d+\\s+(\\d+)`).exec(r.stderr);
    return m ? Number(m[1]) : undefined;
  };
  return { report: r.stdout, hits: count('hit'), misses: count('miss') };
}

const token = (seed: number) => Array.from({ length: 24 }, (_, k) => 'aB3dE5fG7hJ9kL2mN4pQ6rS8tU'[(seed * 7 + k * 5) % 26]).join('');

function project(): string {
  return tree({
    'train.py': TORCH_LOAD,
    'util.py': 'import pickle\nx = pickle.loads(b)\n',
    'clean.py': 'x = 1\n',
    'nb/explore.ipynb': notebook('import yaml\ncfg = yaml.load(f)\n'),
    'requirements.txt': 'torch>=2.0\nrequests\n',
    // A file with a secrets finding is never stored: the cache would hold the secret's line.
    '.env': `DB_PASSWORD=${token(3)}\n`,
  });
}
const ANALYSED = 6;

test('a second scan of an unchanged tree takes every result from the cache and reports the same', () => {
  const dir = project();
  const first = scan(dir);
  assert.equal(first.hits, 0);
  assert.equal(first.misses, ANALYSED);
  const second = scan(dir);
  assert.equal(second.hits, ANALYSED - 1, 'all but the file with a secret');
  assert.equal(second.misses, 1);
  assert.equal(second.report, first.report);
  // The cache folder sits in the scan root, tells git to ignore it, and is never scanned itself.
  assert.equal(fs.readFileSync(path.join(dir, '.mlsec_cache', '.gitignore'), 'utf8').split('\n').includes('*'), true);
  const cached = fs.readFileSync(path.join(dir, '.mlsec_cache', 'scan-v1.json'), 'utf8');
  assert.ok(!cached.includes(token(3)), 'no secret in the cache file');
  assert.ok(!(JSON.parse(second.report) as { findings: { path: string }[] }).findings.some((f) => f.path.includes('.mlsec_cache')));
});

test('an edited file is analysed again, even when its size and modification time are unchanged', () => {
  const dir = project();
  scan(dir);
  const file = path.join(dir, 'util.py');
  const before = fs.statSync(file);
  // Same length, different call: pickle.loads (a finding) becomes pickle.dumps (none).
  fs.writeFileSync(file, 'import pickle\nx = pickle.dumps(b)\n');
  fs.utimesSync(file, before.atime, before.mtime);
  const after = scan(dir);
  assert.equal(after.hits, ANALYSED - 2);
  const findings = (JSON.parse(after.report) as { findings: { path: string }[] }).findings;
  assert.ok(!findings.some((f) => f.path === 'util.py'), 'the edit is seen');
  assert.ok(findings.some((f) => f.path === 'train.py'), 'unchanged results are kept');
});

test('a settings change or a dependency-facts change misses the whole cache; --no-cache neither reads nor writes it', () => {
  const dir = project();
  const base = scan(dir);
  fs.writeFileSync(path.join(dir, 'mlsec.yaml'), 'rules:\n  unsafe-pickle-load: off\n');
  const off = scan(dir);
  assert.equal(off.hits, 0);
  assert.ok(!off.report.includes('"unsafe-pickle-load"'));
  assert.ok(base.report.includes('"unsafe-pickle-load"'));
  const again = scan(dir);
  assert.equal(again.hits, ANALYSED, 'mlsec.yaml is scanned too (a YAML file): all but the secret cached');
  // torch>=2.6 changes torch.load's default: the facts change, so every result is recomputed.
  fs.writeFileSync(path.join(dir, 'requirements.txt'), 'torch>=2.6\nrequests\n');
  const facts = scan(dir);
  assert.equal(facts.hits, 0);
  assert.notEqual(facts.report, again.report);
  const cacheFile = path.join(dir, '.mlsec_cache', 'scan-v1.json');
  const stamp = fs.statSync(cacheFile).mtimeMs;
  fs.writeFileSync(path.join(dir, 'clean.py'), 'x = 2\n');
  const bypass = scan(dir, ['--no-cache']);
  assert.equal(bypass.hits, undefined);
  assert.equal(fs.statSync(cacheFile).mtimeMs, stamp, '--no-cache does not write');
});

test('a changed rule card or mlsec version misses the cache', () => {
  // A private install of the built CLI with its own catalogue and package.json, to edit them.
  const install = fs.realpathSync(fs.mkdtempSync(path.join(path.dirname(tree({})), 'mlsec-install-')));
  fs.cpSync(path.join(ROOT, 'server/out'), path.join(install, 'server/out'), { recursive: true });
  fs.cpSync(path.join(ROOT, 'rules'), path.join(install, 'rules'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(install, 'package.json'));
  const cli = path.join(install, 'server/out/cli.js');
  const dir = project();
  scan(dir, [], cli);
  assert.equal(scan(dir, [], cli).hits, ANALYSED - 1);
  const card = path.join(install, 'rules/python/unsafe-pickle-load.yaml');
  const text = fs.readFileSync(card, 'utf8');
  const edited = text.replace(/^message: .*$/m, 'message: "Edited card message for the cache test."');
  assert.notEqual(edited, text);
  fs.writeFileSync(card, edited);
  const afterCard = scan(dir, [], cli);
  assert.equal(afterCard.hits, 0);
  assert.ok(afterCard.report.includes('Edited card message for the cache test.'));
  assert.equal(scan(dir, [], cli).hits, ANALYSED - 1);
  const pkgFile = path.join(install, 'package.json');
  const pkg = JSON.parse(fs.readFileSync(pkgFile, 'utf8')) as { version: string };
  fs.writeFileSync(pkgFile, JSON.stringify({ ...pkg, version: `${pkg.version}-cachetest` }));
  assert.equal(scan(dir, [], cli).hits, 0);
});

test('a file whose suppressed secret is known to the redactor is never stored', () => {
  const dir = tree({
    'cfg.py': `import torch\nAPI_KEY = "${token(5)}"  # mlsec: ignore[hardcoded-secret] rotated\nstate = torch.load(p)\n`,
    'other.py': TORCH_LOAD,
  });
  scan(dir);
  const second = scan(dir);
  assert.equal(second.hits, 1, 'other.py only');
  assert.ok(!fs.readFileSync(path.join(dir, '.mlsec_cache', 'scan-v1.json'), 'utf8').includes(token(5)));
});
