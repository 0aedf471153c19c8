// Supply-chain fixes: pinning from a workspace lock file (requirements, notebook %pip, conda pip:), placeholders for digests and SHAs.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzeNotebookCells, analyzeText, type EngineContext } from '../../../server/src/engine/analyze';
import { factsFromFiles } from '../../../server/src/engine/project-facts';
import { applyEdits, engineContext, firstFixEdits } from '../../helpers/engine';

const dir = path.join(__dirname, 'fixtures');
const read = (name: string) => fs.readFileSync(path.join(dir, name), 'utf8');

async function withLock(): Promise<EngineContext> {
  const base = await engineContext();
  return { ...base, facts: factsFromFiles([{ path: 'ws/poetry.lock', text: read('poetry.lock') }]) };
}

/** Applies every finding's first fix for `rule`, compares with the .fixed file, re-analyses: no fixable finding left. */
async function checkFixed(name: string, fixedName: string, analyseAs: string): Promise<void> {
  const ctx = await withLock();
  const text = read(name);
  const r = analyzeText(analyseAs, text, ctx);
  const fixable = r.findings.filter((f) => f.ruleId === 'unpinned-requirement' && f.fixes.length);
  assert.ok(fixable.length > 0, 'some finding has a fix');
  assert.ok(fixable.every((f) => f.fixes[0].safe && /from poetry\.lock/.test(f.fixes[0].title)));
  const fixed = applyEdits(text, firstFixEdits(fixable.map((f) => f.fixes)));
  assert.equal(fixed, read(fixedName));
  const again = analyzeText(analyseAs, fixed, ctx);
  assert.deepEqual(again.problems.filter((p) => p.kind === 'parse-error'), []);
  assert.deepEqual(again.findings.filter((f) => f.fixes.length).map((f) => f.message), [], 'no fixable finding is left');
}

test('requirements: unpinned lines are pinned to the lock file version (extras and markers kept)', () => checkFixed('requirements.txt', 'requirements.fixed.txt', 'requirements.txt'));

test('requirements in hash mode: the pin adds the lock file hashes', () => checkFixed('requirements-hashed.txt', 'requirements-hashed.fixed.txt', 'requirements.txt'));

test('without a lock entry there is no pinning fix (never a guessed version)', async () => {
  const r = analyzeText('requirements.txt', 'scipy>=1.10\n', await withLock());
  assert.equal(r.findings.length, 1);
  assert.deepEqual(r.findings[0].fixes, []);
});

test('notebook %pip install: pinned from the lock file inside the cell', async () => {
  const ctx = await withLock();
  const cell = '%pip install -q transformers numpy==1.26.4\nimport transformers\n';
  const r = analyzeNotebookCells([{ kind: 'code', text: cell }], ctx);
  const unpinned = r.findings.filter((f) => f.fixes.length);
  assert.equal(unpinned.length, 1);
  const fixed = applyEdits(cell, unpinned[0].fixes[0].edits);
  assert.equal(fixed, '%pip install -q transformers==4.41.2 numpy==1.26.4\nimport transformers\n');
  const again = analyzeNotebookCells([{ kind: 'code', text: fixed }], ctx);
  assert.deepEqual(again.findings.filter((f) => f.fixes.length), []);
  assert.ok(again.findings.every((f) => f.severity === 'note'), 'exact pins without hashes stay as notes');
});

test('conda environment pip: section is pinned from the lock file', async () => {
  const text = 'dependencies:\n  - pip:\n      - numpy\n';
  const ctx = await withLock();
  const r = analyzeText('environment.yml', text, ctx);
  const fixed = applyEdits(text, firstFixEdits(r.findings.map((f) => f.fixes)));
  assert.equal(fixed, 'dependencies:\n  - pip:\n      - numpy==1.26.4\n');
});

test('Dockerfile FROM: the offline fix is a separate, non-automatic placeholder that stays reported', async () => {
  const ctx = await engineContext();
  const text = 'FROM python:3.11-slim\n';
  const r = analyzeText('Dockerfile', text, ctx);
  assert.equal(r.findings.length, 1);
  const fix = r.findings[0].fixes[0];
  assert.equal(fix.safe, false, 'never applied by fix-all');
  assert.match(fix.title, /placeholder/);
  const fixed = applyEdits(text, fix.edits);
  assert.equal(fixed, 'FROM python:3.11-slim@sha256:MLSEC-PLACEHOLDER-replace-with-the-image-digest\n');
  const again = analyzeText('Dockerfile', fixed, ctx);
  assert.equal(again.findings.length, 1);
  assert.match(again.findings[0].message, /placeholder/);
  assert.deepEqual(again.findings[0].fixes, []);
});

test('Actions uses: the offline fix keeps the tag as a comment and stays reported until filled in', async () => {
  const ctx = await engineContext();
  const text = 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n';
  const r = analyzeText('.github/workflows/ci.yml', text, ctx);
  const fixed = applyEdits(text, r.findings[0].fixes[0].edits);
  assert.equal(fixed, 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@MLSEC-PLACEHOLDER-full-commit-sha # v4\n');
  const again = analyzeText('.github/workflows/ci.yml', fixed, ctx);
  assert.equal(again.findings.length, 1);
  assert.deepEqual(again.findings[0].fixes, []);
});

test('a pip-tools input (requirements.in) may hold ranges when the workspace has a hashed lock; moving VCS refs are still reported', async () => {
  const r = analyzeText('requirements.in', 'numpy>=1.24\ntool @ git+https://github.com/o/tool.git@main\n', await withLock());
  assert.deepEqual(r.findings.map((f) => f.message.slice(0, 6)), ['`tool`']);
  const noLock = analyzeText('requirements.in', 'numpy>=1.24\n', await engineContext());
  assert.equal(noLock.findings.length, 1);
});
