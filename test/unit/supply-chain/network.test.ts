// Opt-in pin lookups against a real HTTP server on 127.0.0.1 serving recorded registry responses (never the internet).
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzePython, analyzeText } from '../../../server/src/engine/analyze';
import { PinResolver, pinResolver, splitImage } from '../../../server/src/plugins/supply-chain/network/pin-resolver';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { applyEdits, engineContext } from '../../helpers/engine';

interface Recorded { status: number; headers: Record<string, string>; body: unknown; authorized?: Recorded }
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'recorded-registry.json'), 'utf8')) as Record<string, Recorded>;
let server: http.Server;
let base = '';
const hits: string[] = [];

before(async () => {
  server = http.createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url?.startsWith('/slow/')) return; // never answers: the client's timeout must end it
    let r = recorded[req.url ?? ''];
    if (r?.authorized && req.headers.authorization === 'Bearer anonymous-pull-token') r = r.authorized;
    if (!r) {
      res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
      return;
    }
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.replace('{base}', base)]));
    res.writeHead(r.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(r.body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => {
  server.closeAllConnections();
  server.close();
});

const endpoints = () => ({ github: base, huggingface: base, pypi: base, registries: { 'docker.io': base } });

test('image references split into registry host, repository and tag', () => {
  assert.deepEqual(splitImage('python:3.11-slim'), { host: 'docker.io', name: 'library/python', tag: '3.11-slim' });
  assert.deepEqual(splitImage('ghcr.io/org/img'), { host: 'ghcr.io', name: 'org/img', tag: 'latest' });
  assert.deepEqual(splitImage('localhost:5000/x:1'), { host: 'localhost:5000', name: 'x', tag: '1' });
});

test('lookups: OCI digest via the bearer-token challenge, Action SHA, PyPI release with hashes, HF commit', async () => {
  const r = new PinResolver(endpoints(), 2000);
  assert.equal(await r.request('image:python:3.11-slim'), 'sha256:a6f42b2f7a3e0e2c4c4d1a4f2b0d3e9c1f7b8a6d5e4c3b2a1f0e9d8c7b6a5f4e');
  assert.equal(await r.request('action:actions/checkout@v4'), '11bd71901bbe5b1630ceea73d27597364c9af683');
  assert.deepEqual(await r.request('pypi:numpy'), { version: '2.1.3', hashes: ['sha256:aa08e04e08aaf974d4458def539dece0d28146d866a39da5639596f4921fd761'] });
  assert.equal(await r.request('hf:models/org/model@main'), '86b5e0934494bd15c9632b12f734a8a67f723594');
  assert.equal(await r.request('action:nobody/nothing@v1'), undefined, 'a 404 is no value, not an error');
});

test('results (including failures) are cached and concurrent requests share one lookup', async () => {
  const r = new PinResolver(endpoints(), 2000);
  const before = hits.length;
  await Promise.all([r.request('action:actions/checkout@v4'), r.request('action:actions/checkout@v4')]);
  await r.request('action:actions/checkout@v4');
  assert.equal(hits.length - before, 1);
  assert.equal(r.peek('action:actions/checkout@v4'), '11bd71901bbe5b1630ceea73d27597364c9af683');
});

test('a server that never answers is cut off by the timeout and yields no value', async () => {
  const r = new PinResolver({ ...endpoints(), github: `${base}/slow` }, 200);
  assert.equal(await r.request('action:a/b@v1'), undefined);
});

test('analysers: off by default (no request); when enabled, the looked-up digest and SHA become fixes that remove the finding', async () => {
  const saved = pinResolver.endpoints;
  pinResolver.endpoints = endpoints();
  try {
    const base0 = await engineContext();
    const before = hits.length;
    analyzeText('Dockerfile', 'FROM python:3.11-slim\n', base0);
    assert.equal(hits.length, before, 'no network access unless mlsec.network.enabled');
    const ctx = { ...base0, settings: { ...DEFAULT_SETTINGS, network: { enabled: true } } };
    const text = 'FROM python:3.11-slim\n';
    const first = analyzeText('Dockerfile', text, ctx);
    assert.equal(first.findings[0].fixes.length, 1, 'only the placeholder until the lookup lands');
    await pinResolver.request('image:python:3.11-slim');
    const second = analyzeText('Dockerfile', text, ctx);
    const fix = second.findings[0].fixes[0];
    assert.match(fix.title, /current digest/);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'FROM python:3.11-slim@sha256:a6f42b2f7a3e0e2c4c4d1a4f2b0d3e9c1f7b8a6d5e4c3b2a1f0e9d8c7b6a5f4e\n');
    assert.deepEqual(analyzeText('Dockerfile', fixed, ctx).findings, []);

    const wf = 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n';
    analyzeText('.github/workflows/ci.yml', wf, ctx);
    await pinResolver.request('action:actions/checkout@v4');
    const w = analyzeText('.github/workflows/ci.yml', wf, ctx);
    const wfFixed = applyEdits(wf, w.findings[0].fixes[0].edits);
    assert.equal(wfFixed, 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4\n');
    assert.deepEqual(analyzeText('.github/workflows/ci.yml', wfFixed, ctx).findings, []);

    analyzeText('requirements.txt', 'numpy\n', ctx);
    await pinResolver.request('pypi:numpy');
    const req = analyzeText('requirements.txt', 'numpy\n', ctx);
    assert.equal(applyEdits('numpy\n', req.findings[0].fixes[0].edits), 'numpy==2.1.3\n');
  } finally {
    pinResolver.endpoints = saved;
  }
});

test('Python: with the resolver enabled, the Hub commit becomes a revision= fix that removes the finding', async () => {
  const saved = pinResolver.endpoints;
  pinResolver.endpoints = endpoints();
  pinResolver.enabled = true;
  try {
    const ctx = await engineContext();
    const text = 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model")\n';
    analyzePython('m.py', text, ctx);
    await pinResolver.request('hf:models/org/model@main');
    const r = analyzePython('m.py', text, ctx);
    const fix = r.findings.find((f) => f.ruleId === 'model-revision-not-pinned')!.fixes[0];
    assert.match(fix.title, /from the Hub/);
    const fixed = applyEdits(text, fix.edits);
    assert.equal(fixed, 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model", revision="86b5e0934494bd15c9632b12f734a8a67f723594")\n');
    assert.deepEqual(analyzePython('m.py', fixed, ctx).findings, []);
  } finally {
    pinResolver.endpoints = saved;
    pinResolver.enabled = false;
  }
});
