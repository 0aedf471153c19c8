// SARIF through the CLI: valid against the official 2.1.0 schema, rule metadata, notebooks, fingerprints.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type * as Sarif from 'sarif';
import { mlsec, notebook, ROOT, TORCH_LOAD, tree } from './helpers';

const CATEGORIES = ['deserialization', 'secrets', 'supply-chain', 'privacy', 'insecure-config', 'code-execution'];

function validator() {
  const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/@microsoft/jest-sarif/lib/schemas/sarif-2.1.0-rtm.5.json'), 'utf8'));
  // The file declares draft-04 with `id`; its keywords are draft-07 compatible apart from that header.
  delete schema.$schema;
  schema.$id = schema.id;
  delete schema.id;
  // unicodeRegExp off: one pattern in the official file (language tags) is not a valid `u` regex.
  const ajv = new Ajv({ strict: false, allErrors: true, unicodeRegExp: false });
  addFormats(ajv);
  return ajv.compile(schema);
}

function sarifOf(dir: string, args: string[] = []): Sarif.Log {
  const r = mlsec(['scan', '--format', 'sarif', ...args], dir);
  assert.notEqual(r.code, 2, r.stderr);
  return JSON.parse(r.stdout) as Sarif.Log;
}

test('SARIF validates against the 2.1.0 schema and describes every enabled rule', () => {
  const dir = tree({ 'src/a.py': TORCH_LOAD, 'nb.ipynb': notebook(TORCH_LOAD), 'bad.ipynb': '{', 'big.py': TORCH_LOAD.repeat(200) });
  const log = sarifOf(dir, ['--max-file-size-mb', '0.001']);
  const validate = validator();
  assert.ok(validate(log), JSON.stringify(validate.errors, null, 1));
  assert.equal(log.version, '2.1.0');
  assert.equal(log.runs.length, 1);
  const run = log.runs[0];
  const rules = run.tool.driver.rules ?? [];
  assert.equal(run.tool.driver.name, 'mlsec');
  assert.ok(rules.length > 0);
  assert.deepEqual(rules.map((r) => r.id), [...new Set(rules.map((r) => r.id))], 'unique rule ids');
  for (const r of rules) {
    assert.ok(CATEGORIES.includes(r.properties?.category as string), `${r.id} category`);
    const tags = r.properties?.tags ?? [];
    assert.ok(tags.includes('security') && tags.some((t) => /^external\/cwe\/cwe-\d+$/.test(t)), `${r.id} tags`);
    assert.match(String(r.properties?.['security-severity']), /^\d+\.\d$/);
    assert.ok(r.help?.markdown && r.help.text && r.shortDescription?.text && r.fullDescription?.text, r.id);
    assert.equal(r.helpUri, `https://github.com/mlsec-dev/mlsec/blob/main/docs/rules/${r.id}.md`);
    assert.ok(['error', 'warning', 'note'].includes(r.defaultConfiguration?.level as string));
  }
  for (const res of run.results ?? []) {
    assert.equal(rules[res.ruleIndex!].id, res.ruleId, 'ruleIndex points at the rule');
    assert.equal(res.locations?.[0].physicalLocation?.artifactLocation?.uriBaseId, '%SRCROOT%');
    assert.ok(res.partialFingerprints?.['mlsecLineHash/v1']);
  }
  assert.ok(run.originalUriBaseIds?.['%SRCROOT%'].uri?.startsWith('file://'));
  const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
  assert.ok(notes.some((n) => n.descriptor?.id === 'parse-error' && n.locations?.[0].physicalLocation?.artifactLocation?.uri === 'bad.ipynb'));
  assert.ok(notes.some((n) => n.descriptor?.id === 'skipped' && n.locations?.[0].physicalLocation?.artifactLocation?.uri === 'big.py'));
  assert.equal(run.invocations?.[0].executionSuccessful, true);
});

test('SARIF results: relative URI, 1-based region, fixes, notebook cell properties', () => {
  const dir = tree({ 'src/a.py': TORCH_LOAD, 'nb.ipynb': notebook(TORCH_LOAD) });
  const results = sarifOf(dir).runs[0].results ?? [];
  const py = results.find((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'src/a.py');
  assert.ok(py);
  assert.equal(py.ruleId, 'unsafe-torch-load');
  assert.equal(py.level, 'error');
  assert.deepEqual(py.locations?.[0].physicalLocation?.region, { startLine: 2, startColumn: 9, endLine: 2, endColumn: 22 });
  const replacement = py.fixes?.[0].artifactChanges[0].replacements[0];
  assert.deepEqual(replacement, { deletedRegion: { startLine: 2, startColumn: 21, endLine: 2, endColumn: 21 }, insertedContent: { text: ', weights_only=True' } });
  const nb = results.find((r) => r.locations?.[0].physicalLocation?.artifactLocation?.uri === 'nb.ipynb');
  assert.ok(nb);
  assert.equal(nb.properties?.cell, 1);
  assert.equal(nb.properties?.cellPart, 'source');
  assert.equal(nb.properties?.cellLine, 2);
  assert.equal(JSON.stringify(nb).includes('torch.load(p)'), false, 'no source text embedded');
});

test('SARIF fingerprints are stable when lines move and rules set off are not listed', () => {
  const a = sarifOf(tree({ 'a.py': TORCH_LOAD }));
  const b = sarifOf(tree({ 'a.py': `# a comment\n\n${TORCH_LOAD}`, 'mlsec.yaml': 'rules: { unsafe-pickle-load: "off" }\n' }));
  const fp = (log: Sarif.Log) => log.runs[0].results?.[0].partialFingerprints;
  assert.deepEqual(fp(a), fp(b));
  assert.ok(a.runs[0].tool.driver.rules?.some((r) => r.id === 'unsafe-pickle-load'));
  assert.ok(!b.runs[0].tool.driver.rules?.some((r) => r.id === 'unsafe-pickle-load'));
});
