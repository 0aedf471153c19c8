// "MLSec: Scan Workspace": walks the folders, analyses with the CLI's parallel engine, reports cancellable window/workDoneProgress, publishes diagnostics.
import * as path from 'path';
import type { CancellationToken, WorkDoneProgressReporter } from 'vscode-languageserver/node';
import { walk } from '../cli/walk';
import { analyzeFiles } from '../cli/parallel';
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

/**
 * The progress to report on: the client's own (`workDoneToken`, e.g. VS Code's notification with a
 * Cancel button; cancelling cancels the request) or one the server creates with `cancellable: true`
 * (window/workDoneProgress/create; its Cancel arrives as window/workDoneProgress/cancel).
 */
async function progressFor(state: ServerState, params: Partial<ScanWorkspaceParams>): Promise<{ reporter: WorkDoneProgressReporter; cancelled: () => boolean }> {
  if (params.background === true) return { reporter: { begin() {}, report() {}, done() {} }, cancelled: () => false };
  const token = params.workDoneToken;
  if (typeof token === 'string' || typeof token === 'number') return { reporter: state.connection.window.attachWorkDoneProgress(token), cancelled: () => false };
  const created = await state.connection.window.createWorkDoneProgress();
  return { reporter: created, cancelled: () => created.token.isCancellationRequested };
}

/** Scans the workspace folders (or `params.folders`); cancellable through the request or the progress UI. */
export async function scanWorkspace(state: ServerState, params: Partial<ScanWorkspaceParams>, token: CancellationToken): Promise<ScanSummary> {
  const roots = Array.isArray(params.folders) ? params.folders.filter((f) => typeof f === 'string').map(uriToPath) : state.folders;
  const started = Date.now();
  const progress = await progressFor(state, params);
  progress.reporter.begin('MLSec: scanning workspace', 0, 'listing files…', true);
  const summary: ScanSummary = { files: 0, findings: 0, filesWithFindings: 0, skipped: 0, cancelled: false, ms: 0 };
  const cancelled = () => {
    if (token.isCancellationRequested || progress.cancelled()) summary.cancelled = true;
    return summary.cancelled;
  };
  const previous = new Set(state.scanResults.keys());
  const count = (a: Awaited<ReturnType<typeof analyzePath>>) => {
    state.scanResults.set(a.file.path, a);
    previous.delete(a.file.path);
    summary.files++;
    summary.findings += a.findings.length;
    if (a.findings.length > 0) summary.filesWithFindings++;
    if (isSkipped(a)) summary.skipped++;
    publishAnalysis(state, a);
  };
  try {
    const files = listFiles(state, roots);
    if (typeof params.maxFiles === 'number' && files.length > params.maxFiles) {
      summary.tooMany = true;
      return summary;
    }
    state.scanResults.clear();
    state.scanRoot = roots.length === 1 ? roots[0] : roots.length ? path.dirname(roots[0]) : undefined;
    let lastReport = 0;
    // Worker threads for large trees, like the CLI; in-process (yielding on file reads) for small ones.
    await analyzeFiles(files, state, {
      cancelled,
      // Diagnostics and ignore edits are computed from the text here.
      keepText: true,
      onResult: (a) => {
        count(a);
        const now = Date.now();
        // At most ~10 progress messages a second: a message per file would flood the client on large trees.
        if (now - lastReport > 100 || summary.files === files.length) {
          lastReport = now;
          progress.reporter.report(Math.round((summary.files * 100) / Math.max(1, files.length)), `${summary.files}/${files.length} files`);
        }
      },
    });
    // Files pulled in with `-r`/`-c` whose names the walk does not recognise (deps/base.pip).
    if (!cancelled()) {
      for (const root of roots) {
        const mine = [...state.scanResults.values()].filter((a) => a.file.path.startsWith(root));
        for (const a of await followIncludes(mine, root, (f, o) => analyzePath(f, state, o))) count(a);
      }
    }
    // Files from the previous scan that are gone (deleted, now excluded) lose their stale diagnostics.
    if (!summary.cancelled) for (const gone of previous) publishAnalysis(state, { file: { path: gone, target: 'unknown', text: '', lineStarts: [0] }, findings: [], problems: [] });
  } finally {
    progress.reporter.done();
  }
  summary.ms = Date.now() - started;
  return summary;
}

/** Clears every diagnostic a scan published (e.g. mlsec.enable turned off). */
export function clearScan(state: ServerState): void {
  for (const a of state.scanResults.values()) publishAnalysis(state, { ...a, findings: [], problems: [] });
}
