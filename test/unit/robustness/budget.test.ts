// The per-file budget (time and size) and failing closed: slow or huge files get one "skipped" problem, crashes are tool errors, deep JSON is parsed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { parseTree } from 'jsonc-parser';
import { analyzeNotebookCells, analyzeNotebookJson, analyzePath, analyzePython, analyzeText, type EngineContext, PythonAnalysisCache } from '../../../server/src/engine/analyze';
import { exitCodeOf } from '../../../server/src/cli/scan';
import { parseJsonTreeIteratively } from '../../../server/src/parsers/json-tree';
import { engineContext } from '../../helpers/engine';
import { scanJson, tree } from '../cli/helpers';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-budget-'));
const write = (name: string, data: string) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

// tree-sitter's error recovery needs seconds for this 16 KB file (a bare name, then thousands of comment lines).
const SLOW_PYTHON = `API_KEY${'\n#'.repeat(8000)}\n`;
const DEEP_NOTEBOOK = JSON.stringify({
  cells: [{ cell_type: 'code', metadata: {}, execution_count: 1, source: ['import pickle\n', 'pickle.loads(b)\n'], outputs: [] }],
  metadata: {}, nbformat: 4, nbformat_minor: 5,
}).replace('"outputs":[]', `"outputs":[{"output_type":"execute_result","metadata":{},"execution_count":1,"data":{"application/json":${'['.repeat(100_000)}${']'.repeat(100_000)}}}]`);

test('a Python file tree-sitter is slow on stops at the time budget with one skipped problem, not a hang', async () => {
  const ctx: EngineContext = { ...(await engineContext()), timeBudgetMs: 150 };
  const t = performance.now();
  const r = analyzePython('slow.py', SLOW_PYTHON, ctx);
  const took = performance.now() - t;
  assert.ok(took < 3000, `took ${took.toFixed(0)} ms with a 150 ms budget`);
  assert.equal(r.findings.length, 0);
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0].kind, 'skipped');
  assert.match(r.problems[0].message, /stopped after 0\.1 s \(the per-file time budget\) while parsing Python/);
  // The parser is usable again afterwards (a cancelled parse must not leak into the next one).
  assert.deepEqual(analyzePython('ok.py', 'import pickle\npickle.loads(b)\n', ctx).findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
});

test('the same budget holds for notebook cells and for text analysers, which name what they skipped', async () => {
  const slow: EngineContext = { ...(await engineContext()), timeBudgetMs: 150 };
  const cells = analyzeNotebookCells([{ kind: 'code', text: SLOW_PYTHON }], slow);
  assert.equal(cells.problems.length, 1);
  assert.match(cells.problems[0].message, /time budget/);
  const spent: EngineContext = { ...slow, timeBudgetMs: 0 };
  const r = analyzeText('.env', 'DB_PASSWORD=Zq8!xK2mPw4L\n', spent);
  assert.equal(r.findings.length, 0);
  assert.equal(r.problems.length, 1);
  assert.match(r.problems[0].message, /time budget\) while analysing; skipped the analysers .*secrets/);
});

test('an incremental cache survives a parse cut short by the budget', async () => {
  const base = await engineContext();
  const cache = new PythonAnalysisCache();
  analyzePython('a.py', 'import pickle\n', base, cache);
  analyzePython('a.py', SLOW_PYTHON, { ...base, timeBudgetMs: 100 }, cache);
  assert.deepEqual(analyzePython('a.py', 'import pickle\npickle.loads(b)\n', base, cache).findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
  cache.dispose();
});

test('text handed over directly (open documents) gets the maxFileSize limit of files on disk', async () => {
  const base = await engineContext();
  const ctx: EngineContext = { ...base, settings: { ...base.settings, maxFileSize: 1024 } };
  const big = `import pickle\npickle.loads(b)\n${'#'.repeat(2048)}\n`;
  for (const r of [analyzePython('a.py', big, ctx), analyzeText('requirements.txt', `numpy\n${'#'.repeat(2048)}`, ctx), analyzeNotebookJson('a.ipynb', JSON.stringify({ cells: [{ cell_type: 'code', source: [big], metadata: {}, outputs: [] }] }), ctx)]) {
    assert.equal(r.findings.length, 0);
    assert.equal(r.problems.length, 1);
    assert.equal(r.problems[0].kind, 'skipped');
    assert.match(r.problems[0].message, /over the 0\.0 MB limit \(setting maxFileSize\)/);
  }
  // Multi-byte text counts in UTF-8 bytes, as on disk.
  assert.equal(analyzeText('.env', `A=${'é'.repeat(600)}`, ctx).problems[0]?.kind, 'skipped');
  assert.equal(analyzeNotebookCells([{ kind: 'code', text: big }], ctx).problems[0]?.kind, 'skipped');
});

test('a notebook nested too deep for a recursive JSON parser is parsed, not skipped', async () => {
  assert.throws(() => parseTree(DEEP_NOTEBOOK), RangeError, 'the fixture must be too deep for jsonc-parser');
  const ctx = await engineContext();
  const r = await analyzePath(write('deep.ipynb', DEEP_NOTEBOOK), ctx);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
  // The offset still points into the file at the call.
  assert.equal(DEEP_NOTEBOOK.slice(r.findings[0].range.start, r.findings[0].range.start + 12), 'pickle.loads');
});

test('the iterative JSON tree equals jsonc-parser on every notebook in the repository', () => {
  const root = path.join(__dirname, '..', '..', '..');
  const found: string[] = [];
  const walk = (d: string) => {
    for (const name of fs.readdirSync(d)) {
      if (name === 'node_modules' || name.startsWith('.')) continue;
      const p = path.join(d, name);
      if (fs.statSync(p).isDirectory()) walk(p);
      else if (name.endsWith('.ipynb')) found.push(p);
    }
  };
  for (const d of ['test', 'examples']) walk(path.join(root, d));
  assert.ok(found.length >= 5, `only ${found.length} notebooks`);
  const strip = (n: unknown): unknown => JSON.parse(JSON.stringify(n, (k, v) => (k === 'parent' ? undefined : v)));
  let compared = 0;
  for (const file of found) {
    const text = fs.readFileSync(file, 'utf8');
    const errors: unknown[] = [];
    const expected = parseTree(text, errors as never, { allowTrailingComma: false, disallowComments: true });
    if (errors.length) continue; // invalid on purpose: error recovery differs, only the deep fallback uses this
    assert.deepEqual(strip(parseJsonTreeIteratively(text).root), strip(expected), file);
    compared++;
  }
  assert.ok(compared >= 5);
  assert.match(parseJsonTreeIteratively('{"a": [1, }').errors[0], /invalid JSON at offset 10/);
  assert.match(parseJsonTreeIteratively('[[').errors[0], /CloseBracketExpected/);
});

test('a crashed analysis is a tool error: exit 2 under --strict, visible otherwise', async () => {
  const base = await engineContext();
  // A registry without rules makes the engine itself throw (not one analyser, which is guarded).
  const broken = { ...base, registry: undefined } as unknown as EngineContext;
  const r = await analyzePath(write('crash.py', 'import pickle\n'), broken);
  assert.equal(r.problems[0].kind, 'rule-error');
  assert.match(r.problems[0].message, /^analysis failed: /);
  const report = { analyses: [{ path: 'crash.py', findings: [], problems: r.problems }] } as never;
  assert.equal(exitCodeOf(report, { strict: true, exitZero: false, minSeverity: 'note' }), 2);
  assert.equal(exitCodeOf(report, { strict: false, exitZero: false, minSeverity: 'note' }), 0);
});

test('mlsec scan --strict on a deep notebook analyses it: its finding, no problem (main skipped it and exited 0)', () => {
  const { run, json } = scanJson(['--strict', '.'], tree({ 'deep.ipynb': DEEP_NOTEBOOK }));
  assert.equal(run.code, 1, run.stderr);
  assert.deepEqual(json.findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
  assert.deepEqual(json.problems, []);
});
