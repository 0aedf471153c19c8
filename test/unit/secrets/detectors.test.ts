// Every provider format and the generic detector: positives, look-alikes and placeholders (assertion messages never show a value).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzePython } from '../../../server/src/engine/analyze';
import { base62, crc32, validTokenChecksum } from '../../../server/src/plugins/secrets/checksum';
import { secretMessage, secretProperties } from '../../../server/src/plugins/secrets/message';
import { looksLikeCredential } from '../../../server/src/plugins/secrets/generic';
import { redact } from '../../../server/src/plugins/secrets/redact';
import { scanText } from '../../../server/src/plugins/secrets/scan';
import { engineContext } from '../../helpers/engine';
import { fakeTokens, randomString } from './tokens';

let seed = 7;
const next = () => {
  seed = (seed * 16807) % 2147483647;
  return seed / 2147483647;
};
const r = (n: number, cs?: string) => randomString(next, n, cs);
const HEX = '0123456789abcdef';

/** Token body → GitHub-style token with a valid CRC32 checksum. */
function withChecksum(prefix: string): string {
  const body = r(30, '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz');
  return `${prefix}${body}${base62(crc32(body), 6)}`;
}

const POSITIVE: [string, string][] = [
  ['huggingface', `hf_${r(34)}`], ['huggingface-org', `api_org_${r(34)}`], ['openai', `sk-proj-${r(80)}`], ['openai', `sk-svcacct-${r(60)}`],
  ['openai', `sk-admin-${r(60)}`], ['openai', `sk-${r(20)}T3BlbkFJ${r(20)}`], ['anthropic', `sk-ant-api03-${r(93)}AA`], ['anthropic-admin', `sk-ant-admin01-${r(93)}AA`],
  ['groq', `gsk_${r(52)}`], ['replicate', `r8_${r(37)}`], ['perplexity', `pplx-${r(48)}`], ['together', `tgp_v1_${r(43)}`], ['databricks', `dapi${r(32, HEX)}`],
  ['aws-access-key-id', `AKIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`], ['aws-access-key-id', `ASIA${r(16, 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567')}`],
  ['gcp-api-key', `AIza${r(35)}`], ['github', withChecksum('ghp_')], ['github', withChecksum('ghs_')], ['github-fine-grained', `github_pat_${r(22)}_${r(59)}`],
  ['gitlab', `glpat-${r(20)}`], ['slack', `xoxb-${r(12, '0123456789')}-${r(13, '0123456789')}-${r(24)}`], ['stripe', `sk_live_${r(24)}`], ['stripe', `rk_test_${r(24)}`],
  ['twilio', `SK${r(32, HEX)}`], ['sendgrid', `SG.${r(22)}.${r(43)}`], ['npm', withChecksum('npm_')], ['pypi', `pypi-AgEIcHlwaS5vcmc${r(70)}`], ['dockerhub', `dckr_pat_${r(27)}`],
  ['jwt', `eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0In0.${r(43)}`], ['hashicorp-vault', `hvs.${r(90)}`],
  ['openrouter', `sk-or-v1-${r(64, HEX)}`], ['fireworks', `fw_${r(24)}`], ['cerebras', `csk-${r(48, 'abcdefghijkmnopqrstuvwxyz23456789')}`], ['elevenlabs', `sk_${r(48, HEX)}`],
  ['google-oauth', `GOCSPX-${r(28)}`], ['google-oauth', `ya29.${r(120)}`], ['discord-webhook', `https://discord.com/api/webhooks/${r(18, '0123456789')}/${r(68)}`],
  ['telegram', `${r(10, '0123456789')}:AA${r(33)}`], ['mailgun', `key-${r(32, HEX)}`], ['1password', `ops_eyJ${r(200)}`], ['figma', `figd_${r(40)}`], ['slack-webhook', `https://hooks.slack.com/services/T${r(8, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}/B${r(10, 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789')}/${r(24)}`],
];

test('every provider format is found alone, in quotes and in an assignment', () => {
  for (const [provider, token] of POSITIVE) {
    for (const text of [token, `x = "${token}"`, `TOKEN=${token}\n`]) {
      const hits = scanText(text, {});
      assert.equal(hits.length, 1, `${provider}: expected one hit for ${redact(token)} in a ${text.length}-char text, got ${hits.length}`);
      assert.equal(hits[0].provider, provider, `${provider}: detected as ${hits[0].provider}`);
      assert.equal(text.slice(hits[0].start, hits[0].end), token, `${provider}: the range covers exactly the token`);
    }
  }
});

test('look-alikes and placeholders of provider formats are not secrets', () => {
  const negatives = [
    'hf_xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx', 'sk-...', 'sk-proj-YOUR_KEY_HERE', 'AKIAIOSFODNN7EXAMPLE', 'ghp_000000000000000000000000000000000000',
    `hf_${r(10)}`, 'sk_live_placeholderplaceholder1234', 'sk-ant-api03-your-key', '<ANTHROPIC_API_KEY>', 'eyJhbGciOiJIUzI1NiJ9', 'dapi' + 'x'.repeat(32),
    'AKIA1234567890ABCDEF', 'hf_abcdefghijklmnopqrstuvwxyzABCDEFGH', 'sk_test_4eC39HqLyjWDarjtT1zdp7dc',
    'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4gRG9lIiwiaWF0IjoxNTE2MjM5MDIyfQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c',
  ];
  for (const text of negatives) assert.deepEqual(scanText(`key = "${text}"`, { python: true }).map((h) => h.provider), [], `look-alike ${redact(text)} must not be reported`);
});

test('GitHub and npm checksums are validated and reported', () => {
  const good = withChecksum('ghp_');
  assert.equal(validTokenChecksum(good), true);
  const bad = good.slice(0, -1) + (good.endsWith('A') ? 'B' : 'A');
  assert.equal(validTokenChecksum(bad), false);
  assert.equal(scanText(good)[0].checksum, 'valid');
  assert.equal(scanText(bad)[0].checksum, 'invalid');
});

const GENERIC_POSITIVE = [
  `api_key = "${r(32)}"`, `self.secret = '${r(24)}'`, `dbPassword = "${r(12)}9!"`, `config["auth_token"] = "${r(30)}"`, `{"client_secret": "${r(40)}"}`,
  `wandb.login(key="${r(40, HEX)}")`, `requests.get(u, headers={"Authorization": "Bearer ${r(40)}"})`, `os.environ["MISTRAL_API_KEY"] = "${r(32)}"`,
  `os.environ.setdefault("COHERE_API_KEY", "${r(40)}")`, `co = cohere.Client("${r(40)}")`, `requests.get(u, auth=("admin", "${r(10)}9!"))`, `smtp.login(SMTP_USER, "${r(10)}9!")`, `def f(password="${r(10)}7#"): pass`, `SECRET_KEY: str = "${r(50)}"`,
];
const GENERIC_NEGATIVE = [
  'api_key = "YOUR_API_KEY"', 'token = "<token>"', 'password = "changeme"', 'password = "password"', 'secret = "xxx"', 'api_key = os.environ["API_KEY"]',
  'api_key = os.getenv("API_KEY")', 'token = get_secret("hf-token")', 'api_key = "${API_KEY}"', 'token = "{{ secrets.HF_TOKEN }}"', 'password = f"{user_pw}"',
  `commit_sha = "${r(40, HEX)}"`, `model_sha256 = "${r(64, HEX)}"`, 'request_id = "123e4567-e89b-12d3-a456-426614174000"', 'token_id = 50256', 'max_tokens = 1024',
  'tokenizer = "bert-base-uncased"', 'pad_token = "<pad>"', 'api_key_env = "OPENAI_API_KEY"', 'secret_name = "prod/db/password"', 'password_file = "/run/secrets/db"',
  'api_version = "2024-02-01"', 'token = tokenizer.encode(text)', 'key = "image"', 'key = lambda x: x[1]', 'public_key = "ssh-ed25519 AAAAC3Nza"',
  'password = input("Password: ")', 'server.login(user, password)', 'auth=(user, os.environ["PW"])', 'password: !vault |', 'password: ENC[AES256_GCM,data:Tr0ub4dor,iv:abc,tag:def,type:str]', 'password = getpass.getpass()', 'if password == "":', `api_key = "test-key-123"`, `sk = "sk-test"`,
  `digest = "sha256:${r(64, HEX)}"`, 'AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"', 'token = "dummy-token-for-tests"',
];

test('credential-named literals are found; placeholders, references, digests and ids are not', () => {
  for (const text of GENERIC_POSITIVE) assert.equal(scanText(text, { python: true }).length, 1, `expected a hit in a ${text.length}-char assignment to ${text.split(/[ =(:[]/)[0]}`);
  // Lists of names and regex/format strings next to credential-like names.
  GENERIC_NEGATIVE.push("{'ACAccountCredential', 'NIDiscoveryToken', 'TKSmartCardToken'}", '_core_token = r"(?:(?:\\s)+|[a-z]+)"', 'key = r"{}\\{:08X}"');
  for (const text of GENERIC_NEGATIVE) assert.deepEqual(scanText(text, { python: true }).map((h) => h.provider), [], `unexpected hit in: ${text.length > 60 ? redact(text) : text}`);
});

test('structured secrets: PEM keys, URL passwords, Azure keys and SAS signatures', () => {
  const t = fakeTokens(3);
  assert.equal(scanText(`KEY = """${t.pem}"""`)[0]?.provider, 'private-key');
  assert.equal(scanText(JSON.stringify({ type: 'service_account', private_key: t.pem }))[0]?.provider, 'gcp-service-account');
  assert.equal(scanText('-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----').length, 0, 'a stub PEM is documentation');
  for (const scheme of ['postgresql', 'mysql', 'mongodb+srv', 'redis', 'amqp']) assert.equal(scanText(`u = "${scheme}://svc:${t.dbPassword}@h:1/x"`)[0]?.provider, 'database-url', scheme);
  assert.equal(scanText(`https://bot:${t.dbPassword}@git.example.org/x.git`)[0]?.provider, 'url-credentials');
  for (const url of ['postgresql://user:password@localhost/db', 'redis://:${REDIS_PASSWORD}@h:6379', 'mysql://u:<password>@h/db', 'https://user:pass@example.com', 'http://localhost:8080@x', 'uri://foo:bar@example.com:1/path']) {
    assert.equal(scanText(url).length, 0, `no hit in ${url}`);
  }
  assert.equal(scanText(`DefaultEndpointsProtocol=https;AccountName=a;AccountKey=${r(86)}==;EndpointSuffix=core.windows.net`)[0]?.provider, 'azure-connection-string');
  assert.equal(scanText(`https://a.blob.core.windows.net/c?sv=2022-11-02&sp=r&sig=${r(43)}%3D`)[0]?.provider, 'azure-sas');
});

test('redaction shows a short prefix and the length only', () => {
  assert.equal(redact('hf_AbCdEfGhIjKlMnOpQrStUvWxYz12345678'), 'hf_A…(37 chars)');
  assert.equal(redact('hunter2!x'), '…(9 chars)');
  assert.equal(redact('Tr0ub4dor&3x'), '…(12 chars)');
});

test('hostile input: long runs and odd characters finish quickly without throwing', () => {
  const texts = ['a'.repeat(200000), `password=${'x='.repeat(50000)}`, '-----BEGIN PRIVATE KEY-----'.repeat(2000), 'postgres://'.repeat(20000), `"${'\\'.repeat(100000)}`];
  for (const text of texts) assert.ok(Array.isArray(scanText(text, {})));
});

test('bearer tokens in headers of shell lines and raw HTTP text', () => {
  assert.equal(scanText(`curl -H "Authorization: Bearer ${r(32)}" https://api.example.com`, {}).length, 1);
  assert.equal(scanText(`Authorization: Bearer ${r(32)}\n`, {}).length, 1);
  assert.equal(scanText('Authorization: Bearer ${TOKEN}\n', {}).length, 0);
});

test('config values that are references, tags, encrypted or defaults are not secrets', () => {
  const lines = [
    'password: !vault |', 'password: ENC[AES256_GCM,data:Tr0ub4dor,iv:abc,tag:def,type:str]', 'POSTGRES_PASSWORD: postgres', 'password = %(DB_PASS)s',
    'password = var.db_password', 'token: ${{ secrets.HF_TOKEN }}', 'API_KEY=', 'api_key: null', 'ENABLE_TOKEN_AUTH=true', 'TOKENIZERS_PARALLELISM=false',
    'SECRET_NAME=prod/db', 'HF_HOME=/data/hf', 'password = random_password.db.result', `revision: ${r(40, HEX)}`,
  ];
  for (const line of lines) assert.deepEqual(scanText(line, {}).map((h) => h.provider), [], `unexpected hit in: ${line}`);
});

test('docstring examples with credential names are documentation; provider tokens in docstrings are still reported', async () => {
  const ctx = await engineContext();
  const hf = fakeTokens(13).hf;
  const text = `def auth():\n    """Example:\n\n    >>> login(password='geheim$parole9')\n    >>> login(token="${hf}")\n    """\n`;
  const found = analyzePython('doc.py', text, ctx).findings.filter((f) => f.ruleId === 'hardcoded-secret');
  assert.deepEqual(found.map((f) => f.properties?.provider), ['huggingface']);
});

test('a token used as a key name is never printed in the message', () => {
  const token = `ghp_${r(36)}`;
  const text = `${token}_secret: ${r(30)}\n`;
  for (const hit of scanText(text, {})) {
    const value = text.slice(hit.start, hit.end);
    assert.ok(!secretMessage(hit, value, 'config').includes(token.slice(4)), 'message holds the token');
    assert.ok(!JSON.stringify(secretProperties(hit, value)).includes(token.slice(4)), 'properties hold the token');
  }
});

test('weakly named keys: setting names, object keys and PascalCase fields are names, random values are still keys', () => {
  for (const v of ['fs.s3.enableServerSideEncryption2', 'exports/2024-06-01/model-v12.tar.gz', 'S3AccessPointAttachments2', 'Ipv6CidrBlockAssociationSet2']) {
    assert.equal(looksLikeCredential(v, 'weak-key'), false, `name-like value #${v.length}`);
  }
  assert.equal(looksLikeCredential('Xk9mPq2LwZr8Tn4VbYc7Hd3F', 'weak-key'), true);
});
