// initialize / initialized: records client capabilities, trust and folders; declares what the server provides.
import { CodeActionKind, type InitializeParams, type InitializeResult, TextDocumentSyncKind } from 'vscode-languageserver/node';
import { initEngine } from '../engine/analyze';
import { FIX_ALL_KIND, type InitializationOptions, ServerCommands } from '../shared/protocol';
import { scheduleBackgroundScan, watchBackgroundFiles } from './background-scan';
import { refreshFacts, watchDependencyFiles } from './facts';
import { onDidChangeWorkspaceFolders } from './workspace-folders';
import { pullSettings } from './settings';
import type { ServerState } from './state';
import { uriToPath } from './uri';

/** initialize: parsers are loaded here so no document is analysed before they are ready. */
export async function onInitialize(state: ServerState, params: InitializeParams): Promise<InitializeResult> {
  await initEngine();
  const caps = params.capabilities;
  const options = params.initializationOptions as InitializationOptions | undefined;
  state.caps = {
    configuration: caps.workspace?.configuration === true,
    watchedFilesDynamic: caps.workspace?.didChangeWatchedFiles?.dynamicRegistration === true,
    progress: caps.window?.workDoneProgress === true,
    workspaceFolders: caps.workspace?.workspaceFolders === true,
    showDocument: caps.window?.showDocument?.support === true,
    snippetEdits: (caps.workspace?.workspaceEdit as { snippetEditSupport?: boolean } | undefined)?.snippetEditSupport === true,
    clientCommands: new Set(Array.isArray(options?.clientCommands) ? options.clientCommands.filter((c) => typeof c === 'string') : []),
    resolveEdits: caps.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true,
  };
  // Untrusted only when the client says so: other editors and tests have no notion of trust.
  state.settings.trusted = options?.trusted !== false;
  const folders = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  state.folders = folders.filter((u) => u.startsWith('file:')).map(uriToPath);
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental },
      notebookDocumentSync: { notebookSelector: [{ notebook: { notebookType: 'jupyter-notebook' }, cells: [{ language: 'python' }] }] },
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
      // Threat-model ids: completion in *.threatmodel.yaml, hover there and in suppression comments.
      completionProvider: { triggerCharacters: ['.', '-'] },
      hoverProvider: true,
      // "Show documentation" for clients without mlsec's client command (rule-docs.ts).
      executeCommandProvider: { commands: [ServerCommands.showRuleDocs] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'mlsec' },
  };
}

/** initialized: pull settings, watch dependency files, read workspace facts, then analyse what is open. */
export async function onInitialized(state: ServerState, reanalyze: () => void): Promise<void> {
  await pullSettings(state);
  reanalyze();
  // The library throws if this is registered for a client without workspace folder support.
  if (state.caps.workspaceFolders) state.connection.workspace.onDidChangeWorkspaceFolders((e) => onDidChangeWorkspaceFolders(state, e, reanalyze));
  await watchDependencyFiles(state);
  await refreshFacts(state, reanalyze);
  // With facts in place: findings in files nobody opened (model files, Dockerfiles, IaC).
  await watchBackgroundFiles(state);
  scheduleBackgroundScan(state);
}
