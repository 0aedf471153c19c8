// walk(): ignore rules, built-in skips, globs, symlinks and explicit paths, without spawning the CLI.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { walk, type WalkOptions } from '../../../server/src/cli/walk';
import { tree } from './helpers';

const opts = (root: string, over: Partial<WalkOptions> = {}): WalkOptions => ({ root, include: [], exclude: [], gitignore: true, ...over });
const rel = (root: string, files: string[]) => files.map((f) => path.relative(root, f).split(path.sep).join('/'));

test('collects analysable files sorted, dependency files separately', () => {
  const dir = tree({ 'b.py': '', 'a/x.ipynb': '{}', 'm.pkl': '', 'README.md': '', 'requirements.txt': 'torch\n', 'bin/train': '#!/usr/bin/env python3\n', 'bin/run': '#!/bin/sh\n' });
  const r = walk([dir], opts(dir));
  // requirements.txt is both analysed (supply-chain rules) and read for dependency facts.
  assert.deepEqual(rel(dir, r.files), ['a/x.ipynb', 'b.py', 'bin/train', 'm.pkl', 'requirements.txt']);
  assert.deepEqual(rel(dir, r.dependencyFiles), ['requirements.txt']);
});

test('built-in skips and environments', () => {
  const dir = tree({ 'ok.py': '', 'node_modules/a.py': '', '.git/b.py': '', 'venv/c.py': '', '.tox/d.py': '', '.ipynb_checkpoints/e.ipynb': '', 'conda/conda-meta/history': '', 'conda/f.py': '', 'lib/site-packages/g.py': '', 'lib/site-packages/requirements.txt': '' });
  const r = walk([dir], opts(dir));
  assert.deepEqual(rel(dir, r.files), ['ok.py']);
  assert.deepEqual(r.dependencyFiles, []);
  assert.ok(r.skipped.some((s) => s.path.endsWith('conda')));
});

test('nested .gitignore applies relative to its directory; negation works', () => {
  const dir = tree({ '.gitignore': '*.py\n!keep.py\n', 'keep.py': '', 'drop.py': '', 'sub/.gitignore': '!drop.py\n', 'sub/drop.py': '' });
  assert.deepEqual(rel(dir, walk([dir], opts(dir)).files), ['keep.py', 'sub/drop.py']);
});

test('exclude prunes directories; include filters files; explicit files always kept', () => {
  const dir = tree({ 'a.py': '', 'gen/b.py': '', 'tests/c.py': '' });
  assert.deepEqual(rel(dir, walk([dir], opts(dir, { exclude: ['gen'] })).files), ['a.py', 'tests/c.py']);
  assert.deepEqual(rel(dir, walk([dir], opts(dir, { include: ['tests/**'] })).files), ['tests/c.py']);
  assert.deepEqual(rel(dir, walk([path.join(dir, 'gen/b.py')], opts(dir, { exclude: ['gen'] })).files), ['gen/b.py']);
});

test('an explicitly named ignored directory is walked', () => {
  const dir = tree({ '.gitignore': 'build/\n', 'build/x.py': '', 'build/y.log': '' });
  assert.deepEqual(rel(dir, walk([dir], opts(dir)).files), []);
  assert.deepEqual(rel(dir, walk([path.join(dir, 'build')], opts(dir)).files), ['build/x.py']);
});

test('symlinks are followed inside the tree only, and never loop', () => {
  const outside = tree({ 'evil.py': '' });
  const dir = tree({ 'real/a.py': '' });
  fs.symlinkSync(path.join(outside, 'evil.py'), path.join(dir, 'link.py'));
  fs.symlinkSync(outside, path.join(dir, 'linkdir'));
  fs.symlinkSync(dir, path.join(dir, 'real/loop'));
  fs.symlinkSync(path.join(dir, 'real/a.py'), path.join(dir, 'alias.py'));
  const r = walk([dir], opts(dir));
  assert.deepEqual(rel(dir, r.files), ['alias.py', 'real/a.py']);
  assert.ok(r.skipped.some((s) => s.path.endsWith('link.py') && /outside/.test(s.reason)));
});
