// The rule catalogue's contract: every card loads, has a fixture, complete metadata, a settings entry and current docs.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { parse as parseYaml } from 'yaml';
import { buildRegistry, CardError, contentHash, loadRegistry, parseCard } from '../../server/src/engine/registry';
import { codeRules } from '../../server/src/rules';
import { CATEGORIES } from '../../server/src/shared/categories';

const root = path.join(__dirname, '..', '..');
const registry = loadRegistry(codeRules);
const manifest = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

test('the catalogue loads and every category is one of the six', () => {
  assert.ok(registry.cards.length >= 14);
  for (const c of registry.cards) assert.ok(CATEGORIES.includes(c.category), c.id);
});

test('every card has its fixture', () => {
  for (const c of registry.cards) {
    const dir = path.join(root, 'test', 'rules', c.target);
    if (c.target === 'python') {
      const file = path.join(dir, `${c.id}.py`);
      assert.ok(fs.existsSync(file), `missing fixture test/rules/python/${c.id}.py`);
      assert.match(fs.readFileSync(file, 'utf8'), new RegExp(`# expect: ${c.id}\\b`), `${c.id}.py has no '# expect: ${c.id}' marker`);
    } else {
      const sidecars = fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.startsWith(`${c.id}.`) && f.endsWith('.expect.yaml')) : [];
      assert.ok(sidecars.length > 0, `missing fixture test/rules/${c.target}/${c.id}.<ext> with .expect.yaml`);
    }
  }
});

test('every card has full metadata and help sections', () => {
  for (const c of registry.cards) {
    assert.ok(c.cwe.length && c.owasp.length && c.atlas.length && c.references.length, `${c.id}: ids and references`);
    for (const section of ['## Why is this bad?', '## Fix']) assert.ok(c.help.includes(section), `${c.id}: help lacks '${section}'`);
    assert.ok(c.securitySeverity > 0, `${c.id}: security-severity`);
  }
});

test('every card has a settings entry (mlsec.rules) in package.json', () => {
  const rules = manifest.contributes?.configuration?.properties?.['mlsec.rules']?.properties ?? {};
  for (const c of registry.cards) {
    assert.ok(rules[c.id], `package.json: contributes.configuration mlsec.rules has no entry for ${c.id} (run node scripts/sync-manifest.mjs)`);
    for (const level of ['error', 'warning', 'note', 'off']) assert.ok(rules[c.id].enum?.includes(level), `${c.id}: settings entry lacks level '${level}'`);
  }
  for (const id of Object.keys(rules)) assert.ok(registry.byId.has(id), `package.json lists unknown rule ${id}`);
});

test('rule docs are generated and current', () => {
  const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'gen-rule-docs.mjs'), '--check'], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
});

test('a bad card fails loudly, naming file and field', () => {
  const good = fs.readFileSync(path.join(root, 'rules', 'python', 'unsafe-torch-load.yaml'), 'utf8');
  assert.throws(() => parseCard('rules/python/unsafe-torch-load.yaml', good.replace('category: deserialization', 'category: nonsense')), (e: unknown) => e instanceof CardError && e.field === 'category' && /unsafe-torch-load\.yaml/.test(e.message));
  assert.throws(() => parseCard('rules/python/unsafe-torch-load.yaml', good.replace(/cwe: \[CWE-502\]\n/, '')), (e: unknown) => e instanceof CardError && e.field === 'cwe');
  assert.throws(() => parseCard('rules/python/other-name.yaml', good), (e: unknown) => e instanceof CardError && e.field === 'id');
  assert.throws(() => parseCard('rules/python/unsafe-torch-load.yaml', `${good}\nsurprise: 1\n`), (e: unknown) => e instanceof CardError && e.field === 'surprise');
  const card = parseCard('rules/python/unsafe-torch-load.yaml', good);
  assert.throws(() => buildRegistry([card, card], codeRules.filter((r) => r.id === card.id)), /duplicate id/);
  assert.throws(() => buildRegistry([], codeRules), /has no card/);
});

test('the build ships every card pre-parsed, keyed by its content hash, equal to parsing its YAML', () => {
  const shipped = JSON.parse(fs.readFileSync(path.join(root, 'server', 'out', 'catalogue.json'), 'utf8')) as Record<string, unknown>;
  for (const c of registry.cards) {
    const text = fs.readFileSync(path.join(root, c.file), 'utf8');
    assert.deepEqual(shipped[contentHash(text)], parseYaml(text), `${c.file}: run npm run build`);
  }
});
