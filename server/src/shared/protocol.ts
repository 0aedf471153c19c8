// Names and payloads of the custom requests/notifications between the mlsec client and server (no imports: the client bundles this).

/** A 0-based LSP position. */
export interface LspPosition {
  line: number;
  character: number;
}

/** An LSP text edit (kept local so this file has no dependencies). */
export interface LspTextEdit {
  range: { start: LspPosition; end: LspPosition };
  newText: string;
}

/** A fix carried by a diagnostic, already converted to edits of the diagnostic's document. */
export interface DiagnosticFix {
  title: string;
  /** Safe fixes are preferred quick fixes and are applied by `source.fixAll.mlsec`. */
  safe: boolean;
  edits: LspTextEdit[];
  /** Set when the edits hold slots an online lookup of this key fills on codeAction/resolve (mlsec.network.enabled). */
  lookup?: string;
}

/** `Diagnostic.data` of every mlsec finding: code actions are built from this alone. */
export interface DiagnosticData {
  ruleId: string;
  fixes: DiagnosticFix[];
  /** The edit adding `# mlsec: ignore[ruleId] ...` for this line; absent where no comment can go (model files). */
  ignore?: LspTextEdit;
  /** Set on findings in a notebook cell's saved outputs: offers "clear outputs" (client command) instead of text edits. */
  output?: { notebook: string; cell: number };
}

/** What the client sends as `initializationOptions`. */
export interface InitializationOptions {
  /** `vscode.workspace.isTrusted` at start. */
  trusted?: boolean;
  /**
   * Client-side commands (ids from `Commands`) this client implements. Code actions use only these;
   * other clients get the server-side `ServerCommands` through workspace/executeCommand instead.
   */
  clientCommands?: string[];
}

/** `CodeAction.data` of a pinning fix that looks its value up when the user picks it (codeAction/resolve). */
export interface LookupActionData {
  mlsecLookup: { uri: string; key: string; edits: LspTextEdit[] };
}

/** Client → server notification: the user granted workspace trust. */
export const TrustChangedNotification = 'mlsec/trustChanged';
/** Payload of `mlsec/trustChanged`. */
export interface TrustChangedParams {
  trusted: boolean;
}

/** Client → server request: scan every file of the workspace folders; reports window/workDoneProgress, cancellable. */
export const ScanWorkspaceRequest = 'mlsec/scanWorkspace';
/** Payload of `mlsec/scanWorkspace`. */
export interface ScanWorkspaceParams {
  /** Folder URIs to scan instead of the workspace folders (tests, multi-root subsets). */
  folders?: string[];
  /** Client-created progress token (LSP WorkDoneProgressParams): the server reports on it instead of creating its own. */
  workDoneToken?: string | number;
  /** The server's own background scan: no progress UI. */
  background?: boolean;
  /** Scan nothing when the walk finds more files than this (`tooMany` in the summary). */
  maxFiles?: number;
}
/** Result of a workspace scan. */
export interface ScanSummary {
  /** Files analysed (including skipped ones). */
  files: number;
  findings: number;
  /** Files with at least one finding. */
  filesWithFindings: number;
  /** Files skipped (too large, unreadable, binary). */
  skipped: number;
  /** True when the scan was cancelled before the end; counts cover what was scanned. */
  cancelled: boolean;
  /** Wall-clock time of the scan in milliseconds. */
  ms: number;
  /** Set when `maxFiles` stopped the scan before it started. */
  tooMany?: boolean;
}

/** Client → server request: analyse one file (open document or file on disk) and publish its diagnostics. */
export const ScanFileRequest = 'mlsec/scanFile';
/** Payload of `mlsec/scanFile`. */
export interface ScanFileParams {
  uri: string;
}
/** Result of `mlsec/scanFile`. */
export interface ScanFileResult {
  findings: number;
  problems: number;
}

/** Client → server request: the SARIF 2.1.0 log of the last workspace scan (scans first if there was none). */
export const ExportSarifRequest = 'mlsec/exportSarif';
/** Payload of `mlsec/exportSarif`. */
export interface ExportSarifParams {
  /** Run a fresh workspace scan before exporting. */
  rescan?: boolean;
}
/** Result of `mlsec/exportSarif`: the log as a JSON value; the client writes it where the user chose. */
export interface ExportSarifResult {
  sarif: unknown;
  results: number;
}

/** Client → server request: a rule's documentation as Markdown, so the client needs no file access. */
export const RuleDocsRequest = 'mlsec/ruleDocs';
/** Payload of `mlsec/ruleDocs`. */
export interface RuleDocsParams {
  ruleId: string;
}
/** Result of `mlsec/ruleDocs`; null when the rule id is unknown. */
export interface RuleDocsResult {
  ruleId: string;
  title: string;
  markdown: string;
  href: string;
}

/** Client → server request: generate the workspace's threat model and write it to `threat-model.md` at the folder root. */
export const GenerateThreatModelRequest = 'mlsec/generateThreatModel';
/** Payload of `mlsec/generateThreatModel`. */
export interface GenerateThreatModelParams {
  /** Folder URI; default: the first workspace folder. */
  folder?: string;
}
/** Result of `mlsec/generateThreatModel`: the written file, or why nothing was written. */
export interface GenerateThreatModelResult {
  uri?: string;
  findings?: number;
  error?: string;
}

/** VS Code command ids contributed by the extension. */
export const Commands = {
  scanWorkspace: 'mlsec.scanWorkspace',
  scanFile: 'mlsec.scanFile',
  exportSarif: 'mlsec.exportSarif',
  showRuleDocs: 'mlsec.showRuleDocs',
  generateThreatModel: 'mlsec.generateThreatModel',
  clearCellOutputs: 'mlsec.clearCellOutputs',
  /** Arguments: `[ruleId]`. Sets `mlsec.rules[ruleId]` to `off` in the workspace settings. */
  disableRule: 'mlsec.disableRule',
  /** Undoes every "Disable <rule> in this workspace". */
  enableDisabledRules: 'mlsec.enableDisabledRules',
  /** The status-bar menu: scan, open Problems, settings. */
  showMenu: 'mlsec.showMenu',
} as const;

/**
 * Commands the server executes itself (workspace/executeCommand), for clients without mlsec's own.
 * Ids differ from `Commands`: vscode-languageclient registers server commands as VS Code commands.
 */
export const ServerCommands = {
  /** Arguments: `[ruleId]`. Opens the bundled rule page with window/showDocument when the client can; returns `RuleDocsResult | null`. */
  showRuleDocs: 'mlsec.server.showRuleDocs',
} as const;

/**
 * Client → server notification: the saved outputs of an open notebook, decoded to text (LSP notebook
 * sync carries only cell text). Sent on open and whenever outputs change; replaces the previous payload.
 */
export const NotebookOutputsNotification = 'mlsec/notebookOutputs';
/** Payload of `mlsec/notebookOutputs`: per cell (by cell document URI), its text outputs. */
export interface NotebookOutputsParams {
  notebook: string;
  cells: { cell: string; outputs: { kind: string; text: string }[] }[];
}
/** Arguments of the client command `mlsec.clearCellOutputs`: clear the outputs of these cells (0-based indexes and/or cell document URIs). */
export interface ClearCellOutputsArgs {
  notebook: string;
  cells?: number[];
  cellUris?: string[];
}

/** Where a rule's public documentation lives (diagnostic `codeDescription.href`). */
export function ruleDocsUrl(ruleId: string): string {
  return `https://github.com/mlsec-dev/mlsec/blob/main/docs/rules/${encodeURIComponent(ruleId)}.md`;
}

/** The code action kind of mlsec's fix-all. */
export const FIX_ALL_KIND = 'source.fixAll.mlsec';
