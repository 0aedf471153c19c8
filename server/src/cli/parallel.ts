// Analyses many files on worker threads (the engine is synchronous WASM, so one thread uses one core).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzePath, type EngineContext, type FileAnalysis, initEngine } from '../engine/analyze';
import { absorbStats, mergeStats, type Stats, statsEnabled } from '../engine/stats';
import { mapLimit } from './pool';
import type { WorkerBatch, WorkerInit } from './scan-worker';

/** Below this many files, starting threads (each loads the parsers and rules) costs more than it saves. */
const MIN_FILES_FOR_THREADS = 200;
/** A batch holds up to this many files or bytes: few messages for small files, one message for a large one. */
const BATCH_FILES = 32;
const BATCH_BYTES = 512 * 1024;
/** Batches sent ahead to each worker, so a thread never waits for the main thread between batches. */
const IN_FLIGHT = 2;

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

async function onThreads(files: readonly string[], ctx: EngineContext, threads: number, script: string): Promise<{ results: FileAnalysis[]; stats?: Stats }> {
  const results = new Array<FileAnalysis>(files.length);
  const queue = planBatches(files);
  const stats: Stats | undefined = statsEnabled() ? {} : undefined;
  const init: WorkerInit = { settings: ctx.settings, facts: ctx.facts, stats: !!stats };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      let pending = 0;
      const next = () => {
        while (pending < IN_FLIGHT && queue.length) {
          pending++;
          worker.postMessage(queue.shift());
        }
        if (pending === 0) resolve();
      };
      worker.on('message', (m: { ready?: boolean; indexes?: number[]; results?: FileAnalysis[]; stats?: Stats }) => {
        if (m.results) {
          pending--;
          m.results.forEach((r, j) => (results[m.indexes![j]] = r));
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
  return { results, stats };
}

/**
 * Analyses `files` (results in input order) on worker threads when there are many and the worker
 * bundle exists; otherwise, or if a thread fails, in this thread with bounded I/O concurrency.
 * Results from threads carry precomputed locations instead of their text (see compactAnalysis).
 */
export async function analyzeFiles(files: readonly string[], ctx: EngineContext): Promise<FileAnalysis[]> {
  const threads = threadCount();
  const script = workerScript();
  if (threads > 1 && script && files.length >= MIN_FILES_FOR_THREADS) {
    try {
      const { results, stats } = await onThreads(files, ctx, threads, script);
      if (results.every(Boolean)) {
        // Worker figures join this thread's, which the caller reads with takeStats().
        absorbStats(stats);
        return results;
      }
    } catch {
      // Fall through: the in-process path gives the same results, only slower.
    }
  }
  await initEngine();
  return mapLimit(files, 4, (f) => analyzePath(f, ctx));
}
