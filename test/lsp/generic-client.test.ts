// Protocol tests for generic LSP clients (Neovim, Helix…): custom requests without params or with `[]`, the server-side docs command, bundled docs links.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import type { RuleDocsResult, ScanSummary } from '../../server/src/shared/protocol';
import { type Harness, startServer, uriOf } from './harness';

let dir: string;
const servers: Harness[] = [];
const start = async (opts: Parameters<typeof startServer>[0] = {}) => {
  const h = await startServer({ folder: dir, ...opts });
  servers.push(h);
  return h;
};

/**
 * Sends one request with exactly these JSON `params` bytes (the protocol library would wrap `[]`
 * as `[[]]`), reading the reply off the server's stdout beside the harness's own reader.
 */
function rawRequest(h: Harness, id: string, method: string, params?: unknown): Promise<{ result?: unknown; error?: { code: number; message: string } }> {
  const body = JSON.stringify(params === undefined ? { jsonrpc: '2.0', id, method } : { jsonrpc: '2.0', id, method, params });
  return new Promise((resolve, reject) => {
    let seen = '';
    const timer = setTimeout(() => reject(new Error(`no reply to ${method} ${body}`)), 10000);
    const onData = (b: Buffer) => {
      seen += b.toString('utf8');
      for (const m of seen.matchAll(/Content-Length: (\d+)\r\n\r\n/g)) {
        const start = m.index + m[0].length;
        const text = Buffer.from(seen.slice(start), 'utf8').subarray(0, Number(m[1])).toString('utf8');
        if (Buffer.byteLength(text) < Number(m[1])) continue;
        const msg = JSON.parse(text) as { id?: string; result?: unknown; error?: { code: number; message: string } };
        if (msg.id === id) {
          clearTimeout(timer);
          h.proc.stdout!.off('data', onData);
          resolve(msg);
          return;
        }
      }
    };
    h.proc.stdout!.on('data', onData);
    h.proc.stdin!.write(`Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
  });
}

before(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-lsp-generic-'));
  fs.writeFileSync(path.join(dir, 'train.py'), 'import torch\nm = torch.load(p)\n');
});
after(async () => {
  for (const h of servers) await h.stop();
  fs.rmSync(dir, { recursive: true, force: true });
});

test('mlsec/scanWorkspace answers a request without params, with [] and with [{}] (not an internal error)', async () => {
  const h = await start();
  for (const [i, params] of [undefined, [], [{}], {}].entries()) {
    const reply = await rawRequest(h, `raw-${i}`, 'mlsec/scanWorkspace', params);
    assert.equal(reply.error, undefined, `params ${JSON.stringify(params)}: ${JSON.stringify(reply.error)}`);
    const summary = reply.result as ScanSummary;
    assert.equal(summary.cancelled, false);
    assert.equal(summary.files, 1, JSON.stringify(summary));
    assert.equal(summary.findings, 1);
  }
  assert.ok(h.diagnostics.get(uriOf(path.join(dir, 'train.py')))?.some((d) => d.code === 'unsafe-torch-load'));
});

test('mlsec/ruleDocs and mlsec/scanFile with missing params: null and InvalidParams, not a crash', async () => {
  const h = await start();
  assert.equal((await rawRequest(h, 'docs-none', 'mlsec/ruleDocs')).result, null);
  const scan = await rawRequest(h, 'file-none', 'mlsec/scanFile', []);
  assert.equal(scan.error?.code, -32602, JSON.stringify(scan));
  // Still serving afterwards.
  const docs = (await rawRequest(h, 'docs-ok', 'mlsec/ruleDocs', { ruleId: 'unsafe-torch-load' })).result as RuleDocsResult;
  assert.equal(docs.ruleId, 'unsafe-torch-load');
});

async function torchDiagnostic(h: Harness): Promise<{ uri: string; diag: Diagnostic }> {
  const uri = uriOf(path.join(dir, 'open.py'));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'python', version: 1, text: 'import torch\nm = torch.load(p)\n' } });
  const diags = await h.waitFor(uri, (d) => d.some((x) => x.code === 'unsafe-torch-load'));
  return { uri, diag: diags.find((x) => x.code === 'unsafe-torch-load')! };
}

const docsAction = async (h: Harness, uri: string, diag: Diagnostic) => {
  const actions = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
  return actions.find((a) => a.title.startsWith('Show documentation'));
};

test('a generic client gets "Show documentation" as a server command that opens the bundled page', async () => {
  const h = await start({ showDocument: true });
  const { uri, diag } = await torchDiagnostic(h);
  // The rule link is the bundled page, which exists on disk.
  const href = diag.codeDescription!.href;
  assert.match(href, /^file:.*\/docs\/rules\/unsafe-torch-load\.md$/);
  assert.ok(fs.existsSync(fileURLToPath(href)));
  const action = await docsAction(h, uri, diag);
  assert.equal(action?.command?.command, 'mlsec.server.showRuleDocs');
  const result = (await h.conn.sendRequest('workspace/executeCommand', { command: action!.command!.command, arguments: action!.command!.arguments })) as RuleDocsResult;
  assert.equal(result.ruleId, 'unsafe-torch-load');
  assert.match(result.markdown, /^# unsafe-torch-load: /);
  assert.deepEqual(h.shownDocuments.map((d) => d.uri), [href]);
  // An unknown id or a path-like argument opens nothing.
  assert.equal(await h.conn.sendRequest('workspace/executeCommand', { command: 'mlsec.server.showRuleDocs', arguments: ['../../package'] }), null);
  assert.equal(h.shownDocuments.length, 1);
});

test('without window/showDocument the server command says where the docs are', async () => {
  const h = await start();
  await h.conn.sendRequest('workspace/executeCommand', { command: 'mlsec.server.showRuleDocs', arguments: ['unsafe-torch-load'] });
  for (let i = 0; i < 50 && h.messages.length === 0; i++) await new Promise((r) => setTimeout(r, 20));
  assert.match(h.messages[0]?.message ?? '', /unsafe-torch-load.*docs\/rules\/unsafe-torch-load\.md/);
});

test("mlsec's own client (clientCommands) keeps the client-side Markdown preview command", async () => {
  const h = await start({ initializationOptions: { clientCommands: ['mlsec.showRuleDocs'] } });
  const { uri, diag } = await torchDiagnostic(h);
  assert.equal((await docsAction(h, uri, diag))?.command?.command, 'mlsec.showRuleDocs');
});

test('"Disable <rule> in this workspace" is offered only to clients that implement mlsec.disableRule', async () => {
  const generic = await start();
  const g = await torchDiagnostic(generic);
  const genericTitles = ((await generic.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: g.uri }, range: g.diag.range, context: { diagnostics: [g.diag] } })) as CodeAction[]).map((a) => a.title);
  assert.ok(!genericTitles.some((t) => t.startsWith('Disable')), genericTitles.join(' | '));
  const own = await start({ initializationOptions: { clientCommands: ['mlsec.disableRule'] } });
  const o = await torchDiagnostic(own);
  const actions = (await own.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: o.uri }, range: o.diag.range, context: { diagnostics: [o.diag] } })) as CodeAction[];
  const disable = actions.find((a) => a.title === 'Disable unsafe-torch-load in this workspace');
  assert.deepEqual(disable?.command?.command, 'mlsec.disableRule');
  assert.deepEqual(disable?.command?.arguments, ['unsafe-torch-load']);
});

test('the ignore comment is a snippet with the reason as a tab stop where the client supports snippet edits', async () => {
  const h = await start({ snippetEdits: true });
  const { uri, diag } = await torchDiagnostic(h);
  const actions = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } })) as CodeAction[];
  const ignore = actions.find((a) => a.title === 'Ignore unsafe-torch-load on this line');
  const change = ignore?.edit?.documentChanges?.[0] as { textDocument: { uri: string }; edits: { range: unknown; snippet?: { kind: string; value: string } }[] } | undefined;
  assert.equal(change?.textDocument.uri, uri, JSON.stringify(ignore));
  assert.deepEqual(change.edits[0].snippet, { kind: 'snippet', value: '  # mlsec: ignore[unsafe-torch-load] ${1:reviewed: <why this is safe>}' });
  assert.deepEqual(change.edits[0].range, { start: { line: 1, character: 17 }, end: { line: 1, character: 17 } });
  // Without snippet support: a plain edit with the same text.
  const plain = await start();
  const p = await torchDiagnostic(plain);
  const plainIgnore = ((await plain.conn.sendRequest('textDocument/codeAction', { textDocument: { uri: p.uri }, range: p.diag.range, context: { diagnostics: [p.diag] } })) as CodeAction[]).find((a) => a.title.startsWith('Ignore'));
  assert.equal(plainIgnore?.edit?.changes?.[p.uri][0].newText, '  # mlsec: ignore[unsafe-torch-load] reviewed: <why this is safe>');
});
