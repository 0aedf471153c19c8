// Formats `--stats`: whole-process figures, the main thread's phases, analysis phases summed over threads, and file kinds.
import type { PhaseStat, Stats } from '../engine/stats';

/** Whole-process figures read at the end of a scan. */
export interface ProcessFigures {
  wallMs: number;
  cpuMs: number;
  peakRssMB: number;
}

/** The figures of this process so far (wall since start; CPU and peak RSS include every thread). */
export function processFigures(): ProcessFigures {
  const cpu = process.cpuUsage();
  return { wallMs: performance.now(), cpuMs: (cpu.user + cpu.system) / 1000, peakRssMB: process.resourceUsage().maxRSS / 1024 };
}

const mb = (b: number) => (b / 1048576).toFixed(1);
const pad = (s: string, n: number) => (s.length >= n ? s : s + ' '.repeat(n - s.length));
const num = (s: string, n: number) => (s.length >= n ? s : ' '.repeat(n - s.length) + s);

function table(title: string, rows: [string, PhaseStat][], unit: string): string[] {
  if (rows.length === 0) return [];
  const out = [`${title}`, `  ${pad('phase', 44)}${num(unit, 10)}${num('calls', 9)}${num('MB', 9)}`];
  for (const [name, s] of rows) out.push(`  ${pad(name, 44)}${num(s.ms.toFixed(0), 10)}${num(String(s.calls), 9)}${num(s.bytes ? mb(s.bytes) : '', 9)}`);
  return out;
}

/** The report printed to stderr; rows in each group sorted by time, slowest first. */
export function formatStats(stats: Stats, p: ProcessFigures, files: { files: number; bytes: number }): string {
  const rows = Object.entries(stats).sort((a, b) => b[1].ms - a[1].ms);
  const group = (prefix: string) => rows.filter(([k]) => k.startsWith(prefix)).map(([k, v]): [string, PhaseStat] => [k.slice(prefix.length), v]);
  const other = rows.filter(([k]) => !/^(main|target|rule):/.test(k));
  const secs = p.wallMs / 1000;
  const lines = [
    `mlsec stats: wall ${secs.toFixed(2)} s, CPU ${(p.cpuMs / 1000).toFixed(2)} s (${((p.cpuMs / p.wallMs) * 100).toFixed(0)} %), peak RSS ${p.peakRssMB.toFixed(0)} MB`,
    `  ${files.files} files, ${mb(files.bytes)} MB: ${(files.files / secs).toFixed(0)} files/s, ${(files.bytes / 1048576 / secs).toFixed(1)} MB/s`,
    ...table('main thread (wall ms):', group('main:'), 'ms'),
    ...table('analysis, summed over threads (ms; nested phases are part of their parents: parse:* of analyser:*, python:* of target:python):', other, 'ms'),
    ...table('per file kind (ms from read to results, summed over threads):', group('target:'), 'ms'),
    ...table('Python rules (ms, summed over threads):', group('rule:').slice(0, 15), 'ms'),
  ];
  return `${lines.join('\n')}\n`;
}
