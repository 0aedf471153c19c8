// buildSarif as a pure function: model-file regions, secrets never in fingerprints, problems as notifications, off rules.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { FileAnalysis } from '../../../server/src/engine/analyze';
import type { Finding } from '../../../server/src/engine/finding';
import type { Registry } from '../../../server/src/engine/registry';
import type { RuleCard } from '../../../server/src/engine/rule';
import { createSourceFile } from '../../../server/src/engine/source-file';
import { buildSarif } from '../../../server/src/output/sarif';

const card = (id: string, category: RuleCard['category'], target: RuleCard['target'] = 'python'): RuleCard => ({
  id, target, category, title: `${id} title`, message: `${id} message`, severity: 'warning', securitySeverity: 7, precision: 'high',
  cwe: ['CWE-502'], owasp: ['ML06'], atlas: ['AML.T0011.000'], references: ['https://example.org/a'], help: '## Why', file: `${id}.yaml`,
});
const cards = [card('pickle-bad', 'deserialization', 'model'), card('hf-token', 'secrets')];
const registry: Registry = { cards, byId: new Map(cards.map((c) => [c.id, c])), python: new Map() };
const finding = (ruleId: string, start: number, end: number): Finding => ({ ruleId, severity: 'error', message: 'm', range: { start, end }, fixes: [] });

test('model-file results sit on line 1 with the rule index and category', () => {
  const a: FileAnalysis = { file: createSourceFile('/r/models/m.pkl', 'model', ''), findings: [finding('pickle-bad', 0, 0)], problems: [] };
  const run = buildSarif({ registry, root: '/r', analyses: [a] }, { toolVersion: '1.2.3' }).runs[0];
  assert.equal(run.tool.driver.version, '1.2.3');
  assert.deepEqual(run.results?.[0].locations?.[0].physicalLocation, { artifactLocation: { uri: 'models/m.pkl', uriBaseId: '%SRCROOT%' }, region: { startLine: 1 } });
  assert.equal(run.results?.[0].ruleIndex, 0);
  assert.deepEqual(run.tool.driver.rules?.[0].properties, {
    category: 'deserialization', tags: ['deserialization', 'security', 'external/cwe/cwe-502', 'external/owasp/ML06', 'external/atlas/AML.T0011.000'], 'security-severity': '7.0', precision: 'high',
  });
});

test('secrets: the fingerprint does not depend on the secret value', () => {
  const mk = (secret: string): FileAnalysis => {
    const text = `TOKEN = "${secret}"\n`;
    const s = text.indexOf(secret);
    return { file: createSourceFile('/r/a.py', 'python', text), findings: [finding('hf-token', s, s + secret.length)], problems: [] };
  };
  const fp = (a: FileAnalysis) => buildSarif({ registry, root: '/r', analyses: [a] }).runs[0].results?.[0].partialFingerprints;
  assert.deepEqual(fp(mk('hf_aaaaaaaaaaaaaaaaaaaa')), fp(mk('hf_bbbbbbbbbbbbbbbbbbbb')));
});

test('problems become notifications with locations; a failed rule marks the run unsuccessful; off rules are left out', () => {
  const a: FileAnalysis = {
    file: createSourceFile('/r/a.py', 'python', 'x = (\n'),
    findings: [],
    problems: [{ kind: 'parse-error', message: 'syntax error', range: { start: 4, end: 5 } }, { kind: 'rule-error', ruleId: 'hf-token', message: 'rule hf-token failed' }],
  };
  const run = buildSarif({ registry, root: '/r', analyses: [a], extraProblems: [{ kind: 'config-error', message: 'bad key' }], ruleLevels: { 'pickle-bad': 'off' } }).runs[0];
  const notes = run.invocations?.[0].toolExecutionNotifications ?? [];
  assert.deepEqual(notes[0], { level: 'warning', message: { text: 'syntax error' }, descriptor: { id: 'parse-error' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'a.py', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 5, endLine: 1, endColumn: 6 } } }] });
  assert.deepEqual(notes[1].associatedRule, { id: 'hf-token', index: 0 });
  assert.equal(notes[2].message.text, 'bad key');
  assert.equal(run.invocations?.[0].executionSuccessful, false);
  assert.deepEqual(run.tool.driver.rules?.map((r) => r.id), ['hf-token']);
});
