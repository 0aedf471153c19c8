// Secrets bench: throughput of the built CLI on a generated tree of config, env and YAML files with a few planted fake tokens, as `bench secrets-scan-throughput <MB/s>`.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const CLI = join(process.env.MLSEC_BENCH_OUT ?? join(ROOT, 'server/out'), 'cli.js');
const FILES = 400;
const LINES = 400;

/** Deterministic pseudo-random characters for fake tokens and noise. */
function chars(seed, n) {
  const cs = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  let x = seed >>> 0 || 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    s += cs[x % cs.length];
  }
  return s;
}

/** Config-like text: mostly benign keys (names, sizes, paths, digests), one fake token per file. */
function configText(i, ext) {
  const lines = [];
  for (let j = 0; j < LINES; j++) {
    const k = (i * LINES + j) % 7;
    if (ext === 'yaml') lines.push(k === 0 ? `model_${j}: bert-base-uncased` : k === 1 ? `  max_tokens: ${j}` : k === 2 ? `  revision: ${chars(i * 1000 + j, 40).toLowerCase()}` : k === 3 ? `  path: /data/run_${j}/checkpoint.pt` : k === 4 ? `  token_path: /run/secrets/t${j}` : k === 5 ? `  api_key: \${API_KEY_${j}}` : `  lr: 0.00${j}`);
    else lines.push(k === 0 ? `MODEL_${j}=gpt2` : k === 1 ? `BATCH_SIZE_${j}=${j}` : k === 2 ? `RUN_ID_${j}=${chars(i * 1000 + j, 12)}` : k === 3 ? `DATA_DIR_${j}=/data/${j}` : k === 4 ? `API_KEY_${j}=your-api-key` : k === 5 ? `# comment ${j}` : `LR_${j}=0.001`);
  }
  lines.push(ext === 'yaml' ? `hub_token: hf_${chars(i, 34)}` : `OPENAI_API_KEY=sk-proj-${chars(i, 64)}`);
  return `${lines.join('\n')}\n`;
}

/** Runs the bench and prints its figure. */
export async function run() {
  const dir = mkdtempSync(join(tmpdir(), 'mlsec-bench-secrets-'));
  try {
    let bytes = 0;
    for (let i = 0; i < FILES; i++) {
      const sub = join(dir, `svc${i % 20}`);
      mkdirSync(sub, { recursive: true });
      const ext = i % 2 ? 'yaml' : 'env';
      const text = configText(i, ext);
      bytes += Buffer.byteLength(text);
      writeFileSync(join(sub, ext === 'yaml' ? `config${i}.yaml` : `.env.${i}`), text);
    }
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [CLI, 'scan', dir, '--format', 'json', '--exit-zero', '--no-gitignore'], { encoding: 'utf8', maxBuffer: 256 * 1048576 });
    const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
    const found = (r.stdout.match(/"secret-in-(?:config|env-file)"/g) ?? []).length;
    if (r.status !== 0 || found < FILES) throw new Error(`secrets bench: scan failed or missed planted tokens (status ${r.status}, ${found} of ${FILES} found)`);
    console.log(`bench secrets-scan-throughput ${(bytes / 1048576 / seconds).toFixed(1)} MB/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
