// "MLSec: Scan Workspace": walks the folders, analyses file by file with progress and cancellation, publishes diagnostics.
import * as path from 'path';
import type { CancellationToken } from 'vscode-languageserver/node';
import { walk } from '../cli/walk';
import { analyzePath } from '../engine/analyze';
import { followIncludes } from '../engine/includes';
import { isSkipped } from '../output/report';
import type { ScanSummary, ScanWorkspaceParams } from '../shared/protocol';
import { publishAnalysis } from './scan-publish';
import type { ServerState } from './state';
import { uriToPath } from './uri';

function listFiles(state: ServerState, roots: string[]): string[] {
  const { include, exclude } = state.settings;
  return roots.flatMap((root) => walk([root], { root, include, exclude, gitignore: true }).files);
}

/** Scans the workspace folders (or `params.folders`); cancellable through the request or the progress UI. */
export async function scanWorkspace(state: ServerState, params: Partial<ScanWorkspaceParams>, token: CancellationToken): Promise<ScanSummary> {
  const roots = Array.isArray(params.folders) ? params.folders.filter((f) => typeof f === 'string').map(uriToPath) : state.folders;
  const progress = await state.connection.window.createWorkDoneProgress();
  progress.begin('MLSec: scanning workspace', 0, 'listing files…', true);
  const summary: ScanSummary = { files: 0, findings: 0, skipped: 0, cancelled: false };
  try {
    const files = listFiles(state, roots);
    const previous = new Set(state.scanResults.keys());
    state.scanResults.clear();
    state.scanRoot = roots.length === 1 ? roots[0] : roots.length ? path.dirname(roots[0]) : undefined;
    for (const [i, file] of files.entries()) {
      if (token.isCancellationRequested || progress.token.isCancellationRequested) {
        summary.cancelled = true;
        break;
      }
      const a = await analyzePath(file, state);
      state.scanResults.set(file, a);
      previous.delete(file);
      summary.files++;
      summary.findings += a.findings.length;
      if (isSkipped(a)) summary.skipped++;
      publishAnalysis(state, a);
      progress.report(Math.round(((i + 1) * 100) / files.length), `${i + 1}/${files.length} files`);
      // Let queued edits and requests run between files: a scan must never block typing.
      await new Promise(setImmediate);
    }
    // Files pulled in with `-r`/`-c` whose names the walk does not recognise (deps/base.pip).
    if (!summary.cancelled) {
      for (const root of roots) {
        const mine = [...state.scanResults.values()].filter((a) => a.file.path.startsWith(root));
        for (const a of await followIncludes(mine, root, (f, o) => analyzePath(f, state, o))) {
          state.scanResults.set(a.file.path, a);
          previous.delete(a.file.path);
          summary.files++;
          summary.findings += a.findings.length;
          publishAnalysis(state, a);
        }
      }
    }
    // Files from the previous scan that are gone (deleted, now excluded) lose their stale diagnostics.
    if (!summary.cancelled) for (const gone of previous) publishAnalysis(state, { file: { path: gone, target: 'unknown', text: '', lineStarts: [0] }, findings: [], problems: [] });
  } finally {
    progress.done();
  }
  return summary;
}

/** Clears every diagnostic a scan published (e.g. mlsec.enable turned off). */
export function clearScan(state: ServerState): void {
  for (const a of state.scanResults.values()) publishAnalysis(state, { ...a, findings: [], problems: [] });
}
