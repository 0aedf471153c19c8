// Privacy bench: PII scan throughput of the built CLI on a generated CSV (whole file sampled), as `bench pii-scan-throughput <MB/s>`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(process.env.MLSEC_BENCH_OUT ?? join(ROOT, 'server/out'), 'cli.js');
const SIZE_MB = 32;

/** A CSV mixing PII columns (email, phone, SSN, names) with look-alike noise (ids, timestamps, UUID-ish, floats). */
function csv(bytes) {
  const rows = ['id,full_name,email,phone,ssn,created,score,run_id,notes'];
  let size = rows[0].length + 1;
  for (let i = 0; size < bytes; i++) {
    const area = 200 + (i % 700);
    const row = `${i},Name${i % 97} Surname${i % 89},user${i}@gmail.com,(415) 555-${String(2000 + (i % 7000)).padStart(4, '0')},${String(area).padStart(3, '0')}-${String(10 + (i % 89)).padStart(2, '0')}-${String(1000 + (i % 8999)).padStart(4, '0')},2023-10-05 12:${String(i % 60).padStart(2, '0')}:00,${(i * 0.137) % 1},${(i * 2654435761 >>> 0).toString(16)}-${i.toString(16)},ok row ${i}`;
    rows.push(row);
    size += row.length + 1;
  }
  return `${rows.join('\n')}\n`;
}

/** Runs the bench and prints its figure. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsec-bench-pii-'));
  try {
    const file = join(dir, 'people.csv');
    const text = csv(SIZE_MB * 1048576);
    writeFileSync(file, text);
    writeFileSync(join(dir, 'mlsec.yaml'), `privacy:\n  dataFileBudgetMB: ${SIZE_MB * 2}\n`);
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'scan', file, '-c', join(dir, 'mlsec.yaml'), '--format', 'json', '--exit-zero'], { encoding: 'utf8', maxBuffer: 64 * 1048576 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    if (r.status !== 0 || !r.stdout.includes('pii-in-data-file')) throw new Error(`pii bench: scan failed (${r.status}): ${r.stderr.slice(0, 500)}`);
    const mb = Buffer.byteLength(text) / 1048576;
    console.log(`bench pii-scan-throughput ${(mb / seconds).toFixed(1)} MB/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
