// Analyses many files on worker threads (the engine is synchronous WASM, so one thread uses one core); used by the CLI and the editor's workspace scan.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzePath, type EngineContext, type FileAnalysis, initEngine } from '../engine/analyze';
import { absorbStats, mergeStats, type Stats, statsEnabled } from '../engine/stats';
import { hashFile } from './cache';
import { mapLimit } from './pool';
import type { WorkerBatch, WorkerInit } from './scan-worker';

/** Below this many files, starting threads (each loads the parsers and rules) costs more than it saves. */
const MIN_FILES_FOR_THREADS = 200;
/** A batch holds up to this many files or bytes: few messages for small files, one message for a large one. */
const BATCH_FILES = 32;
const BATCH_BYTES = 512 * 1024;
/** Batches sent ahead to each worker, so a thread never waits for the main thread between batches. */
const IN_FLIGHT = 2;

/** Optional observers of a multi-file analysis (the editor's scan reports progress and can be cancelled). */
export interface AnalyzeHooks {
  /** Called once per finished file, in completion order. */
  onResult?(result: FileAnalysis, index: number): void;
  /** Polled between files/batches: once true, no new batch is started and the finished files are returned. */
  cancelled?(): boolean;
  /** Keep each file's text in thread results (the editor converts offsets itself and offers text edits). */
  keepText?: boolean;
  /** Receives the sha256 of each file's bytes by file index (for the scan cache), computed where the file was read. */
  hashes?: (string | undefined)[];
}

function workerScript(): string | undefined {
  const p = path.join(__dirname, 'scan-worker.js');
  return fs.existsSync(p) ? p : undefined;
}

/** How many threads to use: the machine's cores, at most 8; MLSEC_THREADS overrides (1 = in-process). */
export function threadCount(): number {
  const env = Number(process.env.MLSEC_THREADS);
  if (Number.isInteger(env) && env > 0) return env;
  return Math.max(1, Math.min(8, os.availableParallelism?.() ?? os.cpus().length));
}

/**
 * Batches of file indexes, largest files first: the big ones start early instead of leaving one
 * thread busy at the end while the others idle. Every thread pulls the next batch from this one
 * queue when it finishes one, so the work balances itself.
 */
export function planBatches(files: readonly string[]): WorkerBatch[] {
  const sizes = files.map((f) => {
    try {
      return fs.statSync(f).size;
    } catch {
      return 0; // analyzePath reports the file as unreadable
    }
  });
  const order = files.map((_, i) => i).sort((a, b) => sizes[b] - sizes[a] || a - b);
  const batches: WorkerBatch[] = [];
  let cur: WorkerBatch = { indexes: [], paths: [] };
  let bytes = 0;
  for (const i of order) {
    if (cur.indexes.length && (cur.indexes.length >= BATCH_FILES || bytes + sizes[i] > BATCH_BYTES)) {
      batches.push(cur);
      cur = { indexes: [], paths: [] };
      bytes = 0;
    }
    cur.indexes.push(i);
    cur.paths.push(files[i]);
    bytes += sizes[i];
  }
  if (cur.indexes.length) batches.push(cur);
  return batches;
}

async function onThreads(files: readonly string[], ctx: EngineContext, threads: number, script: string, results: (FileAnalysis | undefined)[], hooks: AnalyzeHooks): Promise<Stats | undefined> {
  const queue = planBatches(files);
  const stats: Stats | undefined = statsEnabled() ? {} : undefined;
  const init: WorkerInit = { settings: ctx.settings, facts: ctx.facts, stats: !!stats, keepText: hooks.keepText, hash: !!hooks.hashes };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let pending = 0;
      const next = () => {
        while (pending < IN_FLIGHT && queue.length && !hooks.cancelled?.()) {
          pending++;
          worker.postMessage(queue.shift());
        }
        if (pending === 0) resolve();
      };
      worker.on('message', (m: { ready?: boolean; indexes?: number[]; results?: FileAnalysis[]; hashes?: (string | undefined)[]; stats?: Stats }) => {
        if (m.results) {
          pending--;
          m.results.forEach((r, j) => {
            results[m.indexes![j]] = r;
            hooks.onResult?.(r, m.indexes![j]);
          });
          if (hooks.hashes) m.hashes?.forEach((h, j) => (hooks.hashes![m.indexes![j]] = h));
          if (stats) mergeStats(stats, m.stats);
        }
        next();
      });
      worker.on('error', reject);
      worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`scan worker exited with ${code}`))));
    });
  const workers = Array.from({ length: threads }, () => new Worker(script, { workerData: init }));
  try {
    await Promise.all(workers.map(run));
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return stats;
}

/**
 * Analyses `files` (results in input order) on worker threads when there are many and the worker
 * bundle exists; otherwise, and for whatever a failed thread left undone, in this thread with
 * bounded I/O concurrency. Results from threads carry precomputed locations instead of their text
 * (see compactAnalysis) unless `hooks.keepText`. When `hooks.cancelled()` turns true, returns the
 * files finished so far.
 */
export async function analyzeFiles(files: readonly string[], ctx: EngineContext, hooks: AnalyzeHooks = {}): Promise<FileAnalysis[]> {
  const results = new Array<FileAnalysis | undefined>(files.length);
  const threads = threadCount();
  const script = workerScript();
  if (threads > 1 && script && files.length >= MIN_FILES_FOR_THREADS) {
    try {
      // Worker figures join this thread's, which the caller reads with takeStats().
      absorbStats(await onThreads(files, ctx, threads, script, results, hooks));
    } catch {
      // Fall through: the in-process path finishes the rest with the same results, only slower.
    }
  }
  const todo = files.map((_, i) => i).filter((i) => results[i] === undefined);
  if (todo.length > 0 && !hooks.cancelled?.()) {
    await initEngine();
    await mapLimit(todo, 4, async (i) => {
      if (hooks.cancelled?.()) return;
      const r = await analyzePath(files[i], ctx);
      results[i] = r;
      if (hooks.hashes) hooks.hashes[i] = hashFile(files[i]);
      hooks.onResult?.(r, i);
    });
  }
  return results.filter((r): r is FileAnalysis => r !== undefined);
}
