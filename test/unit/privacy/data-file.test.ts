// Data files through the engine's streaming path: per-column and per-row findings, the byte budget, skipped formats, a 200 MB CSV.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { analyzePath } from '../../../server/src/engine/analyze';
import { parseSettings } from '../../../server/src/shared/settings';
import { engineContext } from '../../helpers/engine';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-pii-'));
after(() => fs.rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const p = path.join(dir, name);
  fs.writeFileSync(p, text);
  return p;
}

const ROW = (i: number) => `${i},user${i}@gmail.com,${(i % 2) ? '(415) 555-2671' : ''},${1000 + i},2023-10-05\n`;

test('CSV: a column full of emails is one finding on its header; hits in the sample are counted', async () => {
  const ctx = await engineContext();
  const file = write('users.csv', `id,email,phone,score,created\n${Array.from({ length: 50 }, (_, i) => ROW(i)).join('')}`);
  const r = await analyzePath(file, ctx);
  const messages = r.findings.map((f) => f.message);
  assert.ok(messages.some((m) => m.startsWith('Column `email`: 50 of 50 sampled rows hold email addresses')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('Column `phone`: 25 of 50 sampled rows hold phone numbers')), messages.join('\n'));
  assert.equal(r.findings.length, 2);
  for (const f of r.findings) assert.equal(r.file.text.slice(0, f.range.end).split('\n').length, 1, 'column findings sit on the header line');
  assert.deepEqual(r.problems, []);
});

test('TSV and JSONL are read; parquet/xlsx are skipped with a reason; binary data is skipped', async () => {
  const ctx = await engineContext();
  const tsv = await analyzePath(write('a.tsv', 'name\tssn\nMaria Garcia\t536-22-1234\n'), ctx);
  assert.deepEqual(tsv.findings.map((f) => f.properties?.entity), ['person-name', 'us-ssn']);
  const jsonl = await analyzePath(write('a.jsonl', '{"user": {"email": "maria.garcia@gmail.com"}}\nnot json\n'), ctx);
  assert.equal(jsonl.findings.length, 1);
  assert.match(jsonl.problems[0].message, /1 line\(s\) are not JSON/);
  for (const ext of ['parquet', 'xlsx']) {
    const r = await analyzePath(write(`a.${ext}`, 'PAR1\0\0'), ctx);
    assert.equal(r.findings.length, 0);
    assert.match(r.problems[0].message, /not parsed/);
  }
  const bin = await analyzePath(write('b.csv', 'a,b\n\0\0\0'), ctx);
  assert.match(bin.problems[0].message, /binary/);
  const broken = await analyzePath(write('c.csv', 'email,"unterminated\nmaria.garcia@gmail.com,"x'), ctx);
  assert.ok(Array.isArray(broken.findings));
});

test('the byte budget setting bounds the sample and the skipped part is reported', async () => {
  const base = await engineContext();
  const ctx = { ...base, settings: parseSettings({ privacy: { dataFileBudgetMB: 0.01 } }).settings };
  const file = write('big.csv', `id,email,phone,score,created\n${Array.from({ length: 2000 }, (_, i) => ROW(i)).join('')}`);
  const r = await analyzePath(file, ctx);
  assert.ok(r.file.text.length <= 0.01 * 1048576 && r.file.text.endsWith('\n'));
  assert.match(r.problems.map((p) => p.message).join('\n'), /sampled the first .* rows\) of .* the rest was not scanned/);
  const sampled = Number(/of ([\d,]+) sampled rows/.exec(r.findings[0].message)![1].replace(/,/g, ''));
  assert.ok(sampled > 50 && sampled < 2000);
});

test('a 200 MB CSV is sampled, not read whole (bounded memory)', async () => {
  const ctx = await engineContext();
  const file = path.join(dir, 'huge.csv');
  const chunk = Buffer.from(Array.from({ length: 4000 }, (_, i) => ROW(i)).join(''));
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, 'id,email,phone,score,created\n');
  for (let written = 0; written < 200 * 1048576; written += chunk.length) fs.writeSync(fd, chunk);
  fs.closeSync(fd);
  const before = process.memoryUsage().rss;
  const r = await analyzePath(file, ctx);
  const grew = process.memoryUsage().rss - before;
  assert.ok(r.file.text.length <= 1048576, 'only the budget is read');
  assert.ok(grew < 100 * 1048576, `memory grew by ${(grew / 1048576).toFixed(0)} MB`);
  assert.ok(r.findings.some((f) => /Column `email`/.test(f.message)));
  assert.match(r.problems.map((p) => p.message).join('\n'), /of 200\.\d MB; the rest was not scanned/);
});

test('a column of random IDs whose few check-digit passes are chance is not a card column; a real card column is', async () => {
  const ctx = await engineContext();
  let seed = 7;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const ids = Array.from({ length: 60 }, () => `4${Array.from({ length: 15 }, () => Math.floor(rand() * 10)).join('')}`);
  const luhnPass = ids.filter((d) => { let s = 0; let dbl = false; for (let i = d.length - 1; i >= 0; i--) { let x = +d[i]; if (dbl) { x *= 2; if (x > 9) x -= 9; } s += x; dbl = !dbl; } return s % 10 === 0; });
  assert.ok(luhnPass.length > 0, 'the sample holds chance passes');
  const r = await analyzePath(write('tx.csv', `transaction_id,amount\n${ids.map((id, i) => `${id},${i}.50`).join('\n')}\n`), ctx);
  assert.deepEqual(r.findings, []);
  const cards = await analyzePath(write('cards.csv', `card,amount\n${Array.from({ length: 12 }, () => '4539 1488 0343 6467').join(',1\n')},1\n`), ctx);
  assert.match(cards.findings[0].message, /Column `card`: 12 of 12 sampled rows hold credit card numbers/);
});
