// Test harness: spawns the bundled language server over stdio and drives it with a real protocol connection.
import { type ChildProcess, spawn } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  type Diagnostic,
  type ProtocolConnection,
  PublishDiagnosticsNotification,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-languageserver-protocol/node';

const ROOT = path.resolve(__dirname, '../..');
export const SERVER = path.join(ROOT, 'server/out/server.js');

/** A running server plus what it has told us. */
export interface Harness {
  conn: ProtocolConnection;
  proc: ChildProcess;
  /** Latest diagnostics per URI. */
  diagnostics: Map<string, Diagnostic[]>;
  /** `$/progress` payloads received, in order. */
  progress: unknown[];
  /** Settings returned for workspace/configuration `mlsec` (mutable by tests). */
  settings: Record<string, unknown>;
  stderr: string[];
  /** window/showDocument requests the server sent (only with `showDocument: true`). */
  shownDocuments: { uri: string; external?: boolean }[];
  /** window/showMessage notifications received. */
  messages: { type: number; message: string }[];
  /** Resolves with the next diagnostics for `uri` that satisfy `pred` (or the current ones if they already do). */
  waitFor(uri: string, pred: (d: Diagnostic[]) => boolean, ms?: number): Promise<Diagnostic[]>;
  stop(): Promise<void>;
}

/** Starts the server, runs initialize/initialized with the given folder and options. */
export async function startServer(
  opts: { folder?: string; trusted?: boolean; settings?: Record<string, unknown>; showDocument?: boolean; snippetEdits?: boolean; initializationOptions?: Record<string, unknown>; env?: Record<string, string> } = {},
): Promise<Harness> {
  const proc = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'], env: { ...process.env, ...opts.env } });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  const diagnostics = new Map<string, Diagnostic[]>();
  const waiters: { uri: string; pred: (d: Diagnostic[]) => boolean; resolve: (d: Diagnostic[]) => void; reject: (e: Error) => void }[] = [];
  const stderr: string[] = [];
  proc.stderr!.on('data', (b: Buffer) => stderr.push(b.toString()));
  // A dead server fails the waiting test at once, with its stderr, instead of hanging it.
  proc.once('exit', (code) => waiters.splice(0).forEach((w) => w.reject(new Error(`server exited (${code}): ${stderr.join('')}`))));
  const h: Harness = {
    conn,
    proc,
    diagnostics,
    progress: [],
    // The background scan is off unless a test turns it on: it would race the scans tests start themselves.
    settings: { backgroundScan: false, ...opts.settings },
    stderr,
    shownDocuments: [],
    messages: [],
    waitFor(uri, pred, ms = 5000) {
      const now = diagnostics.get(uri);
      if (now && pred(now)) return Promise.resolve(now);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`timeout waiting for diagnostics on ${uri}; last: ${JSON.stringify(diagnostics.get(uri))}\n${stderr.join('')}`)), ms);
        waiters.push({ uri, pred, resolve: (d) => (clearTimeout(timer), resolve(d)), reject: (e) => (clearTimeout(timer), reject(e)) });
      });
    },
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      try {
        await conn.sendRequest('shutdown');
        await conn.sendNotification('exit');
      } catch {
        proc.kill();
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000)).then(() => proc.kill('SIGKILL'))]);
      conn.dispose();
    },
  };
  conn.onNotification(PublishDiagnosticsNotification.type, (p) => {
    diagnostics.set(p.uri, p.diagnostics);
    for (const w of [...waiters]) {
      if (w.uri === p.uri && w.pred(p.diagnostics)) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve(p.diagnostics);
      }
    }
  });
  conn.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) => p.items.map((i) => (i.section === 'mlsec' ? h.settings : null)));
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onRequest('client/registerCapability', () => null);
  conn.onNotification('$/progress', (p) => {
    h.progress.push(p);
  });
  conn.onNotification('window/logMessage', () => undefined);
  conn.onNotification('window/showMessage', (m: { type: number; message: string }) => {
    h.messages.push(m);
  });
  conn.onRequest('window/showDocument', (p: { uri: string; external?: boolean }) => {
    h.shownDocuments.push(p);
    return { success: true };
  });
  // showWarningMessage & co. are requests (the user may pick an action): record and dismiss them.
  conn.onRequest('window/showMessageRequest', (m: { type: number; message: string }) => (h.messages.push(m), null));
  conn.listen();
  const folder = opts.folder;
  const died = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`server exited (${code}) during initialize: ${stderr.join('')}`))));
  await Promise.race([died, conn.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder ? pathToFileURL(folder).href : null,
    workspaceFolders: folder ? [{ uri: pathToFileURL(folder).href, name: 'ws' }] : null,
    capabilities: {
      workspace: { configuration: true, didChangeWatchedFiles: { dynamicRegistration: true }, workspaceFolders: true, ...(opts.snippetEdits ? { workspaceEdit: { snippetEditSupport: true } } : {}) },
      window: { workDoneProgress: true, ...(opts.showDocument ? { showDocument: { support: true } } : {}) },
      textDocument: { publishDiagnostics: { relatedInformation: true, versionSupport: true, codeDescriptionSupport: true, dataSupport: true }, codeAction: { dataSupport: true, resolveSupport: { properties: ['edit'] } } },
      notebookDocument: { synchronization: { dynamicRegistration: false } },
    },
    initializationOptions: { trusted: opts.trusted ?? true, ...opts.initializationOptions },
  })]);
  await conn.sendNotification('initialized', {});
  return h;
}

/** Applies LSP text edits to a string (edits must not overlap). */
export function applyEdits(text: string, edits: { range: { start: { line: number; character: number }; end: { line: number; character: number } }; newText: string }[]): string {
  const lines = text.split('\n');
  const offset = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((n, l) => n + l.length + 1, 0) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let out = text;
  for (const e of sorted) out = out.slice(0, offset(e.range.start)) + e.newText + out.slice(offset(e.range.end));
  return out;
}

/** A file: URI for a path. */
export const uriOf = (p: string) => pathToFileURL(p).href;
