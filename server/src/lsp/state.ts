// The language server's mutable state: engine context, open documents, per-document caches and published diagnostics.
import type { Connection, Diagnostic, NotebookDocuments, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { EngineContext, FileAnalysis, PythonAnalysisCache } from '../engine/analyze';
import { NO_FACTS } from '../engine/project-facts';
import { DEFAULT_SETTINGS } from '../shared/settings';
import { Redactor } from '../output/redaction';
import { withoutBaselined } from './baseline-filter';
import { redactDiagnostics } from './redact-diagnostics';

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

/** The text the editor holds for `uri` (a document or a notebook cell), if any. */
function heldText(state: ServerState, uri: string): string | undefined {
  const doc = state.documents.get(uri);
  if (doc) return doc.getText();
  const cell = state.notebooks.getNotebookCell(uri);
  return cell ? state.notebooks.getCellTextDocument(cell)?.getText() : undefined;
}

/**
 * Publishes (and remembers) diagnostics for a URI. The one way diagnostics leave the server, so
 * redaction happens here: `text` is the analysed text when the editor does not hold the document.
 */
export function publish(state: ServerState, uri: string, all: Diagnostic[], version?: number, text?: string): void {
  // Findings accepted in the configured baseline file are never shown (same fingerprints as the CLI).
  const diagnostics = redactDiagnostics(state.registry, text ?? heldText(state, uri), withoutBaselined(state, uri, all));
  if (diagnostics.length === 0) state.published.delete(uri);
  else state.published.set(uri, diagnostics);
  void state.connection.sendDiagnostics({ uri, diagnostics, version });
}

const LOG_REDACTOR = new Redactor();

/** Logs an error from a handler without letting it escape (a throwing handler must never kill the server). */
export function logError(state: Pick<ServerState, 'connection'>, where: string, e: unknown): void {
  const err = e instanceof Error ? `${e.message}\n${e.stack ?? ''}` : String(e);
  // Error messages can quote input (a JSON parser's excerpt): secret-shaped text is masked in the log too.
  state.connection.console.error(LOG_REDACTOR.text(`mlsec: ${where} failed: ${err}`));
}
