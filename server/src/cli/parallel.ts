// Analyses many files on worker threads (the engine is synchronous WASM, so one thread uses one core).
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { analyzePath, type EngineContext, type FileAnalysis, initEngine } from '../engine/analyze';
import { mapLimit } from './pool';
import type { WorkerInit } from './scan-worker';

/** Below this many files, starting threads (each loads the parsers and rules) costs more than it saves. */
const MIN_FILES_FOR_THREADS = 200;
const BATCH = 16;

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

async function onThreads(files: readonly string[], ctx: EngineContext, threads: number, script: string): Promise<FileAnalysis[]> {
  const results = new Array<FileAnalysis>(files.length);
  const batches: { id: number; paths: string[] }[] = [];
  for (let i = 0; i < files.length; i += BATCH) batches.push({ id: i, paths: files.slice(i, i + BATCH) });
  const init: WorkerInit = { settings: ctx.settings, facts: ctx.facts };
  const run = (worker: Worker) =>
    new Promise<void>((resolve, reject) => {
      const next = () => {
        const batch = batches.shift();
        if (!batch) return resolve();
        worker.postMessage(batch);
      };
      worker.on('message', (m: { ready?: boolean; id?: number; results?: FileAnalysis[] }) => {
        if (m.results) m.results.forEach((r, j) => (results[m.id! + j] = r));
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
  return results;
}

/**
 * Analyses `files` (results in input order) on worker threads when there are many and the worker
 * bundle exists; otherwise, or if a thread fails, in this thread with bounded I/O concurrency.
 */
export async function analyzeFiles(files: readonly string[], ctx: EngineContext): Promise<FileAnalysis[]> {
  const threads = threadCount();
  const script = workerScript();
  if (threads > 1 && script && files.length >= MIN_FILES_FOR_THREADS) {
    try {
      const results = await onThreads(files, ctx, threads, script);
      if (results.every(Boolean)) return results;
    } catch {
      // Fall through: the in-process path gives the same results, only slower.
    }
  }
  await initEngine();
  return mapLimit(files, 4, (f) => analyzePath(f, ctx));
}
