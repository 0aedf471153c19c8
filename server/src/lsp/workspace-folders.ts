// Workspace folders added or removed: update the folder list and re-read dependency facts.
import type { WorkspaceFoldersChangeEvent } from 'vscode-languageserver/node';
import { refreshFacts } from './facts';
import { logError, type ServerState } from './state';
import { uriToPath } from './uri';

/** workspace/didChangeWorkspaceFolders. */
export function onDidChangeWorkspaceFolders(state: ServerState, e: WorkspaceFoldersChangeEvent, reanalyze: () => void): void {
  const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
  const added = e.added.filter((f) => f.uri.startsWith('file:')).map((f) => uriToPath(f.uri));
  state.folders = [...state.folders.filter((f) => !removed.has(f)), ...added];
  refreshFacts(state, reanalyze).catch((err: unknown) => logError(state, 'workspace folders', err));
}
