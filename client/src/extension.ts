// VS Code entry point: starts the mlsec language server, registers commands, forwards workspace trust, returns a test API.
import * as path from 'path';
import * as vscode from 'vscode';
import { LanguageClient, type LanguageClientOptions, type ServerOptions, TransportKind } from 'vscode-languageclient/node';
import { Commands, type InitializationOptions, type ScanFileResult, type ScanSummary, TrustChangedNotification } from '../../server/src/shared/protocol';
import { exportSarif, scanFile, type ScanOptions, scanWorkspace } from './commands';
import { configurationMiddleware, useUserDecisions } from './configuration';
import { DOCS_SCHEME, RuleDocsProvider, showRuleDocs } from './rule-docs';
import { registerNotebookOutputs } from './notebook-outputs';
import { generateThreatModel } from './threat-model';
import { disableRule, enableDisabledRules } from './disable-rule';
import { registerStatusBar, showMenu } from './status-bar';

/** What `activate` returns: handles for tests and other extensions. */
export interface MlsecApi {
  client: LanguageClient;
  scanWorkspace(opts?: ScanOptions): Promise<ScanSummary>;
  scanFile(uri?: vscode.Uri | string): Promise<ScanFileResult | undefined>;
  exportSarif(target?: vscode.Uri | string): Promise<{ uri: vscode.Uri; results: number } | undefined>;
  showRuleDocs(ruleId: string): Promise<vscode.Uri | undefined>;
}

let client: LanguageClient | undefined;

function clientOptions(): LanguageClientOptions {
  return {
    documentSelector: [
      { scheme: 'file', language: 'python' },
      { scheme: 'untitled', language: 'python' },
      // Raw notebooks opened as text: by path, whatever language VS Code assigns.
      { scheme: 'file', pattern: '**/*.ipynb' },
      // Notebook cells (synced through notebook sync); listed so code actions reach them.
      { notebook: 'jupyter-notebook', language: 'python' },
      // Dependency files, container and IaC files, config and env files: the server analyses the kinds
      // its plugins handle and ignores the rest.
      { scheme: 'file', pattern: '**/{Dockerfile,Dockerfile.*,*.dockerfile,Containerfile}' },
      { scheme: 'file', pattern: '**/{requirements,constraints}*.{txt,in}' },
      { scheme: 'file', pattern: '**/{pyproject.toml,Pipfile,setup.cfg,*.threatmodel.yaml}' },
      { scheme: 'file', pattern: '**/*.{yml,yaml,json,toml,tf,tfvars,ini,cfg,env}' },
      { scheme: 'file', pattern: '**/.env*' },
      // Credentials files (secrets).
      { scheme: 'file', pattern: '**/{.netrc,_netrc,.pypirc,.npmrc,.git-credentials,.s3cfg,.boto,*.pem,*.key}' },
      { scheme: 'file', pattern: '**/.aws/{credentials,config}' },
    ],
    synchronize: { configurationSection: 'mlsec' },
    initializationOptions: { trusted: vscode.workspace.isTrusted, clientCommands: [Commands.showRuleDocs, Commands.clearCellOutputs, Commands.disableRule] } satisfies InitializationOptions,
    middleware: { workspace: configurationMiddleware },
  };
}

/** Starts the client and wires commands; resolves once the server is running. */
export async function activate(context: vscode.ExtensionContext): Promise<MlsecApi> {
  const module = context.asAbsolutePath(path.join('server', 'out', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6019'] } },
  };
  useUserDecisions(context.workspaceState);
  const c = new LanguageClient('mlsec', 'MLSec', serverOptions, clientOptions());
  client = c;
  const api: MlsecApi = {
    client: c,
    scanWorkspace: (opts) => scanWorkspace(c, true, opts),
    scanFile: (uri) => scanFile(c, uri),
    exportSarif: (target) => exportSarif(c, target),
    showRuleDocs: (ruleId) => showRuleDocs(ruleId),
  };
  context.subscriptions.push(
    vscode.workspace.registerTextDocumentContentProvider(DOCS_SCHEME, new RuleDocsProvider(c)),
    vscode.commands.registerCommand(Commands.scanWorkspace, () => scanWorkspace(c)),
    vscode.commands.registerCommand(Commands.scanFile, (uri?: vscode.Uri) => scanFile(c, uri)),
    vscode.commands.registerCommand(Commands.exportSarif, (target?: vscode.Uri | string) => exportSarif(c, target)),
    vscode.commands.registerCommand(Commands.showRuleDocs, (ruleId?: string) => showRuleDocs(ruleId)),
    vscode.commands.registerCommand(Commands.disableRule, (ruleId?: string) => disableRule(c, ruleId)),
    vscode.commands.registerCommand(Commands.enableDisabledRules, () => enableDisabledRules(c)),
    vscode.commands.registerCommand(Commands.showMenu, (pick?: string) => showMenu(typeof pick === 'string' ? pick : undefined)),
    vscode.commands.registerCommand(Commands.generateThreatModel, (folder?: vscode.Uri, quiet?: boolean) => generateThreatModel(c, folder, quiet === true)),
    vscode.workspace.onDidGrantWorkspaceTrust(() => void c.sendNotification(TrustChangedNotification, { trusted: true })),
  );
  registerStatusBar(context);
  await c.start();
  // After start: the server must be listening before the first outputs payload arrives.
  registerNotebookOutputs(context, c);
  return api;
}

/** Stops the server (the client waits for shutdown/exit, so no orphan process is left). */
export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}
