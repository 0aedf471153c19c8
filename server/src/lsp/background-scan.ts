// The background workspace scan: once after start (delayed, capped on huge trees, off with mlsec.backgroundScan), then kept fresh from file-watcher events.
import { CancellationTokenSource, DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams, FileChangeType } from 'vscode-languageserver/node';
import { analyzePath, isAnalyzable } from '../engine/analyze';
import { detectTarget } from '../engine/targets';
import { isOpen, publishAnalysis } from './scan-publish';
import { logError, publish, type ServerState } from './state';
import { pathToUri, uriToPath } from './uri';
import { scanWorkspace } from './workspace-scan';

/** Files nobody opens but that carry findings: model files, container files, dependency and IaC files. */
export const BACKGROUND_GLOB = '**/{*.pkl,*.pickle,*.pt,*.pth,*.ckpt,*.bin,*.joblib,*.npy,*.npz,*.h5,*.keras,*.safetensors,Dockerfile,Dockerfile.*,*.dockerfile,Containerfile,*.tf,*.tfvars,*.env,.env*,*.yml,*.yaml}';
/** Start this long after `initialized`, so opening the editor and the first files come first. */
const START_DELAY_MS = 1500;
/** Above this many files the background scan is skipped (Scan Workspace still works); said once in the log. */
export const BACKGROUND_MAX_FILES = 5000;

const SKIPPED_DIRS = /[\\/](node_modules|\.git|\.venv|venv|__pycache__|site-packages|\.tox|\.mypy_cache)[\\/]/;

let running: CancellationTokenSource | undefined;

/** Schedules the one background scan after start, unless the setting turns it off. */
export function scheduleBackgroundScan(state: ServerState): void {
  if (state.settings.backgroundScan === false || state.folders.length === 0) return;
  setTimeout(() => void runBackgroundScan(state), START_DELAY_MS).unref?.();
}

async function runBackgroundScan(state: ServerState): Promise<void> {
  if (state.settings.backgroundScan === false || !state.settings.enable || running || state.scanResults.size > 0) return;
  running = new CancellationTokenSource();
  try {
    const summary = await scanWorkspace(state, { background: true, maxFiles: BACKGROUND_MAX_FILES }, running.token);
    if (summary.tooMany) state.connection.console.info(`mlsec: background scan skipped: more than ${BACKGROUND_MAX_FILES} files (run "MLSec: Scan Workspace")`);
  } catch (e) {
    logError(state, 'background scan', e);
  } finally {
    running = undefined;
  }
}

/** Stops a running background scan (a user-started scan or turning it off takes over). */
export function cancelBackgroundScan(): void {
  running?.cancel();
}

/** Asks the client to watch the kinds of files the background scan covers. */
export async function watchBackgroundFiles(state: ServerState): Promise<void> {
  if (!state.caps.watchedFilesDynamic || state.settings.backgroundScan === false) return;
  try {
    await state.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: BACKGROUND_GLOB }] });
  } catch (e) {
    logError(state, 'registering file watchers', e);
  }
}

/**
 * A watched file changed on disk: re-read it (or clear it when deleted) so findings in files nobody
 * opened stay current. Only once a scan has run: before that there is nothing to keep fresh.
 */
export async function refreshChangedFiles(state: ServerState, params: DidChangeWatchedFilesParams): Promise<void> {
  if (state.settings.backgroundScan === false || state.scanResults.size === 0 || !state.settings.enable) return;
  for (const change of params.changes) {
    if (!change.uri.startsWith('file:') || isOpen(state, change.uri)) continue;
    const file = uriToPath(change.uri);
    if (!state.folders.some((f) => file.startsWith(f)) || !isAnalyzable(detectTarget(file))) continue;
    // New files in folders a scan never walks (the walk also honours .gitignore; these are the usual bulk).
    if (!state.scanResults.has(file) && SKIPPED_DIRS.test(file)) continue;
    if (change.type === FileChangeType.Deleted) {
      state.scanResults.delete(file);
      if (state.published.has(change.uri)) publish(state, change.uri, []);
      continue;
    }
    try {
      const a = await analyzePath(file, state);
      state.scanResults.set(file, a);
      publishAnalysis(state, a);
    } catch (e) {
      logError(state, `re-reading ${pathToUri(file)}`, e);
    }
  }
}
