// Corpus mode of `npm run bench` (MLSEC_CORPUS=<dir>): a cold and a cached scan of a real tree, figures by phase, and the findings per rule and severity.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * Runs `cli scan <dir>` with --stats and returns the child's own figures (wall, CPU, peak RSS of every
 * thread) and its phase table. The JSON report goes to `report`.
 */
function scan(cli, dir, report, env, extra) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(process.execPath, [cli, 'scan', dir, '--format', 'json', '--output', report, '--exit-zero', '--stats', ...extra], {
    cwd: dir, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 1_800_000, maxBuffer: 64 << 20,
  });
  const wall = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`corpus scan exited ${r.status ?? r.signal}: ${(r.stderr || '').slice(0, 500)}`);
  const head = /mlsec stats: wall ([\d.]+) s, CPU ([\d.]+) s .*peak RSS (\d+) MB/.exec(r.stderr);
  const files = /^\s+(\d+) files, ([\d.]+) MB:/m.exec(r.stderr);
  // Rows of the --stats tables, named by their table: main:, (analysis phases), kind:, rule:.
  const phases = [];
  let prefix = '';
  for (const line of r.stderr.split('\n')) {
    if (/^main thread/.test(line)) prefix = 'main:';
    else if (/^analysis/.test(line)) prefix = '';
    else if (/^per file kind/.test(line)) prefix = 'kind:';
    else if (/^Python rules/.test(line)) prefix = 'rule:';
    const m = /^ {2}(\S+(?: \(skipped\))?)\s+(\d+)\s+(\d+)\s+([\d.]*)$/.exec(line);
    if (m) phases.push({ name: prefix + m[1], ms: Number(m[2]), calls: Number(m[3]) });
  }
  return { wall, cpu: head ? Number(head[2]) * 1000 : NaN, rss: head ? Number(head[3]) : NaN, files: files ? Number(files[1]) : NaN, mb: files ? Number(files[2]) : NaN, phases, stderr: r.stderr };
}

/** Prints the corpus figures through `figure(name, value, unit)` and notes through `note`. */
export function runCorpus({ cli, dir, figure, note }) {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new Error(`MLSEC_CORPUS=${dir} is not a directory`);
  const tmp = mkdtempSync(join(tmpdir(), 'mlsec-corpus-'));
  try {
    const report = join(tmp, 'corpus.json');
    // The cache lives in this run's temporary folder, never in the corpus itself.
    const env = { MLSEC_CACHE_DIR: join(tmp, 'cache') };
    const cold = scan(cli, dir, report, env, ['--no-cache']);
    figure('corpus-wall', cold.wall, 'ms');
    figure('corpus-cpu', cold.cpu, 'ms');
    figure('corpus-peak-rss', cold.rss, 'MB');
    figure('corpus-throughput', cold.files / (cold.wall / 1000), 'files/s');
    figure('corpus-throughput', cold.mb / (cold.wall / 1000), 'MB/s');
    note(`corpus: ${cold.files} files analysed, ${cold.mb} MB`);
    for (const p of cold.phases) figure(`corpus-phase:${p.name.replace(/ /g, '_')}`, p.ms, 'ms');
    const json = JSON.parse(readFileSync(report, 'utf8'));
    const counts = new Map();
    for (const f of json.findings) {
      const k = `${f.ruleId}:${f.severity}`;
      counts.set(k, (counts.get(k) ?? 0) + 1);
    }
    figure('corpus-findings', String(json.findings.length), 'findings');
    for (const sev of ['error', 'warning', 'note']) figure(`corpus-findings:${sev}`, String(json.findings.filter((f) => f.severity === sev).length), 'findings');
    for (const [k, n] of [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))) figure(`corpus-findings:${k}`, String(n), 'findings');
    figure('corpus-problems', String(json.problems.length), 'problems');
    const kinds = new Map();
    for (const p of json.problems) kinds.set(p.kind, (kinds.get(p.kind) ?? 0) + 1);
    for (const [k, n] of kinds) figure(`corpus-problems:${k}`, String(n), 'problems');
    // The scan cache: one scan fills it, the next (nothing changed) reads it.
    scan(cli, dir, report, env, []);
    const warm = scan(cli, dir, report, env, []);
    figure('corpus-cached-wall', warm.wall, 'ms');
    figure('corpus-cached-cpu', warm.cpu, 'ms');
    figure('corpus-cached-peak-rss', warm.rss, 'MB');
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
