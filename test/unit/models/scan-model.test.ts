// End-to-end tests of scanModelFile: every fixture's sidecar, zip bombs, liar headers, big files, and never executing.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, test } from 'node:test';
import * as zlib from 'node:zlib';
import { parse as parseYaml } from 'yaml';
import { analyzeModelFile } from '../../../server/src/engine/analyze';
import { NO_FACTS } from '../../../server/src/engine/project-facts';
import { loadRegistry } from '../../../server/src/engine/registry';
import { scanModelFile } from '../../../server/src/models/scan-model';
import { codeRules } from '../../../server/src/rules';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { binu, bytes, glob, makeZip, tempDir } from './helpers';

const FIX = path.join(__dirname, '..', '..', 'rules', 'model');
const OPTS = { maxBytes: 2 ** 31 };
const tmp = tempDir();
after(tmp.cleanup);

for (const file of fs.readdirSync(FIX).filter((f) => !f.endsWith('.expect.yaml')).sort()) {
  test(`fixture ${file} gives exactly the findings in its sidecar`, async () => {
    const expect = (parseYaml(fs.readFileSync(path.join(FIX, `${file}.expect.yaml`), 'utf8')) as { expect: { rule: string; 'message-includes': string }[] }).expect;
    const { findings, problems } = await scanModelFile(path.join(FIX, file), OPTS);
    assert.deepEqual(problems.filter((p) => p.kind === 'parse-error'), []);
    assert.deepEqual(findings.map((f) => f.ruleId).sort(), expect.map((e) => e.rule).sort(), JSON.stringify(findings));
    for (const e of expect) assert.ok(findings.some((f) => f.ruleId === e.rule && f.message.includes(e['message-includes'])), `${e.rule}: ${e['message-includes']} in ${JSON.stringify(findings)}`);
  });
}

test('a deflate zip bomb (honest header) is refused from the directory, without inflating', async () => {
  const big = 80 * 1024 * 1024;
  const data = zlib.deflateRawSync(Buffer.alloc(big), { level: 9 });
  const file = path.join(tmp.dir, 'bomb.pt');
  fs.writeFileSync(file, makeZip([{ name: 'archive/data.pkl', data, method: 8, declaredSize: big }]));
  const rss = process.memoryUsage().rss;
  const t0 = Date.now();
  const { findings } = await scanModelFile(file, OPTS);
  assert.ok(Date.now() - t0 < 1000);
  assert.ok(process.memoryUsage().rss - rss < 64 * 1024 * 1024);
  assert.equal(findings[0].ruleId, 'model-archive-limits');
  assert.match(findings[0].message, /`archive\/data\.pkl` inflates \d+ bytes to 83886080 .*zip bomb/);
});

test('a liar header (declares 1000 bytes, inflates to 80 MB) stops at the declared size', async () => {
  const data = zlib.deflateRawSync(Buffer.concat([bytes('\x80\x02', glob('collections', 'OrderedDict'), ')R.'), Buffer.alloc(80 * 1024 * 1024)]));
  const file = path.join(tmp.dir, 'liar.pt');
  fs.writeFileSync(file, makeZip([{ name: 'archive/data.pkl', data, method: 8, declaredSize: 1000 }]));
  const t0 = Date.now();
  const { findings } = await scanModelFile(file, OPTS);
  assert.ok(Date.now() - t0 < 2000);
  const f = findings.find((x) => x.ruleId === 'model-archive-limits');
  assert.match(f?.message ?? '', /inflates past its declared 1000 bytes \(a liar header\)/);
});

test('a stored entry whose sizes disagree is a liar header too', async () => {
  const file = path.join(tmp.dir, 'liar-stored.pt');
  fs.writeFileSync(file, makeZip([{ name: 'archive/data.pkl', data: bytes('\x80\x02N.'), method: 0, declaredSize: 2 }]));
  const { findings } = await scanModelFile(file, OPTS);
  assert.equal(findings[0]?.ruleId, 'model-archive-limits');
});

test('a 50 MB pickle (25M small opcodes, then a payload) is scanned in bounded time and memory', async () => {
  const file = path.join(tmp.dir, 'big.pkl');
  const batch = Buffer.concat([Buffer.from('('), Buffer.alloc(2000, 'N'), Buffer.from('e')]);
  const fd = fs.openSync(file, 'w');
  fs.writeSync(fd, Buffer.from('\x80\x04]', 'latin1'));
  for (let i = 0; i < 25_000; i++) fs.writeSync(fd, batch);
  fs.writeSync(fd, bytes('0', glob('posix', 'system'), binu('id'), '\x85R.'));
  fs.closeSync(fd);
  assert.ok(fs.statSync(file).size > 50_000_000);
  const rss = process.memoryUsage().rss;
  const t0 = Date.now();
  const { findings, problems } = await scanModelFile(file, OPTS);
  const ms = Date.now() - t0;
  assert.ok(ms < 20_000, `took ${ms} ms`);
  assert.ok(process.memoryUsage().rss - rss < 200 * 1024 * 1024);
  assert.deepEqual(problems, []);
  assert.deepEqual(findings.map((f) => f.ruleId), ['pickle-dangerous-global']);
});

test('a 50 MB torch-style zip with a large tensor entry reads only the pickle', async () => {
  const file = path.join(tmp.dir, 'big.pt');
  const pkl = bytes('\x80\x02', glob('collections', 'OrderedDict'), ')R.');
  fs.writeFileSync(file, makeZip([{ name: 'archive/data.pkl', data: pkl, method: 0, declaredSize: pkl.length }, { name: 'archive/data/0', data: Buffer.alloc(50 * 1024 * 1024), method: 0, declaredSize: 50 * 1024 * 1024 }]));
  const t0 = Date.now();
  assert.deepEqual(await scanModelFile(file, OPTS), { findings: [], problems: [] });
  assert.ok(Date.now() - t0 < 2000);
});

test('files over maxBytes, missing files and directories are problems, never exceptions', async () => {
  assert.equal((await scanModelFile(path.join(FIX, 'pickle-dangerous-global.p2.pkl'), { maxBytes: 10 })).problems[0].kind, 'skipped');
  assert.equal((await scanModelFile(path.join(tmp.dir, 'missing.pkl'), OPTS)).problems[0].kind, 'skipped');
  assert.equal((await scanModelFile(tmp.dir, OPTS)).problems[0].kind, 'skipped');
  const junk = path.join(tmp.dir, 'junk.bin');
  fs.writeFileSync(junk, Buffer.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]));
  assert.equal((await scanModelFile(junk, OPTS)).problems[0].kind, 'skipped');
});

test('scanning malicious pickles never runs their payload', async () => {
  const marker = path.join(tmp.dir, 'pwned');
  for (const [name, body] of [
    ['p2.pkl', bytes('\x80\x02', glob('posix', 'system'), binu(`touch ${marker}`), '\x85R.')],
    ['p0.pkl', bytes(`cos\nsystem\n(S'touch ${marker}'\ntR.`)],
    ['exec.pkl', bytes('\x80\x02', glob('builtins', 'exec'), binu(`open(${JSON.stringify(marker)}, 'w')`), '\x85R.')],
  ] as const) {
    const file = path.join(tmp.dir, name);
    fs.writeFileSync(file, body);
    const { findings } = await scanModelFile(file, OPTS);
    assert.equal(findings[0].ruleId, 'pickle-dangerous-global');
  }
  await new Promise((r) => setTimeout(r, 100));
  assert.equal(fs.existsSync(marker), false);
});

test('the engine path joins the model cards and applies severity overrides', async () => {
  const registry = loadRegistry(codeRules);
  const ctx = { registry, settings: { ...DEFAULT_SETTINGS, rules: { 'pickle-unknown-global': 'off' as const } }, facts: NO_FACTS };
  const evil = await analyzeModelFile(path.join(FIX, 'pickle-dangerous-global.pt'), ctx);
  assert.equal(evil.findings.length, 1);
  assert.equal(evil.findings[0].severity, 'error');
  assert.deepEqual(evil.findings[0].properties?.entry, 'archive/data.pkl');
  const junk = await analyzeModelFile(path.join(FIX, 'pickle-trailing-data.junk.pkl'), ctx);
  assert.equal(junk.findings[0].severity, 'warning');
  assert.deepEqual((await analyzeModelFile(path.join(FIX, 'pickle-unknown-global.pkl'), ctx)).findings, []);
});

test('joblib files with embedded array bytes are scanned up to the first array and reported as partial, not malformed', async () => {
  const file = path.join(tmp.dir, 'model.joblib');
  fs.writeFileSync(file, bytes('\x80\x04', glob('joblib.numpy_pickle', 'NumpyArrayWrapper'), ')\x81}b', Buffer.from([0xff, 0xfe, 0xfd]), 'N.'));
  const { findings, problems } = await scanModelFile(file, OPTS);
  assert.deepEqual(findings, []);
  assert.match(problems[0].message, /joblib array data at offset/);
});

test('zlib/gzip-compressed joblib files are inflated as a stream and scanned; other codecs are skipped with a problem', async () => {
  const clean = path.join(tmp.dir, 'model.z.joblib');
  fs.writeFileSync(clean, zlib.deflateSync(bytes('\x80\x04N.')));
  assert.deepEqual(await scanModelFile(clean, OPTS), { findings: [], problems: [] });
  const evil = path.join(tmp.dir, 'model.gz.pkl');
  fs.writeFileSync(evil, zlib.gzipSync(bytes('\x80\x02cposix\nsystem\nX\x02\x00\x00\x00idq\x01\x85R.')));
  const r = await scanModelFile(evil, OPTS);
  assert.deepEqual(r.findings.map((f) => f.ruleId), ['pickle-dangerous-global']);
  const corrupt = path.join(tmp.dir, 'corrupt.joblib');
  fs.writeFileSync(corrupt, Buffer.concat([zlib.deflateSync(bytes('\x80\x04N.')).subarray(0, 4), Buffer.from('garbage!garbage!')]));
  const c = await scanModelFile(corrupt, OPTS);
  assert.deepEqual(c.findings.filter((f) => f.ruleId === 'pickle-dangerous-global'), []);
  assert.ok(c.problems.length + c.findings.length > 0, 'a corrupt stream is reported');
  const xz = path.join(tmp.dir, 'model.xz.joblib');
  fs.writeFileSync(xz, Buffer.concat([Buffer.from('fd377a585a00', 'hex'), Buffer.alloc(32)]));
  assert.match((await scanModelFile(xz, OPTS)).problems[0].message, /xz-compressed pickle/);
});

test('text .pth path files and non-pickle .dat data are skipped with a reason, not reported as malformed', async () => {
  const pth = path.join(tmp.dir, 'distutils-precedence.pth');
  fs.writeFileSync(pth, "import os; var = 'SETUPTOOLS_USE_DISTUTILS'\n/opt/lib/extra\n");
  const a = await scanModelFile(pth, OPTS);
  assert.deepEqual(a.findings, []);
  assert.match(a.problems[0].message, /path configuration/);
  const dat = path.join(tmp.dir, 'fortran-mixed.dat');
  fs.writeFileSync(dat, Buffer.from([0x20, 0x00, 0x00, 0x00, 0x01, 0x02, 0x03, 0x04, 0xff, 0xfe]));
  const b = await scanModelFile(dat, OPTS);
  assert.deepEqual(b.findings, []);
  assert.equal(b.problems[0].kind, 'skipped');
  // A .dat that really is a protocol-0 pickle importing os.system is still reported.
  const evil = path.join(tmp.dir, 'evil.dat');
  fs.writeFileSync(evil, Buffer.from("cos\nsystem\n(S'id'\ntR.", 'latin1'));
  assert.deepEqual((await scanModelFile(evil, OPTS)).findings.map((f) => f.ruleId), ['pickle-dangerous-global']);
});
