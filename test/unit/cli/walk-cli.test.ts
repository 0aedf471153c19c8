// What a CLI scan walks: .gitignore, built-in skips, virtualenvs, size limit, explicit paths, --exclude/--include.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mlsec, scanJson, TORCH_LOAD, tree } from './helpers';

const paths = (json: ReturnType<typeof scanJson>['json']) => json.findings.map((f) => f.path).sort();

test('.gitignore (root and nested) is honoured; node_modules, .venv and pyvenv.cfg dirs are skipped', () => {
  const dir = tree({
    'keep.py': TORCH_LOAD,
    '.gitignore': 'build/\n*.gen.py\n',
    'build/x.py': TORCH_LOAD,
    'src/a.gen.py': TORCH_LOAD,
    'src/.gitignore': 'local_*.py\n',
    'src/local_b.py': TORCH_LOAD,
    'src/ok.py': TORCH_LOAD,
    'node_modules/pkg/c.py': TORCH_LOAD,
    '.venv/lib/d.py': TORCH_LOAD,
    'env2/pyvenv.cfg': 'home = /usr\n',
    'env2/lib/e.py': TORCH_LOAD,
    '__pycache__/f.py': TORCH_LOAD,
  });
  const { run, json } = scanJson([], dir);
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(paths(json), ['keep.py', 'src/ok.py']);
  const all = scanJson(['--no-gitignore'], dir);
  assert.deepEqual(paths(all.json), ['build/x.py', 'keep.py', 'src/a.gen.py', 'src/local_b.py', 'src/ok.py']);
});

test('a path named on the command line is scanned even if ignored', () => {
  const dir = tree({ '.gitignore': 'build/\nsecret.py\n', 'build/x.py': TORCH_LOAD, 'secret.py': TORCH_LOAD });
  assert.deepEqual(paths(scanJson([], dir).json), []);
  assert.deepEqual(paths(scanJson(['secret.py'], dir).json), ['secret.py']);
  assert.deepEqual(paths(scanJson(['build'], dir).json), ['build/x.py']);
});

test('a file over --max-file-size-mb is skipped with a note', () => {
  const big = `${TORCH_LOAD}${'# padding\n'.repeat(300)}`;
  const dir = tree({ 'big.py': big, 'small.py': TORCH_LOAD });
  const r = mlsec(['scan', '--max-file-size-mb', '0.001'], dir);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /note: big\.py: file is .* MB, over the .* MB limit .*\(skipped\)/);
  assert.match(r.stdout, /in 1 file; 1 file skipped\./);
  assert.doesNotMatch(r.stdout, /^big\.py:/m);
  const { json } = scanJson(['--max-file-size-mb', '0.001'], dir);
  assert.equal(json.summary.skipped, 1);
  assert.ok(json.problems.some((p) => p.kind === 'skipped' && p.path === 'big.py'));
});

test('--exclude and --include globs (also from the config file)', () => {
  const dir = tree({ 'a.py': TORCH_LOAD, 'tests/t.py': TORCH_LOAD, 'nb/n.py': TORCH_LOAD, 'mlsec.yaml': 'exclude: ["nb"]\n' });
  assert.deepEqual(paths(scanJson([], dir).json), ['a.py', 'tests/t.py']);
  assert.deepEqual(paths(scanJson(['--exclude', 'tests/**'], dir).json), ['a.py']);
  assert.deepEqual(paths(scanJson(['--include', 'tests/*.py'], dir).json), ['tests/t.py']);
});

test('--verbose lists walker skips', () => {
  const dir = tree({ 'a.py': 'x = 1\n', 'env/pyvenv.cfg': '', 'env/x.py': TORCH_LOAD });
  const r = mlsec(['scan', '--verbose'], dir);
  assert.equal(r.code, 0);
  assert.match(r.stderr, /note: env: Python environment/);
});
