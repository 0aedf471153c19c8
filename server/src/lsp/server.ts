// mlsec language server entry point: creates the connection and wires each LSP message to its handler module.
import { createConnection, NotebookDocuments, ProposedFeatures, TextDocuments } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { loadRegistry, type Registry } from '../engine/registry';
import { codeRules } from '../rules';
import * as P from '../shared/protocol';
import { onCodeAction } from './code-actions';
import { closeDocument, scheduleDocument } from './diagnostics';
import { onDidChangeWatchedFiles } from './facts';
import { onInitialize, onInitialized } from './initialize';
import { onCodeActionResolve } from './pin-lookup';
import { forgetNotebookOutputs, setNotebookOutputs } from './notebook-outputs';
import { clearCells, closeNotebook, scheduleNotebook } from './notebooks';
import { reanalyzeAll } from './reanalyze';
import { executeShowRuleDocs, ruleDocs } from './rule-docs';
import { onCustomRequest } from './requests';
import { exportSarif } from './sarif-export';
import { cancelBackgroundScan, refreshChangedFiles } from './background-scan';
import { scanFile } from './scan-file';
import { onNotebookClosed, onNotebookOpened } from './scan-publish';
import { onDidChangeConfiguration, onTrustChanged } from './settings';
import { createState, logError } from './state';
import { onThreatModelCompletion } from './threat-model-completion';
import { generateThreatModelRequest } from './threat-model-generate';
import { onThreatModelHover } from './threat-model-hover';
import { clearScan, scanWorkspace } from './workspace-scan';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const notebooks = new NotebookDocuments(TextDocument);

let catalogueError: string | undefined;

function loadCatalogue(): Registry {
  try {
    return loadRegistry(codeRules);
  } catch (e) {
    // A broken card must not stop the server: run with no rules and say why once the client is listening.
    catalogueError = `mlsec could not load its rules: ${(e as Error).message}`;
    return { cards: [], byId: new Map(), python: new Map() };
  }
}

const state = createState({ connection, documents, notebooks, registry: loadCatalogue() });
const reanalyze = () => reanalyzeAll(state);
const safely = (where: string, fn: () => unknown) => {
  try {
    const r = fn();
    if (r instanceof Promise) r.catch((e: unknown) => logError(state, where, e));
  } catch (e) {
    logError(state, where, e);
  }
};

connection.onInitialize((params) => onInitialize(state, params));
connection.onInitialized(() => {
  if (catalogueError) {
    state.connection.console.error(catalogueError);
    void connection.window.showErrorMessage(catalogueError);
  }
  safely('initialized', () => onInitialized(state, reanalyze));
});
connection.onShutdown(() => {
  for (const cache of state.caches.values()) cache.dispose();
  state.caches.clear();
});

// Text documents: TextDocuments applies incremental changes; onDidChangeContent also fires on open.
documents.onDidChangeContent((e) => scheduleDocument(state, e.document.uri));
documents.onDidClose((e) => safely('didClose', () => closeDocument(state, e.document.uri)));

notebooks.onDidOpen((nb) => {
  state.openNotebooks.add(nb.uri);
  safely('notebook open', () => onNotebookOpened(state, nb.uri));
  scheduleNotebook(state, nb.uri);
});
notebooks.onDidChange((e) => {
  safely('notebook change', () => clearCells(state, e.cells?.removed.map((c) => c.document) ?? []));
  scheduleNotebook(state, e.notebookDocument.uri);
});
notebooks.onDidClose((nb) => {
  state.openNotebooks.delete(nb.uri);
  forgetNotebookOutputs(nb.uri);
  safely('notebook close', () => closeNotebook(state, nb));
  safely('notebook close', () => onNotebookClosed(state, nb.uri));
});

connection.onCodeAction((params) => onCodeAction(state, params));
connection.onCodeActionResolve((action) => onCodeActionResolve(state, action));
connection.onDidChangeConfiguration((params) =>
  safely('didChangeConfiguration', async () => {
    const wasEnabled = state.settings.enable;
    await onDidChangeConfiguration(state, params, reanalyze);
    if (wasEnabled && !state.settings.enable) clearScan(state);
    if (state.settings.backgroundScan === false) cancelBackgroundScan();
  }),
);
connection.onDidChangeWatchedFiles((params) => {
  safely('didChangeWatchedFiles', () => onDidChangeWatchedFiles(state, params, reanalyze));
  safely('didChangeWatchedFiles', () => refreshChangedFiles(state, params));
});
connection.onNotification(P.NotebookOutputsNotification, (params: P.NotebookOutputsParams) =>
  safely('notebookOutputs', () => {
    setNotebookOutputs(state, params);
    scheduleNotebook(state, params.notebook);
  }),
);
connection.onNotification(P.TrustChangedNotification, (params: P.TrustChangedParams) => safely('trustChanged', () => onTrustChanged(state, params, reanalyze)));

// Custom requests accept no params, `[]` or `[{…}]` as well as an object (generic clients such as Neovim).
onCustomRequest<P.ScanWorkspaceParams, Promise<P.ScanSummary>>(connection, P.ScanWorkspaceRequest, (params, token) => {
  // A scan someone asked for replaces the background one (and `background` is the server's own flag).
  cancelBackgroundScan();
  return scanWorkspace(state, { ...params, background: false }, token);
});
onCustomRequest<P.ScanFileParams, Promise<P.ScanFileResult>>(connection, P.ScanFileRequest, (params) => scanFile(state, params));
onCustomRequest<P.ExportSarifParams, Promise<P.ExportSarifResult>>(connection, P.ExportSarifRequest, (params, token) => exportSarif(state, params, token));
onCustomRequest<P.RuleDocsParams, P.RuleDocsResult | null>(connection, P.RuleDocsRequest, (params) => ruleDocs(state, params));
onCustomRequest<P.GenerateThreatModelParams, Promise<P.GenerateThreatModelResult>>(connection, P.GenerateThreatModelRequest, (params) => generateThreatModelRequest(state, params));
connection.onExecuteCommand((params) => {
  if (params.command === P.ServerCommands.showRuleDocs) return executeShowRuleDocs(state, params.arguments);
  return null;
});
connection.onCompletion((params) => onThreatModelCompletion(state, params));
connection.onHover((params) => onThreatModelHover(state, params));

// Last resort: an error escaping a handler is logged, never fatal (other documents keep their results).
process.on('uncaughtException', (e) => logError(state, 'uncaught exception', e));
process.on('unhandledRejection', (e) => logError(state, 'unhandled rejection', e));

documents.listen(connection);
notebooks.listen(connection);
connection.listen();
