// Workspace facts: reads dependency files (requirements*, pyproject, locks...) into ProjectFacts, and watches them.
import * as fs from 'fs';
import * as path from 'path';
import { DidChangeWatchedFilesNotification, type DidChangeWatchedFilesParams } from 'vscode-languageserver/node';
import { walk } from '../cli/walk';
import { factsFromFiles, isDependencyFile } from '../engine/project-facts';
import { readInstalledEnvironment } from '../plugins/supply-chain/installed';
import { relPath } from '../output/report';
import { logError, type ServerState } from './state';
import { uriToPath } from './uri';

/** Glob for the client-side watcher: every name isDependencyFile accepts (watchers cannot call it). */
export const DEPENDENCY_GLOB = '**/{requirements*.txt,requirements*.in,constraints*.txt,pyproject.toml,setup.cfg,setup.py,Pipfile,Pipfile.lock,poetry.lock,uv.lock,pylock.toml,environment.yml,environment.yaml,conda-lock.yml,conda-lock.yaml}';

/** Reads every dependency file in the workspace folders and replaces `state.facts`. Returns whether they changed. */
export async function rebuildFacts(state: ServerState): Promise<boolean> {
  const files: { path: string; text: string }[] = [];
  for (const root of state.folders) {
    const { dependencyFiles } = walk([root], { root, include: [], exclude: state.settings.exclude, gitignore: true });
    for (const f of dependencyFiles) {
      try {
        // Relative names read better in messages ("requirements.txt requires torch>=2.6").
        files.push({ path: relPath(root, f), text: await fs.promises.readFile(f, 'utf8') });
      } catch {
        // Deleted between walk and read, or unreadable: it simply declares nothing.
      }
    }
  }
  const facts = factsFromFiles(files);
  // The configured environment's installed versions feed pinning fixes; only in trusted workspaces,
  // since a workspace could otherwise point the setting at whatever it likes. Read from disk, never run.
  const python = state.settings.trusted ? state.settings.pythonPath : undefined;
  if (python) {
    const installed = readInstalledEnvironment(path.isAbsolute(python) || state.folders.length === 0 ? python : path.join(state.folders[0], python));
    if (installed) facts.installed = installed;
  }
  const changed = JSON.stringify(facts) !== JSON.stringify(state.facts);
  state.facts = facts;
  return changed;
}

/** Asks the client to watch dependency files for us, when it supports dynamic registration. */
export async function watchDependencyFiles(state: ServerState): Promise<void> {
  if (!state.caps.watchedFilesDynamic) return;
  try {
    await state.connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: [{ globPattern: DEPENDENCY_GLOB }] });
  } catch (e) {
    logError(state, 'registering file watchers', e);
  }
}

let running: Promise<void> | undefined;
let again = false;

/** Rebuilds facts (one rebuild at a time; changes during a rebuild cause one more) and re-analyses if they changed. */
export function refreshFacts(state: ServerState, reanalyze: () => void): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    do {
      again = false;
      try {
        if (await rebuildFacts(state)) reanalyze();
      } catch (e) {
        logError(state, 'reading dependency files', e);
      }
    } while (again);
    running = undefined;
  })();
  return running;
}

/** workspace/didChangeWatchedFiles: a dependency file changed → new facts → re-analysis. */
export function onDidChangeWatchedFiles(state: ServerState, params: DidChangeWatchedFilesParams, reanalyze: () => void): void {
  if (params.changes.some((c) => isDependencyFile(uriToPath(c.uri)))) void refreshFacts(state, reanalyze);
}
