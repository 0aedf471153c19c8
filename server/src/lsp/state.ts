// The language server's mutable state: engine context, open documents, per-document caches and published diagnostics.
import type { Connection, Diagnostic, NotebookDocuments, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineContext, FileAnalysis, PythonAnalysisCache } from '../engine/analyze';
import { NO_FACTS } from '../engine/project-facts';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { withoutBaselined } from './baseline-filter';

/** What the client told us it can do (from `initialize`). */
export interface ClientCaps {
  configuration: boolean;
  watchedFilesDynamic: boolean;
  progress: boolean;
  workspaceFolders: boolean;
  /** window/showDocument (LSP 3.16): the server can open the bundled rule docs itself. */
  showDocument: boolean;
  /** workspace.workspaceEdit.snippetEditSupport (LSP 3.18): edits may carry snippets with tab stops. */
  snippetEdits: boolean;
  /** Client-side commands the client implements (InitializationOptions.clientCommands). */
  clientCommands: ReadonlySet<string>;
  /** The client resolves a code action's `edit` lazily (codeAction/resolve): lookup fixes need it. */
  resolveEdits: boolean;
}

/** Everything handlers share. One instance per server process. */
export interface ServerState extends EngineContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  notebooks: NotebookDocuments<TextDocument>;
  caps: ClientCaps;
  /** Workspace folder paths on disk. */
  folders: string[];
  /** One analysis cache per open document or notebook URI; disposed on close. */
  caches: Map<string, PythonAnalysisCache>;
  /** URIs of open notebooks (NotebookDocuments cannot list them). */
  openNotebooks: Set<string>;
  /** Last diagnostics published per URI (fix-all reads them; cleared on close). */
  published: Map<string, Diagnostic[]>;
  /** Results of the last workspace scan by file path (SARIF export). */
  scanResults: Map<string, FileAnalysis>;
  scanRoot?: string;
}

/** Creates the initial state; registry, documents and connection come from server.ts. */
export function createState(parts: Pick<ServerState, 'connection' | 'documents' | 'notebooks' | 'registry'>): ServerState {
  return {
    ...parts,
    settings: { ...DEFAULT_SETTINGS },
    facts: NO_FACTS,
    caps: { configuration: false, watchedFilesDynamic: false, progress: false, workspaceFolders: false, showDocument: false, snippetEdits: false, clientCommands: new Set(), resolveEdits: false },
    folders: [],
    caches: new Map(),
    openNotebooks: new Set(),
    published: new Map(),
    scanResults: new Map(),
  };
}

/** Publishes (and remembers) diagnostics for a URI. */
export function publish(state: ServerState, uri: string, all: Diagnostic[], version?: number): void {
  // Findings accepted in the configured baseline file are never shown (same fingerprints as the CLI).
  const diagnostics = withoutBaselined(state, uri, all);
  if (diagnostics.length === 0) state.published.delete(uri);
  else state.published.set(uri, diagnostics);
  void state.connection.sendDiagnostics({ uri, diagnostics, version });
}

/** Logs an error from a handler without letting it escape (a throwing handler must never kill the server). */
export function logError(state: Pick<ServerState, 'connection'>, where: string, e: unknown): void {
  const err = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  state.connection.console.error(`mlsec: ${where} failed: ${err}`);
}
