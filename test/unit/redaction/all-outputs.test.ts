// Every output format over every rule fixture (and second copies / neighbours): no secret value the engine finds there is ever printed.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { analyzePath } from '../../../server/src/engine/analyze';
import { locate } from '../../../server/src/output/locate';
import { engineContext } from '../../helpers/engine';
import { startServer, uriOf } from '../../lsp/harness';
import { mlsec } from '../cli/helpers';
import { fakeTokens } from '../secrets/tokens';

const ROOT = path.resolve(__dirname, '../../..');
const FIXTURES = path.join(ROOT, 'test/rules');
// Values shorter than this could occur in a report for other reasons (a word in a rule's help text).
const MIN = 8;

/** One secret the engine finds in the copied fixtures: where (for the failure message) and its value (never printed). */
interface Secret {
  where: string;
  value: string;
}

let dir: string;
let secrets: Secret[] = [];
/** Copied text files with at least one finding, for the editor pass. */
const withFindings: { rel: string; count: number }[] = [];

/** A project the fixtures do not cover: second copies of a value, secrets next to other findings, URL passwords quoted by other rules, short values. */
function neighbours(): Record<string, string> {
  const t = fakeTokens(2026);
  const nb = {
    cells: [{ cell_type: 'code', execution_count: 1, metadata: {}, source: ['import torch\n', `m = torch.load(p); key = "${t.openai}"  # was "${t.openai}"\n`], outputs: [{ output_type: 'stream', name: 'stdout', text: [`${t.github} ${t.github}\n`] }] }],
    metadata: { kernelspec: { language: 'python', name: 'python3', display_name: 'Python 3' } }, nbformat: 4, nbformat_minor: 5,
  };
  return {
    'neighbours/requirements.txt': `--extra-index-url https://deploy:${t.dbPassword}@pypi.internal.example.org/simple\n-i https://ci:${t.password}@mirror.example.org/simple\ntorch==2.6.0\n`,
    'neighbours/.env': `HF_TOKEN=${t.hf}  # copy: ${t.hf}\nDB_PASSWORD=Zq8!xK2m\n`,
    'neighbours/train.py': `import torch\nm = torch.load(p); token = "${t.groq}"; again = "${t.groq}"\nimport pickle; pw = "${t.password}"; d = pickle.loads(b)\n`,
    'neighbours/Dockerfile': `FROM python:3.12\nENV STRIPE_KEY=${t.stripe}\nRUN pip install torch --extra-index-url https://u:${t.dbPassword}@pypi.internal.example.org/simple\n`,
    'neighbours/nb.ipynb': JSON.stringify(nb, null, 1),
  };
}

before(async () => {
  dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'mlsec-redact-all-')));
  fs.cpSync(FIXTURES, dir, { recursive: true });
  for (const [rel, text] of Object.entries(neighbours())) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  // What the engine finds as secrets in each copy, read the way the CLI reads it (by its path).
  const ctx = await engineContext();
  const files: string[] = [];
  const walk = (d: string) => fs.readdirSync(d, { withFileTypes: true }).forEach((e) => (e.isDirectory() ? walk(path.join(d, e.name)) : files.push(path.join(d, e.name))));
  walk(dir);
  const found = new Map<string, Secret>();
  for (const f of files.sort()) {
    const a = await analyzePath(f, ctx);
    const rel = path.relative(dir, f);
    if (a.findings.length > 0 && a.file.target !== 'model') withFindings.push({ rel, count: a.findings.length });
    for (const finding of a.findings) {
      if (ctx.registry.byId.get(finding.ruleId)?.category !== 'secrets') continue;
      const loc = locate(a, finding.range, finding.cell);
      // The value as the file holds it and as the cell holds it (decoded from the notebook's JSON).
      for (const value of [a.file.text.slice(finding.range.start, finding.range.end), loc.lineText.slice(loc.span.start, loc.span.end)]) {
        if (value.length >= MIN && !found.has(value)) found.set(value, { where: `${rel}:${loc.cell ? `cell ${loc.cell.index + 1}:${loc.cell.line}` : loc.line} ${finding.ruleId}`, value });
      }
    }
  }
  secrets = [...found.values()];
});

after(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The secrets `text` holds in full, named by place and length only (a failure never prints a value). */
const leaked = (text: string) => secrets.filter((s) => text.includes(s.value)).map((s) => `${s.where} (${s.value.length} chars)`);

test('the fixtures hold enough secrets for this test to mean something', () => {
  assert.ok(secrets.length >= 40, `${secrets.length} distinct secret values found in the fixtures`);
  assert.ok(secrets.some((s) => s.where.startsWith('neighbours/')), 'the neighbours project is covered');
});

for (const format of ['text', 'json', 'sarif']) {
  test(`mlsec scan --format ${format} over every fixture prints no secret value (stdout and stderr, --verbose)`, () => {
    const r = mlsec(['scan', '.', '--format', format, '--exit-zero', '--no-gitignore', '--verbose'], dir);
    assert.equal(r.code, 0, `exit code (stderr has ${r.stderr.length} chars)`);
    assert.ok(r.stdout.length > 10_000, 'the report is not empty');
    assert.deepEqual(leaked(r.stdout + r.stderr), []);
  });
}

test('mlsec threat-model over every fixture prints no secret value', () => {
  const r = mlsec(['threat-model', '.'], dir);
  assert.equal(r.code, 0, `exit code (stderr has ${r.stderr.length} chars)`);
  assert.deepEqual(leaked(r.stdout + r.stderr), []);
});

test('the language server publishes no secret value for any fixture (messages, fix titles, related text)', async () => {
  const h = await startServer({ folder: dir });
  try {
    const languageOf = (rel: string) => (rel.endsWith('.py') ? 'python' : rel.endsWith('.ipynb') ? 'json' : 'plaintext');
    const shown: string[] = [];
    for (const { rel } of withFindings) {
      const uri = uriOf(path.join(dir, rel));
      await h.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: languageOf(rel), version: 1, text: fs.readFileSync(path.join(dir, rel), 'utf8') } });
    }
    let published = 0;
    for (const { rel } of withFindings) {
      const uri = uriOf(path.join(dir, rel));
      const diags = await h.waitFor(uri, (d) => d.length > 0, 20_000).catch(() => []);
      if (diags.length > 0) published++;
      for (const d of diags) {
        const data = d.data as { fixes?: { title: string }[] } | undefined;
        shown.push(typeof d.message === 'string' ? d.message : JSON.stringify(d.message), ...(data?.fixes ?? []).map((f) => f.title), ...(d.relatedInformation ?? []).map((x) => x.message));
      }
    }
    assert.ok(published >= withFindings.length / 2, `${published} of ${withFindings.length} files published diagnostics`);
    assert.deepEqual(leaked(shown.join('\n')), []);
    assert.deepEqual(leaked(h.stderr.join('')), [], 'nor does the server log');
  } finally {
    await h.stop();
  }
});
