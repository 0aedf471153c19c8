// Worker-thread entry for large CLI scans: one engine per thread, analysing the batches of paths it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzePath, type EngineContext, initEngine } from '../engine/analyze';
import { hasIncludes } from '../engine/includes';
import type { ProjectFacts } from '../engine/project-facts';
import { loadRegistry } from '../engine/registry';
import { enableStats, takeStats } from '../engine/stats';
import { compactAnalysis } from '../output/locate';
import { withSecrets } from '../output/secret-spans';
import { hashFile } from './cache';
import { codeRules } from '../rules';
import type { MlsecSettings } from '../shared/settings';

/** What the main thread passes when it starts a worker. */
export interface WorkerInit {
  settings: MlsecSettings;
  facts: ProjectFacts;
  /** Collect --stats figures and send them with each batch. */
  stats?: boolean;
  /** Send each file's text back (the editor's scan converts offsets itself). */
  keepText?: boolean;
  /** Send the sha256 of each file's bytes with its result (for the scan cache). */
  hash?: boolean;
}

/** One batch of work: paths and the index of each in the main thread's list. */
export interface WorkerBatch {
  indexes: number[];
  paths: string[];
}

async function main(): Promise<void> {
  const init = workerData as WorkerInit;
  if (init.stats) enableStats();
  await initEngine();
  const ctx: EngineContext = { registry: loadRegistry(codeRules), settings: init.settings, facts: init.facts };
  parentPort!.on('message', async (batch: WorkerBatch) => {
    const results = [];
    const hashes: (string | undefined)[] = [];
    // analyzePath never throws: bad files come back as problems. Results travel without their text
    // (locations are computed here), so the main thread holds findings rather than every file.
    for (const p of batch.paths) {
      const a = await analyzePath(p, ctx);
      // The secrets are found while the text is here; the main thread's redaction needs them without it.
      // (Only files with something to print: the others' secrets cannot show up in a report.)
      const compact = compactAnalysis(a, init.keepText === true || hasIncludes(a.file.target));
      results.push(a.findings.length || a.problems.length ? withSecrets({ registry: ctx.registry, ruleLevels: ctx.settings.rules }, a, compact) : compact);
      if (init.hash) hashes.push(hashFile(p));
    }
    parentPort!.postMessage({ indexes: batch.indexes, results, hashes: init.hash ? hashes : undefined, stats: takeStats() });
  });
  parentPort!.postMessage({ ready: true });
}

void main();
