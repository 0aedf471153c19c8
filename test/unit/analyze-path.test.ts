// analyzePath on hostile files: invalid UTF-8, binary junk, oversize, unreadable paths — findings or a skip with a reason, never a throw.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { analyzePath } from '../../server/src/engine/analyze';
import { engineContext } from '../helpers/engine';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-path-'));
const write = (name: string, data: string | Buffer) => {
  const p = path.join(dir, name);
  fs.writeFileSync(p, data);
  return p;
};

test('invalid UTF-8 in a Python file is decoded with replacement characters and still analysed', async () => {
  const ctx = await engineContext();
  const p = write('latin1.py', Buffer.concat([Buffer.from('# caf'), Buffer.from([0xe9, 0xff, 0xfe]), Buffer.from('\nimport pickle\npickle.loads(b)\n')]));
  const r = await analyzePath(p, ctx);
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['unsafe-pickle-load']);
});

test('binary junk named .py is skipped with a reason', async () => {
  const ctx = await engineContext();
  const junk = Buffer.alloc(4096);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 131 + 7) & 0xff;
  const r = await analyzePath(write('junk.py', junk), ctx);
  assert.equal(r.findings.length, 0);
  assert.match(r.problems[0].message, /binary/);
});

test('oversize text files are skipped with the limit named; directories and missing files are skips, not throws', async () => {
  const ctx = await engineContext();
  const big = write('big.py', `x = 1\n`.repeat(1_000_000));
  const r = await analyzePath(big, { ...ctx, settings: { ...ctx.settings, maxFileSize: 1024 * 1024 } });
  assert.equal(r.problems[0].kind, 'skipped');
  assert.match(r.problems[0].message, /over the 1\.0 MB limit/);
  assert.equal((await analyzePath(dir, ctx)).problems[0].kind, 'skipped');
  assert.match((await analyzePath(path.join(dir, 'missing.py'), ctx)).problems[0].message, /ENOENT/);
});

test('a broken notebook file yields parse problems and no findings', async () => {
  const ctx = await engineContext();
  const r = await analyzePath(write('broken.ipynb', '{"cells": [{"cell_type": "code", "source": ["import pickle\\n", "pickle.lo'), ctx);
  assert.ok(r.problems.some((p) => p.kind === 'parse-error'));
});
