// Threat-model checks and helpers: id table integrity, closest-id suggestions, robustness on odd YAML, entry insertion.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { insertionFor, suggestedMitigation, THREAT_MODEL_SKELETON, threatEntry } from '../../../server/src/plugins/threat-model/add-entry';
import { checkThreatModel } from '../../../server/src/plugins/threat-model/check';
import { closestId, lookupId, THREAT_IDS } from '../../../server/src/plugins/threat-model/ids';
import { engineContext } from '../../helpers/engine';

test('the id table: unique ids, well-formed, complete OWASP lists, every id our cards cite', async () => {
  const ids = THREAT_IDS.map((t) => t.id);
  assert.equal(new Set(ids).size, ids.length);
  for (const t of THREAT_IDS) {
    assert.match(t.id, /^(AML\.[TM]\d{4}(\.\d{3})?|(ML|LLM|ASI)(0[1-9]|10)|CWE-\d+)$/);
    assert.ok(t.name && t.description.endsWith('.'), t.id);
  }
  for (const fam of ['ML', 'LLM', 'ASI']) for (let i = 1; i <= 10; i++) assert.ok(lookupId(`${fam}${String(i).padStart(2, '0')}`), `${fam}${i}`);
  const { registry } = await engineContext();
  for (const c of registry.cards) for (const id of [...c.cwe, ...c.owasp, ...c.atlas]) assert.ok(lookupId(id), `${c.id} cites ${id}: add it with its name to server/src/plugins/threat-model/ids.ts (hover, completion and the generator name every cited id)`);
});

test('closestId normalises case, separators and padding, and gives up beyond two edits', () => {
  assert.equal(closestId('llm1'), 'LLM01');
  assert.equal(closestId('cwe502'), 'CWE-502');
  assert.equal(closestId('AML-T0051'), 'AML.T0051');
  assert.equal(closestId('AML.T0011.00'), 'AML.T0011.000');
  assert.equal(closestId('totally-unrelated'), undefined);
});

test('checkThreatModel never throws and stays quiet on non-threat-model shapes', () => {
  for (const text of ['', '---\n', '[1, 2]\n', 'threats: 3\n', 'threats:\n  - just a string\n', '\t\tbad: [\n', 'a: &x 1\nb: *x\n', 'ids: null\n']) {
    assert.doesNotThrow(() => checkThreatModel(text), JSON.stringify(text));
  }
  assert.deepEqual(checkThreatModel('threats: 3\nids: [ML01]\n'), []);
  assert.deepEqual(checkThreatModel('threats:\n  - id: T1\n    owner: a\n    mitigations: [M]\n'), []);
  // Rules that are off do no work and report nothing.
  assert.deepEqual(checkThreatModel('threats:\n  - id: T1\n', () => false), []);
  // Quoted ids are reported but not rewritten (the fix would drop the quotes).
  const [quoted] = checkThreatModel('ids: ["LLM1"]\n');
  assert.equal(quoted.fixes, undefined);
  const [plain] = checkThreatModel('ids: [LLM1]\n');
  assert.deepEqual(plain.fixes?.[0].edits, [{ range: { start: 6, end: 10 }, newText: 'LLM01' }]);
});

test('threat entries are valid YAML in the skeleton and only flag the missing owner', async () => {
  const { registry } = await engineContext();
  const card = registry.byId.get('unsafe-pickle-load')!;
  const entry = threatEntry(card, { path: 'src/a b.py', line: 3 });
  const ins = insertionFor(THREAT_MODEL_SKELETON, entry);
  const text = THREAT_MODEL_SKELETON.slice(0, ins.start) + ins.text + THREAT_MODEL_SKELETON.slice(ins.end);
  assert.deepEqual(checkThreatModel(text).map((f) => f.ruleId), ['threatmodel-threat-without-owner']);
  assert.match(text, /findings: \["src\/a b\.py:3 unsafe-pickle-load"\]/);
  assert.ok(suggestedMitigation(card).length > 10);
  for (const base of ['threats: []\n', 'threats:\nassets: []\n', 'system: x', 'threats:\n  - id: T0\n    owner: a\n    mitigations: [m]\n# end\n']) {
    const i = insertionFor(base, entry);
    const out = base.slice(0, i.start) + i.text + base.slice(i.end);
    assert.deepEqual(checkThreatModel(out).map((f) => f.ruleId), ['threatmodel-threat-without-owner'], out);
  }
});
