// Worker-thread entry for large CLI scans: one engine per thread, analysing the batches of paths it is sent.
import { parentPort, workerData } from 'node:worker_threads';
import { analyzePath, type EngineContext, initEngine } from '../engine/analyze';
import type { ProjectFacts } from '../engine/project-facts';
import { loadRegistry } from '../engine/registry';
import { codeRules } from '../rules';
import type { MlsecSettings } from '../shared/settings';

/** What the main thread passes when it starts a worker. */
export interface WorkerInit {
  settings: MlsecSettings;
  facts: ProjectFacts;
}

async function main(): Promise<void> {
  const init = workerData as WorkerInit;
  await initEngine();
  const ctx: EngineContext = { registry: loadRegistry(codeRules), settings: init.settings, facts: init.facts };
  parentPort!.on('message', async (batch: { id: number; paths: string[] }) => {
    const results = [];
    // analyzePath never throws: bad files come back as problems.
    for (const p of batch.paths) results.push(await analyzePath(p, ctx));
    parentPort!.postMessage({ id: batch.id, results });
  });
  parentPort!.postMessage({ ready: true });
}

void main();
