// Per-category switches (`categories` in mlsec.yaml / `mlsec.categories`): a category turned off silences its rules, an explicitly listed rule wins.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCategorySwitches, parseSettings } from '../../../server/src/shared/settings';
import { mlsec, TORCH_LOAD, tree } from './helpers';

const CARDS = [
  { id: 'unsafe-torch-load', category: 'deserialization' },
  { id: 'unsafe-pickle-load', category: 'deserialization' },
  { id: 'hardcoded-secret', category: 'secrets' },
];

test('parseSettings reads categories and warns about non-boolean values', () => {
  const { settings, warnings } = parseSettings({ categories: { privacy: false, secrets: 'no' } });
  assert.deepEqual(settings.categories, { privacy: false });
  assert.deepEqual(warnings, ['categories.secrets: expected true or false']);
  assert.deepEqual(parseSettings({ categories: [] }).warnings, ['categories: expected an object of category -> true/false']);
});

test('applyCategorySwitches: off category -> its rules off, unless listed in rules; on/absent changes nothing', () => {
  const { settings } = parseSettings({ categories: { deserialization: false, secrets: true }, rules: { 'unsafe-pickle-load': 'warning' } });
  const applied = applyCategorySwitches(settings, CARDS);
  assert.deepEqual(applied.rules, { 'unsafe-pickle-load': 'warning', 'unsafe-torch-load': 'off' });
  assert.notEqual(applied, settings, 'a new settings object (caches key on it)');
  const none = parseSettings({}).settings;
  assert.equal(applyCategorySwitches(none, CARDS), none);
});

test('mlsec scan honours categories from mlsec.yaml', () => {
  const code = `${TORCH_LOAD}import pickle\nobj = pickle.load(f)\n`;
  const on = mlsec(['scan', '--format', 'json'], tree({ 'train.py': code }));
  const rulesOf = (stdout: string) => (JSON.parse(stdout) as { findings: { ruleId: string }[] }).findings.map((f) => f.ruleId).sort();
  assert.deepEqual(rulesOf(on.stdout), ['unsafe-pickle-load', 'unsafe-torch-load']);
  const dir = tree({ 'train.py': code, 'mlsec.yaml': 'categories:\n  deserialization: false\nrules:\n  unsafe-pickle-load: error\n' });
  const off = mlsec(['scan', '--format', 'json'], dir);
  assert.deepEqual(rulesOf(off.stdout), ['unsafe-pickle-load'], off.stderr);
  assert.doesNotMatch(off.stderr, /unknown key/);
});

test('the text summary counts files with findings and totals per category, most severe first', () => {
  // torch.load (error) and pickle.load (warning) are deserialization; the unpinned requirement a supply-chain warning.
  const dir = tree({ 'a.py': TORCH_LOAD, 'b.py': 'import pickle\nobj = pickle.load(f)\n', 'clean.py': 'x = 1\n', 'requirements.txt': 'requests\n' });
  const r = mlsec(['scan'], dir);
  const summary = r.stdout.slice(r.stdout.indexOf('Found '));
  assert.match(summary, /^Found 3 findings \(1 error, 2 warnings\) in 3 of 4 files\.\n {2}deserialization: 1 error, 1 warning\n {2}supply-chain: {4}1 warning\n$/, r.stdout);
});
