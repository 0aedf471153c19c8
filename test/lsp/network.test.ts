// Protocol tests for opt-in lookups: nothing is looked up on open or analysis; a pinning fix looks its value up on codeAction/resolve, under the host policy.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol/node';
import { applyEdits, type Harness, startServer, uriOf } from './harness';

interface Recorded { status: number; headers: Record<string, string>; body: unknown; authorized?: Recorded }
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, '../unit/supply-chain/fixtures/recorded-registry.json'), 'utf8')) as Record<string, Recorded>;
const DIGEST = 'sha256:a6f42b2f7a3e0e2c4c4d1a4f2b0d3e9c1f7b8a6d5e4c3b2a1f0e9d8c7b6a5f4e';

let registry: http.Server;
let base = '';
const hits: string[] = [];
let h: Harness;
let dir: string;
let version = 1;

before(async () => {
  registry = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    let r = recorded[req.url ?? ''];
    if (r?.authorized && req.headers.authorization === 'Bearer anonymous-pull-token') r = r.authorized;
    if (!r) return void res.writeHead(404).end('{}');
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.replace('{base}', base)]));
    res.writeHead(r.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(registry.address() as AddressInfo).port}`;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-net-'));
  // The test-only injection: every endpoint is this local server and only its origin is exempt.
  h = await startServer({ folder: dir, settings: { network: { enabled: true } }, env: { MLSEC_TEST_LOOKUP_ORIGIN: base } });
});
after(async () => {
  await h.stop();
  registry.closeAllConnections();
  registry.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

async function open(name: string, languageId: string, text: string, code: string): Promise<{ uri: string; d: Diagnostic }> {
  const uri = uriOf(path.join(dir, name));
  await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId, version: ++version, text } });
  // Settings are pulled after `initialized`: wait for the diagnostic that carries the lookup fix.
  const wanted = (x: Diagnostic) => x.code === code && (x.data as { fixes: { lookup?: string }[] }).fixes.some((f) => f.lookup);
  const diags = await h.waitFor(uri, (ds) => ds.some(wanted), 10000);
  return { uri, d: diags.find(wanted)! };
}

async function lookupActionFor(uri: string, d: Diagnostic): Promise<CodeAction | undefined> {
  const acts = (await h.conn.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } })) as CodeAction[];
  return acts.find((a) => (a.data as { mlsecLookup?: unknown } | undefined)?.mlsecLookup);
}

const resolve = (a: CodeAction) => h.conn.sendRequest('codeAction/resolve', a) as Promise<CodeAction>;

test('with mlsec.network.enabled, opening and analysing files makes no request; resolving the fix does, and its edit pins the digest', async () => {
  const docker = await open('Dockerfile', 'dockerfile', 'FROM python:3.11-slim\n', 'docker-image-not-pinned');
  const py = await open('m.py', 'python', 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model")\n', 'model-revision-not-pinned');
  await open('requirements.txt', 'pip-requirements', 'numpy\n', 'unpinned-requirement');
  // Past the 250 ms settle pass, so the full analysis ran too.
  await new Promise((r) => setTimeout(r, 600));
  assert.equal(hits.length, 0, 'no lookup on open or analysis');

  const action = await lookupActionFor(docker.uri, docker.d);
  assert.ok(action && !action.edit, `a lookup action without an edit until resolved: ${JSON.stringify(action)}`);
  assert.equal(hits.length, 0, 'offering the action looks nothing up');
  const resolved = await resolve(action);
  assert.equal(applyEdits('FROM python:3.11-slim\n', resolved.edit!.changes![docker.uri]), `FROM python:3.11-slim@${DIGEST}\n`);
  assert.ok(hits.some((u) => u.startsWith('/v2/library/python/manifests/')), JSON.stringify(hits));

  const hub = await resolve((await lookupActionFor(py.uri, py.d))!);
  assert.match(applyEdits('from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model")\n', hub.edit!.changes![py.uri]), /from_pretrained\("org\/model", revision="86b5e0934494bd15c9632b12f734a8a67f723594"\)/);
});

test('resolving a lookup for a host off the allowed list refuses it with a message and no request', async () => {
  const { uri, d } = await open('sub/Dockerfile', 'dockerfile', 'FROM registry.internal.example/team/app:1\n', 'docker-image-not-pinned');
  const before = hits.length;
  const resolved = await resolve((await lookupActionFor(uri, d))!);
  assert.equal(resolved.edit, undefined);
  assert.equal(hits.length, before);
  assert.ok(h.messages.some((m) => /registry\.internal\.example: not a known public registry nor listed in mlsec\.network\.allowedHosts/.test(m.message)), JSON.stringify(h.messages));
});

test('with the setting off, no lookup action is offered, and a stale one resolves to nothing without a request', async () => {
  const { uri, d } = await open('off/Dockerfile', 'dockerfile', 'FROM python:3.12\n', 'docker-image-not-pinned');
  const before = hits.length;
  const stale = (await lookupActionFor(uri, d))!;
  h.settings = { network: { enabled: false } };
  await h.conn.sendNotification('workspace/didChangeConfiguration', { settings: {} });
  const fresh = await h.waitFor(uri, (ds) => ds.some((x) => x.code === 'docker-image-not-pinned' && !(x.data as { fixes: { lookup?: string }[] }).fixes.some((f) => f.lookup)));
  assert.equal(await lookupActionFor(uri, fresh.find((x) => x.code === 'docker-image-not-pinned')!), undefined);
  const resolved = await resolve(stale);
  assert.equal(resolved.edit, undefined);
  assert.equal(hits.length, before);
  assert.ok(h.messages.some((m) => /online lookups are off/.test(m.message)), JSON.stringify(h.messages));
});
